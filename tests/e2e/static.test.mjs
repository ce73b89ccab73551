// Checks that need no browser and no build: the manifest, its files, web-ext lint, the demo page.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { normalize, ROOT, SEED } from "./harness.mjs";

const EXT = join(ROOT, "extension");
const manifest = JSON.parse(readFileSync(join(EXT, "manifest.json"), "utf8"));
const read = (...p) => readFileSync(join(ROOT, ...p), "utf8");

test("manifest: MV3 for Chromium and Firefox 142+, least privilege", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.version, "0.1.0");
  assert.deepEqual(manifest.background, { service_worker: "background/worker.js", scripts: ["background/worker.js"] });
  assert.deepEqual(manifest.content_scripts, [
    // the glue, then the preload: fetches, compiles, instantiates and warms up the wasm while the
    // page loads, and hides labels as they arrive; so the hiding rule comes at document_start too
    // (Firefox injects a content script's css at its run_at, Chromium before the page's DOM)
    {
      matches: ["http://*/*", "https://*/*"], js: ["pkg/newsclean.classic.js", "content/preload.js"],
      css: ["content/newsclean.css"], run_at: "document_start",
    },
    { matches: ["http://*/*", "https://*/*"], js: ["content/loader.js"], run_at: "document_idle" },
  ]);
  assert.deepEqual(manifest.web_accessible_resources, [{ resources: ["pkg/*", "pkg-fallback/*"], matches: ["http://*/*", "https://*/*"] }]);
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  const gecko = manifest.browser_specific_settings.gecko;
  assert.equal(gecko.strict_min_version, "142.0");
  assert.deepEqual(gecko.data_collection_permissions, { required: ["none"] });
  assert.equal(manifest.host_permissions, undefined, "no host_permissions");
  assert.deepEqual(manifest.permissions ?? [], [], "no permissions");
});

test("manifest: every file it names exists; icons are PNGs of their size", () => {
  const files = [
    ...manifest.background.scripts, manifest.background.service_worker, manifest.action.default_popup,
    ...manifest.content_scripts.flatMap((c) => [...c.js, ...(c.css ?? [])]),
  ];
  for (const f of files) assert.ok(existsSync(join(EXT, f)), f);
  for (const [size, f] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
    const png = readFileSync(join(EXT, f));
    assert.equal(png.subarray(1, 4).toString(), "PNG", f);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(size), Number(size)], f);
  }
});

test("the hiding rule: data-newsclean kinds, switched off by data-newsclean-off on <html>", () => {
  const css = read("extension", "content", "newsclean.css");
  assert.match(css, /html:not\(\[data-newsclean-off\]\)/);
  for (const kind of ["ad-marker", "duplicate-caption"]) assert.ok(css.includes(`[data-newsclean="${kind}"]`), kind);
  assert.match(css, /display:\s*none\s*!important/);
});

test("web-ext lint: no errors", async () => {
  const bin = join(ROOT, "node_modules", ".bin", "web-ext");
  const { stdout } = await promisify(execFile)(bin, ["lint", "--source-dir", EXT, "--output", "json", "--no-input"], {
    cwd: ROOT, maxBuffer: 16 << 20,
  }).catch((e) => e); // exits non-zero on errors; the JSON says which
  const report = JSON.parse(stdout);
  assert.deepEqual(report.errors.map((e) => `${e.file}: ${e.message}`), []);
});

test("demo page: the seed article verbatim, five ad labels, caption twice, no scripts, nothing external", () => {
  const html = read("www", "index.html");
  assert.doesNotMatch(html, /<script/i, "no scripts of ours on the demo page");
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, "no external URLs");
  assert.doesNotMatch(html, /newsclean=/i, "no newsclean attributes: the extension finds things itself");
  const text = normalize(html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&"));
  const seed = readFileSync(SEED, "utf8").split("\n").map(normalize).filter(Boolean);
  assert.equal(text.split(" Advertisement ").length - 1, 5, "five Advertisement labels");
  assert.equal(text.split(seed[2]).length - 1, 2, "the caption twice");
  for (const line of new Set(seed)) assert.ok(text.includes(line), `seed line on the page: ${line.slice(0, 60)}`);
});

