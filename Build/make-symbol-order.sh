#!/usr/bin/env bash
# Build/make-symbol-order.sh: writes Build/symbol-order.txt, the functions the tool runs, for the linker to place
# together in the installed binary (`make`, Benchmarks/run.sh: lld's --symbol-ordering-file).
#
# Why: the binary's code is 16 MB with the Swift runtime and Foundation linked in, and the kernel maps it 64 KiB
# around each page the program touches (fault-around). Scattered over the whole, the few thousand functions a run
# calls kept 150 such windows resident, 9.6 MiB of the 16.9 MiB `dmarc-parse --version` took; placed together,
# 68 (4.1 MiB), and the giant report reads 3–3.6 MiB lighter.
#
# The list is what callgrind saw run in the views on Fixtures/ and on one generated report large enough to be
# split over threads, as .xml.gz, .xml and .zip. A function the list misses (new code, a renamed type) is only
# placed elsewhere: the binary is the same otherwise, so the list needs renewing only now and then.
# Needs valgrind. Takes a few minutes.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --static-swift-stdlib --scratch-path .build-order -Xswiftc -Xfrontend -Xswiftc -function-sections \
    -Xswiftc -use-ld=lld >&2
binary=$(swift build -c release --static-swift-stdlib --scratch-path .build-order --show-bin-path)/dmarc-parse

# A report of 12,000 records (8 MiB of XML: past DocumentSplitting's 4 MiB, so its pieces go to other threads).
python3 Benchmarks/generate-corpus.py single --out "$work/large" --records 12000 --ips 3000 --wide-pool --seed 1 >&2
large=$(ls "$work"/large/*.xml.gz)
gunzip -c "$large" > "$work/large.xml"
(cd "$work" && python3 -c 'import sys, zipfile; zipfile.ZipFile("large.zip", "w", zipfile.ZIP_DEFLATED).write("large.xml")')

run=0
trace() {
    run=$((run + 1))
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$run" "$binary" "$@" >/dev/null 2>&1 || true
}
trace --version
trace --help
for view in "" -s --audit --timeline --dkim --domains --reports "--html -"; do
    # shellcheck disable=SC2086  # the view's words
    trace $view Fixtures
done
for format in table tsv csv json ndjson; do
    trace --records --format "$format" Fixtures
    trace -s --format "$format" Fixtures
done
for file in "$large" "$work/large.xml" "$work/large.zip"; do
    trace -s "$file"
    trace "$file"
done
trace --records --format ndjson "$large"

# Function names as callgrind gives them (first use of each id), kept when the binary defines them, in the order
# first seen.
nm --defined-only "$binary" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$work/defined"
cat "$work"/cg.* | sed -nE 's/^c?fn=\([0-9]+\) (.*)$/\1/p' | awk '!seen[$0]++' \
    | grep -xFf "$work/defined" > Build/symbol-order.txt
echo "Build/symbol-order.txt: $(wc -l < Build/symbol-order.txt) functions" >&2
