# newsclean — two commands on a fresh Debian machine (root, package registries only):
#   make demo   installs what is missing, builds, and shows the extension cleaning the demo page
#   make test   installs what is missing, builds, and runs every test tier
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
CHROMEDRIVER ?= /usr/bin/chromedriver
GECKODRIVER ?= $(HOME)/.cargo/bin/geckodriver
WASM_RUNNER := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: setup build demo test test-native test-lint test-web test-e2e lint-extension corpus bench clean

setup:
	@scripts/setup.sh test

build:
	@scripts/setup.sh build
	@scripts/build.sh

demo: build
	@scripts/setup.sh demo
	@node scripts/demo.mjs

test: setup build test-native test-lint test-web test-e2e
	@echo "make test: all tiers passed"

# Tier 1: the core, natively (unit, fixtures, seed, corpus checks). --nocapture: the corpus and
# quote figures (gold, 290 pages, PolNeAR dev and train, the seed) are printed in every run.
test-native:
	cargo test --features cli -- --nocapture

test-lint:
	cargo fmt --check
	cargo clippy -q --all-targets --features cli -- -D warnings
	cargo clippy -q --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -q --lib --target wasm32-unknown-unknown --features panic-handler -- -D warnings

# Tier 2: the web glue in real headless browsers (tests/web.rs). Users can run the same with
# `wasm-pack test --headless --chrome` / `--firefox`.
test-web:
	$(WASM_RUNNER) CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown --test web
	$(WASM_RUNNER) GECKODRIVER=$(GECKODRIVER) cargo test --target wasm32-unknown-unknown --test web

lint-extension:
	web-ext lint --source-dir extension --output text --self-hosted 2>&1 | tee target/web-ext-lint.txt | tail -n 12
	@grep -Eq '^errors +0 *$$' target/web-ext-lint.txt && echo 'web-ext lint: 0 errors'

# Tier 3: the built extension, unpacked, in headless Chromium (and Firefox) on 127.0.0.1 pages.
test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Every corpus page in the browser with the real extension: nothing of the article lost, gold
# figures (target/corpus/report.json). ~5 min; `make test` runs a rotating 60-page sample.
corpus: build
	@scripts/setup.sh demo
	node scripts/corpus.mjs

# Performance against Readability.js in one Chromium run, plus the native core and CLI
# (benches/README.md). Not part of `make test`; BENCH_ARGS=--strict fails on a missed budget.
bench: build
	@scripts/setup.sh demo
	@# A separate target dir: the bench's release build neither races nor replaces the shipped one.
	NEWSCLEAN_CLI=$(CURDIR)/target/cli/newsclean CARGO_TARGET_DIR=target/bench-build cargo bench -q --features cli --bench core
	node benches/browser.mjs $(BENCH_ARGS)

clean:
	rm -rf target extension/pkg extension/pkg-fallback www/pkg
