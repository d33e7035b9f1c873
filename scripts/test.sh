#!/usr/bin/env bash
# Builds VelaDesk, the local control plane and its data plane, then runs every test (unit and
# integration; ctest starts and stops the local cluster itself).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-deps.sh
bash tests/cluster/build-control-plane.sh
bash tests/cluster/build-dataplane.sh >/dev/null
build="${VELADESK_BUILD_DIR:-build}"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVELADESK_WERROR=ON
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure "$@"
