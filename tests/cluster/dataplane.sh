#!/usr/bin/env bash
# Starts and stops the data plane of a local cluster (start.sh): real HTTP requests flow
# gateway -> Service endpoints -> "pod".
#
#   dataplane.sh start [--name N] [--kubeconfig PATH] [--port P] [--gateway NS/NAME] [--timeout S]
#   dataplane.sh stop  [--name N]
#   dataplane.sh url   [--name N]      the gateway's URL, if running
#
# start runs, on loopback addresses only and in the background:
#  - podserve (tests/cluster/podserve), kube-proxy and containers in one: listens on the
#    ClusterIP:port of every Service with a ready endpoint (ClusterIPs lie inside
#    127.0.0.0/8, see cluster-dataplane.sh) and answers each connection as one of the
#    Service's ready pods, picked at random: body "revision=R pod=NS/NAME", headers
#    X-Pod-Revision and X-Pod-Name (R: the pod's app.oam.dev/appRevision label);
#  - Traefik (Gateway API implementation, controller traefik.io/gateway-controller) with its
#    entry point "web" on 127.0.0.1:P (default: a free port derived from N, 18080-20280)
#    and /ping on P+1.
#    It sends each backendRef's share to the Service's ClusterIP (nativeLBByDefault): the
#    API server refuses loopback pod IPs in EndpointSlices, so pod IPs are never dialled;
#  - applies GatewayClass "traefik" and Gateway NS/NAME (default default/veladesk-gateway)
#    with one HTTP listener "http" on port P that accepts routes from every namespace, and
#    waits until the Gateway is Programmed.
# Every wait is bounded by --timeout (default 60 s); on failure what was started is stopped
# and the logs' last lines are printed. Prints the gateway URL (http://127.0.0.1:P) on stdout.
# State and logs: ~/.cache/veladesk/dataplane/N/. stop ends both processes (the cluster's
# stop.sh calls it too).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"
. "$here/cluster-dataplane.sh"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
cmd="${1:-}"
[[ -n "$cmd" ]] && shift
[[ "$cmd" == -h || "$cmd" == --help ]] && { usage; exit 0; }
name=veladesk
kubeconfig=""
port=""
gateway="default/veladesk-gateway"
timeout=60
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --kubeconfig) kubeconfig="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --gateway) gateway="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "dataplane.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
state="$VELADESK_CACHE/dataplane/$name"
log() { printf '[data plane %s %s] %s\n' "$name" "$(date +%H:%M:%S)" "$*" >&2; }

# running PIDFILE: the pid recorded there, if that process still runs the recorded binary.
running() {
  local f="$1" pid exe
  [[ -f "$f" ]] || return 1
  read -r pid exe <"$f" || true
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  [[ "$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -1)" == "$exe" ]] || return 1
  echo "$pid"
}

stop_one() {
  local what="$1" f="$state/$1.pid" pid
  pid="$(running "$f")" || { rm -f "$f"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    running "$f" >/dev/null || break
    sleep 0.1
  done
  if running "$f" >/dev/null; then
    log "$what (pid $pid) still running after 10 s; killing"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
  log "stopped $what (pid $pid)"
}

stop_all() {
  stop_one traefik
  stop_one podserve
  rm -f "$state/url" "$state/podserve.ready"
}

# listening PORT: something accepts connections on 127.0.0.1:PORT.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

fail() {
  echo "dataplane.sh: $*" >&2
  local f
  for f in "$state/podserve.log" "$state/traefik.log"; do
    [[ -s "$f" ]] && { echo "--- last lines of $f" >&2; tail -n 15 "$f" >&2; }
  done
  stop_all
  exit 1
}

case "$cmd" in
  stop)
    stop_all
    exit 0
    ;;
  url)
    [[ -f "$state/url" ]] && running "$state/traefik.pid" >/dev/null || { echo "the data plane of cluster $name is not running" >&2; exit 1; }
    cat "$state/url"
    exit 0
    ;;
  start) ;;
  *) echo "usage: dataplane.sh start|stop|url [--name N] ... (see --help)" >&2; exit 2 ;;
esac

