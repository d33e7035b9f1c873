#!/usr/bin/env bash
# Starts a local Kubernetes control plane (kube-apiserver, etcd, controller-manager,
# scheduler, kwok controller) bound to 127.0.0.1, with 3 fake KWOK nodes, the Istio,
# KubeVela and Gateway API CRDs installed, pod IPs inside 127.0.0.0/8, and writes its
# kubeconfig.
#
#   start.sh [--name NAME] [--kubeconfig PATH] [--nodes N]
#
# The binaries come from build-control-plane.sh (built once, cached). A cluster of the
# same name left from an earlier run is deleted first. Prints the kubeconfig path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

name=veladesk
kubeconfig=""
nodes=3
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --kubeconfig) kubeconfig="$2"; shift 2 ;;
    --nodes) nodes="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "start.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
kubeconfig="${kubeconfig:-$VELADESK_CACHE/clusters/$name/kubeconfig}"
log() { printf '[cluster %s %s] %s\n' "$name" "$(date +%H:%M:%S)" "$*" >&2; }

bash "$here/build-control-plane.sh"

export KWOK_WORKDIR="$VELADESK_CACHE/kwok"
export KWOK_KUBECTL_BINARY="$CP_BIN_DIR/kubectl"
kwokctl="$CP_BIN_DIR/kwokctl"
kubectl="$CP_BIN_DIR/kubectl"

if [[ -d "$KWOK_WORKDIR/clusters/$name" ]]; then
  log "deleting the leftover cluster of the same name"
  "$kwokctl" --name "$name" delete cluster >/dev/null 2>&1 || rm -rf "$KWOK_WORKDIR/clusters/$name"
fi

mkdir -p "$(dirname "$kubeconfig")" "$KWOK_WORKDIR"
rm -f "$kubeconfig"
config="$KWOK_WORKDIR/veladesk-$name.yaml"
cat >"$config" <<YAML
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokctlConfiguration
options:
  runtime: binary
  bindAddress: 127.0.0.1
  kubeVersion: $K8S_VERSION
  etcdVersion: ${ETCD_VERSION#v}
  kwokVersion: $KWOK_VERSION
# One instance of each: leader election only makes them exit (and never come back, kwokctl does
# not restart them) when kube-apiserver is unreachable for longer than the renew deadline, as in
# restart-apiserver.sh.
componentsPatches:
  - name: kube-controller-manager
    extraArgs:
      - {key: leader-elect, value: "false"}
  - name: kube-scheduler
    extraArgs:
      - {key: leader-elect, value: "false"}
---
YAML
# --- data plane (issue 12): loopback pod IPs; see cluster-dataplane.sh ---
. "$here/cluster-dataplane.sh"
dataplane_args=()
dataplane_kwokctl_args dataplane_args "$name"
# --- end data plane ---
# --- pod logs (issue 13): KWOK's Logs objects and the podlogs harness; see cluster-podlogs.sh ---
. "$here/cluster-podlogs.sh"
podlogs_args=()
podlogs_kwokctl_args podlogs_args
podlogs_stop "$name"
# --- end pod logs ---

# Pod readiness delayed by 2 s (and KWOK's other default stages): see kwok-stages.yaml.
cat "$here/kwok-stages.yaml" >>"$config"

log "creating cluster (kube-apiserver $K8S_VERSION, etcd $ETCD_VERSION, kwok $KWOK_VERSION)"
"$kwokctl" --name "$name" -c "$config" create cluster \
  --runtime binary \
  --kubeconfig "$kubeconfig" \
  --etcd-binary "$CP_BIN_DIR/etcd" \
  --kube-apiserver-binary "$CP_BIN_DIR/kube-apiserver" \
  --kube-controller-manager-binary "$CP_BIN_DIR/kube-controller-manager" \
  --kube-scheduler-binary "$CP_BIN_DIR/kube-scheduler" \
  --kwok-controller-binary "$CP_BIN_DIR/kwok" \
  "${dataplane_args[@]}" \
  "${podlogs_args[@]}" \
  --wait 120s >&2

k() { "$kubectl" --kubeconfig "$kubeconfig" "$@"; }

log "waiting for the API server"
for _ in $(seq 1 120); do
  k get --raw /readyz >/dev/null 2>&1 && break
  sleep 0.5
done
k get --raw /readyz >/dev/null

log "creating $nodes fake nodes"
for i in $(seq 0 $((nodes - 1))); do
  cat <<YAML
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    kwok.x-k8s.io/node: fake
    node.alpha.kubernetes.io/ttl: "0"
  labels:
    type: kwok
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    kubernetes.io/role: agent
    topology.kubernetes.io/zone: zone-$((i % 3))
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "110"}
  capacity: {cpu: "32", memory: 256Gi, pods: "110"}
---
YAML
done | k apply -f - >&2

log "installing CRDs (istio.io/api $ISTIO_API_VERSION, KubeVela $KUBEVELA_VERSION)"
k apply --server-side --force-conflicts -f "$CP_CRD_DIR/istio.yaml" >/dev/null
k apply --server-side --force-conflicts -f "$CP_CRD_DIR/kubevela.yaml" >/dev/null
k wait --for condition=established --timeout=60s \
  crd/virtualservices.networking.istio.io crd/gateways.networking.istio.io \
  crd/applications.core.oam.dev crd/applicationrevisions.core.oam.dev \
  crd/appdeployments.core.oam.dev >&2
# --- data plane (issue 12): Gateway API CRDs; see cluster-dataplane.sh ---
log "installing CRDs (sigs.k8s.io/gateway-api $GATEWAY_API_VERSION, standard channel)"
dataplane_install_crds "$kubectl" "$kubeconfig"
# --- end data plane ---

log "waiting for nodes Ready and the default ServiceAccount"
k wait --for condition=Ready --timeout=90s node --all >&2
for _ in $(seq 1 120); do
  k -n default get serviceaccount default >/dev/null 2>&1 && break
  sleep 0.5
done
k -n default get serviceaccount default >/dev/null
# --- pod logs (issue 13): container log files that the kwok "kubelet" serves ---
log "starting the container-logs harness (tests/cluster/podlogs)"
podlogs_start "$name" "$kubeconfig"
# --- end pod logs ---
log "ready; kubeconfig: $kubeconfig"
echo "$kubeconfig"
