#!/usr/bin/env bash
# Benchmarks/run.sh [--parsedmarc] [--quick] [--resolve-only] [--repeat N] [--data DIR] [--cases LIST]
#
# Builds the release binary, generates seeded corpora, and times dmarc-parse against the speed floor (zlib +
# libxml2's SAX2 push parser in C, one thread: ../shared/tools/floor-sax.c, else `xmllint --sax --noout`) and,
# with --parsedmarc, against `parsedmarc --offline`. Every tool reads the same files. Prints one table of wall
# time, CPU time and peak RSS with ratios: the ratios are the result, absolute times depend on the machine.
# Not a test; CI does not run it.
#
#   --parsedmarc  also time parsedmarc on the mixed and varied folders (installs it into a venv on first use)
#   --quick       skip the 100,000-file case
#   --resolve-only  only dmarc-parse on the mixed folder and the reverse DNS cases (no floor, no other corpus)
#   --repeat N    run each tool N times and keep the fastest run (default 3: the machine is shared)
#   --data DIR    where corpora, tools and outputs go (default: .build-bench-data, ignored by git)
#   --cases LIST  only these cases, comma-separated (mixed-2000,varied-2000,single-1m,giant-1m,giant-1m-xml,
#                 giant-1m-zip,tiny-100k, and resolve: the reverse DNS cases, which need mixed-2000)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench="$repo/Benchmarks"
data="$repo/.build-bench-data"
with_parsedmarc=false
quick=false
resolve_only=false
only=""
repeat=3
while (($#)); do
    case "$1" in
        --parsedmarc) with_parsedmarc=true ;;
        --quick) quick=true ;;
        --resolve-only) resolve_only=true quick=true ;;
        --repeat) repeat=${2:?--repeat needs a number}; shift ;;
        --data) data=$(mkdir -p "${2:?--data needs a folder}" && cd "$2" && pwd); shift ;;
        --cases) only=",${2:?--cases needs a list},"; shift ;;
        -h|--help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
parsedmarc_version=${PARSEDMARC_VERSION:-11.1.0}
seed=9

say() { printf '%s\n' "$*" >&2; }
[[ -x /usr/bin/time ]] || { say "run.sh: needs GNU time at /usr/bin/time (apt-get install time)"; exit 1; }
mkdir -p "$data/out"

# --- Build -----------------------------------------------------------------------------------------------------
say "== building dmarc-parse (release)"
scratch="$repo/.build-bench"
# Built as `make install` builds it (the Swift runtime linked in, functions placed by Build/symbol-order.txt).
read -ra release_flags <<< "$(make -s --no-print-directory -C "$repo" print-build-flags)"
(cd "$repo" && swift build "${release_flags[@]}" --scratch-path "$scratch" >&2)
ours="$(cd "$repo" && swift build "${release_flags[@]}" --scratch-path "$scratch" --show-bin-path)/dmarc-parse"

floor_source="$repo/../shared/tools/floor-sax.c"
if [[ -f "$floor_source" ]]; then
    floor_kind=floor-sax
    gcc -O2 -o "$data/floor-sax" "$floor_source" $(xml2-config --cflags --libs) -lz
elif command -v xmllint >/dev/null; then
    floor_kind=xmllint
else
    floor_kind=none
    say "run.sh: no floor: neither $floor_source nor xmllint (apt-get install libxml2-utils); ratios left out"
fi

if $with_parsedmarc; then
    venv="$data/parsedmarc-venv"
    if [[ ! -x "$venv/bin/parsedmarc" ]]; then
        say "== installing parsedmarc $parsedmarc_version into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet "parsedmarc==$parsedmarc_version" >&2
    fi
fi

# An IPinfo-Lite-shaped database over the corpora's addresses, for the cost of --ip-db (mmdb-writer from PyPI).
ip_db="$data/ipinfo-lite-bench.mmdb"
if [[ ! -f "$ip_db" || "$bench/make-ip-db.py" -nt "$ip_db" ]]; then
    say "== writing $ip_db"
    if ! "$data/mmdb-venv/bin/python" -c "import mmdb_writer" 2>/dev/null; then
        python3 -m venv "$data/mmdb-venv"
        "$data/mmdb-venv/bin/pip" install --quiet --disable-pip-version-check "mmdb-writer==0.2.7" >&2
    fi
    "$data/mmdb-venv/bin/python" "$bench/make-ip-db.py" "$ip_db"
