# Sourced by the scripts in bench/cluster: start_cluster N LOG starts scripts/cluster.sh with N silos in the
# background (its pid in $cluster, its output in LOG) and returns once it says "cluster running".
start_cluster() { # silos log
  bash "$root/scripts/cluster.sh" --silos "$1" >"$2" 2>&1 &
  cluster=$!
  for _ in $(seq 1 600); do
    grep -q "cluster running" "$2" 2>/dev/null && return 0
    kill -0 "$cluster" 2>/dev/null || { cat "$2"; exit 1; }
    sleep 1
  done
  echo "the cluster did not start; see $2" >&2
  exit 1
}
