#!/usr/bin/env bash
# Runs the cluster on this machine as separate processes: dynalite (local DynamoDB) behind the
# transaction shim, N Orleans silos (default 3) and one gateway that is a cluster client.
# Ctrl-C stops everything.
#
#   bash scripts/cluster.sh [--silos N] [--demo] [--port 5080] [--dynalite-port 4567]
#
# Silo i (1-based, 1-9) listens for other silos on 111i1 (Cluster:SiloPort), for cluster clients
# on 300i0 (Cluster:GatewayPort) and serves health checks on 51i0; all advertise 127.0.0.1. The
# gateway serves the API on --port. DynamoDB is reached on --dynalite-port, which is the
# transaction shim (scripts/DynaliteShim: dynalite lacks TransactWriteItems, which Orleans
# membership needs); dynalite itself listens on the next port. Logs go to .cluster/logs/.
# Stop one silo with `kill <pid>` (graceful: it leaves the membership table) or `kill -9 <pid>`
# (a crash: the others declare it dead after about 10 s with the probe settings below), and start
# it again with `bash scripts/cluster.sh --add-silo i`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
silos=3
demo=""
port=5080
dynalite_port=4567
add_silo=""
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos="$2"; shift 2 ;;
    --demo) demo="--demo"; shift ;;
    --port) port="$2"; shift 2 ;;
    --dynalite-port) dynalite_port="$2"; shift 2 ;;
    --add-silo) add_silo="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

state="$root/.cluster"
logs="$state/logs"
mkdir -p "$logs"
out="$state/bin"

# Shared by every process: one service, one cluster, DynamoDB on dynalite (through the shim; any
# keys do), failure detection tuned so a crashed silo is declared dead in about 10 s: probes every
# 2 s time out after 2 s, 3 missed probes make a suspicion, the table is re-read every 2 s.
export Cluster__Provider=DynamoDB
export Cluster__ServiceId=scheduler-local
export Cluster__ClusterId=local
export Cluster__DynamoDB__ServiceUrl="http://127.0.0.1:$dynalite_port"
export Cluster__DynamoDB__Region=us-east-1
export Cluster__DynamoDB__AccessKey=local
export Cluster__DynamoDB__SecretKey=local
export Cluster__Membership__ProbeTimeout=00:00:02
export Cluster__Membership__NumMissedProbesLimit=3
export Cluster__Membership__TableRefreshTimeout=00:00:02
export Cluster__Membership__IAmAliveTablePublishTimeout=00:00:05
export Cluster__Membership__DeathVoteExpirationTimeout=00:00:30
export Scheduler__KeysDirectory="$state/keys"
export ASPNETCORE_ENVIRONMENT=Development

wait_ready() { # url name
  for _ in $(seq 1 120); do
    if curl -fsS "$1" >/dev/null 2>&1; then echo "$2 ready"; return 0; fi
    sleep 0.5
  done
  echo "$2 did not become ready; see $logs" >&2
  return 1
}

start_silo() { # index
  local i="$1"
  Cluster__SiloPort="111${i}1" \
  Cluster__GatewayPort="300${i}0" \
  Cluster__AdvertisedIPAddress=127.0.0.1 \
  Urls="http://127.0.0.1:51${i}0" \
  Scheduler__DataDirectory="$state/silo-$i" \
    dotnet "$out/silo/Scheduler.Silo.dll" >"$logs/silo-$i.log" 2>&1 &
  echo $! >"$state/silo-$i.pid"
  echo "silo-$i pid $! (silo port 111${i}1, gateway port 300${i}0, health http://127.0.0.1:51${i}0)"
}

if [ -n "$add_silo" ]; then
  [ "$add_silo" -ge 1 ] && [ "$add_silo" -le 9 ] || { echo "--add-silo must be 1-9" >&2; exit 2; }
  start_silo "$add_silo"
  wait_ready "http://127.0.0.1:51${add_silo}0/health/ready" "silo-$add_silo"
  exit 0
fi

[ "$silos" -ge 1 ] && [ "$silos" -le 9 ] || { echo "--silos must be 1-9" >&2; exit 2; }
[ -x "$root/.tools/dynalite/node_modules/.bin/dynalite" ] \
  || npm install --prefix "$root/.tools/dynalite" --no-audit --no-fund dynalite@4.0.0 >/dev/null
echo "building…"
dotnet publish "$root/Silo" -c Release -o "$out/silo" --nologo -v q >/dev/null
dotnet publish "$root/Gateway" -c Release -o "$out/gateway" --nologo -v q >/dev/null
dotnet publish "$root/scripts/DynaliteShim" -c Release -o "$out/shim" --nologo -v q >/dev/null

cleanup() {
  trap - INT TERM EXIT
  echo "stopping…"
  # Gateway and silos first (silos leave the membership table gracefully), the store last.
  [ -n "${gateway:-}" ] && kill "$gateway" 2>/dev/null || true
  silo_pids=()
  for f in "$state"/silo-*.pid; do [ -f "$f" ] && silo_pids+=("$(cat "$f")"); rm -f "$f"; done
  for p in "${silo_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${silo_pids[@]}" ${gateway:-}; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  [ -n "${shim:-}" ] && kill "$shim" 2>/dev/null || true
  [ -n "${dynalite:-}" ] && kill "$dynalite" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

# Their own sessions, so Ctrl-C (SIGINT to the terminal's process group) reaches the silos but not
# the store: the silos leave the membership table gracefully before cleanup stops the store.
store_port=$((dynalite_port + 1))
setsid node "$root/.tools/dynalite/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$store_port" >"$logs/dynalite.log" 2>&1 &
dynalite=$!
for _ in $(seq 1 50); do (echo >"/dev/tcp/127.0.0.1/$store_port") 2>/dev/null && break; sleep 0.2; done
setsid dotnet "$out/shim/Scheduler.DynaliteShim.dll" --dynalite "http://127.0.0.1:$store_port/" --port "$dynalite_port" >"$logs/shim.log" 2>&1 &
shim=$!
for _ in $(seq 1 50); do (echo >"/dev/tcp/127.0.0.1/$dynalite_port") 2>/dev/null && break; sleep 0.2; done
echo "dynalite on 127.0.0.1:$store_port, behind the transaction shim on 127.0.0.1:$dynalite_port"

start_silo 1
wait_ready "http://127.0.0.1:5110/health/ready" "silo-1"   # the first silo creates the tables
for i in $(seq 2 "$silos"); do start_silo "$i"; done
for i in $(seq 2 "$silos"); do wait_ready "http://127.0.0.1:51${i}0/health/ready" "silo-$i"; done

(cd "$out/gateway" && Scheduler__ClusterClient=true Urls="http://127.0.0.1:$port" Scheduler__DataDirectory="$state/gateway" \
  exec dotnet Scheduler.Gateway.dll $demo >"$logs/gateway.log" 2>&1) &
gateway=$!
wait_ready "http://127.0.0.1:$port/health/ready" "gateway (cluster client) http://127.0.0.1:$port"
echo "cluster running: $silos silos, 1 gateway. Ctrl-C stops it."
wait
