#!/usr/bin/env bash
# Runs the workloads of docs/design.md, Benchmark workloads and targets, in Go 1.19, GoSharp and
# idiomatic .NET (Task + System.Threading.Channels) side by side, at GOMAXPROCS 1 and 2, and prints
# wall times and ratios.
#
#   bench/compare/compare.sh                 # every workload
#   bench/compare/compare.sh pingpong ring   # some of them
#
# Installs Go 1.19 from Debian's packages if it is missing. Each run is one process; the figure is the
# time the program measured around the workload (process start-up excluded), the median of RUNS (default 5),
# and the median CPU seconds (user + system) the whole process used.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
runs="${RUNS:-5}"
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(skynet pingpong ring sieve spawn-park workers)

GO=/usr/lib/go-1.19/bin/go
if [ ! -x "$GO" ]; then
  echo "installing golang-1.19-go..." >&2
  (apt-get update -qq && apt-get install -y -qq golang-1.19-go) >&2
fi

mkdir -p "$out"
(cd "$here/go" && GOCACHE="$out/gocache" GOFLAGS=-mod=mod "$GO" build -o "$out/go-workloads" .)
dotnet publish "$here/tasks" -c Release -o "$out/tasks" --nologo -v q >&2
dotnet publish "$here/gosharp" -c Release -o "$out/gosharp" --nologo -v q >&2

# median <command...>: runs it $runs times, prints "seconds extra cpu": the median of the time the program
# measured, that run's extra figure, and the median CPU seconds (user + system) of the process.
median() {
  local rows="" t x cpu TIMEFORMAT='%U %S'
  for _ in $(seq 1 "$runs"); do
    { time timeout 600 "$@" >"$out/run.out"; } 2>"$out/run.err" || { echo "failed - -"; return; }
    cpu=$(tail -n 1 "$out/run.err" | awk '{printf "%.2f", $1 + $2}')
    t=$(tail -n 1 "$out/run.out" | awk '{print $3}')
    x=$(tail -n 1 "$out/run.out" | awk '{print ($4 == "" ? "-" : $4)}')
    [ -n "$t" ] || { echo "failed - -"; return; }
    rows+="$t $x $cpu"$'\n'
  done
  local n; n=$(printf '%s' "$rows" | grep -c .)
  local mid=$(( (n + 1) / 2 ))
  local tx; tx=$(printf '%s' "$rows" | sort -g -k1,1 | sed -n "${mid}p" | awk '{print $1, $2}')
  local c; c=$(printf '%s' "$rows" | sort -g -k3,3 | sed -n "${mid}p" | awk '{print $3}')
  echo "$tx $c"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 > 0 && a+0 > 0) printf "%.2f", a/b; else printf "-" }'; }

printf '%-11s %5s %9s %9s %9s %11s %14s %17s  %s\n' workload procs go gosharp tasks gosharp/go gosharp/tasks "cpu s go/gs/tasks" "memory per goroutine (go / gosharp / tasks)"
for procs in 1 2; do
  for w in "${workloads[@]}"; do
    read -r tg xg cg < <(GOMAXPROCS=$procs median "$out/go-workloads" "$w")
    read -r ts xs cs < <(GOMAXPROCS=$procs median dotnet "$out/gosharp/Workloads.GoSharp.dll" "$w")
    read -r tt xt ct < <(DOTNET_PROCESSOR_COUNT=$procs median dotnet "$out/tasks/Workloads.Tasks.dll" "$w")
    mem=""
    [ "$w" = spawn-park ] && mem="${xg#*=} / ${xs#*=} / ${xt#*=} bytes"
    printf '%-11s %5s %9s %9s %9s %11s %14s %17s  %s\n' "$w" "$procs" "$tg" "$ts" "$tt" "$(ratio "$ts" "$tg")" "$(ratio "$ts" "$tt")" "$cg/$cs/$ct" "$mem"
  done
done
