# Sourced by start.sh (kept apart so start.sh stays easy to merge): what the local cluster
# needs so that a data plane (dataplane.sh) can carry real requests to its pods.
#
#  - KWOK runs no containers and the API server refuses loopback addresses in EndpointSlices
#    ("may not be in the loopback range"), so pods keep KWOK's pod IPs, which nothing
#    dials. Service ClusterIPs have no such rule: the Service range lies inside 127.0.0.0/8
#    (127.A.0.0/16, A derived from the cluster name so that clusters running side by side do
#    not share addresses; VELADESK_SERVICE_CIDR overrides it). podserve
#    (tests/cluster/podserve) listens on those ClusterIPs as kube-proxy would and answers as
#    the Service's ready pods; Traefik sends each route's share to the ClusterIP.
#  - The Gateway API CRDs (standard channel, sigs.k8s.io/gateway-api $GATEWAY_API_VERSION)
#    are installed next to the Istio and KubeVela ones.
# Needs versions.sh sourced first.

# dataplane_service_cidr NAME: the Service ClusterIP range of cluster NAME, e.g. 127.104.0.0/16.
dataplane_service_cidr() {
  if [[ -n "${VELADESK_SERVICE_CIDR:-}" ]]; then
    echo "$VELADESK_SERVICE_CIDR"
    return
  fi
  local sum
  sum="$(printf '%s' "$1" | cksum | cut -d' ' -f1)"
  echo "127.$((64 + sum % 128)).0.0/16"
}

# dataplane_kwokctl_args ARRAY NAME: appends to the array named ARRAY the arguments of
# `kwokctl create cluster` that put Service ClusterIPs inside 127.0.0.0/8
# (kube-apiserver --service-cluster-ip-range).
dataplane_kwokctl_args() {
  local -n args="$1"
  local cidr
  cidr="$(dataplane_service_cidr "$2")"
  case "$cidr" in
    127.*) ;;
    *) echo "Service CIDR $cidr is not inside 127.0.0.0/8" >&2; return 1 ;;
  esac
  args+=(--extra-args "kube-apiserver=service-cluster-ip-range=$cidr")
  echo "[cluster $2] Service ClusterIP range $cidr" >&2
}

# dataplane_install_crds KUBECTL KUBECONFIG: installs the Gateway API CRDs and waits until
# they are established.
dataplane_install_crds() {
  local kubectl="$1" kubeconfig="$2"
  local file="$GATEWAY_CRD_DIR/standard-install.yaml"
  [[ -f "$file" ]] || { echo "Gateway API CRDs not found at $file (run build-control-plane.sh)" >&2; return 1; }
  "$kubectl" --kubeconfig "$kubeconfig" apply --server-side --force-conflicts -f "$file" >/dev/null
  "$kubectl" --kubeconfig "$kubeconfig" wait --for condition=established --timeout=60s \
    crd/gatewayclasses.gateway.networking.k8s.io crd/gateways.gateway.networking.k8s.io \
    crd/httproutes.gateway.networking.k8s.io crd/grpcroutes.gateway.networking.k8s.io \
    crd/referencegrants.gateway.networking.k8s.io crd/backendtlspolicies.gateway.networking.k8s.io \
    crd/tlsroutes.gateway.networking.k8s.io >&2
}
