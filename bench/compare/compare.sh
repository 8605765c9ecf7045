#!/usr/bin/env bash
# Runs the workloads of docs/design.md, Benchmark workloads and targets, in Go 1.19, GoSharp and
# idiomatic .NET (Task + System.Threading.Channels) side by side, at GOMAXPROCS 1 and 2, and prints
# wall times and ratios.
#
#   bench/compare/compare.sh                 # every workload
#   bench/compare/compare.sh pingpong ring   # some of them
#
# Installs Go 1.19 from Debian's packages if it is missing. Each run is one process; the figure is the
# time the program measured around the workload (process start-up excluded), best of RUNS (default 3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
runs="${RUNS:-3}"
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

# best <command...>: runs it $runs times, prints "seconds extra" of the fastest run.
best() {
  local bestt="" bestx="" line t x
  for _ in $(seq 1 "$runs"); do
    line=$(timeout 600 "$@" | tail -n 1) || { echo "failed -"; return; }
    t=$(echo "$line" | awk '{print $3}')
    x=$(echo "$line" | awk '{print $4}')
    if [ -z "$bestt" ] || awk -v a="$t" -v b="$bestt" 'BEGIN{exit !(a<b)}'; then bestt=$t; bestx=$x; fi
  done
  echo "$bestt $bestx"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 > 0 && a+0 > 0) printf "%.2f", a/b; else printf "-" }'; }

printf '%-11s %5s %9s %9s %9s %12s %15s  %s\n' workload procs go gosharp tasks gosharp/go gosharp/tasks "memory per goroutine (go / gosharp / tasks)"
for procs in 1 2; do
  for w in "${workloads[@]}"; do
    read -r tg xg < <(GOMAXPROCS=$procs best "$out/go-workloads" "$w")
    read -r ts xs < <(GOMAXPROCS=$procs best dotnet "$out/gosharp/Workloads.GoSharp.dll" "$w")
    read -r tt xt < <(DOTNET_PROCESSOR_COUNT=$procs best dotnet "$out/tasks/Workloads.Tasks.dll" "$w")
    mem=""
    [ "$w" = spawn-park ] && mem="${xg#*=} / ${xs#*=} / ${xt#*=} bytes"
    printf '%-11s %5s %9s %9s %9s %12s %15s  %s\n' "$w" "$procs" "$tg" "$ts" "$tt" "$(ratio "$ts" "$tg")" "$(ratio "$ts" "$tt")" "$mem"
  done
done
