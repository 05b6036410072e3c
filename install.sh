#!/usr/bin/env bash
# Builds the native taskdeck and installs it.
#
#   ./install.sh                  installs into ~/.local (the command lands in ~/.local/bin)
#   ./install.sh --prefix DIR     installs into DIR (DIR/bin/taskdeck, DIR/lib/taskdeck/)
#   ./install.sh --uninstall      removes what an install into the same prefix put there
#
# The program and the native libraries it loads (SQLite's among them) live together in
# PREFIX/lib/taskdeck; PREFIX/bin/taskdeck is a link to it. Taskdeck's own data (cache, trust
# records, config) is never touched: see the README's "Uninstall" for where it is.
set -euo pipefail

repo=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
action=install

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1'; see ./install.sh --help" >&2; exit 2 ;;
  esac
done

mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
bin_dir="$prefix/bin"
lib_dir="$prefix/lib/taskdeck"

if [ "$action" = uninstall ]; then
  if [ -L "$bin_dir/taskdeck" ] && [ "$(readlink "$bin_dir/taskdeck")" = "$lib_dir/taskdeck" ]; then
    rm -f "$bin_dir/taskdeck"
  fi
  rm -rf "$lib_dir"
  echo "Removed taskdeck from $prefix."
  exit 0
fi

# The platform to build for, in .NET's runtime identifier terms.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64|Linux-arm64) rid=linux-arm64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) echo "install.sh: no native build for $(uname -s) on $(uname -m); use 'dotnet tool install' instead (see README)." >&2; exit 1 ;;
esac

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install.sh: the .NET 10 SDK is needed to build taskdeck; install it and run this again." >&2
  exit 1
fi

# Native AOT links with clang (and lld) and needs zlib's headers on Linux.
if [ "${rid%%-*}" = linux ]; then
  missing=()
  command -v clang >/dev/null 2>&1 || missing+=(clang)
  command -v ld.lld >/dev/null 2>&1 || missing+=(lld)
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "install.sh: the native build needs ${missing[*]}; install them with your package manager and run this again." >&2
      exit 1
    fi
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "Installing ${missing[*]} for the native build…"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/taskdeck-install.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "Building the native taskdeck for $rid (a minute or two)…"
dotnet publish "$repo/src/Taskdeck.Cli" -c Release -r "$rid" -p:PublishAot=true \
  -o "$work/publish" -nologo -v quiet >"$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  echo "install.sh: the build failed; the log is above." >&2
  exit 1
}

# Only the program and the native libraries it loads; symbols and XML docs stay behind.
rm -rf "$lib_dir"
mkdir -p "$lib_dir" "$bin_dir"
cp "$work/publish/taskdeck" "$lib_dir/"
find "$work/publish" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' \) -exec cp {} "$lib_dir/" \;
ln -sfn "$lib_dir/taskdeck" "$bin_dir/taskdeck"

echo "Installed $("$bin_dir/taskdeck" --version) as $bin_dir/taskdeck."
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "Add $bin_dir to your PATH to run it as 'taskdeck', for example: echo 'export PATH=\"$bin_dir:\$PATH\"' >> ~/.bashrc" ;;
esac
