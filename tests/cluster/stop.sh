#!/usr/bin/env bash
# Stops a local cluster started by start.sh and removes its state.
#   stop.sh [--name NAME]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"
name=veladesk
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    *) echo "stop.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
# --- data plane (issue 12): its processes talk to this cluster; end them first ---
bash "$here/dataplane.sh" stop --name "$name" || true
# --- end data plane ---
# --- pod logs (issue 13): the harness writing container logs; see cluster-podlogs.sh ---
. "$here/cluster-podlogs.sh"
podlogs_stop "$name"
# --- end pod logs ---
export KWOK_WORKDIR="$VELADESK_CACHE/kwok"
if [[ -x "$CP_BIN_DIR/kwokctl" && -d "$KWOK_WORKDIR/clusters/$name" ]]; then
  "$CP_BIN_DIR/kwokctl" --name "$name" delete cluster >&2 || true
fi
# A component restarted outside kwokctl (tests/cluster/restart-apiserver.sh) may not be known
# to it any more: stop whatever still runs from this cluster's folder.
if pkill -f "^$KWOK_WORKDIR/clusters/$name/bin/" 2>/dev/null; then
  sleep 1
  pkill -9 -f "^$KWOK_WORKDIR/clusters/$name/bin/" 2>/dev/null || true
fi
rm -rf "$KWOK_WORKDIR/clusters/$name" "$KWOK_WORKDIR/veladesk-$name.yaml"
echo "cluster $name stopped" >&2
