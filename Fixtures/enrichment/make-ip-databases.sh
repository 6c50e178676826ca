#!/usr/bin/env bash
# Rewrites the IP database fixtures (make-ip-databases.py) with PyPI's mmdb-writer, installed once into a venv
# under .build-enrichment/. The written files are committed: the tests read them without Python or a network.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build-enrichment/venv
if ! "$venv/bin/python" -c "import mmdb_writer" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "mmdb-writer==0.2.7"
fi
"$venv/bin/python" Fixtures/enrichment/make-ip-databases.py
