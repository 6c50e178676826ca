#!/usr/bin/env bash
# CI: `make install DESTDIR=…` (README "Install"), then use what it installed as a user would, without the Swift
# toolchain: the binary (no toolchain folder on PATH or LD_LIBRARY_PATH), its man page and its completions.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
fail() { echo "check-install: $*" >&2; exit 1; }

make install DESTDIR="$stage" PREFIX=/usr/local >"$stage.log" 2>&1 || { cat "$stage.log" >&2; fail "make install failed"; }
rm -f "$stage.log"
prefix=$stage/usr/local
binary=$prefix/bin/dmarc-parse
for file in bin/dmarc-parse share/man/man1/dmarc-parse.1 share/bash-completion/completions/dmarc-parse \
            share/zsh/site-functions/_dmarc-parse share/fish/vendor_completions.d/dmarc-parse.fish; do
    [[ -s $prefix/$file ]] || fail "make install left no $file"
done

# The binary: the Swift runtime linked in, so nothing from the toolchain's folder is loaded.
toolchain=$(dirname "$(dirname "$(command -v swift)")")
if ldd "$binary" | grep -E "libswift|libFoundation|libdispatch|$toolchain"; then
    fail "the installed binary still loads the Swift runtime from the toolchain"
fi
# A clean environment: PATH without the toolchain, no LD_LIBRARY_PATH; run from elsewhere, on the sample reports.
work=$stage/work
mkdir -p "$work" && cp -r "$root/Fixtures/sample" "$work/reports"
result=$(cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" "$binary" --format tsv reports | tail -1)
[[ $result == $'mx.example.net\t1\texample.com\t2025-01-01T00:00:00Z\t2025-01-01T23:59:59Z\t3\t13\t11\t2\t0\t2\t0\t11' ]] \
    || fail "the installed binary printed '$result' on the sample reports"
env -i PATH=/usr/bin:/bin "$binary" --version | grep -q . || fail "--version printed nothing"

# The man page: man reads it, names the options, and has no synthetic 'help' subcommand.
page=$(MANWIDTH=100 man -l -P cat "$prefix/share/man/man1/dmarc-parse.1" 2>/dev/null)
grep -q -- "--files-from" <<<"$page" || fail "the man page does not describe --files-from"
grep -q -- "--ip-db" <<<"$page" || fail "the man page does not describe --ip-db"
grep -q -- "--resolve" <<<"$page" || fail "the man page does not describe --resolve"
grep -q -- "--color" <<<"$page" || fail "the man page does not describe --color"
if grep -qE "subcommand" <<<"$page"; then fail "the man page mentions a subcommand"; fi

# The bash completion: loads, and completes values and file names (never the word 'help').
complete_words() {  # complete_words WORD... : what bash offers for the last word
    (cd "$work" && bash --norc --noprofile -c '
        source "$0"
        complete -p dmarc-parse >/dev/null || exit 1
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
        _dmarc-parse dmarc-parse "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort' "$prefix/share/bash-completion/completions/dmarc-parse" "$@")
}
[[ $(complete_words dmarc-parse --format j | tr '\n' ' ') == "json " ]] || fail "--format j does not complete to json"
[[ $(complete_words dmarc-parse --color "" | tr '\n' ' ') == "always auto never " ]] || fail "--color values"
[[ $(complete_words dmarc-parse rep) == "reports" ]] || fail "a path does not complete to a file name"
[[ $(complete_words dmarc-parse --files-from rep) == "reports" ]] || fail "--files-from does not complete file names"
[[ $(complete_words dmarc-parse --ip-db rep) == "reports" ]] || fail "--ip-db does not complete file names"
offered=$(complete_words dmarc-parse "")
grep -qx reports <<<"$offered" || fail "an empty word does not offer the files"
if grep -qx help <<<"$offered"; then fail "completion offers 'help' among paths"; fi

# zsh and fish: the scripts parse; fish completes as bash does (zsh's completion needs a terminal: not run here).
zsh -n "$prefix/share/zsh/site-functions/_dmarc-parse" || fail "the zsh completion does not parse"
fish -n "$prefix/share/fish/vendor_completions.d/dmarc-parse.fish" || fail "the fish completion does not parse"
fish_complete() {
    (cd "$work" && env -i HOME="$work" PATH="$prefix/bin:/usr/bin:/bin" fish --no-config -c \
        "source $prefix/share/fish/vendor_completions.d/dmarc-parse.fish; complete -C'$1'" | cut -f1 | sort)
}
[[ $(fish_complete "dmarc-parse --format j") == "json" ]] || fail "fish: --format j does not complete to json"
[[ $(fish_complete "dmarc-parse rep") == "reports/" ]] || fail "fish: a path does not complete to a file name"
[[ $(fish_complete "dmarc-parse --ip-db rep") == "reports/" ]] || fail "fish: --ip-db does not complete file names"
if fish_complete "dmarc-parse " | grep -qx help; then fail "fish completion offers 'help'"; fi

# make uninstall removes every file make install put there.
make uninstall DESTDIR="$stage" PREFIX=/usr/local >/dev/null
left=$(find "$prefix" -type f)
[[ -z $left ]] || fail "make uninstall left $left"

echo "check-install: make install, the installed binary without the toolchain, man -l, the bash, zsh and fish completions, make uninstall: all passed"
