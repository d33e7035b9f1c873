#!/usr/bin/env bash
# Benchmark of the local data plane (tests/cluster/dataplane.sh); prints its figures.
#
#   bench/dataplane.sh [--cold-build] [--requests N] [--name CLUSTER]
#
#  - with --cold-build: the time to build Traefik and podserve with an empty Go build cache
#    (the module cache stays as it is; downloads are not counted) into a scratch folder;
#  - the data plane's start-up time (dataplane.sh start on a running cluster), 3 times;
#  - requests/s through the gateway (Traefik -> Service ClusterIP -> podserve) with 1, 8 and
#    32 requests in flight, and straight to the Service ClusterIP (podserve alone) for
#    comparison. The client is curl --parallel (one process, keep-alive connections);
#  - the same through the gateway with VelaDesk's probe engine (bench/bench_probe.cpp, when
#    built: build/bench/bench_probe or $BENCH_PROBE), and its peak memory.
# It starts its own cluster (default name bench-dataplane) and stops it at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cluster="$root/tests/cluster"
. "$cluster/versions.sh"

cold=0
requests=5000
name=bench-dataplane
while (($#)); do
  case "$1" in
    --cold-build) cold=1; shift ;;
    --requests) requests="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    *) echo "bench/dataplane.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
ms() { echo $(($(date +%s%N) / 1000000)); }

if ((cold)); then
  scratch="$(mktemp -d)"
  t=$(ms)
  VELADESK_CACHE="$scratch" GOCACHE="$scratch/gocache" bash "$cluster/build-dataplane.sh" >/dev/null
  echo "cold build (empty Go build cache, warm module cache): $((($(ms) - t) / 1000)) s on $(nproc) cores"
  rm -rf "$scratch"
fi
bash "$cluster/build-control-plane.sh"
bash "$cluster/build-dataplane.sh" >/dev/null

kubeconfig="$(bash "$cluster/start.sh" --name "$name" 2>/dev/null)"
trap 'bash "$cluster/stop.sh" --name "$name" >/dev/null 2>&1' EXIT
k() { "$CP_BIN_DIR/kubectl" --kubeconfig "$kubeconfig" "$@"; }

for i in 1 2 3; do
  t=$(ms)
  url="$(bash "$cluster/dataplane.sh" start --name "$name" --kubeconfig "$kubeconfig" 2>/dev/null)"
  echo "start-up $i: $(($(ms) - t)) ms (build cached; until the Gateway is Programmed)"
  ((i == 3)) || bash "$cluster/dataplane.sh" stop --name "$name" 2>/dev/null
done
gateway="$(cat "$VELADESK_CACHE/dataplane/$name/gateway")"

ns=bench
k create namespace "$ns" >/dev/null
k -n "$ns" apply -f - >/dev/null <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web, app.oam.dev/appRevision: bench-v1}}
  template:
    metadata: {labels: {app: web, app.oam.dev/appRevision: bench-v1}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 8000}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 8000, targetPort: 8000}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  parentRefs: [{name: ${gateway#*/}, namespace: ${gateway%%/*}}]
  hostnames: [bench.example.com]
  rules: [{backendRefs: [{name: web, port: 8000}]}]
YAML
k -n "$ns" wait --for=condition=Available --timeout=60s deployment/web >/dev/null
clusterip="$(k -n "$ns" get service web -o jsonpath='{.spec.clusterIP}')"
for _ in $(seq 1 120); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: bench.example.com' "$url/")" == 200 ]] && break
  sleep 0.5
done

work="$(mktemp -d)"
for ((i = 0; i < requests; i++)); do printf 'url = "%s/"\noutput = "/dev/null"\n' "$url"; done >"$work/gw"
for ((i = 0; i < requests; i++)); do printf 'url = "http://%s:8000/"\noutput = "/dev/null"\n' "$clusterip"; done >"$work/direct"
run() { # run LABEL FILE PARALLEL
  local t ok
  t=$(ms)
  timeout 300 curl --silent --no-progress-meter --parallel --parallel-max "$3" --max-time 10 \
    -H 'Host: bench.example.com' -w '%{http_code}\n' -K "$2" >"$work/codes" || true
  local elapsed=$(($(ms) - t))
  ok="$(grep -c '^200$' "$work/codes" || true)"
  printf '%-28s %3d in flight: %6d req/s (%d of %d answered 200 in %d ms)\n' "$1" "$3" \
    $((ok * 1000 / (elapsed > 0 ? elapsed : 1))) "$ok" "$requests" "$elapsed"
}
for p in 1 8 32; do
  run "through the gateway" "$work/gw" "$p"
done
for p in 1 8 32; do
  run "straight to podserve" "$work/direct" "$p"
done
# The probe engine (veladesk probe, the GUI's "Verify split") through the same gateway.
probe_bench="${BENCH_PROBE:-$root/build/bench/bench_probe}"
if [[ -x "$probe_bench" ]]; then
  "$probe_bench" "$url/" bench.example.com "$requests"
else
  echo "bench_probe not built at $probe_bench (set BENCH_PROBE): probe engine not measured"
fi
rm -rf "$work"
echo "traefik $(ps -o rss= -p "$(cut -d' ' -f1 "$VELADESK_CACHE/dataplane/$name/traefik.pid")" | tr -d ' ') KiB RSS," \
  "podserve $(ps -o rss= -p "$(cut -d' ' -f1 "$VELADESK_CACHE/dataplane/$name/podserve.pid")" | tr -d ' ') KiB RSS"
