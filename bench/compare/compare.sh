#!/usr/bin/env bash
# Builds (build.sh) and runs (run.sh) the workloads of docs/design.md, Benchmark workloads and targets,
# in Go 1.19, GoSharp and idiomatic .NET (Task + System.Threading.Channels), side by side in one run.
#
#   bench/compare/compare.sh                      # every workload, GOMAXPROCS 1 and 2, both JIT settings
#   PROCS=all RUNS=3 bench/compare/compare.sh     # scaling: 1, 2, 4, ... up to the machine's cores
#   MODE=sc bench/compare/compare.sh ring         # a self-contained build (also: trimmed, aot)
#
# On a machine without the SDK: `bench/compare/build.sh sc` here, copy bench/compare/out/sc and run.sh
# there, and run `OUT=<that folder> run.sh`. Installs Go 1.19 from Debian's packages if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$("$here/build.sh" "${MODE:-fd}")"
OUT="$out" exec "$here/run.sh" "$@"
