#!/usr/bin/env bash
# Seeds a cluster with the reference scenario, step by step, in namespace default:
# 01/02 Application v1 then v2 (revisions recorded by veladesk), 03 the v1-only plan,
# 04 the Gateway, 05 the 50/50 split (through an HTTPRoute, see below).
#   seed-demo.sh KUBECONFIG
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/tests/cluster/versions.sh"
kubeconfig="$1"
ref="$root/../shared/reference"
[[ -f "$ref/01-application-v1.yaml" ]] || ref="$root/tests/fixtures/reference"
vd="$root/build/app/veladesk"
k() { "$CP_BIN_DIR/kubectl" --kubeconfig "$kubeconfig" "$@"; }
v() { echo "[seed] veladesk $*" >&2; "$vd" "$@" --kubeconfig "$kubeconfig"; }

# The demo's data plane (dataplane.sh) is a Gateway API implementation: the AppDeployment routes
# through an HTTPRoute (chosen on the first apply, kept by the later ones), so that
# `veladesk probe example-appdeploy --url <gateway>` ("Verify split") sees the split.
routing=()
"$vd" help 2>/dev/null | grep -q -- "--routing" && routing=(--routing httproute)
if "$vd" help 2>/dev/null | grep -q "app apply"; then
  v setup
  v app apply -f "$ref/01-application-v1.yaml"
  v app apply -f "$ref/02-application-v2.yaml"
  v apply -f "$ref/03-appdeployment-v1-only.yaml" --timeout 60s "${routing[@]}"
  k apply -f "$ref/04-gateway.yaml" >&2
  v apply -f "$ref/05-appdeployment-split.yaml" --timeout 60s
else
  # Before the command line could record revisions: what kubectl alone can apply.
  echo "[seed] this veladesk has no 'app apply'; applying with kubectl what applies today" >&2
  k apply -f "$ref/01-application-v1.yaml" >&2
  k apply -f "$ref/04-gateway.yaml" >&2
fi
echo "[seed] reference scenario loaded" >&2
