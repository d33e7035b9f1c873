#!/usr/bin/env bash
# Builds the local Kubernetes control plane from Go modules (no prebuilt
# downloads): kube-apiserver, kube-controller-manager, kube-scheduler, kubectl
# from k8s.io/kubernetes; etcd from go.etcd.io/etcd/server/v3; kwok and kwokctl.
# Also extracts the Istio, KubeVela and Gateway API (standard channel) CRDs from the module
# cache.
# Results are cached in $CP_BIN_DIR / $CP_CRD_DIR; nothing is rebuilt when present.
# The first run takes a long time (about 25 minutes on 2 cores).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

log() { printf '[control-plane %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

command -v go >/dev/null || { echo "go is required to build the local control plane" >&2; exit 1; }

work="$VELADESK_CACHE/build"
mkdir -p "$CP_BIN_DIR" "$CP_CRD_DIR" "$work"
export GOFLAGS="-mod=mod -buildvcs=false"

build_k8s() {
  local need=()
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [[ -x "$CP_BIN_DIR/$b" ]] || need+=("$b")
  done
  ((${#need[@]})) || return 0
  local dir="$work/k8s-$K8S_VERSION"
  mkdir -p "$dir"
  log "fetching k8s.io/kubernetes $K8S_VERSION"
  local modfile
  modfile="$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  [[ -f "$modfile" ]] || { echo "cannot download k8s.io/kubernetes@$K8S_VERSION" >&2; exit 1; }
  # Staging modules k8s.io/X => ./staging/src/k8s.io/X become k8s.io/X v0.<minor>.<patch>.
  local staging="v0.${K8S_VERSION#v1.}"
  {
    echo "module veladesk.local/k8s-control-plane"
    echo
    grep -m1 '^go ' "$modfile"
    echo
    echo "require k8s.io/kubernetes $K8S_VERSION"
    echo
    echo "replace ("
    sed -n 's#^[[:space:]]*\(k8s\.io/[^ ]*\) => \./staging/src/.*#\t\1 => \1 '"$staging"'#p' "$modfile"
    echo ")"
  } >"$dir/go.mod"
  cat >"$dir/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  (cd "$dir" && log "resolving modules (go mod tidy)" && go mod tidy >/dev/null)
  local minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
  local ld="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    ld+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  for b in "${need[@]}"; do
    log "building $b $K8S_VERSION (several minutes)"
    (cd "$dir" && go build -trimpath -ldflags "$ld" -o "$CP_BIN_DIR/$b.tmp" "k8s.io/kubernetes/cmd/$b")
    mv "$CP_BIN_DIR/$b.tmp" "$CP_BIN_DIR/$b"
  done
}

build_etcd() {
  [[ -x "$CP_BIN_DIR/etcd" ]] && return 0
  local dir="$work/etcd-$ETCD_VERSION"
  mkdir -p "$dir"
  cat >"$dir/go.mod" <<GOMOD
module veladesk.local/etcd

go 1.24

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
GOMOD
  cat >"$dir/main.go" <<'GO'
// etcd built as a tool from the server module.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  log "building etcd $ETCD_VERSION"
  (cd "$dir" && go mod tidy >/dev/null && go build -trimpath -ldflags "-s -w" -o "$CP_BIN_DIR/etcd.tmp" .)
  mv "$CP_BIN_DIR/etcd.tmp" "$CP_BIN_DIR/etcd"
}

build_kwok() {
  [[ -x "$CP_BIN_DIR/kwok" && -x "$CP_BIN_DIR/kwokctl" ]] && return 0
  local dir="$work/kwok-$KWOK_VERSION"
  mkdir -p "$dir"
  cat >"$dir/go.mod" <<GOMOD
module veladesk.local/kwok

go 1.24

require sigs.k8s.io/kwok $KWOK_VERSION
GOMOD
  cat >"$dir/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "sigs.k8s.io/kwok/cmd/kwok"
	_ "sigs.k8s.io/kwok/cmd/kwokctl"
)
GO
  log "building kwok and kwokctl $KWOK_VERSION"
  (cd "$dir" && go mod tidy >/dev/null)
  local ld="-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION#v} -X sigs.k8s.io/kwok/pkg/consts.KubeVersion=$K8S_VERSION"
  for b in kwok kwokctl; do
    (cd "$dir" && go build -trimpath -ldflags "$ld" -o "$CP_BIN_DIR/$b.tmp" "sigs.k8s.io/kwok/cmd/$b")
    mv "$CP_BIN_DIR/$b.tmp" "$CP_BIN_DIR/$b"
  done
}

fetch_crds() {
  [[ -f "$CP_CRD_DIR/istio.yaml" && -f "$CP_CRD_DIR/kubevela.yaml" ]] && return 0
  log "extracting CRDs: istio.io/api $ISTIO_API_VERSION, kubevela $KUBEVELA_VERSION"
  local idir vdir
  idir="$(go mod download -json "istio.io/api@$ISTIO_API_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  # KubeVela v1.1.0's go.mod is absent from the checksum database; the module
  # proxy still serves it, so skip only that lookup.
  vdir="$(GONOSUMDB=github.com/oam-dev/kubevela go mod download -json "github.com/oam-dev/kubevela@$KUBEVELA_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  cp "$idir/kubernetes/customresourcedefinitions.gen.yaml" "$CP_CRD_DIR/istio.yaml.tmp"
  local c="$vdir/charts/vela-core/crds"
  {
    # The Application CRD names a conversion webhook that does not exist here.
    sed '/^  conversion:/,/^  [a-z]/{/^  conversion:/{s/.*/  conversion:\n    strategy: None/;n};/^    /d}' "$c/core.oam.dev_applications.yaml"
    echo "---"
    cat "$c/core.oam.dev_applicationrevisions.yaml"
    echo "---"
    cat "$c/core.oam.dev_appdeployments.yaml"
  } >"$CP_CRD_DIR/kubevela.yaml.tmp"
  mv "$CP_CRD_DIR/istio.yaml.tmp" "$CP_CRD_DIR/istio.yaml"
  mv "$CP_CRD_DIR/kubevela.yaml.tmp" "$CP_CRD_DIR/kubevela.yaml"
}

# Gateway API, standard channel: the files of config/crd/standard in the order of
# config/crd/kustomization.yaml (the release's standard-install.yaml), including its
# ValidatingAdmissionPolicy that keeps experimental CRDs from replacing standard ones.
fetch_gateway_crds() {
  [[ -f "$GATEWAY_CRD_DIR/standard-install.yaml" ]] && return 0
  log "extracting CRDs: sigs.k8s.io/gateway-api $GATEWAY_API_VERSION (standard channel)"
  local gdir
  gdir="$(go mod download -json "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  [[ -f "$gdir/config/crd/kustomization.yaml" ]] || { echo "sigs.k8s.io/gateway-api@$GATEWAY_API_VERSION has no config/crd" >&2; exit 1; }
  mkdir -p "$GATEWAY_CRD_DIR"
  local f n=0
  while read -r f; do
    [[ -f "$gdir/config/crd/$f" ]] || { echo "gateway-api: $f is listed but missing" >&2; exit 1; }
    echo "---"
    cat "$gdir/config/crd/$f"
    n=$((n + 1))
  done < <(sed -n 's#^[[:space:]]*-[[:space:]]*\(standard/.*\.yaml\)[[:space:]]*$#\1#p' "$gdir/config/crd/kustomization.yaml") \
    >"$GATEWAY_CRD_DIR/standard-install.yaml.tmp"
  ((n > 0)) || { echo "gateway-api: no standard CRDs listed in config/crd/kustomization.yaml" >&2; exit 1; }
  mv "$GATEWAY_CRD_DIR/standard-install.yaml.tmp" "$GATEWAY_CRD_DIR/standard-install.yaml"
}

fetch_crds
fetch_gateway_crds
build_etcd
build_kwok
build_k8s
log "control plane binaries ready in $CP_BIN_DIR"