fi

# --- Corpora ---------------------------------------------------------------------------------------------------
# generate CASE MODE OPTION...: a folder $data/CASE and $data/CASE.expected.json, made again only when missing or
# older than the generator.
generate() {
    local name=$1 mode=$2
    shift 2
    local folder="$data/$name" expected="$data/$name.expected.json"
    if [[ ! -f "$expected" || "$bench/generate-corpus.py" -nt "$expected" ]]; then
        say "== generating $name"
        rm -rf "$folder" "$expected" "$folder.plain"
        python3 "$bench/generate-corpus.py" "$mode" --out "$folder" "$@" --seed "$seed"
    fi
}
# repack CASE SOURCE xml|zip: the one report of SOURCE (an .xml.gz) as plain XML, or deflated in a zip.
repack() {
    local name=$1 source=$2 kind=$3
    local folder="$data/$name" expected="$data/$name.expected.json"
    if [[ ! -f "$expected" || "$data/$source.expected.json" -nt "$expected" ]]; then
        say "== repacking $source as $name"
        rm -rf "$folder" "$expected"
        python3 - "$data/$source" "$folder.tmp" "$kind" <<'PYTHON'
import gzip, os, shutil, sys, zipfile
source, target, kind = sys.argv[1:]
os.makedirs(target, exist_ok=True)
(name,) = os.listdir(source)
stem = name[:-len(".xml.gz")]
with gzip.open(os.path.join(source, name)) as report:
    if kind == "xml":
        with open(os.path.join(target, stem + ".xml"), "wb") as f:
            shutil.copyfileobj(report, f, 1 << 20)
    else:
        with zipfile.ZipFile(os.path.join(target, stem + ".zip"), "w", zipfile.ZIP_DEFLATED) as archive, \
                archive.open(stem + ".xml", "w", force_zip64=True) as f:
            shutil.copyfileobj(report, f, 1 << 20)
PYTHON
        mv "$folder.tmp" "$folder"
        cp "$data/$source.expected.json" "$expected"
    fi
}
wanted() { [[ -z $only || $only == *",$1,"* ]]; }
cases=()
add_case() {  # add_case CASE GENERATE-ARGUMENTS...: the case, when wanted (generated if need be)
    local name=$1
    shift
    wanted "$name" || return 0
    cases+=("$name")
    "$@"
}
add_case mixed-2000 generate mixed-2000 mixed --reports 2000
if ! $resolve_only; then
    add_case varied-2000 generate varied-2000 varied --reports 2000
    add_case single-1m generate single-1m single --records 1000000
    # A giant report as real ones are: 1,000,000 records from 50,000 sources, as .xml.gz, plain .xml and in a .zip.
    if wanted giant-1m || wanted giant-1m-xml || wanted giant-1m-zip; then
        generate giant-1m single --records 1000000 --ips 50000 --wide-pool
    fi
    wanted giant-1m && cases+=(giant-1m)
    add_case giant-1m-xml repack giant-1m-xml giant-1m xml
    add_case giant-1m-zip repack giant-1m-zip giant-1m zip
fi
if ! $quick; then
    add_case tiny-100k generate tiny-100k tiny --files 100000
fi

# xmllint reads gzip itself (through zlib, as floor-sax does) but no zip archives: the fallback floor reads a
# folder of links to the files, with each zip's report extracted beside them (untimed, once).
plain_copy() {
    local folder=$1
    [[ -d "$folder.plain" ]] && return
    python3 - "$folder" "$folder.plain.tmp" <<'PYTHON'
import os, sys, zipfile
source, target = sys.argv[1:]
os.makedirs(target, exist_ok=True)
for name in os.listdir(source):
    path = os.path.join(source, name)
    with open(path, "rb") as f:
        is_zip = f.read(2) == b"PK"
    if is_zip:
        with zipfile.ZipFile(path) as archive, open(os.path.join(target, name + ".xml"), "wb") as f:
            f.write(archive.read(archive.namelist()[0]))
    else:
        os.symlink(os.path.abspath(path), os.path.join(target, name))
PYTHON
    mv "$folder.plain.tmp" "$folder.plain"
}

