#!/usr/bin/env bash
# Go as the oracle for GoSharp's runtime: runs each case of go/ (Go 1.19) and of gosharp/ (the same program
# with GoSharp) and compares what they print, exit status included.
#
#   bench/gosemantics/check.sh                  # every case
#   bench/gosemantics/check.sh close ticker     # some cases
#
# Outputs are compared after one normalisation: a runtime's fatal report ("panic: ..." or "fatal error: ...")
# keeps its first line and the main goroutine's header ("goroutine 1 [chan receive]:"), not the traceback,
# whose frames and file names differ by nature. Cases listed in differences.txt differ from Go on purpose;
# their diff is shown but does not fail the run. Timing: cases that need a goroutine parked first sleep
# 10 ms for it, so a heavily loaded machine can make one differ; run it again before reading much into it.
# Needs Go 1.19 (GO=path/to/go to choose one) and the .NET SDK; building the C# side needs no Go.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
mkdir -p "$out"

# The oracle is Go 1.19 (differences.txt is written against it): $GO if set, else the first go1.19 found on
# PATH or where Debian's golang-1.19-go package puts it.
if [ -z "${GO:-}" ]; then
  for candidate in "$(command -v go || true)" "$(command -v go1.19 || true)" /usr/lib/go-1.19/bin/go; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" version 2>/dev/null | grep -q ' go1\.19'; then
      GO="$candidate"
      break
    fi
  done
fi
if [ -z "${GO:-}" ]; then
  echo "check.sh: Go 1.19 not found; install it (Debian: apt-get install golang-1.19-go) or set GO to its go binary" >&2
  exit 2
fi
(cd "$here/go" && "$GO" build -o "$out/go-oracle" .)
dotnet build "$here/gosharp" -c Release -o "$out/gosharp" -nologo -v q >&2

# The fatal report's first line and the main goroutine's header; everything else printed before it as is.
normalise() {
  awk '
    fatal == 0 && /^(panic: |fatal error: )/ { print; fatal = 1; next }
    fatal == 0 { print; next }
    fatal == 1 && /^goroutine 1 \[/ { print; fatal = 2 }
  '
}

run() { # run <label> <command...>: output, normalised, then the exit status
  local rc=0
  timeout 60 "${@:2}" > "$out/$1.raw" 2>&1 || rc=$?
  normalise < "$out/$1.raw"
  echo "exit $rc"
}

cases=("$@")
[ ${#cases[@]} -gt 0 ] || mapfile -t cases < <("$out/go-oracle")
same=0 deliberate=0 failed=()
for c in "${cases[@]}"; do
  run go "$out/go-oracle" "$c" > "$out/$c.go.txt"
  run gosharp dotnet "$out/gosharp/GoSemantics.dll" "$c" > "$out/$c.gosharp.txt"
  if diff -q "$out/$c.go.txt" "$out/$c.gosharp.txt" > /dev/null; then
    same=$((same + 1))
    echo "same        $c"
    continue
  fi
  reason="$(awk -v c="$c" '$1 == c { $1 = ""; sub(/^ /, ""); print }' "$here/differences.txt")"
  if [ -n "$reason" ]; then
    deliberate=$((deliberate + 1))
    echo "deliberate  $c: $reason"
  else
    failed+=("$c")
    echo "DIFFERENT   $c"
  fi
  diff "$out/$c.go.txt" "$out/$c.gosharp.txt" | sed 's/^/    /' || true
done
echo "${#cases[@]} cases: $same the same, $deliberate different on purpose, ${#failed[@]} different: ${failed[*]:-none}"
[ ${#failed[@]} -eq 0 ]
