#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for SECONDS, one after another, seeded with
# Fixtures/. Exits non-zero when a target found a crash, a leak, a timeout or ran out of memory, and prints the
# reproducer; rerun one with `.build-fuzz/release/fuzz-NAME path/to/crash-...` (SWIFT_BACKTRACE=enable=no).
#
#   Fuzz/run.sh SECONDS [TARGET...]      TARGET: containers, xml, mime, ipdb, dns (default: all five)
#
# Environment: FUZZ_RSS_MB (default 2048), FUZZ_TIMEOUT (seconds per input, default 10), FUZZ_OPTIONS (more
# libFuzzer flags). The corpus grows in .build-fuzz/corpus/TARGET, findings go to .build-fuzz/artifacts/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: Fuzz/run.sh SECONDS [containers|xml|mime|ipdb|dns ...]}
shift
targets=("$@")
((${#targets[@]})) || targets=(containers xml mime ipdb dns)
scratch=.build-fuzz

# The fuzz targets are recompiled each time: they inline the library's initialisers, and an incremental build that
# missed a change of a struct's layout under them (a library file saved during the build) gives false ASan reports.
touch Fuzz/Sources/*/*.swift
# lld: gold stops with an internal error on these binaries. -enable-testing: fuzz-xml uses the XML reader itself.
swift build --package-path Fuzz -c release --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld 2>&1 \
    | { grep -v "Cannot export local symbol" || true; } >&2

# Seeds: what each target reads, from Fixtures/ (the files are copied; the corpus only grows).
seed() {
    local target=$1 corpus=$2
    case $target in
        containers) find Fixtures -type f ! -name '*.py' ;;
        xml) find Fixtures -type f -name '*.xml' ;;
        mime) find Fixtures/mail -type f ! -name '*.py' ;;
        ipdb) find Fixtures/enrichment -type f ! -name '*.py' ! -name '*.sh' ;;
        dns) find Fixtures/dns -type f ! -name '*.py' ;;
    esac | while IFS= read -r file; do
        cp "$file" "$corpus/seed-$(sha1sum < "$file" | cut -c1-16)"
    done
}

failed=0
for target in "${targets[@]}"; do
    binary=$scratch/release/fuzz-$target
    [[ -x $binary ]] || { echo "run.sh: no fuzz target '$target' (containers, xml, mime, ipdb, dns)" >&2; exit 2; }
    corpus=$scratch/corpus/$target
    artifacts=$scratch/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    seed "$target" "$corpus"
    log=$scratch/fuzz-$target.log
    echo "== fuzz-$target: ${seconds}s, corpus $(find "$corpus" -type f | wc -l) files, log $log" >&2
    status=0
    # One process, one core: -jobs/-workers stay at 1. Leaks are looked for after each input (the seeds hold
    # hostile/billion-laughs.xml, which leaked libxml2's DTD document before XMLPushParser freed it).
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no "$binary" \
        -max_total_time="$seconds" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -timeout="${FUZZ_TIMEOUT:-10}" \
        -max_len=65536 -dict=Fuzz/dictionaries/$target.dict -print_final_stats=1 \
        -artifact_prefix="$artifacts/" ${FUZZ_OPTIONS:-} "$corpus" > "$log" 2>&1 || status=$?
    grep -E '^(#[0-9]+ +DONE|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb))' "$log" >&2 || true
    if ((status != 0)); then
        failed=1
        echo "run.sh: fuzz-$target FAILED (exit $status); the end of $log:" >&2
        grep -E 'ERROR|SUMMARY|Fatal error|Test unit written|reproduce' "$log" | tail -8 >&2 || tail -30 "$log" >&2
    fi
done
exit $failed
