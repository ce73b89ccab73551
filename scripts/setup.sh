#!/usr/bin/env bash
# Installs what building and testing newsclean needs on a Debian machine as root, from the package
# registries only (apt, crates.io, npm). Idempotent: every step is skipped when already satisfied.
#
# Usage: scripts/setup.sh [build|test]   (build: toolchain for `make build`; test: also browsers+drivers)
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-test}
log() { printf '[setup] %s\n' "$*" >&2; }

# The exact wasm-bindgen the lockfile pins: wasm-bindgen-cli must match it exactly.
wbg_version() {
  awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock
}

apt_pkgs=()
if [ "$want" = test ] || [ "$want" = demo ]; then
  command -v chromium >/dev/null || apt_pkgs+=(chromium)
  command -v chromedriver >/dev/null || apt_pkgs+=(chromium-driver)
fi
if [ "$want" = test ]; then
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || apt_pkgs+=(firefox-esr)
fi
command -v gzip >/dev/null || apt_pkgs+=(gzip)
command -v brotli >/dev/null || apt_pkgs+=(brotli)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  log "apt-get install ${apt_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" fonts-dejavu-core >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

[ -f Cargo.lock ] || cargo generate-lockfile
wbg=$(wbg_version)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  # NOTE: no --locked: the CLI's own lockfile pins a webpki-roots that no longer resolves.
  log "cargo install wasm-bindgen-cli --version =$wbg"
  cargo install -q wasm-bindgen-cli --version "=$wbg" --force
fi

if [ "$want" = test ]; then
  if ! command -v wasm-pack >/dev/null; then
    log "cargo install wasm-pack"
    cargo install -q wasm-pack --locked
  fi
  if ! command -v geckodriver >/dev/null; then
    log "cargo install geckodriver"
    cargo install -q geckodriver --locked
  fi
fi

# npm tools (binaryen's wasm-opt/wasm2js, esbuild, playwright-core, web-ext, readability) pinned by
# package-lock.json. Never Debian's binaryen: its wasm-opt 108 emits modules that fail to load.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "ok"
