#!/usr/bin/env bash
# Starts Tests/dns/dns-test-server.py (dnslib from PyPI, installed once into .build-enrichment-dns/venv) with the
# arguments given; it prints "port N" when it listens and stops when its standard input closes.
#
# Usage: Tests/dns/start-dns-server.sh [--mode normal|garbage|silent] [--ttl SECONDS] --log FILE
set -euo pipefail
cd "$(dirname "$0")/../.."

dnslib_version=0.9.26
venv=$PWD/.build-enrichment-dns/venv
if [[ "$("$venv/bin/python" -c 'import dnslib; print(dnslib.version)' 2>/dev/null)" != "$dnslib_version" ]]; then
    # Several tests may start a server at once: one of them installs.
    mkdir -p .build-enrichment-dns
    exec 9>.build-enrichment-dns/install.lock
    flock 9
    if [[ "$("$venv/bin/python" -c 'import dnslib; print(dnslib.version)' 2>/dev/null)" != "$dnslib_version" ]]; then
        python3 -m venv "$venv" >&2
        "$venv/bin/pip" install --quiet --disable-pip-version-check "dnslib==$dnslib_version" >&2
    fi
    exec 9>&-
fi
exec "$venv/bin/python" Tests/dns/dns-test-server.py "$@"
