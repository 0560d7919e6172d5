#!/bin/sh
# Installs tafel: the binary (with its catalogues, reference data, keymap and themes compiled in),
# the manual page (Dutch, and English under man/en) and bash, zsh and fish completions.
#
#   tools/install.sh [PREFIX]          default PREFIX: /usr/local; builds a release binary first
#   BIN=path/to/tafel tools/install.sh PREFIX   installs an already built binary
#   GM=path/to/generate-manual                  swift-argument-parser's manual generator, if built
set -eu
PREFIX=${1:-${PREFIX:-/usr/local}}
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then
  swift build -c release --product tafel
  BIN="$(swift build -c release --show-bin-path)/tafel"
fi
if [ -z "${GM:-}" ]; then
  swift build --product generate-manual >/dev/null
  GM="$(swift build --show-bin-path)/generate-manual"
fi

install -d "$PREFIX/bin" "$PREFIX/share/man/man1" "$PREFIX/share/man/en/man1" \
  "$PREFIX/share/bash-completion/completions" "$PREFIX/share/zsh/site-functions" "$PREFIX/share/fish/vendor_completions.d"
install -m 755 "$BIN" "$PREFIX/bin/tafel"

# The manual in both languages: the tool describes itself in the language of its environment.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/nl" "$tmp/en"
LC_ALL=nl_NL.UTF-8 LANG=nl_NL.UTF-8 "$GM" "$PREFIX/bin/tafel" -o "$tmp/nl" >/dev/null
LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 "$GM" "$PREFIX/bin/tafel" -o "$tmp/en" >/dev/null
install -m 644 "$tmp/nl/tafel.1" "$PREFIX/share/man/man1/tafel.1"
install -m 644 "$tmp/en/tafel.1" "$PREFIX/share/man/en/man1/tafel.1"

"$PREFIX/bin/tafel" --generate-completion-script bash > "$PREFIX/share/bash-completion/completions/tafel"
"$PREFIX/bin/tafel" --generate-completion-script zsh > "$PREFIX/share/zsh/site-functions/_tafel"
"$PREFIX/bin/tafel" --generate-completion-script fish > "$PREFIX/share/fish/vendor_completions.d/tafel.fish"
echo "tafel installed in $PREFIX ($("$PREFIX/bin/tafel" --version))"
