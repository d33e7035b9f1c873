# Pinned versions of the local Kubernetes control plane used by tests and the demo.
# Sourced by the other scripts in this folder.
K8S_VERSION="${K8S_VERSION:-v1.34.4}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"
KWOK_VERSION="${KWOK_VERSION:-v0.8.0}"
ISTIO_API_VERSION="${ISTIO_API_VERSION:-v1.30.8}"
KUBEVELA_VERSION="${KUBEVELA_VERSION:-v1.1.0}"

VELADESK_CACHE="${VELADESK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/veladesk}"
# Binaries are keyed by every version that goes into them.
CP_BIN_DIR="$VELADESK_CACHE/bin/k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}"
CP_CRD_DIR="$VELADESK_CACHE/crds/istio-${ISTIO_API_VERSION}_kubevela-${KUBEVELA_VERSION}"

# The data plane (tests/cluster/dataplane.sh): Gateway API CRDs (standard channel) and
# Traefik v3 as the Gateway API implementation, plus podserve (tests/cluster/podserve), the
# stand-in for container images on KWOK pods.
GATEWAY_API_VERSION="${GATEWAY_API_VERSION:-v1.6.3}"
TRAEFIK_VERSION="${TRAEFIK_VERSION:-v3.7.13}"
GATEWAY_CRD_DIR="$VELADESK_CACHE/crds/gateway-api-${GATEWAY_API_VERSION}"
DATAPLANE_BIN_DIR="$VELADESK_CACHE/bin/traefik-${TRAEFIK_VERSION}_gateway-api-${GATEWAY_API_VERSION}"
