#!/usr/bin/env bash
# Runs the workloads built by build.sh, Go / GoSharp / Task+Channels alternating, and prints for each
# workload, GOMAXPROCS and JIT setting the median wall time each program measured around its workload
# (process start-up excluded), the median CPU seconds (user + system) of each process, and the ratios.
# Needs no SDK: copy out/<mode> (and this script) to the machine that runs it.
#
#   bench/compare/run.sh [workload...]        (default: all twelve; "-alt" are the second shapes)
#
#   OUT=bench/compare/out/sc   the build to run (default: out/fd beside this script)
#   PROCS="1 2 4 8 16"         GOMAXPROCS values, or "all": 1, 2, 4, ... up to the machine's cores (default "1 2")
#   RUNS=5                     repetitions of each program; medians over them (default 5, at least 3 advised)
#   JITS="default tuned"       .NET JIT settings: default (tiered, as users run it: for GoSharp with the package's
#                              runtimeconfig setting, tier-up without the call-counting delay), tuned
#                              (DOTNET_TieredCompilation=0, full optimisation at once), and also "delay" (the
#                              runtime's own 100 ms call-counting delay, which the package turns off for GoSharp
#                              programs; the Task program always runs with it); ignored for aot builds;
#                              and two GC modes with the default JIT: "nonconc" (DOTNET_gcConcurrent=0: no
#                              background GC, a larger gen0 budget) and "server" (DOTNET_gcServer=1)
#   TASKS=0                    skip the Task+Channels program (its columns show "-"), for quicker iterations
#   BASE=bench/compare/out/before  a second build whose GoSharp program runs in the same loop, alternating
#                              with the others (before/after on one noisy machine): adds its wall and CPU
#                              columns and the after/before CPU ratio
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT:-$here/out/fd}"
runs="${RUNS:-5}"
jits="${JITS:-default tuned}"
[ "$(cat "$out/mode" 2>/dev/null)" = aot ] && jits=aot
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(skynet pingpong ring sieve spawn-park workers skynet-alt pingpong-alt ring-alt sieve-alt workers-alt)
procs="${PROCS:-1 2}"
base="${BASE:-}"
if [ "$procs" = all ]; then
  procs=""
  for ((p = 1; p <= $(nproc); p *= 2)); do procs+="$p "; done
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# once <file> <command...>: runs it, appends "seconds extra cpu" to <file> (or "fail - -").
once() {
  local file="$1"; shift
  local TIMEFORMAT='%U %S'
  if { time timeout 600 "$@" >"$tmp/out"; } 2>"$tmp/err"; then
    local cpu t x
    cpu=$(tail -n 1 "$tmp/err" | awk '{printf "%.2f", $1 + $2}')
    t=$(tail -n 1 "$tmp/out" | awk '{print $3}')
    x=$(tail -n 1 "$tmp/out" | awk '{print ($4 == "" ? "-" : $4)}')
    echo "${t:-fail} $x $cpu" >>"$file"
  else
    echo "fail - -" >>"$file"
  fi
}

# jitenv <jit>: the environment of a .NET program for that JIT setting (DOTNET_ numbers are hexadecimal: 0x64 = 100 ms).
jitenv() {
  case "$1" in
    tuned) export DOTNET_TieredCompilation=0 ;;
    delay) export DOTNET_TC_CallCountingDelayMs=64 ;;
    # The GC's modes, with the default JIT (docs/performance-compare.md, The GC's gen0 budget): the workstation GC
    # without background collections, and the server GC (as ASP.NET Core apps run it).
    nonconc) export DOTNET_gcConcurrent=0 ;;
    server) export DOTNET_gcServer=1 ;;
  esac
}

# median <file>: "seconds extra cpu": the median time (and that run's extra figure), the median CPU seconds.
median() {
  if [ ! -s "$1" ]; then echo "- - -"; return; fi
  if grep -q '^fail' "$1"; then echo "fail - -"; return; fi
  local n mid
  n=$(wc -l <"$1"); mid=$(( (n + 1) / 2 ))
  echo "$(sort -g -k1,1 "$1" | sed -n "${mid}p" | awk '{print $1, $2}') $(sort -g -k3,3 "$1" | sed -n "${mid}p" | awk '{print $3}')"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 > 0 && a+0 > 0) printf "%.2f", a/b; else printf "-" }'; }

echo "# $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'); build $(cat "$out/mode"); median of $runs; $(date -u +%Y-%m-%dT%H:%MZ)"
basehead=""
[ -n "$base" ] && basehead="$(printf '%8s %7s %7s' gs-base cpu-gsb cpu-gs/gsb)"
printf '%-13s %5s %-7s %8s %8s %8s %7s %7s %7s %7s %7s %7s %s %s\n' workload procs jit go gosharp tasks gs/go gs/task cpu-go cpu-gs cpu-tsk cpu-gs/go "$basehead" " memory per goroutine (go / gosharp / tasks)"
for w in "${workloads[@]}"; do
  for p in $procs; do
    for jit in $jits; do
      : >"$tmp/go"; : >"$tmp/gs"; : >"$tmp/tk"; : >"$tmp/gb"
      for _ in $(seq 1 "$runs"); do
        (export GOMAXPROCS=$p; once "$tmp/go" "$out/go-workloads" "$w")
        (export GOMAXPROCS=$p; jitenv "$jit"; once "$tmp/gs" "$out/gosharp/Workloads.GoSharp" "$w")
        [ -z "$base" ] || (export GOMAXPROCS=$p; jitenv "$jit"; once "$tmp/gb" "$base/gosharp/Workloads.GoSharp" "$w")
        [ "${TASKS:-1}" = 0 ] || (export DOTNET_PROCESSOR_COUNT=$p; jitenv "$jit"; once "$tmp/tk" "$out/tasks/Workloads.Tasks" "$w")
      done
      read -r tg xg cg < <(median "$tmp/go")
      read -r ts xs cs < <(median "$tmp/gs")
      read -r tt xt ct < <(median "$tmp/tk")
      basecols=""
      if [ -n "$base" ]; then
        read -r tb xb cb < <(median "$tmp/gb")
        basecols="$(printf '%8s %7s %7s' "$tb" "$cb" "$(ratio "$cs" "$cb")")"
      fi
      mem=""
      [ "${w%-alt}" = spawn-park ] && mem="${xg#*=} / ${xs#*=} / ${xt#*=} bytes"
      printf '%-13s %5s %-7s %8s %8s %8s %7s %7s %7s %7s %7s %7s %s  %s\n' "$w" "$p" "$jit" "$tg" "$ts" "$tt" \
        "$(ratio "$ts" "$tg")" "$(ratio "$ts" "$tt")" "$cg" "$cs" "$ct" "$(ratio "$cs" "$cg")" "$basecols" "$mem"
    done
  done
done
