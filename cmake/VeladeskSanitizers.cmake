# Sanitizer and fuzzing builds (issue 9). Used by scripts/test.sh for its second build folder
# (build-asan): clang, AddressSanitizer + UndefinedBehaviorSanitizer, and libFuzzer's coverage
# instrumentation on every library so that the fuzz targets (tests/fuzz) see into them.
#
#   cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
#         -DVELADESK_SANITIZE=ON -DVELADESK_FUZZ=ON
option(VELADESK_SANITIZE "Build everything with the sanitizers of VELADESK_SANITIZERS" OFF)
# address,undefined for the test build; "undefined" alone for long fuzzing runs (bench/fuzz.sh
# --build build-fuzz), which are several times faster without ASan's allocator.
set(VELADESK_SANITIZERS "address,undefined" CACHE STRING "-fsanitize= list of VELADESK_SANITIZE")
option(VELADESK_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only)" OFF)

if(VELADESK_SANITIZE)
    # Any report ends the process with an error: a test that passes had zero reports.
    # -O1 and line tables only: half the compile time of -O2 -g, and still fast enough for
    # fuzzing; reports keep file:line.
    add_compile_options(-fsanitize=${VELADESK_SANITIZERS} -fno-sanitize-recover=all
                        -fno-omit-frame-pointer -O1 -gline-tables-only)
    add_link_options(-fsanitize=${VELADESK_SANITIZERS} -fno-sanitize-recover=all)
    set(VELADESK_SANITIZER_ENV
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endif()

if(VELADESK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "VELADESK_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
