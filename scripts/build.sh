#!/usr/bin/env bash
# Builds everything `extension/` and `www/` need, plus the native CLI:
#   extension/pkg/           wasm-bindgen --target web package (the engine every page uses): the
#                            glue as an ES module (newsclean.js) and as the content script the
#                            extension injects (newsclean.classic.js)
#   extension/pkg-fallback/  the same crate through wasm2js, one ES module, loaded only when the
#                            page's CSP forbids compiling wasm (Chromium: CompileError)
#   www/pkg/                 a copy of extension/pkg for the playground page
#   target/cli/newsclean     the native CLI (Cargo.toml's `cli` profile: built for speed)
# Needs cargo, wasm-bindgen (exact Cargo.lock version) and npm binaryen/esbuild (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# wasm features rustc's std uses; binaryen must be told (see shared/TOOLCHAIN.md).
FEATURES=(--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)
# wasm-opt's passes for the shipped wasm (see below; benches/profile.mjs builds its named copy alike)
SHRINK=(-Oz -Oz --flatten --rereloop -Oz -Oz --flatten --rereloop -Oz -Oz --reorder-functions)
log() { printf '[build] %s\n' "$*" >&2; }

# The builder's cargo home stays out of the package: panic locations inside dependencies name
# their source files by path (js-sys's), which put /root/.cargo/... into the shipped wasm and made
# its size differ between machines.
REMAP="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src=/cargo"

# LLVM inlines more than opt-level "z" does (threshold 135 instead of 25) in a build otherwise
# optimised for size: V8 runs our wasm in its baseline tier for the first calls on a page, where
# every call costs. The budget has room since the wasm has no std (src/lib.rs) and the sidebar's
# handling is in its script (47580dc): 130 built 148.6 KB raw (150 149.3 KB, 110 144.8 KB, 70
# 137.7 KB), `analyze` x0.94 against 70 in benches/ab.mjs. This is the knob that gives back room
# when the wasm needs it, but the size does not follow the threshold in step: the code of 2026-11-29
# evening builds 150.5 KB at 128 and 130, 150.7 KB at 125, 148.3 KB at 120 (x1.02 slower than 130),
# 149.0 KB at 135 (x1.00, fastest call x0.97) and 150.0 KB at 140; with the pronoun rules after
# it, 149.8 KB at 133-135, 150.9 KB at 136-138, 149.9 KB at 120, 148.3 KB at 110 (x1.016 slower
# than 135, fastest call x1.037). Try a few values and measure. Another source of room: a small
# helper with many callers, inlined into each, can weigh more than its body; `#[inline(never)]`
# on `is_possessive` and `Token::ends_sentence` freed 1.3 KB at 135 (2026-11-29 night, ab.mjs
# x0.97-0.99, fastest call x0.99-1.02); at 100 the code builds 144.9 KB but runs x1.03-1.07 slower.
# Eleven more (2026-11-29 late, each marked with what it weighed inlined) freed 3.1 KB: ten of
# them ab.mjs x0.976, then `Token::is_punct` (0.95 KB) x1.000 (fastest call x1.012). `Token::lower`
# (0.78 KB), the reserve kept inline until then, went out of line on 2026-11-30 (ab.mjs x1.003); of
# 12 more helpers scanned that day only `is_finite` gave anything (22 B; out of line since 4371b0c).
# Figures in benches/HISTORY.md ("Where the time goes, and the size budget"). Not for the wasm2js fallback, whose size is its cost.
INLINE="-C llvm-args=-inline-threshold=135"

log "wasm (cargo + wasm-bindgen + wasm-opt)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C panic=abort $REMAP $INLINE" cargo build -q --lib --release --target wasm32-unknown-unknown --features panic-handler
# js-sys's JSPI waker, which no code of ours can reach but the function table keeps (see the
# script): stubbed, so that wasm-opt drops it. (The file keeps its name: wasm-bindgen names the
# package after it.)
mkdir -p target/wasm-stubbed
node scripts/stub-functions.mjs target/wasm32-unknown-unknown/release/newsclean.wasm \
  target/wasm-stubbed/newsclean.wasm '^_ZN6js_sys7futures4jspi10task_waker'
