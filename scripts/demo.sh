#!/usr/bin/env bash
# Builds VelaDesk and the local control plane, starts the demo cluster seeded with
# the reference scenario and its data plane (Gateway default/example-app-gateway served by
# Traefik on http://127.0.0.1:${VELADESK_DEMO_PORT:-18080}) and opens the VelaDesk window on
# it. The cluster and the data plane are stopped when the window closes (pass --keep to
# leave them running; tests/cluster/stop.sh --name veladesk-demo stops both).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
keep=0
[[ "${1:-}" == "--keep" ]] && keep=1
bash scripts/install-deps.sh
bash tests/cluster/build-control-plane.sh
bash tests/cluster/build-dataplane.sh >/dev/null
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target veladesk
kubeconfig="$(bash tests/cluster/start.sh --name veladesk-demo)"
((keep)) || trap 'bash tests/cluster/stop.sh --name veladesk-demo' EXIT
gateway_url="$(bash tests/cluster/dataplane.sh start --name veladesk-demo --kubeconfig "$kubeconfig" \
  --gateway default/example-app-gateway --port "${VELADESK_DEMO_PORT:-18080}")"
bash scripts/seed-demo.sh "$kubeconfig"
echo "[demo] kubeconfig: $kubeconfig" >&2
echo "[demo] gateway: $gateway_url (Gateway default/example-app-gateway; the observed split:" \
  "build/app/veladesk probe example-appdeploy --url $gateway_url/ --kubeconfig $kubeconfig)" >&2
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "[demo] no display: running the window under xvfb-run" >&2
  xvfb-run -a -s "-screen 0 1280x800x24" build/app/veladesk --kubeconfig "$kubeconfig"
else
  build/app/veladesk --kubeconfig "$kubeconfig"
fi
