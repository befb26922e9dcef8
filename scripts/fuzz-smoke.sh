#!/usr/bin/env bash
# Builds the case-loader fuzz target (clang, libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer)
# in build-fuzz/ and runs it on the seed corpus fuzz/corpus/ for a number of seconds.
# Needs the Debian packages clang and libclang-rt-14-dev (scripts/common.sh installs them).
#
#   scripts/fuzz-smoke.sh [seconds]     default 60
#
# New inputs go to build-fuzz/corpus/ (the committed seeds stay as they are); a crash leaves its
# input in build-fuzz/ as crash-<hash>, to replay with: build-fuzz/fuzz/fuzz_case_loader <file>.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
build="$root/build-fuzz"

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCITYFIN_FUZZ=ON -DCITYFIN_BUILD_TESTS=OFF -DCITYFIN_BUILD_BENCH=OFF
fi
cmake --build "$build" --target fuzz_case_loader

mkdir -p "$build/corpus"
"$build/fuzz/fuzz_case_loader" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -dict="$root/fuzz/case.dict" -artifact_prefix="$build/" -print_final_stats=1 \
  "$build/corpus" "$root/fuzz/corpus"
