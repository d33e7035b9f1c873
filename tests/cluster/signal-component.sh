#!/usr/bin/env bash
# Sends a signal to one component of a local cluster started by start.sh (kwokctl --runtime
# binary), found through the pid file kwokctl keeps. Tests use STOP and CONT to freeze a
# component for a moment (say, kube-controller-manager, so that the statuses it writes lag
# behind the objects) without restarting it.
#
#   signal-component.sh --name NAME --component kube-controller-manager --signal STOP|CONT
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/versions.sh"

name=veladesk
component=""
signal=""
while (($#)); do
  case "$1" in
    --name) name="$2"; shift 2 ;;
    --component) component="$2"; shift 2 ;;
    --signal) signal="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "signal-component.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$component" =~ ^[a-z-]+$ ]] || { echo "signal-component.sh: --component NAME is required" >&2; exit 2; }
[[ "$signal" == STOP || "$signal" == CONT ]] || { echo "signal-component.sh: --signal is STOP or CONT" >&2; exit 2; }
pidfile="$VELADESK_CACHE/kwok/clusters/$name/pids/$component.pid"
[[ -f "$pidfile" ]] || { echo "no $component pid file for cluster $name ($pidfile)" >&2; exit 1; }
pid="$(cat "$pidfile")"
[[ -r "/proc/$pid/cmdline" ]] || { echo "$component (pid $pid) of cluster $name is not running" >&2; exit 1; }
kill "-$signal" "$pid"
echo "[signal-component $name $(date +%H:%M:%S.%3N)] SIG$signal sent to $component (pid $pid)" >&2
