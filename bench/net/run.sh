#!/usr/bin/env bash
# Echo servers side by side under the same load: GoSharp (samples/EchoServer), Go 1.19's net package and
# idiomatic .NET async sockets, each loaded by the Go load generator (go/load) with N concurrent
# connections, each connection a closed loop of SIZE-byte round trips. Prints medians over RUNS runs:
# throughput, p50/p99 latency, the server's CPU seconds during the load phase, its memory per idle
# connection, and GoSharp's ratios to the other two. See docs/performance-net.md.
#
#   bench/net/run.sh                # 1,000 and 10,000 connections
#   bench/net/run.sh 100 1000       # other connection counts
#   RUNS=5 DURATION=10s SIZE=64 bench/net/run.sh 1000
#   INLINE=1 bench/net/run.sh 1000  # both .NET servers with DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
#   SERVERS="gosharp gosharp-async" bench/net/run.sh 1000   # some of the servers only
#
# gosharp is the sample on GoSharp's own poller (the default on Linux), gosharp-async the same binary with
# GOSHARP_NETPOLL=0 (.NET's socket engine, the path before the poller).
#
# Installs Go 1.19 from Debian's packages if it is missing. Needs one file descriptor per connection on
# each side: it raises the open-files limit as far as it may.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
runs="${RUNS:-3}"
duration="${DURATION:-5s}"
size="${SIZE:-64}"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)

GO=/usr/lib/go-1.19/bin/go
if [ ! -x "$GO" ]; then
  echo "installing golang-1.19-go..." >&2
  (apt-get update -qq && apt-get install -y -qq golang-1.19-go) >&2
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

mkdir -p "$out"
# Socket completions on .NET's epoll thread instead of a thread-pool hop (docs/net.md, Tuning).
[ "${INLINE:-0}" = 1 ] && export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
(cd "$here/go" && GOCACHE="$out/gocache" GOFLAGS=-mod=mod "$GO" build -o "$out/echo-go" ./echo && GOCACHE="$out/gocache" GOFLAGS=-mod=mod "$GO" build -o "$out/load" ./load)
dotnet publish "$root/samples/EchoServer/EchoServer.csproj" -c Release -o "$out/gosharp" --nologo -v q >&2
dotnet publish "$here/dotnet/EchoAsync.csproj" -c Release -o "$out/async" --nologo -v q >&2

port=$((17000 + RANDOM % 1000))

# one SERVER N: starts the server, loads it, stops it; prints the load generator's RESULT line.
one() {
  local server="$1" n="$2" log="$out/server.log" pid line
  port=$((port + 1))
  : >"$log" # emptied here, not by the server's redirection, which may come after the first look below
  case "$server" in
    go) "$out/echo-go" "$port" >"$log" 2>&1 & ;;
    gosharp) dotnet "$out/gosharp/EchoServer.dll" "$port" >"$log" 2>&1 & ;;
    gosharp-async) GOSHARP_NETPOLL=0 dotnet "$out/gosharp/EchoServer.dll" "$port" >"$log" 2>&1 & ;;
    dotnet) dotnet "$out/async/EchoAsync.dll" "$port" >"$log" 2>&1 & ;;
  esac
  pid=$!
  for _ in $(seq 1 300); do grep -q "listening on" "$log" && break; sleep 0.1; done
  line=$("$out/load" -addr "127.0.0.1:$port" -conns "$n" -duration "$duration" -size "$size" -pid "$pid" | grep RESULT) || line="RESULT failed"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$line"
}

field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k{print $2}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{ if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b+0 > 0 && a+0 > 0) printf "%.2f", a/b; else printf "-" }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GB; runs=$runs duration=$duration size=${size}B inline=${INLINE:-0}"
printf '%7s %-13s %10s %8s %8s %7s %11s %12s\n' conns server msgs/s p50_us p99_us cpu_s cpu_us/msg mem/conn_B
declare -A M
declare -A R
servers=(${SERVERS:-go gosharp gosharp-async dotnet})
for n in "${counts[@]}"; do
  # Runs alternate between the servers (go, gosharp, ..., go, gosharp, ...), so a change in the machine's
  # load (it is shared) falls on all of them alike.
  for _ in $(seq 1 "$runs"); do
    for server in "${servers[@]}"; do
      r=$(one "$server" "$n")
      [ "$r" = "RESULT failed" ] && continue
      for k in msgs_per_s p50_us p99_us cpu_s mem_per_conn_B; do R[$n,$server,$k]+=" $(field "$r" $k)"; done
    done
  done
  for server in "${servers[@]}"; do
    M[$n,$server,tps]=$(median ${R[$n,$server,msgs_per_s]:-}); M[$n,$server,p50]=$(median ${R[$n,$server,p50_us]:-}); M[$n,$server,p99]=$(median ${R[$n,$server,p99_us]:-})
    M[$n,$server,cpu]=$(median ${R[$n,$server,cpu_s]:-}); M[$n,$server,mem]=$(median ${R[$n,$server,mem_per_conn_B]:-})
    secs=${duration%s}
    permsg=$(awk -v c="${M[$n,$server,cpu]}" -v t="${M[$n,$server,tps]}" -v d="$secs" 'BEGIN{ if (t+0>0) printf "%.1f", c*1e6/(t*d); else printf "-" }')
    printf '%7s %-13s %10s %8s %8s %7s %11s %12s\n' "$n" "$server" "${M[$n,$server,tps]}" "${M[$n,$server,p50]}" "${M[$n,$server,p99]}" "${M[$n,$server,cpu]}" "$permsg" "${M[$n,$server,mem]}"
  done
done
echo
printf '%7s %-22s %10s %8s %8s %12s\n' conns ratio msgs/s p50 p99 mem/conn
for n in "${counts[@]}"; do
  for other in go gosharp-async dotnet; do
    [ -n "${M[$n,$other,tps]:-}" ] || continue
    printf '%7s %-22s %10s %8s %8s %12s\n' "$n" "gosharp/$other" \
      "$(ratio "${M[$n,gosharp,tps]}" "${M[$n,$other,tps]}")" "$(ratio "${M[$n,gosharp,p50]}" "${M[$n,$other,p50]}")" \
      "$(ratio "${M[$n,gosharp,p99]}" "${M[$n,$other,p99]}")" "$(ratio "${M[$n,gosharp,mem]}" "${M[$n,$other,mem]}")"
  done
done
