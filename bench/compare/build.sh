#!/usr/bin/env bash
# Builds the workloads of docs/design.md, Benchmark workloads and targets, into out/<mode>/ for run.sh:
# Go 1.19 (go-workloads), GoSharp (gosharp/Workloads.GoSharp) and Task + System.Threading.Channels
# (tasks/Workloads.Tasks).
#
#   bench/compare/build.sh [mode]
#
#   fd       framework-dependent (default): needs the .NET 10 runtime where it runs
#   sc       self-contained, not trimmed: runs on a machine without .NET (copy out/sc there)
#   trimmed  self-contained and trimmed (PublishTrimmed)
#   trimmed-r2r  trimmed and ReadyToRun-compiled (PublishReadyToRun): trimming rewrites the framework's
#            assemblies and drops their ReadyToRun code, so a plain trimmed build JIT-compiles more at start;
#            this mode compiles it back (docs/performance.md, Trimmed and Native AOT builds)
#   aot      Native AOT (PublishAot; needs a C toolchain here)
#
# Installs Go 1.19 from Debian's packages if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="${1:-fd}"
out="$here/out/$mode"

GO=/usr/lib/go-1.19/bin/go
if [ ! -x "$GO" ]; then
  echo "installing golang-1.19-go..." >&2
  (apt-get update -qq && apt-get install -y -qq golang-1.19-go) >&2
fi

rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
case "$mode" in
  fd) flags=() ;;
  sc) flags=(-r "$rid" --self-contained) ;;
  # Workloads* properties, not PublishTrimmed/PublishAot themselves: a global property would reach the
  # generator project too, which targets netstandard2.0.
  trimmed) flags=(-r "$rid" --self-contained -p:WorkloadsTrimmed=true) ;;
  trimmed-r2r) flags=(-r "$rid" --self-contained -p:WorkloadsTrimmed=true -p:WorkloadsReadyToRun=true) ;;
  aot) flags=(-r "$rid" -p:WorkloadsAot=true) ;;
  *) echo "unknown mode $mode (fd, sc, trimmed, trimmed-r2r, aot)" >&2; exit 2 ;;
esac

rm -rf "$out"
mkdir -p "$out"
(cd "$here/go" && GOCACHE="$here/out/gocache" GOFLAGS=-mod=mod "$GO" build -o "$out/go-workloads" .)
dotnet publish "$here/gosharp" -c Release -o "$out/gosharp" --nologo -v q "${flags[@]}" >&2
dotnet publish "$here/tasks" -c Release -o "$out/tasks" --nologo -v q "${flags[@]}" >&2
echo "$mode" > "$out/mode"
echo "$out"
