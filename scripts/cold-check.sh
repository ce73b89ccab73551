#!/usr/bin/env bash
# Runs the README's two commands as on a fresh machine, to catch a missing install step: a fresh
# clone of this repository with an empty HOME (no cargo tools, no crates, no node_modules, no npm
# cache), so wasm-bindgen-cli, wasm-pack, geckodriver, every crate and npm package come from the
# registries again. Reused: rustup's toolchain (RUSTUP_HOME) and Debian packages already installed.
#
#   scripts/cold-check.sh [WORKDIR]     (default /tmp/newsclean-cold; ~11 min on 2 cores)
#
# The clone sits in WORKDIR/repo with the shared data linked beside it as WORKDIR/shared.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/newsclean-cold}
rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
toolchain_bin="$(rustc --print sysroot)/bin"
rustup_bin=$(command -v rustup)
rm -rf "$work" && mkdir -p "$work/home/bin"
ln -s "$rustup_bin" "$work/home/bin/rustup"
ln -s "$here/../shared" "$work/shared"
git clone -q "$here" "$work/repo"
cd "$work/repo" || exit 1
export HOME="$work/home" RUSTUP_HOME="$rustup_home" CARGO_HOME="$work/home/.cargo"
export PATH="$toolchain_bin:$work/home/bin:/usr/local/bin:/usr/bin:/bin"
start=$(date +%s)
CI=true bash .ci/run > "$work/test.log" 2>&1
echo "make test (cold): exit $?, $(($(date +%s) - start)) s  (log: $work/test.log)"
start=$(date +%s)
make demo > "$work/demo.log" 2>&1
echo "make demo (after it): exit $?, $(($(date +%s) - start)) s  (log: $work/demo.log)"
