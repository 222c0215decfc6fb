#!/usr/bin/env bash
# Builds one relocatable nqp (the Swift runtime and Foundation linked in statically; the dictionaries and the git
# commit compiled in) and installs it with its manual and shell completions:
#   PREFIX/bin/nqp
#   PREFIX/share/man/man1/nqp.1                      (`nqp generate-manual`: the --help text of every command)
#   PREFIX/share/bash-completion/completions/nqp     PREFIX/share/zsh/site-functions/_nqp
#   PREFIX/share/fish/vendor_completions.d/nqp.fish
# Usage: scripts/install.sh [--prefix DIR]   (default: $PREFIX, else /usr/local; `make install PREFIX=DIR` calls this)
# The C libraries nqp links (libxml2, zlib, SQLite, OpenSSL libcrypto) must be installed where it runs; see the
# README's "Install" section for their Debian and RHEL package names.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${PREFIX:-/usr/local}"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1'; usage: scripts/install.sh [--prefix DIR]" >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac

echo "install.sh: building the static release binary (swift build -c release --static-swift-stdlib)" >&2
swift build -c release --static-swift-stdlib --product nqp
built="$(swift build -c release --static-swift-stdlib --show-bin-path)/nqp"

# A relocatable binary needs no Swift library at run time.
if command -v ldd >/dev/null 2>&1 && ldd "$built" | grep -i swift >&2; then
  echo "install.sh: error: $built still needs the Swift libraries above; check the toolchain's static SDK" >&2
  exit 1
fi

staging="$(mktemp -d "${TMPDIR:-/tmp}/nqp-install.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
cp "$built" "$staging/nqp"

# Completions come from the same argument definitions as --help.
"$staging/nqp" --generate-completion-script bash > "$staging/nqp.bash"
"$staging/nqp" --generate-completion-script zsh > "$staging/_nqp"
"$staging/nqp" --generate-completion-script fish > "$staging/nqp.fish"

# The manual, from the same help text as --help (`nqp generate-manual`, one section per subcommand).
"$staging/nqp" generate-manual > "$staging/nqp.1"

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$staging/nqp" "$prefix/bin/nqp"
install -m 0644 "$staging/nqp.1" "$prefix/share/man/man1/nqp.1"
install -m 0644 "$staging/nqp.bash" "$prefix/share/bash-completion/completions/nqp"
install -m 0644 "$staging/_nqp" "$prefix/share/zsh/site-functions/_nqp"
install -m 0644 "$staging/nqp.fish" "$prefix/share/fish/vendor_completions.d/nqp.fish"
echo "install.sh: installed $("$prefix/bin/nqp" --version | head -n 1) in $prefix/bin/nqp, its manual and completions" >&2