test("wasm package within its budget: ≤ 150,000 bytes raw and ≤ 60,000 brotli", async () => {
  const { brotliCompressSync, constants } = await import("node:zlib");
  const wasm = readFileSync(join(EXT, "pkg", "newsclean_bg.wasm"));
  const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`# wasm ${wasm.length} B raw, ${brotli} B brotli`);
  assert.ok(wasm.length <= 150_000, `${wasm.length} B raw`);
  assert.ok(brotli <= 60_000, `${brotli} B brotli`);
});

test("the browser tier asks for at most three JS modules at once (src/web/collect.js's NOTE)", () => {
  // Every `#[wasm_bindgen(module = …)]` file and every `inline_js` snippet is a module that the
  // generated glue imports at once: Chromium opens a connection for each, and the test runner's
  // server (tiny_http 0.12, four connection threads) can leave a fifth connection unserved.
  const rust = (dir) => readdirSync(join(ROOT, dir), { recursive: true })
    .filter((f) => f.endsWith(".rs")).map((f) => read(dir, f));
  const sources = [...rust("src"), read("tests", "web.rs")];
  const modules = new Set(sources.flatMap((s) => [...s.matchAll(/wasm_bindgen\(\s*module\s*=\s*"([^"]+)"/g)].map((m) => m[1])));
  const inline = sources.reduce((n, s) => n + (s.match(/inline_js\s*=/g) ?? []).length, 0);
  assert.deepEqual([...modules].sort(), ["/src/web/collect.js", "/src/web/observe.js", "/src/web/sidebar.js"]);
  assert.equal(inline, 0, "inline_js snippets");
});

test("the package names no path of the machine that built it (scripts/build.sh remaps cargo's home)", () => {
  const home = process.env.CARGO_HOME ?? join(process.env.HOME ?? "", ".cargo");
  for (const file of [join(EXT, "pkg", "newsclean_bg.wasm"), join(EXT, "pkg-fallback", "newsclean.mjs")]) {
    const bytes = readFileSync(file);
    for (const path of [home, ROOT]) assert.ok(!bytes.includes(path), `${file} contains ${path}`);
  }
});

test("lost-text check: a paragraph we hide counts, one the page took out of the DOM does not", async () => {
  const { lost } = await import("./corpus.mjs");
  const paragraphs = ["The first paragraph of the story.", "A second paragraph of the story."];
  const before = { text: paragraphs.join("\n") };
  const hidden = { text: paragraphs[1], domText: paragraphs.join("") };
  assert.deepEqual(lost(paragraphs, before, hidden).lost, [paragraphs[0]]);
  const replacedByPage = { text: "Something went wrong.", domText: "Something went wrong." };
  const r = lost(paragraphs, before, replacedByPage);
  assert.deepEqual([r.lost, r.removedByPage], [[], 2]);
});

test("caption check: copies the page took out of the DOM say nothing; copies we hid all count", async () => {
  const { captions } = await import("./corpus.mjs");
  const gold = { duplicate_captions: [{ text: "Martin Taylor of Aberdeenshire, Scotland" }] };
  const c = gold.duplicate_captions[0].text;
  const before = { text: `${c}\n${c}\n${c}` };
  assert.deepEqual(captions(gold, before, { text: "Error", domText: "Error" }), []);
  assert.equal(captions(gold, before, { text: "", domText: `${c}${c}${c}` })[0].ok, false);
  assert.equal(captions(gold, before, { text: c, domText: `${c}${c}${c}` })[0].ok, true);
});

test("false-hide check: unlisted text the saved page shows is false; text only its scripts show is unjudged", async () => {
  const { falseHides } = await import("./corpus.mjs");
  const gold = { ad_markers: [{ text: "Advertisement" }], duplicate_captions: [{ text: "A photo. AP", variants: ["A pho…"] }] };
  const marked = ["ADVERTISEMENT", "Advertisement", "A pho…", "Sponsored", "Read more"].map((text) => ({ kind: "ad-marker", text }));
  // The saved page shows "Read more"; "ADVERTISEMENT" and "Sponsored" come from its scripts.
  const r = falseHides(gold, { marked }, "Story. Read more. Advertisement A photo. AP");
  assert.deepEqual(r.false.map((e) => e.text), ["Read more"]);
  assert.deepEqual(r.unjudged.map((e) => e.text), ["ADVERTISEMENT", "Sponsored"]);
  // Without the static view, every unlisted hide is false.
  assert.deepEqual(falseHides(gold, { marked }).false.map((e) => e.text), ["ADVERTISEMENT", "Sponsored", "Read more"]);
});
