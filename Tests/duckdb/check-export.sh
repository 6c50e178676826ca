#!/usr/bin/env bash
# Loads the export of the fixtures into DuckDB (its shell installed from PyPI into .build-duckdb/, once) and checks
# that the SQL in docs/sql gives the rows of `dmarc-parse -s --failing`: from the ndjson export, from the csv export
# and from the nested --reports documents. Also checks that the documented typed view names every exported column,
# and that README.md and docs/export-schema.md show that SQL, and the README the query's real output.
#
# Usage: Tests/duckdb/check-export.sh   (from anywhere; DMARC_SCRATCH_PATH=.build-x picks the build folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

duckdb_version=1.5.6
venv=$root/.build-duckdb/venv
scratch=()
if [[ -n ${DMARC_SCRATCH_PATH:-} ]]; then scratch=(--scratch-path "$DMARC_SCRATCH_PATH"); fi

if [[ "$("$venv/bin/duckdb" --version 2>/dev/null)" != "v$duckdb_version "* ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "duckdb-cli==$duckdb_version"
fi
duckdb_box() { NO_COLOR=1 "$venv/bin/duckdb" "$@"; }
duckdb_rows() { NO_COLOR=1 "$venv/bin/duckdb" -noheader -list -separator $'\t' "$@"; }

swift build "${scratch[@]}" --product dmarc-parse >/dev/null
tool="$(swift build "${scratch[@]}" --show-bin-path)/dmarc-parse"

fixtures=()
for folder in Fixtures/cli/good Fixtures/sample; do
    if [[ -d $folder ]]; then fixtures+=("$root/$folder"); fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$tool" --records --format ndjson "${fixtures[@]}" >records.ndjson 2>/dev/null
"$tool" --records --format csv "${fixtures[@]}" >records.csv 2>/dev/null
# With enrichment, six more columns (README "Who is this source?"): the typed view names them too.
"$tool" --records --format csv --ip-db "$root/Fixtures/enrichment/ipinfo-lite.mmdb" "${fixtures[@]}" \
    >records-enriched.csv 2>/dev/null
"$tool" --records --format ndjson --ip-db "$root/Fixtures/enrichment/ipinfo-lite.mmdb" "${fixtures[@]}" \
    >records-enriched.ndjson 2>/dev/null
"$tool" --reports --format ndjson "${fixtures[@]}" >reports.ndjson 2>/dev/null
"$tool" -s --failing --format tsv "${fixtures[@]}" 2>/dev/null | tail -n +2 | cut -f1,2,11 >expected.tsv

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }
# Compares a file with the expected rows and says which check it was.
same_rows() {
    if diff -u expected.tsv "$2" >diff.txt; then pass "$1"; else fail "$1"; cat diff.txt; fi
}
# Whether a file holds the text of another, verbatim.
shows() {
    python3 -c 'import sys; sys.exit(open(sys.argv[2]).read() not in open(sys.argv[1]).read())' "$1" "$2"
}

if [[ $(wc -l <expected.tsv) -lt 3 ]]; then fail "the fixtures have at least 3 failing sources"; fi

duckdb_rows <"$root/docs/sql/failing-sources.sql" >ndjson.tsv
same_rows "failing-sources.sql over the ndjson export = dmarc-parse -s --failing" ndjson.tsv

sed "s/read_json('records.ndjson')/read_csv('records.csv')/" "$root/docs/sql/failing-sources.sql" >csv.sql
duckdb_rows <csv.sql >csv.tsv
same_rows "failing-sources.sql over the csv export = dmarc-parse -s --failing" csv.tsv

duckdb_rows <"$root/docs/sql/failing-sources-nested.sql" >nested.tsv
same_rows "failing-sources-nested.sql over the --reports documents = dmarc-parse -s --failing" nested.tsv

{
    cat "$root/docs/sql/records-view.sql"
    echo "SELECT string_agg(column_name, ',' ORDER BY rowid) FROM (SELECT row_number() OVER () AS rowid, column_name FROM (DESCRIBE records));"
} | duckdb_rows >view-columns.txt
head -1 records-enriched.csv | tr -d '\r' >export-columns.txt
if diff -u export-columns.txt view-columns.txt >diff.txt; then
    pass "records-view.sql types every exported column (with enrichment), in order"
else
    fail "records-view.sql types every exported column (with enrichment), in order"; cat diff.txt
fi
{
    sed "s/records.ndjson/records-enriched.ndjson/" "$root/docs/sql/records-view.sql"
    echo "SELECT coalesce(CAST(asn + 0 AS VARCHAR), '-'), coalesce(country, '-'), coalesce(CAST(ptr_confirmed AS VARCHAR), '-') FROM records;"
} | duckdb_rows >enriched-view.tsv
jq -r '[(.asn // "-" | tostring), (.country // "-"), (.ptr_confirmed // "-" | tostring)] | @tsv' records-enriched.ndjson \
    >enriched-jq.tsv
if grep -q . enriched-jq.tsv && diff -u enriched-jq.tsv enriched-view.tsv >diff.txt; then
    pass "records-view.sql reads the enrichment columns (asn a number, country, ptr_confirmed)"
else
    fail "records-view.sql reads the enrichment columns"; cat diff.txt
fi
{
    cat "$root/docs/sql/records-view.sql"
    sed "s/read_json('records.ndjson')/records/" "$root/docs/sql/failing-sources.sql"
} | duckdb_rows >view.tsv
same_rows "failing-sources.sql over records-view.sql = dmarc-parse -s --failing" view.tsv

for sql in failing-sources.sql failing-sources-nested.sql records-view.sql; do
    if shows "$root/docs/export-schema.md" "$root/docs/sql/$sql"; then
        pass "docs/export-schema.md shows docs/sql/$sql"
    else
        fail "docs/export-schema.md shows docs/sql/$sql (paste it in again)"
    fi
done
if shows "$root/README.md" "$root/docs/sql/failing-sources.sql"; then
    pass "README.md shows docs/sql/failing-sources.sql"
else
    fail "README.md shows docs/sql/failing-sources.sql (paste it in again)"
fi

# The README's output is the query's over the export of Fixtures/sample alone.
if [[ -d $root/Fixtures/sample ]]; then
    "$tool" --records --format ndjson "$root/Fixtures/sample" >records.ndjson 2>/dev/null
    duckdb_box <"$root/docs/sql/failing-sources.sql" >readme-output.txt
    if shows "$root/README.md" readme-output.txt; then
        pass "README.md shows the query's real output on Fixtures/sample"
    else
        fail "README.md shows the query's real output on Fixtures/sample; it is now:"; cat readme-output.txt
    fi
fi

echo "export-check: $passed passed, $failed failed"
((failed == 0))
