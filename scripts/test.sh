#!/usr/bin/env bash
# Builds VelaDesk, the local control plane and its data plane, then runs every test (unit and
# integration; ctest starts and stops the local cluster itself); then the sanitizer build's
# unit tests and fuzz smoke runs (build-asan).
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

# The sanitizer build (issue 9): clang with AddressSanitizer + UndefinedBehaviorSanitizer and
# libFuzzer instrumentation, in its own folder. It runs the unit tests again (any sanitizer
# report fails the test) and a short run of every fuzz target (label `fuzz`, about 20 s each).
# VELADESK_SKIP_SANITIZERS=1 skips it (e.g. while iterating on one test).
if [[ "${VELADESK_SKIP_SANITIZERS:-0}" != 1 ]]; then
  asan="${VELADESK_ASAN_BUILD_DIR:-build-asan}"
  # -Werror here too: clang 14 warns about things gcc does not (a defaulted == that is
  # deleted went unseen for a session), and warnings stay at zero in both compilers.
  cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVELADESK_WERROR=ON \
    -DCMAKE_CXX_COMPILER=clang++-14 -DVELADESK_SANITIZE=ON -DVELADESK_FUZZ=ON
  # Only what runs here: the unit tests (with the veladesk binary they start) and the fuzz
  # targets, not the integration tests.
  cmake --build "$asan" -j "$(nproc)" --target veladesk_unit_tests
  ctest --test-dir "$asan" --output-on-failure -L 'unit|fuzz' -LE 'lint|package'
fi