rm -rf extension/pkg
wasm-bindgen --target web --no-typescript --out-dir extension/pkg target/wasm-stubbed/newsclean.wasm
# Twice `--flatten --rereloop` between -Oz runs: binaryen rebuilds each function's control flow
# from its flattened form, which -Oz then shrinks further: 1.1 KB raw and 0.3 KB brotli less, and
# no slower (two 60-page `make bench` runs each: warm analyze 3.9-4.0 ms against 4.5-4.6, the
# first call 18.5-20.9 against 20.6-21.1). Each -Oz runs twice: `--converge` repeats the whole
# list only while it shrinks, and a second -Oz in place finds ~150 B more. Last, the functions
# most called first, so that most calls name their callee in a one-byte LEB index: 1,156 B raw
# and 36 B brotli less (2026-11-30). Binaryen's own passes: the semantics are kept.
wasm-opt "${SHRINK[@]}" --low-memory-unused --converge --strip-producers --strip-target-features "${FEATURES[@]}" --enable-reference-types --enable-multivalue \
  extension/pkg/newsclean_bg.wasm -o extension/pkg/newsclean_bg.wasm
# Panic locations keep their file, not their line and column (see the script): 0.6 KB of brotli.
node scripts/panic-lines.mjs extension/pkg/newsclean_bg.wasm
# One- and two-letter import names in the wasm and its glue instead of wasm-bindgen's hashed ones
# (~4 KB of the wasm's budget).
node scripts/minify-names.mjs extension/pkg
rm -f extension/pkg/package.json extension/pkg/.gitignore
# One module instead of the glue plus its inline_js snippet: one load fewer on every page.
esbuild extension/pkg/newsclean.js --bundle --format=esm --minify --log-level=warning \
  --outfile=extension/pkg/newsclean.js --allow-overwrite
rm -rf extension/pkg/snippets
# The same glue as a classic script that defines `newsclean`, for the extension's content-script
# list: the browser injects it with the loader, so no module is fetched on a page. (import.meta,
# the glue's default wasm path, is unused: the loader always hands init() the compiled module.)
esbuild extension/pkg/newsclean.js --bundle --format=iife --global-name=newsclean --minify \
  --log-level=error --outfile=extension/pkg/newsclean.classic.js

log "strict-CSP fallback (mvp wasm -> wasm2js -> esbuild)"
fb=target/fallback
# NOTE: target-cpu=mvp plus the `fallback` profile's strip keep reference types off, which
# wasm2js needs ("modules with multiple tables are not supported yet").
RUSTFLAGS="-C target-cpu=mvp -C panic=abort $REMAP" cargo build -q --lib --profile fallback \
  --target wasm32-unknown-unknown --features panic-handler --target-dir "$fb"
rm -rf "$fb/bindgen" extension/pkg-fallback
wasm-bindgen --target bundler --no-typescript --out-dir "$fb/bindgen" \
  "$fb/wasm32-unknown-unknown/fallback/newsclean.wasm"
wasm-opt -Oz "${FEATURES[@]}" "$fb/bindgen/newsclean_bg.wasm" -o "$fb/bindgen/opt.wasm"
node scripts/panic-lines.mjs "$fb/bindgen/opt.wasm"
wasm2js "${FEATURES[@]}" -O "$fb/bindgen/opt.wasm" -o "$fb/bindgen/newsclean_bg.wasm.js"
node scripts/patch-wasm2js.mjs "$fb/bindgen/newsclean_bg.wasm.js"
sed -i 's#"./newsclean_bg.wasm"#"./newsclean_bg.wasm.js"#; s#'"'"'./newsclean_bg.wasm'"'"'#'"'"'./newsclean_bg.wasm.js'"'"'#' "$fb/bindgen/newsclean.js"
esbuild "$fb/bindgen/newsclean.js" --bundle --format=esm --minify --log-level=warning \
  --outfile=extension/pkg-fallback/newsclean.mjs

rm -rf www/pkg && cp -r extension/pkg www/pkg

log "native CLI"
cargo build -q --profile cli --features cli --bin newsclean

for f in extension/pkg/newsclean_bg.wasm extension/pkg-fallback/newsclean.mjs; do
  printf '[build] %-40s %7d B raw, %6d B gzip\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
