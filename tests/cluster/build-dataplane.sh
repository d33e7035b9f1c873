#!/usr/bin/env bash
# Builds the data plane of the local cluster from Go modules (no prebuilt downloads):
#  - traefik: Traefik $TRAEFIK_VERSION (github.com/traefik/traefik/v3/cmd/traefik), whose
#    Kubernetes Gateway provider is the Gateway API implementation, built through a wrapper
#    module that copies the replace and exclude directives of Traefik's own go.mod;
#  - podserve: tests/cluster/podserve, the stand-in for container images on KWOK pods.
# Cached in $DATAPLANE_BIN_DIR (keyed by the Traefik and Gateway API versions) and
# $VELADESK_CACHE/bin/podserve-<hash of its sources>; nothing is rebuilt when present.
# Prints the two binaries' paths on stdout as TRAEFIK=... and PODSERVE=... lines.
#
# Three things of Traefik's go.mod cannot be had from the module proxy, and are replaced:
#  - github.com/traefik/traefik/dynamic/ext is a nested module of Traefik's repository
#    (`=> ./pkg/config/dynamic/ext`), published neither in the proxy nor in Traefik's
#    module zip: a stand-in module with its two empty extension types (HTTP, Router),
#    which is what the open-source build has.
#  - the fork github.com/containous/go-http-auth at the version Traefik pins is refused by
#    the proxy: the fork's 2020 version, which has the same API (basic and digest auth
#    middlewares only; VelaDesk's tests use neither).
#  - github.com/go-acme/lego/v5/providers/dns, the registry of ACME DNS-01 providers, imports
#    ~180 cloud SDKs of which the proxy refuses about 15: lego is used from a copy whose
#    registry builds no DNS provider (asking for one is an error). ACME is not used here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