# --- Measuring -------------------------------------------------------------------------------------------------
rows=()  # "case|tool|wall|cpu|kib|check"
declare -A wall_of cpu_of kib_of

# measure CASE TOOL CHECKER COMMAND...: the fastest of $repeat runs; stdout to $data/out/CASE.TOOL.out, stderr
# beside it. CHECKER is dmarc-parse, floor or - (no check).
measure() {
    local name=$1 tool=$2 checker=$3
    shift 3
    local stem="$data/out/$name.${tool// /_}"
    local run status best_status=0 wall user system kib best_wall="" best_cpu best_kib
    for ((run = 1; run <= repeat; run++)); do
        say "== $name: $tool ($run of $repeat)"
        status=0
        /usr/bin/time -f '%e %U %S %M' -o "$stem.time" "$@" >"$stem.out" 2>"$stem.err" || status=$?
        # On failure GNU time writes a line before the figures.
        read -r wall user system kib < <(tail -n 1 "$stem.time")
        if [[ -z $best_wall ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
            best_wall=$wall best_kib=$kib best_status=$status
            best_cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
        fi
    done
    local check=-
    if [[ $checker != - ]]; then
        check=$(python3 "$bench/check-output.py" "$checker" "$data/$name.expected.json" "$stem.out" || true)
    fi
    if [[ $tool == parsedmarc ]]; then
        local failed
        failed=$(grep -c 'Failed to parse' "$stem.err" || true)
        check=$([[ $failed == 0 ]] && echo "0 failed" || echo "$failed FAILED")
    fi
    if ((best_status != 0)); then
        check+=", exit $best_status"
        say "   $tool exited with status $best_status; see $stem.err"
    fi
    rows+=("$name|$tool|$best_wall|$best_cpu|$best_kib|$check")
    wall_of[$name|$tool]=$best_wall
    cpu_of[$name|$tool]=$best_cpu
    kib_of[$name|$tool]=$best_kib
}

load_at_start=$(cut -d' ' -f1 /proc/loadavg)
for name in "${cases[@]}"; do
    folder="$data/$name"
    find "$folder" -type f -exec cat {} + >/dev/null  # the same warm page cache for every tool
    $resolve_only && floor_kind=none
    case $floor_kind in
        floor-sax) measure "$name" floor floor "$data/floor-sax" "$folder" ;;
        xmllint)
            plain_copy "$folder"
            measure "$name" floor - sh -c 'find "$1" ! -type d -print0 | xargs -0 xmllint --sax --noout' \
                sh "$folder.plain" ;;
    esac
    measure "$name" dmarc-parse dmarc-parse "$ours" -s --format json "$folder"
    if [[ $name == varied-* || $name == giant-* ]]; then
        # What a user types: the aligned table, every row measured before the first is printed.
        measure "$name" "dmarc-parse -s table" - "$ours" -s "$folder"
    fi
    if [[ $name == varied-* ]]; then
        # Every view of the tool, each on the same folder (outputs not checked: -s is, and every view counts
        # through the same rule).
        measure "$name" "dmarc-parse reporters" - "$ours" "$folder"
        measure "$name" "dmarc-parse ndjson" - "$ours" --records --format ndjson "$folder"
        measure "$name" "dmarc-parse --audit" - "$ours" --audit "$folder"
        measure "$name" "dmarc-parse --timeline" - "$ours" --timeline "$folder"
    fi
    if [[ $name != single-* && $name != giant-* ]] && ! $resolve_only; then
        measure "$name" "dmarc-parse --jobs 1" dmarc-parse "$ours" -s --format json --jobs 1 "$folder"
    fi
    if [[ $name == mixed-* ]]; then
        measure "$name" "dmarc-parse --ip-db" dmarc-parse "$ours" -s --format json --ip-db "$ip_db" "$folder"
    fi
    if $with_parsedmarc && [[ $name == mixed-* || $name == varied-* ]]; then
        measure "$name" parsedmarc - "$venv/bin/parsedmarc" --offline --silent "$folder"
    fi
done

