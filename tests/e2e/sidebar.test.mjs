// The sidebar as a reader uses it, in headless Chromium with the real unpacked extension on the
// demo page: a click highlights the quote's own text in the article, Escape collapses, the panel
// switches sides, copy and the Markdown/JSON exports carry the quotes with their speakers, dark
// mode follows prefers-color-scheme, and a narrow window starts with the panel out of the way.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";

import { launch, missingBuild, startServer, visit } from "./harness.mjs";

let server, browser;

before(async () => {
  const missing = missingBuild();
  if (missing) throw new Error(missing);
  server = await startServer();
  browser = await launch();
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The sidebar's panel, through its open shadow root (Playwright's CSS engine pierces it). */
const panel = (page) => page.locator("newsclean-sidebar aside.panel");
const entry = (page, speaker) => page.locator(`newsclean-sidebar li[data-speaker="${speaker}"]`);

/** The text of each range of our highlight once it is set and differs from `before` (an array). */
const highlighted = (page, before = null) =>
  page.waitForFunction((before) => {
    const h = CSS.highlights && CSS.highlights.get("newsclean-quote");
    const now = h && [...h].map((r) => r.toString());
    return now && now.length > 0 && JSON.stringify(now) !== before && now;
  }, JSON.stringify(before), { timeout: 5000 }).then((h) => h.jsonValue());

test("clicking a quote scrolls to it and highlights exactly its text", async () => {
  const { page } = await visit(browser.context, `${server.url}/index.html`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const quote = entry(page, "Jens Stoltenberg").first();
  const text = await quote.locator("[data-quote]").textContent();
  await quote.locator("button.goto").click();
  const pieces = await highlighted(page);
  assert.equal(pieces.join(" … ").replace(/\s+/g, " "), text);
  await page.waitForFunction(() => window.scrollY > 300, null, { timeout: 5000 });
  // the page's own markup is untouched by the highlight
  assert.equal(await page.locator("[data-newsclean-highlight]").count(), 0);
  await page.close();
});

test("a headline's and a caption's own quotes are listed in their place and highlight their text; a teaser's are not", async () => {
  const { page } = await visit(browser.context, `${server.url}/tests/caption-quote.html`);
  const items = page.locator("newsclean-sidebar li[data-speaker]");
  const listed = await items.evaluateAll((lis) => lis.map((li) => [li.dataset.speaker, li.querySelector("[data-quote]").textContent]));
  // one section per speaker, in order of first quotation; each in document order
  assert.deepEqual(listed, [
    ["Jens Stoltenberg", "stronger than ever"],
    ["Jens Stoltenberg", "Our deterrence is credible and our defense is strong"],
    ["Antony Blinken", "We stand with our partners on every border"],
    ["Antony Blinken", "for as long as it takes."],
  ]);
  const where = { 0: "h1", 2: "figcaption" };
  let before = null;
  for (const [i, tag] of Object.entries(where)) {
    await items.nth(Number(i)).locator("button.goto").click();
    const pieces = await highlighted(page, before);
    before = pieces;
    assert.equal(pieces.join(" … "), listed[i][1]);
    const inside = await page.evaluate(() => CSS.highlights.get("newsclean-quote").values().next().value
      .startContainer.parentElement.closest("h1, figcaption")?.localName);
    assert.equal(inside, tag);
  }
  await page.close();
});

test("the titles in a list of references or footnotes are not listed as quotes", async () => {
  const { page } = await visit(browser.context, `${server.url}/tests/references.html`);
  const listed = await page.locator("newsclean-sidebar [data-quote]").evaluateAll((quotes) =>
    quotes.map((q) => [q.closest("[data-speaker]")?.dataset.speaker, q.textContent]));
  assert.deepEqual(listed, [["Antony Blinken", "We will stand with Ukraine for as long as it takes"]]);
  // nothing of the references is hidden: they are only not read for quotations
  assert.equal(await page.locator("[data-newsclean]").count(), 0);
  await page.close();
});

test("a page read as windows-1252 (no charset declared): the same quotes as read right, highlight finds them", async () => {
  const listed = (page) => page.locator("newsclean-sidebar li[data-speaker]").evaluateAll((items) =>
    items.map((li) => [li.dataset.speaker, [...li.querySelectorAll("[data-quote]")].map((q) => q.textContent)]));
  const right = await visit(browser.context, `${server.url}/tests/unlabeled.html`);
  const want = await listed(right.page);
  await right.page.close();
  const { page } = await visit(browser.context, `${server.url}/unlabeled/tests/unlabeled.html`);
  const shown = await page.evaluate(() => document.querySelector(".article-body").innerText);
  // the premise: the browser misread the page's UTF-8 punctuation, as readers of such a page see it
  assert.match(shown, /â€œI can tell you/);
  assert.ok(want.flat(2).join("").includes("Ukraine’s"), "the quotes read right, apostrophe included");
  assert.ok(want.some(([speaker]) => speaker === "Hélène Dubois"), "an accented name read right");
  assert.deepEqual(await listed(page), want);
  // every entry highlights the page's own (misread) text of its quote
  const seen = [];
  const items = page.locator("newsclean-sidebar li[data-speaker]");
  for (let i = 0; i < (await items.count()); i++) {
    const text = await items.nth(i).locator("[data-quote]").first().textContent();
    await items.nth(i).locator("button.goto").first().click();
    const pieces = await highlighted(page, seen.at(-1));
    seen.push(pieces);
    const read = await Promise.all(pieces.map((piece) => readAsUtf8(page, piece)));
    assert.equal(read.join(" … "), text);
  }
  const all = seen.flat().join(" ");
  assert.ok(all.includes("â€") && all.includes("Ã"), `misread marks and letters highlighted: ${all}`);
  await page.close();
});

test("a French page read as windows-1252, misread only in its letters and guillemets: the same quotes, its label hidden", async () => {
  const listed = (page) => page.locator("newsclean-sidebar [data-quote]").allTextContents();
  const labelShown = (page) => page.locator(".ad-label").evaluate((e) => e.getClientRects().length > 0);
  const right = await visit(browser.context, `${server.url}/tests/unlabeled-fr.html`);
  const want = await listed(right.page);
  assert.equal(await labelShown(right.page), false, "read right, the label is hidden");
  await right.page.close();
  const { page } = await visit(browser.context, `${server.url}/unlabeled/tests/unlabeled-fr.html`);
  const shown = await page.evaluate(() => document.querySelector(".article-body").innerText);
  assert.match(shown, /Â« Nous sommes attachÃ©s/, "the premise: the browser misread the page");
  assert.ok(want.length >= 2 && want.join(" ").includes("intégrité"), `quotes read right: ${want}`);
  assert.deepEqual(await listed(page), want);
  assert.equal(await labelShown(page), false, "misread, \"PublicitÃ©\" is hidden as \"Publicité\"");
  await page.close();
});

/** Text the browser read as windows-1252, read again as the UTF-8 it was, by the browser's own
 * decoders (Node 20's windows-1252 decoder returns nothing). */
function readAsUtf8(page, text) {
  return page.evaluate((misread) => {
    const decoder = new TextDecoder("windows-1252");
    const byteOf = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b]));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(misread, (c) => byteOf.get(c)));
  }, text);
}

