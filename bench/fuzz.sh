#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz long and prints, per target, the executions per
# second, the total executions and the crashes found. The targets come from the sanitizer
# build folder (ASan + UBSan + libFuzzer, see cmake/VeladeskSanitizers.cmake), which
# scripts/test.sh builds; this script configures and builds it when it is missing.
#
#   bash bench/fuzz.sh [--runs N] [--seconds S] [--jobs J] [--max-len B] [--build DIR] [target...]
#
# Each target runs until N executions (default 2,000,000) or S seconds (default 1800),
# whichever comes first, J targets at a time (default 1), inputs up to B bytes (default
# 4096; the CTest smoke runs allow 65536). New corpus entries and crash inputs go to
# DIR/tests/fuzz/long/<target>/ (the checked-in seeds are only read).
# A build with UBSan only runs several times faster than build-asan:
#   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DVELADESK_SANITIZE=ON \
#         -DVELADESK_SANITIZERS=undefined -DVELADESK_FUZZ=ON
#   bash bench/fuzz.sh --build build-fuzz --jobs 2
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=2000000
seconds=1800
jobs=1
maxlen=4096
build="$root/build-asan"
targets=()
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --max-len) maxlen="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(fuzz_kubeconfig fuzz_yaml fuzz_render fuzz_watch fuzz_diff)

if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 -DVELADESK_SANITIZE=ON -DVELADESK_FUZZ=ON >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >/dev/null

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

run_one() {
  local t="$1" dir="$build/tests/fuzz/long/$1"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  rm -f "$dir/artifacts/"*
  local start end
  start=$(date +%s)
  set +e
  "$build/tests/fuzz/$t" -runs="$runs" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len="$maxlen" -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/" "$dir/corpus" "$root/tests/fuzz/corpus/$t" \
    >"$dir/log.txt" 2>&1
  local rc=$?
  set -e
  end=$(date +%s)
  local execs rate crashes
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log.txt" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log.txt" | tail -1)
  crashes=$(find "$dir/artifacts" -type f | wc -l)
  printf '%-16s %12s execs %9s execs/s %5s s  crashes: %s  exit %s  (log: %s)\n' \
    "$t" "${execs:-?}" "${rate:-?}" "$((end - start))" "$crashes" "$rc" "$dir/log.txt"
}

printf 'fuzzing %s, up to %s executions or %s s each, %s at a time, inputs up to %s bytes (%s)\n' \
  "${targets[*]}" "$runs" "$seconds" "$jobs" "$maxlen" "$build"
running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n
    running=$((running - 1))
  fi
done
wait
