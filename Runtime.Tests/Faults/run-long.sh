#!/usr/bin/env bash
# Long mode of the runtime fault suite (Runtime.Tests/Faults): runs it K times for each GOMAXPROCS in {1,2,4}
# with every round count and size multiplied by ROUNDS, and prints pass/fail counts.
#
#   Runtime.Tests/Faults/run-long.sh [K=5] [ROUNDS=10]
#
# Build first: dotnet build Runtime.Tests -c Release
# GOSHARP_FAULTS_ROUNDS multiplies rounds/sizes (10 => 1,000,000 goroutines in the free-G test);
# GOSHARP_FAULTS_PROCS pins every test's P count to the GOMAXPROCS of the run.
# GOSHARP_FAULTS_FILTER replaces the dotnet test filter (default: every test under Runtime.Tests/Faults).
set -u
K=${1:-5}
ROUNDS=${2:-10}
cd "$(dirname "$0")/../.." || exit 2
FILTER="${GOSHARP_FAULTS_FILTER:-FullyQualifiedName~GoSharp.Runtime.Tests.Faults}"
# The built test assembly is run directly: `dotnet test <project>` would evaluate the project each time.
DLL=Runtime.Tests/bin/Release/net10.0/GoSharp.Runtime.Tests.dll
[[ -f $DLL ]] || { echo "build first: dotnet build Runtime.Tests -c Release" >&2; exit 2; }
LOG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gosharp-faults.XXXXXX")
total_runs=0; failed_runs=0
declare -A fails=()
for P in 1 2 4; do
  for ((i = 1; i <= K; i++)); do
    log="$LOG_DIR/procs$P-run$i.log"
    GOMAXPROCS=$P GOSHARP_FAULTS_PROCS=$P GOSHARP_FAULTS_ROUNDS=$ROUNDS \
      dotnet test "$DLL" --filter "$FILTER" >"$log" 2>&1
    rc=$?
    total_runs=$((total_runs + 1))
    summary=$(grep -E '^(Passed|Failed)!' "$log" | tail -1)
    grep -q 'Test Run Aborted' "$log" && summary="ABORTED (test host crashed) $summary"
    if [[ $rc -eq 0 ]]; then
      echo "GOMAXPROCS=$P run $i/$K: PASS  ${summary}"
    else
      failed_runs=$((failed_runs + 1))
      echo "GOMAXPROCS=$P run $i/$K: FAIL (rc $rc)  ${summary}  log: $log"
      while IFS= read -r t; do
        fails["$t"]=$(( ${fails["$t"]:-0} + 1 ))
      done < <(grep -E '^\s+Failed GoSharp\.Runtime\.Tests\.Faults\.' "$log" | sed -E 's/^\s+Failed //; s/ \[[^]]*\]\s*$//' | sort -u)
    fi
  done
done
echo
echo "runs: $total_runs, passed: $((total_runs - failed_runs)), failed: $failed_runs (ROUNDS=$ROUNDS, K=$K per GOMAXPROCS)"
if ((${#fails[@]} > 0)); then
  echo "failing tests (runs failed):"
  for t in "${!fails[@]}"; do echo "  ${fails[$t]}  $t"; done | sort -rn
fi
echo "logs: $LOG_DIR"
[[ $failed_runs -eq 0 ]]
