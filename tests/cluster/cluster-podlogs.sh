# Sourced by start.sh and stop.sh (kept apart so those stay easy to merge): container logs
# for the local cluster, through the kubelet API that KWOK serves.
#
# KWOK runs no containers, but its kubelet server answers /containerLogs from files that its
# kwok.x-k8s.io/v1alpha1 Logs objects name (KWOK's log simulation), with the kubelet's own
# CRI log reader (tailLines, sinceTime, timestamps, previous, follow). So `kubectl logs`
# goes API server -> kwok controller ("kubelet") -> file, as on a real node.
# tests/cluster/podlogs (Go, client-go; built once and cached by the hash of its sources)
# watches pods and, for each pod bound to a node, writes one file per container and applies
# the pod's Logs object; every second it appends one line per container:
#
#   revision=<app.oam.dev/appRevision> pod=<ns>/<name> container=<c> seq=<n>
#
# and `--previous` prints three "previous seq=N" lines. Files stop growing after 1,000 lines
# (VELADESK_PODLOGS_MAX_LINES) and go with their pod. State: $VELADESK_CACHE/podlogs/NAME/.
# Needs versions.sh sourced first.

podlogs_state_dir() { echo "$VELADESK_CACHE/podlogs/$1"; }

# podlogs_build: builds the harness if needed; prints its path.
podlogs_build() {
  local src="$here/podlogs" key bin started=$SECONDS
  key="$(cat "$src/go.mod" "$src/go.sum" "$src"/*.go | sha256sum | cut -c1-12)"
  bin="$VELADESK_CACHE/bin/podlogs-$key/podlogs"
  if [[ ! -x "$bin" ]]; then
    mkdir -p "$(dirname "$bin")"
    echo "[podlogs] building tests/cluster/podlogs ($key)" >&2
    (cd "$src" && go build -trimpath -ldflags "-s -w" -o "$bin.tmp" .) >&2
    mv "$bin.tmp" "$bin"
    echo "[podlogs] built in $((SECONDS - started)) s" >&2
  fi
  echo "$bin"
}

# podlogs_kwokctl_args ARRAY: appends to the array named ARRAY the arguments of
# `kwokctl create cluster` that serve Logs objects from the API server (the CRD, and the kwok
# controller's --enable-crds).
podlogs_kwokctl_args() {
  local -n args="$1"
  args+=(--enable-crds Logs)
}

# podlogs_stop NAME: ends the harness of cluster NAME (by its recorded pid), if it runs.
podlogs_stop() {
  local state pid exe
  state="$(podlogs_state_dir "$1")"
  [[ -f "$state/podlogs.pid" ]] || return 0
  read -r pid exe <"$state/podlogs.pid" || true
  if [[ -n "$pid" && -r "/proc/$pid/cmdline" &&
        "$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -1)" == "$exe" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$state/podlogs.pid" "$state/ready"
  rm -rf "$state/files"
}

# podlogs_start NAME KUBECONFIG: starts the harness for cluster NAME and waits (bounded) until
# it has listed the pods. VELADESK_PODLOGS=0 skips it (e.g. for a benchmark of 10,000 pods:
# the harness writes a Logs object per pod, 20 per second at most, and a file per container).
podlogs_start() {
  local name="$1" kubeconfig="$2" state bin pid
  state="$(podlogs_state_dir "$name")"
  podlogs_stop "$name"
  if [[ "${VELADESK_PODLOGS:-1}" == 0 ]]; then
    echo "[podlogs] VELADESK_PODLOGS=0: no container logs in cluster $name" >&2
    return 0
  fi
  bin="$(podlogs_build)"
  mkdir -p "$state"
  rm -f "$state/ready"
  # Only the API server on 127.0.0.1 is dialled: never through a proxy.
  setsid env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY \
    "$bin" --kubeconfig "$kubeconfig" --dir "$state/files" --ready-file "$state/ready" \
    --max-lines "${VELADESK_PODLOGS_MAX_LINES:-1000}" \
    </dev/null >"$state/podlogs.log" 2>&1 &
  pid=$!
  echo "$pid $bin" >"$state/podlogs.pid"
  for _ in $(seq 1 300); do
    [[ -f "$state/ready" ]] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "podlogs did not start within 60 s; its log ($state/podlogs.log):" >&2
  tail -20 "$state/podlogs.log" >&2 || true
  podlogs_stop "$name"
  return 1
}