[[ "$gateway" == */* ]] || gateway="default/$gateway"
gw_ns="${gateway%%/*}"
gw_name="${gateway#*/}"
[[ "$timeout" =~ ^[0-9]+$ ]] && ((timeout > 0)) || { echo "--timeout must be a positive number of seconds" >&2; exit 2; }
kubeconfig="${kubeconfig:-$VELADESK_CACHE/clusters/$name/kubeconfig}"
kubectl="$CP_BIN_DIR/kubectl"
# Every request is bounded: a slow API server makes start fail, not hang.
k() { "$kubectl" --kubeconfig "$kubeconfig" --request-timeout=30s "$@"; }
t0=$SECONDS

stop_all

eval "$(bash "$here/build-dataplane.sh")"
[[ -x "${TRAEFIK:-}" && -x "${PODSERVE:-}" ]] || fail "the data plane binaries were not built"

[[ -f "$kubeconfig" ]] || fail "no kubeconfig at $kubeconfig: start the cluster first (tests/cluster/start.sh --name $name)"
k get --raw /readyz >/dev/null 2>&1 || fail "the cluster of $kubeconfig does not answer: start it first (tests/cluster/start.sh --name $name)"
k get crd gateways.gateway.networking.k8s.io >/dev/null 2>&1 ||
  fail "the Gateway API CRDs are not installed in cluster $name (start.sh installs them; restart the cluster)"

if [[ -z "$port" ]]; then
  sum="$(printf '%s' "$name" | cksum | cut -d' ' -f1)"
  for p in $(seq $((18080 + (sum % 200) * 10)) 2 $((18080 + (sum % 200) * 10 + 200))); do
    if ! listening "$p" && ! listening $((p + 1)); then port="$p"; break; fi
  done
  [[ -n "$port" ]] || fail "no free port pair found near 18080"
fi
[[ "$port" =~ ^[0-9]+$ ]] && ((port > 0 && port < 65535)) || fail "--port $port is not a port number"
listening "$port" && fail "port $port on 127.0.0.1 is already in use"
listening $((port + 1)) && fail "port $((port + 1)) on 127.0.0.1 (Traefik's /ping) is already in use"

mkdir -p "$state"
rm -f "$state"/*.log
# Both run in their own session with no proxy settings, so nothing but this cluster's
# loopback addresses is ever reached.
noproxy=(env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY -u all_proxy -u ALL_PROXY
  -u KUBERNETES_SERVICE_HOST -u KUBERNETES_SERVICE_PORT)

cidr="$(dataplane_service_cidr "$name")"
[[ "$(k get service kubernetes -n default -o jsonpath='{.spec.clusterIP}' 2>/dev/null)" == 127.* ]] ||
  fail "the Services of cluster $name are not in $cidr (the cluster was started by an older start.sh: restart it)"
log "starting podserve for the Services in $cidr"
setsid "${noproxy[@]}" "$PODSERVE" --kubeconfig "$kubeconfig" --cidr "$cidr" \
  --ready-file "$state/podserve.ready" >"$state/podserve.log" 2>&1 </dev/null &
podserve_pid=$!
echo "$podserve_pid $PODSERVE" >"$state/podserve.pid"
trap 'rc=$?; ((rc == 0)) || stop_all' EXIT
trap 'exit 1' INT TERM HUP

log "starting Traefik $TRAEFIK_VERSION on 127.0.0.1:$port"
setsid "${noproxy[@]}" KUBECONFIG="$kubeconfig" "$TRAEFIK" \
  --global.checkNewVersion=false --global.sendAnonymousUsage=false \
  --log.level=INFO --log.noColor=true \
  --entryPoints.web.address="127.0.0.1:$port" \
  --entryPoints.traefik.address="127.0.0.1:$((port + 1))" \
  --ping=true \
  --providers.kubernetesGateway=true \
  --providers.kubernetesGateway.nativeLBByDefault=true \
  --providers.kubernetesGateway.statusAddress.ip=127.0.0.1 \
  >"$state/traefik.log" 2>&1 </dev/null &
traefik_pid=$!
echo "$traefik_pid $TRAEFIK" >"$state/traefik.pid"

deadline=$((SECONDS + timeout))
until [[ -f "$state/podserve.ready" ]]; do
  kill -0 "$podserve_pid" 2>/dev/null || fail "podserve exited"
  ((SECONDS < deadline)) || fail "podserve did not list the pods within $timeout s"
  sleep 0.1
done
until [[ "$(curl -s --max-time 2 "http://127.0.0.1:$((port + 1))/ping" 2>/dev/null)" == OK ]]; do
  kill -0 "$traefik_pid" 2>/dev/null || fail "Traefik exited"
  ((SECONDS < deadline)) || fail "Traefik did not answer /ping within $timeout s"
  sleep 0.2
done

log "applying GatewayClass traefik and Gateway $gw_ns/$gw_name (listener http, port $port)"
k get namespace "$gw_ns" >/dev/null 2>&1 || k create namespace "$gw_ns" >/dev/null || fail "cannot create namespace $gw_ns"
k apply -f - >/dev/null <<YAML || fail "cannot apply the GatewayClass and Gateway"
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: traefik
spec:
  controllerName: traefik.io/gateway-controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: $gw_name
  namespace: $gw_ns
spec:
  gatewayClassName: traefik
  listeners:
    - name: http
      protocol: HTTP
      port: $port
      allowedRoutes:
        namespaces:
          from: All
YAML
# The Gateway's generation must be the one observed: a Gateway left from an earlier run
# (another port) may still say Programmed.
gen="$(k -n "$gw_ns" get gateways.gateway.networking.k8s.io "$gw_name" -o jsonpath='{.metadata.generation}')"
jp='{range .status.conditions[?(@.type=="Programmed")]}{.status}/{.observedGeneration}{end}'
until [[ "$(k -n "$gw_ns" get gateways.gateway.networking.k8s.io "$gw_name" -o jsonpath="$jp" 2>/dev/null)" == "True/$gen" ]]; do
  kill -0 "$traefik_pid" 2>/dev/null || fail "Traefik exited"
  if ((SECONDS >= deadline)); then
    k -n "$gw_ns" get gateways.gateway.networking.k8s.io "$gw_name" -o yaml >&2 || true
    fail "Gateway $gw_ns/$gw_name was not Programmed within $timeout s"
  fi
  sleep 0.2
done

listening "$port" || fail "Traefik does not accept connections on 127.0.0.1:$port"
url="http://127.0.0.1:$port"
echo "$url" >"$state/url"
echo "$gw_ns/$gw_name" >"$state/gateway"
log "ready in $((SECONDS - t0)) s: gateway $gw_ns/$gw_name at $url (logs in $state)"
echo "$url"