log() { printf '[data-plane %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
command -v go >/dev/null || { echo "go is required to build the data plane" >&2; exit 1; }
export GOFLAGS="-buildvcs=false"

HTTP_AUTH_FORK="github.com/containous/go-http-auth@v0.4.1-0.20200324110947-a37a7636d23e"

moddir() { go mod download -json "$1" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p'; }
modfile() { go mod download -json "$1" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p'; }

build_traefik() {
  local out="$DATAPLANE_BIN_DIR/traefik"
  [[ -x "$out" ]] && return 0
  local started=$SECONDS
  local dir="$VELADESK_CACHE/build/traefik-${TRAEFIK_VERSION}_gateway-api-${GATEWAY_API_VERSION}"
  rm -rf "$dir"
  mkdir -p "$dir" "$DATAPLANE_BIN_DIR"
  log "fetching github.com/traefik/traefik/v3 $TRAEFIK_VERSION"
  local tmod
  tmod="$(modfile "github.com/traefik/traefik/v3@$TRAEFIK_VERSION")"
  [[ -f "$tmod" ]] || { echo "cannot download github.com/traefik/traefik/v3@$TRAEFIK_VERSION" >&2; exit 1; }

  {
    echo "module veladesk.local/traefik"
    echo
    grep -m1 '^go ' "$tmod"
    echo
    echo "require github.com/traefik/traefik/v3 $TRAEFIK_VERSION"
    echo "require sigs.k8s.io/gateway-api $GATEWAY_API_VERSION"
    # Imported by Traefik's dependencies without being required by their go.mod files: go
    # mod tidy would otherwise take whatever is newest on the day.
    echo "require ("
    echo "	github.com/bytedance/gopkg v0.1.4"
    echo "	github.com/bytedance/sonic/loader v0.5.3"
    echo "	github.com/cloudwego/base64x v0.1.7"
    echo "	github.com/twitchyliquid64/golang-asm v0.15.1"
    echo ")"
  } >"$dir/go.mod"

  # replace and exclude directives of Traefik's go.mod, single-line and block forms, as
  # "replace OLD[ VER] => NEW[ VER]" / "exclude MOD VER" lines.
  local directives
  directives="$(awk '
    /^(replace|exclude)[ \t]*\($/ { block = $1; next }
    block != "" && /^\)/ { block = ""; next }
    block != "" && NF && $1 !~ /^\/\// { print block, $0; next }
    /^(replace|exclude)[ \t]/ && $2 != "(" { print }
  ' "$tmod" | sed 's#[[:space:]]*//.*##')"
  local line old new
  while read -r line; do
    [[ -n "$line" ]] || continue
    case "$line" in
      exclude\ *)
        read -r _ old new <<<"$line"
        (cd "$dir" && go mod edit -exclude "$old@$new")
        ;;
      replace\ *)
        old="$(sed 's/^replace[[:space:]]*//; s/[[:space:]]*=>.*//; s/[[:space:]][[:space:]]*/@/' <<<"$line")"
        new="$(sed 's/.*=>[[:space:]]*//; s/[[:space:]][[:space:]]*/@/' <<<"$line")"
        case "$old" in
          github.com/traefik/traefik/dynamic/ext) new="./ext" ;;
          github.com/abbot/go-http-auth) new="$HTTP_AUTH_FORK" ;;
          *) [[ "$new" != ./* && "$new" != ../* ]] || { echo "Traefik's go.mod has a local replace this script does not know: $line" >&2; exit 1; } ;;
        esac
        (cd "$dir" && go mod edit -replace "$old=$new")
        ;;
    esac
  done <<<"$directives"

  mkdir -p "$dir/ext"
  cat >"$dir/ext/go.mod" <<'GOMOD'
module github.com/traefik/traefik/dynamic/ext

go 1.24
GOMOD
  cat >"$dir/ext/ext.go" <<'GO'
// Package ext stands in for Traefik's dynamic-configuration extension module, which is
// not published: the open-source build's extension types are empty.
package ext

// HTTP is a dynamic.HTTP extension.
type HTTP struct{}

// Router is a dynamic.Router extension.
type Router struct{}
GO

  local lego_version lego_src
  lego_version="$(sed -n 's#^[[:space:]]*github.com/go-acme/lego/v5[[:space:]]\(v[^[:space:]]*\).*#\1#p' "$tmod" | head -1)"
  [[ -n "$lego_version" ]] || { echo "cannot find github.com/go-acme/lego/v5 in Traefik's go.mod" >&2; exit 1; }
  lego_src="$(moddir "github.com/go-acme/lego/v5@$lego_version")"
  [[ -d "$lego_src/providers/dns" ]] || { echo "cannot download github.com/go-acme/lego/v5@$lego_version" >&2; exit 1; }
  log "using lego $lego_version without DNS-01 providers"
  cp -r "$lego_src" "$dir/lego"
  chmod -R u+w "$dir/lego"
  rm -f "$dir"/lego/providers/dns/*.go
  cat >"$dir/lego/providers/dns/dns_providers.go" <<'GO'
// Package dns is lego's registry of DNS-01 challenge providers, built here without any:
// their cloud SDKs are not all served by the Go module proxy, and VelaDesk's local data
// plane uses no ACME.
package dns

import (
	"fmt"

	"github.com/go-acme/lego/v5/challenge"
)

// NewDNSChallengeProviderByName fails: no DNS provider is built in.
func NewDNSChallengeProviderByName(name string) (challenge.Provider, error) {
	return nil, fmt.Errorf("DNS challenge provider %q is not built into this Traefik (VelaDesk test build)", name)
}
GO
  (cd "$dir" && go mod edit -replace "github.com/go-acme/lego/v5=./lego")

  cat >"$dir/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/traefik/traefik/v3/cmd/traefik"
GO
  log "resolving modules (go mod tidy)"
  (cd "$dir" && GOFLAGS="$GOFLAGS -mod=mod" go mod tidy >/dev/null)
  log "building traefik $TRAEFIK_VERSION (several minutes the first time)"
  local ld="-s -w -X github.com/traefik/traefik/v3/pkg/version.Version=$TRAEFIK_VERSION"
  ld+=" -X github.com/traefik/traefik/v3/pkg/version.BuildDate=1970-01-01T00:00:00Z"
  (cd "$dir" && go build -trimpath -ldflags "$ld" -o "$out.tmp" github.com/traefik/traefik/v3/cmd/traefik)
  mv "$out.tmp" "$out"
  log "traefik built in $((SECONDS - started)) s"
}

podserve_src="$here/podserve"
podserve_key="$(cat "$podserve_src/go.mod" "$podserve_src/go.sum" "$podserve_src"/*.go | sha256sum | cut -c1-12)"
PODSERVE_BIN="$VELADESK_CACHE/bin/podserve-$podserve_key/podserve"

build_podserve() {
  [[ -x "$PODSERVE_BIN" ]] && return 0
  local started=$SECONDS
  mkdir -p "$(dirname "$PODSERVE_BIN")"
  log "building podserve ($podserve_key)"
  (cd "$podserve_src" && go build -trimpath -ldflags "-s -w" -o "$PODSERVE_BIN.tmp" .)
  mv "$PODSERVE_BIN.tmp" "$PODSERVE_BIN"
  log "podserve built in $((SECONDS - started)) s"
}

build_podserve
build_traefik
echo "TRAEFIK=$DATAPLANE_BIN_DIR/traefik"
echo "PODSERVE=$PODSERVE_BIN"