test("keyboard: every control is a button in a landmark, Escape collapses the panel", async () => {
  const { page } = await visit(browser.context, `${server.url}/index.html`);
  assert.equal(await panel(page).getAttribute("role"), "complementary");
  assert.ok(await panel(page).getAttribute("aria-label"));
  const goto = entry(page, "Antony Blinken").first().locator("button.goto");
  await goto.focus();
  await page.keyboard.press("Escape");
  await page.waitForFunction(
    () => document.querySelector("newsclean-sidebar").shadowRoot.querySelector(".panel").hasAttribute("data-collapsed"),
  );
  const collapse = panel(page).locator('[data-action="collapse"]');
  assert.equal(await collapse.getAttribute("aria-expanded"), "false");
  assert.ok(await collapse.evaluate((b) => b.getRootNode().activeElement === b), "focus returns to the tab");
  await page.keyboard.press("Enter");
  assert.equal(await collapse.getAttribute("aria-expanded"), "true");
  await panel(page).locator('[data-action="side"]').click();
  assert.equal(await panel(page).getAttribute("data-side"), "left");
  const box = await panel(page).boundingBox();
  assert.ok(box.x < 100, `panel moved left (x=${box.x})`);
  await page.close();
});

test("copy one quote with its attribution; export all as Markdown and JSON", async () => {
  const { page } = await visit(browser.context, `${server.url}/index.html`);
  await entry(page, "Karine Jean-Pierre").first().locator('[data-action="copy"]').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^“ensuring NATO's door remains open” — Karine Jean-Pierre/);

  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    panel(page).locator('[data-action="export-md"]').click(),
  ]);
  const md = readFileSync(await markdown.path(), "utf8");
  assert.match(md, /^# Quotes: /);
  assert.match(md, /> — Jens Stoltenberg/);

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    panel(page).locator('[data-action="export-json"]').click(),
  ]);
  const data = JSON.parse(readFileSync(await json.path(), "utf8"));
  const speakers = new Set(data.quotes.map((q) => q.speaker));
  assert.deepEqual([...speakers], ["Antony Blinken", "Jens Stoltenberg", "Karine Jean-Pierre"]);
  assert.ok(data.quotes.every((q) => q.quote && !/^["“]/.test(q.quote)));
  await page.close();
});

test("dark mode follows prefers-color-scheme", async () => {
  const { page } = await visit(browser.context, `${server.url}/index.html`);
  const background = () => panel(page).evaluate((p) => getComputedStyle(p).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await background();
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0);
  assert.ok(luminance(dark) < luminance(light) / 3, `${dark} vs ${light}`);
  await page.close();
});

test("a narrow window starts with the panel collapsed to a small tab", async () => {
  const narrow = await launch({ viewport: { width: 760, height: 900 } });
  try {
    const { page } = await visit(narrow.context, `${server.url}/index.html`);
    assert.equal(await panel(page).getAttribute("data-collapsed"), "");
    const box = await panel(page).boundingBox();
    assert.ok(box.width < 260 && box.height < 80, `collapsed tab is small: ${JSON.stringify(box)}`);
    await page.close();
  } finally {
    await narrow.close();
  }
});