# --- Reverse DNS (issue 15) ---------------------------------------------------------------------------------------
# --resolve against Tests/dns/dns-test-server.py on loopback (dnslib in .build-enrichment-dns/): with a warm cache on
# mixed-2000 (goal: within 10 % of -s; -s --enrich measured too, since --resolve turns the other columns on), and
# with a cold one over one report of 25,000 distinct sources (goal: under a minute; 50,000 queries, PTR then A/AAAA).
if [[ -z $only ]] || wanted resolve; then
sources=25000
if [[ ! -f "$data/sources-25k/report.xml" ]]; then
    say "== generating sources-25k"
    mkdir -p "$data/sources-25k"
    python3 - "$data/sources-25k/report.xml" "$sources" <<'PYTHON'
import ipaddress, sys
path, count = sys.argv[1], int(sys.argv[2])
v4 = [str(net[host]) for net in map(ipaddress.ip_network, ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"))
      for host in range(1, 255)]
v6 = [str(ipaddress.IPv6Address(int(ipaddress.IPv6Address("2001:db8::")) + (host << 64) + host))
      for host in range(1, count - len(v4) + 1)]
with open(path, "w") as f:
    f.write('<?xml version="1.0"?><feedback><report_metadata><org_name>bench</org_name><email>b@example.com</email>'
            '<report_id>sources-25k</report_id><date_range><begin>1735689600</begin><end>1735775999</end>'
            '</date_range></report_metadata><policy_published><domain>example.com</domain><p>none</p>'
            '</policy_published>\n')
    for address in v4 + v6:
        f.write('<record><row><source_ip>%s</source_ip><count>1</count><policy_evaluated><disposition>none'
                '</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>'
                'example.com</header_from></identifiers><auth_results><spf><domain>example.com</domain><result>fail'
                '</result></spf></auth_results></record>\n' % address)
    f.write("</feedback>\n")
PYTHON
fi
coproc DNS_SERVER { "$repo/Tests/dns/start-dns-server.sh" --log "$data/out/dns-server.log"; }
read -r -u "${DNS_SERVER[0]}" dns_line
resolve=(--resolve --dns-server "127.0.0.1:${dns_line#port }")
measure mixed-2000 "dmarc-parse --enrich" dmarc-parse "$ours" -s --format json --enrich "$data/mixed-2000"
say "== mixed-2000: filling the reverse DNS cache"
XDG_CACHE_HOME="$data/dns-cache-warm" "$ours" -s --format json "${resolve[@]}" "$data/mixed-2000" >/dev/null 2>&1
measure mixed-2000 "dmarc-parse --resolve" dmarc-parse \
    env XDG_CACHE_HOME="$data/dns-cache-warm" "$ours" -s --format json "${resolve[@]}" "$data/mixed-2000"
measure mixed-2000 "dmarc-parse --resolve --ip-db" dmarc-parse env XDG_CACHE_HOME="$data/dns-cache-warm" \
    "$ours" -s --format json "${resolve[@]}" --ip-db "$ip_db" "$data/mixed-2000"
# Cold: each run starts from an empty cache.
measure sources-25k "dmarc-parse --resolve" - sh -c 'cache=$1; shift; rm -rf "$cache"; XDG_CACHE_HOME=$cache exec "$@"' sh \
    "$data/dns-cache-cold" "$ours" -s --format tsv "${resolve[@]}" "$data/sources-25k"
# The ptr column, found by its header (columns were added before it since this was written).
named=$(awk -F '\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "ptr") c = i; next } c && $c != "" { n++ }
                       END { print n + 0 }' "$data/out/sources-25k.dmarc-parse_--resolve.out")
# The server names all but 203.0.113.0/24 (no PTR) and three bad names (192.0.2.250-252).
expected_named=$((sources - 254 - 3))
rows[-1]="${rows[-1]%|*}|$([[ $named == "$expected_named" ]] && echo exact || echo "NOT $expected_named"): $named of $sources named"
server_pid=$DNS_SERVER_PID
eval "exec ${DNS_SERVER[1]}>&-"  # the server stops when its standard input closes
wait "$server_pid" 2>/dev/null || true
fi

# --- Report ----------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "-" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

floor_label=$([[ $floor_kind == xmllint ]] && echo "xmllint --sax" || echo "floor-sax.c")
echo
if commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null); then
    git -C "$repo" diff-index --quiet HEAD -- Sources Package.swift || commit+=" with uncommitted changes"
else
    commit="(not a git checkout)"
fi
echo "dmarc-parse $("$ours" --version | awk '{print $NF}') at $commit, $(nproc) cores (load $load_at_start at start)," \
    "floor: $floor_label$($with_parsedmarc && echo ", parsedmarc $parsedmarc_version --offline"), best of $repeat"
header="%-12s %-22s %7s %7s %8s %10s %9s %9s"
$with_parsedmarc && header+=" %11s %10s"
header+="  %s\n"
args=(case tool "wall s" "cpu s" "peak MiB" "wall/floor" "cpu/floor" "RSS/floor")
$with_parsedmarc && args+=("wall/pdmarc" "RSS/pdmarc")
args+=(output)
if awk -v l="$load_at_start" 'BEGIN { exit !(l >= 1) }'; then
    echo "(other work was running: wall times, and most of all the parallel runs', suffer; cpu s is steadier)"
fi
printf "$header" "${args[@]}"
for row in "${rows[@]}"; do
    IFS='|' read -r name tool wall cpu kib check <<<"$row"
    cells=("$name" "$tool" "$wall" "$cpu" "$(mib "$kib")" "$(ratio "$wall" "${wall_of[$name|floor]:-0}")"
           "$(ratio "$cpu" "${cpu_of[$name|floor]:-0}")" "$(ratio "$kib" "${kib_of[$name|floor]:-0}")")
    $with_parsedmarc && cells+=("$(ratio "$wall" "${wall_of[$name|parsedmarc]:-0}")"
                                "$(ratio "$kib" "${kib_of[$name|parsedmarc]:-0}")")
    cells+=("$check")
    printf "$header" "${cells[@]}"
done

# The goals of issue 9, each against the default (all cores) run.
echo
goal() {  # goal TEXT VALUE OP LIMIT
    local verdict
    verdict=$(awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN {
        if (v == "" || v == "-") { print "n/a"; exit }
        ok = (op == "<=") ? v <= l : v >= l; print ok ? "met" : "MISSED" }')
    printf '  %-58s %10s  (goal %s %s)  %s\n' "$1" "$2" "$3" "$4" "$verdict"
}
echo "goals:"
if [[ -n ${wall_of[mixed-2000|floor]:-} ]]; then
    goal "mixed-2000: wall / floor" "$(ratio "${wall_of[mixed-2000|dmarc-parse]}" "${wall_of[mixed-2000|floor]}")" "<=" 0.75
fi
if [[ -n ${wall_of[mixed-2000|parsedmarc]:-} ]]; then
    goal "mixed-2000: parsedmarc wall / ours (× faster)" \
        "$(ratio "${wall_of[mixed-2000|parsedmarc]}" "${wall_of[mixed-2000|dmarc-parse]}")" ">=" 100
    goal "mixed-2000: parsedmarc peak RSS / ours" \
        "$(ratio "${kib_of[mixed-2000|parsedmarc]}" "${kib_of[mixed-2000|dmarc-parse]}")" ">=" 10
fi
if [[ -n ${wall_of[single-1m|floor]:-} ]]; then
    goal "single-1m: wall / floor" "$(ratio "${wall_of[single-1m|dmarc-parse]}" "${wall_of[single-1m|floor]}")" "<=" 1.0
fi
if [[ -n ${cpu_of[mixed-2000|dmarc-parse --ip-db]:-} ]]; then
    # CPU time: the lookups add work on the main thread only, and wall time on a shared machine is noise.
    goal "mixed-2000: cpu of -s --ip-db / -s" \
        "$(ratio "${cpu_of[mixed-2000|dmarc-parse --ip-db]}" "${cpu_of[mixed-2000|dmarc-parse]}")" "<=" 1.10
fi
if [[ -n ${kib_of[single-1m|dmarc-parse]:-} ]]; then
    goal "single-1m: peak RSS MiB" "$(mib "${kib_of[single-1m|dmarc-parse]}")" "<=" 32
fi
# The goals of issue 17: a busy domain's folder, in every view, and a giant report read with no flag.
if [[ -n ${wall_of[varied-2000|floor]:-} ]]; then
    for view in "reporters|0.6" "|0.75" "-s table|0.75" "ndjson|1.5" "--audit|1.5" "--timeline|0.75"; do
        label=${view%|*}
        tool="dmarc-parse${label:+ $label}"
        [[ -n ${wall_of[varied-2000|$tool]:-} ]] || continue
        goal "varied-2000: $tool: wall / floor" \
            "$(ratio "${wall_of[varied-2000|$tool]}" "${wall_of[varied-2000|floor]}")" "<=" "${view#*|}"
        goal "varied-2000: $tool: peak RSS MiB" "$(mib "${kib_of[varied-2000|$tool]}")" "<=" 64
    done
fi
if [[ -n ${wall_of[varied-2000|parsedmarc]:-} ]]; then
    goal "varied-2000: parsedmarc wall / ours (× faster)" \
        "$(ratio "${wall_of[varied-2000|parsedmarc]}" "${wall_of[varied-2000|dmarc-parse]}")" ">=" 100
fi
for name in giant-1m giant-1m-xml giant-1m-zip; do
    [[ -n ${wall_of[$name|floor]:-} ]] || continue
    goal "$name: -s wall / floor" "$(ratio "${wall_of[$name|dmarc-parse]}" "${wall_of[$name|floor]}")" "<=" 1.0
    goal "$name: peak RSS MiB" "$(mib "${kib_of[$name|dmarc-parse]}")" "<=" 32
    [[ -n ${wall_of[$name|dmarc-parse -s table]:-} ]] || continue
    goal "$name: -s table wall / floor" \
        "$(ratio "${wall_of[$name|dmarc-parse -s table]}" "${wall_of[$name|floor]}")" "<=" 1.0
    goal "$name: -s table peak RSS MiB" "$(mib "${kib_of[$name|dmarc-parse -s table]}")" "<=" 32
done
if [[ -n ${kib_of[tiny-100k|dmarc-parse]:-} ]]; then
    [[ -n ${wall_of[tiny-100k|floor]:-} ]] && goal "tiny-100k: wall / floor" \
        "$(ratio "${wall_of[tiny-100k|dmarc-parse]}" "${wall_of[tiny-100k|floor]}")" "<=" 0.8
    goal "tiny-100k: peak RSS MiB" "$(mib "${kib_of[tiny-100k|dmarc-parse]}")" "<=" 64
fi
# CPU time, as for --ip-db: a warm cache is a file read on the main thread; wall time on a shared machine is noise.
# --resolve turns the other columns on too, so its own cost is against the same run without it (--enrich reads
# tor-geoipdb when installed: its cost is in the --enrich row).
# Only when those cases ran (`--cases` may have left them out).
if [[ -n ${cpu_of[mixed-2000|dmarc-parse --resolve]:-} && -n ${cpu_of[mixed-2000|dmarc-parse --enrich]:-} ]]; then
    goal "mixed-2000: cpu of -s --resolve, warm cache / -s --enrich" \
        "$(ratio "${cpu_of[mixed-2000|dmarc-parse --resolve]}" "${cpu_of[mixed-2000|dmarc-parse --enrich]}")" "<=" 1.10
fi
if [[ -n ${cpu_of[mixed-2000|dmarc-parse --resolve --ip-db]:-} && -n ${cpu_of[mixed-2000|dmarc-parse --ip-db]:-} ]]; then
    goal "mixed-2000: cpu of -s --resolve --ip-db, warm / -s --ip-db" \
        "$(ratio "${cpu_of[mixed-2000|dmarc-parse --resolve --ip-db]}" "${cpu_of[mixed-2000|dmarc-parse --ip-db]}")" "<=" 1.10
fi
if [[ -n ${wall_of[sources-25k|dmarc-parse --resolve]:-} ]]; then
    goal "sources-25k: -s --resolve, cold cache, loopback server (wall s)" \
        "${wall_of[sources-25k|dmarc-parse --resolve]}" "<=" 60
fi
for row in "${rows[@]}"; do
    IFS='|' read -r name tool _ _ _ check <<<"$row"
    [[ $tool == dmarc-parse* && $check != exact* && $check != - ]] && echo "  $name: $tool: output $check: MISSED"
done
echo "outputs and stderr: $data/out"
