#!/usr/bin/env bash
# Smoke test of the local control plane through kubectl:
#  - the Istio, KubeVela and Gateway API CRDs VelaDesk needs are served;
#  - a 2-replica Deployment gets 2 Running pods on KWOK nodes within 30 s;
#  - the reference Gateway (04-gateway.yaml) applies cleanly.
#   smoke-test.sh KUBECONFIG REFERENCE_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"
kubeconfig="$1"
refdir="$2"
k() { "$CP_BIN_DIR/kubectl" --kubeconfig "$kubeconfig" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

crds="$(k get crd -o name)"
for crd in virtualservices.networking.istio.io gateways.networking.istio.io \
  applications.core.oam.dev applicationrevisions.core.oam.dev appdeployments.core.oam.dev \
  gatewayclasses.gateway.networking.k8s.io gateways.gateway.networking.k8s.io httproutes.gateway.networking.k8s.io; do
  grep -qx "customresourcedefinition.apiextensions.k8s.io/$crd" <<<"$crds" || fail "CRD $crd is not installed"
  echo "ok: CRD $crd"
done

ns="smoke-$$"
trap 'k delete namespace "$ns" --wait=false >/dev/null 2>&1 || true' EXIT
k create namespace "$ns" >/dev/null
k -n "$ns" apply -f - >/dev/null <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: smoke
spec:
  replicas: 2
  selector:
    matchLabels: {app: smoke}
  template:
    metadata:
      labels: {app: smoke}
    spec:
      containers:
        - name: web
          image: nginx
YAML
start=$SECONDS
running=0
while ((SECONDS - start < 30)); do
  running="$(k -n "$ns" get pods -l app=smoke -o jsonpath='{range .items[*]}{.status.phase}{"\n"}{end}' | grep -c '^Running$' || true)"
  ((running == 2)) && break
  sleep 1
done
((running == 2)) || { k -n "$ns" get pods -o wide >&2; fail "expected 2 Running pods within 30 s, got $running"; }
nodes="$(k -n "$ns" get pods -l app=smoke -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}')"
grep -q '^kwok-node-' <<<"$nodes" || fail "pods are not on KWOK nodes: $nodes"
echo "ok: 2 pods Running on KWOK nodes after $((SECONDS - start)) s"

k -n "$ns" apply -f "$refdir/04-gateway.yaml" >/dev/null || fail "04-gateway.yaml did not apply"
k -n "$ns" get gateways.networking.istio.io example-app-gateway >/dev/null || fail "Gateway not found after apply"
echo "ok: reference Gateway applied"
echo "3 passed, 0 failed"
