// The sidebar's script (sidebar.rs): builds the panel in its shadow root from what the wasm hands
// over, one crossing per slice of the pass, lists its entries, and handles everything the reader
// does with it — go to a quote, copy it, "Show more", collapse, switch sides, show what was
// hidden, export, Escape. Here rather than in the wasm: each DOM call is cheap in JavaScript, and
// the same work in Rust took 13.3 KB raw, 4.5 KB brotli, of the wasm's budget (this script is
// 1.4 KB raw, 0.9 KB brotli, of the glue). esbuild bundles this module into the glue
// (scripts/build.sh).
//
// Page text goes in with textContent only, never as HTML. No handler throws into the page: a
// failure is a console warning.

import { rangesOf } from "./collect.js";

// Quotations listed when the sidebar opens, and at each "Show more": a page may hold thousands
// (a feed scrolled for long), and the sidebar's style and layout grow with every entry (10,000
// entries blocked a frame for 67-77 ms; listed 300 at a time, none).
const LISTED_AT_ONCE = 300;
// Windows narrower than this start with the sidebar collapsed, so it never covers the article.
const NARROW_WINDOW_PX = 1100;
// The highlight's name in `CSS.highlights` and in the extension's `::highlight()` rule.
const HIGHLIGHT = "newsclean-quote";
// Where there is no CSS Custom Highlight API (or the quote's text was not found): the attribute
// that outlines the paragraph of the quotation clicked last instead.
const HIGHLIGHT_ATTR = "data-newsclean-highlight";
// The <html> attribute that shows everything hidden again (OFF_ATTR in apply.rs).
const OFF_ATTR = "data-newsclean-off";
// Between the segments of one quotation split by its attribution.
const GAP = " … ";

// The paragraphs that the sidebar on each document (one at a time) links its entries to.
const linkedFrom = new WeakMap();

// Whether the sidebar on `doc` links an entry to a paragraph no longer in the page: its app went
// on to another page (the observer, observe.js, then has the page planned again).
export function linksLeftPage(doc) {
  return linkedFrom.get(doc)?.some((target) => !target.isConnected) ?? false;
}

// A control's tooltip and its accessible name: one text, so that they never drift apart.
const described = (text) => ({ title: text, "aria-label": text });

// The panel's fixed controls, in document order: [parent: 0 for the panel, n for the n-th row of
// this table; tag; attributes; label].
const CHROME = [
  [0, "header", {}, ""],
  [1, "h2", { id: "newsclean-title" }, ""],
  [1, "button", {
    type: "button", "data-action": "side",
    ...described("Move to the other side"),
  }, "⇆"],
  [1, "button", {
    type: "button", "data-action": "collapse",
    ...described("Collapse the quotes panel"), "aria-expanded": "true",
  }, "–"],
  [0, "div", { class: "tools" }, ""],
  [5, "button", {
    type: "button", "data-action": "show-hidden",
    ...described("Show the ad labels and duplicate captions newsclean hid"), "aria-pressed": "false",
  }, ""],
  [5, "button", {
    type: "button", "data-action": "export-md",
    ...described("Download all quotes as Markdown"),
  }, "Export Markdown"],
  [5, "button", {
    type: "button", "data-action": "export-json",
    ...described("Download all quotes as JSON"),
  }, "Export JSON"],
];

// Starts the sidebar of a page's quotations, off the page: its controls and one section per
// speaker; the wasm then hands over its entries a slice at a time (`add`), and `finish` puts it on
// the page and makes it respond. It opens as the reader last chose in `choices` ({collapsed, left},
// kept by the page's engine for every sidebar it renders), and records there what they choose.
//
// `listing` is JSON (written by `sections` in sidebar.rs): [sections, roles, number of entries],
// each section [speaker's name, number of entries, role or null], `roles[s]` the role (or null)
// of speaker s (the plan's speakers, then the unattributed). Each entry `add` takes is [its section,
// its speaker s, 1 if a fragment inside the writer's sentence else 0, its paragraph's index in
// `nodes` (the walk's elements), the text of each of its segments...].
export function startSidebar(doc, listing, nodes, hidden, choices) {
  const [sections, roles, count] = JSON.parse(listing);
  // Entries handed over so far, in the sidebar's order, and their paragraphs (only theirs: `nodes`
  // holds every element of the page, and is let go once all are in).
  const entries = [];
  const targets = [];
  const host = doc.createElement("newsclean-sidebar");
  const shadow = host.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = STYLE;
  shadow.appendChild(style);
  const panel = element(doc, "aside", {
    class: "panel", role: "complementary", "aria-label": "Quotes on this page (newsclean)",
  });
  const chrome = [panel];
  for (const [parent, tag, attributes, label] of CHROME) {
    const control = element(doc, tag, attributes);
    control.textContent = label;
    chrome[parent].appendChild(control);
    chrome.push(control);
  }
  chrome[2].textContent = `Who’s quoted (${count})`;
  chrome[6].textContent = `Show hidden (${hidden})`;
  const body = element(doc, "div", { class: "body" });
  const lists = addSections(body, sections);
  panel.appendChild(body);
  shadow.appendChild(panel);

  // Entries listed so far (each in its speaker's list).
  let listed = 0;
  const listTo = (to) => {
    for (; listed < to; listed++) {
      const [section, , partial, , ...pieces] = entries[listed];
      lists[section].appendChild(entryItem(doc, listed, sections[section][0], pieces.join(GAP), partial));
    }
  };
  const moreLabel = () => `Show more (${entries.length - listed} not listed yet)`;
  const text = (entry) => entry.slice(4).join(GAP);
  const speaker = (entry) => sections[entry[0]][0];
  const role = (entry) => roles[entry[1]];
  const attribution = (entry) => (role(entry) === null ? speaker(entry) : `${speaker(entry)}, ${role(entry)}`);

  // The paragraph outlined by HIGHLIGHT_ATTR, if any.
  let highlighted = null;
  const goTo = (index) => {
    const target = targets[index];
    const entry = entries[index];
    const shown = highlight(target, entry.slice(4));
    highlighted?.removeAttribute(HIGHLIGHT_ATTR);
    highlighted = null;
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    if (!shown) {
      target.setAttribute(HIGHLIGHT_ATTR, "");
      highlighted = target;
    }
  };
  const markdown = () => {
    let out = `# Quotes: ${doc.title}\n\n<${doc.URL}>\n\n`;
    for (const entry of entries) {
      out += `> ${text(entry).replaceAll("\n", " ")}\n>\n> — ${attribution(entry)}\n\n`;
    }
    return out;
  };
  // All quotes as {quotes: [{speaker, role, quote}]}, in sidebar order.
  const json = () =>
    JSON.stringify({ quotes: entries.map((entry) => ({ speaker: speaker(entry), role: role(entry), quote: text(entry) })) });

  const onClick = (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-action]") : null;
    if (!button) return;
    const index = button.getAttribute("data-index");
    const entry = entries[index];
    switch (button.getAttribute("data-action")) {
      case "goto":
        goTo(index);
        break;
      case "copy":
        // (a refusal, no focus or no permission, comes later, as a rejected promise)
        navigator.clipboard
          .writeText(`“${text(entry)}” — ${attribution(entry)}`)
          .catch((e) => console.warn("newsclean:", e));
        button.textContent = "Copied";
        break;
      case "more":
        listTo(listed + Math.min(entries.length - listed, LISTED_AT_ONCE));
        if (listed === entries.length) button.remove();
        else button.textContent = moreLabel();
        break;
      case "collapse": {
        const collapsed = panel.hasAttribute("data-collapsed");
        setCollapsed(panel, !collapsed);
        choices.collapsed = !collapsed;
        break;
      }
      case "side": {
        const left = panel.getAttribute("data-side") === "left";
        panel.setAttribute("data-side", left ? "right" : "left");
        choices.left = !left;
        break;
      }
      case "show-hidden": {
        const showing = doc.documentElement.toggleAttribute(OFF_ATTR);
        button.setAttribute("aria-pressed", String(showing));
        break;
      }
      case "export-md":
        download(doc, "quotes.md", "text/markdown", markdown());
        break;
      case "export-json":
        download(doc, "quotes.json", "application/json", json());
        break;
    }
  };
  // Escape collapses the panel and puts the focus on its expand button.
  const onKey = (event) => {
    if (event.key !== "Escape") return;
    setCollapsed(panel, true);
    choices.collapsed = true;
    panel.querySelector("[data-action=collapse]")?.focus();
  };

  return {
    // Takes the next entries (JSON, an array of them) and lists those among the first ones.
    add(batch) {
      for (const entry of JSON.parse(batch)) {
        entries.push(entry);
        targets.push(nodes[entry[3]]);
      }
      listTo(Math.min(entries.length, LISTED_AT_ONCE));
    },
    // Puts the sidebar on the page and makes it respond.
    finish() {
      nodes = null;
      const narrow = globalThis.innerWidth < NARROW_WINDOW_PX;
      if (choices.collapsed ?? (narrow || entries.length === 0)) setCollapsed(panel, true);
      if (choices.left === true) panel.setAttribute("data-side", "left");
      if (listed < entries.length) {
        const more = element(doc, "button", { type: "button", class: "more", "data-action": "more" });
        more.textContent = moreLabel();
        body.appendChild(more);
      }
      shadow.addEventListener("click", guarded(onClick));
      shadow.addEventListener("keydown", guarded(onKey));
      doc.documentElement.appendChild(host);
      linkedFrom.set(doc, targets);
    },
    // Takes the sidebar (and its highlight) off the page.
    remove() {
      globalThis.CSS?.highlights?.delete(HIGHLIGHT);
      host.remove();
      if (linkedFrom.get(doc) === targets) linkedFrom.delete(doc);
    },
  };
}

// `handle` as an event listener that never throws into the page.
const guarded = (handle) => (event) => {
  try {
    handle(event);
  } catch (e) {
    console.warn("newsclean:", e);
  }
};

// A new `tag` element of `doc` with these attributes ({name: value}).
function element(doc, tag, attributes) {
  const e = doc.createElement(tag);
  for (const name in attributes) e.setAttribute(name, attributes[name]);
  return e;
}

function setCollapsed(panel, collapsed) {
  panel.toggleAttribute("data-collapsed", collapsed);
  const button = panel.querySelector("[data-action=collapse]");
  if (button) {
    button.setAttribute("aria-expanded", String(!collapsed));
    button.textContent = collapsed ? "+" : "–";
  }
}

// Adds one section per speaker to `body` — each [name, number of quotations, role or null] — and
// returns their lists; with no speakers, says so.
function addSections(body, sections) {
  const doc = body.ownerDocument;
  if (sections.length === 0) {
    const empty = element(doc, "p", { class: "empty" });
    empty.textContent = "No direct quotes found on this page.";
    body.appendChild(empty);
  }
  return sections.map(([name, count, role]) => {
    const section = element(doc, "section", { class: "speaker" });
    const h3 = doc.createElement("h3");
    h3.textContent = name;
    const counted = element(doc, "span", { class: "count" });
    counted.textContent = " · " + count;
    h3.appendChild(counted);
    section.appendChild(h3);
    if (role !== null) {
      // (page text: in its own direction, whatever the panel's; see entryItem)
      const p = element(doc, "p", { class: "role", dir: "auto" });
      p.textContent = role;
      section.appendChild(p);
    }
    const list = doc.createElement("ol");
    section.appendChild(list);
    body.appendChild(section);
    return list;
  });
}

// The list item of entry `index`: its text, which goes to its place in the article, and its copy
// button.
function entryItem(doc, index, speaker, text, partial) {
  const li = element(doc, "li", { "data-speaker": speaker });
  const goto = element(doc, "button", {
    class: "goto", "data-action": "goto", "data-index": index, title: "Show in the article",
  });
  // (not a <q>: Blink places each <q>'s marks by its depth among all quotes before it, and ten
  // thousand of them took seconds of style; the marks come from the stylesheet instead)
  // A quotation in Arabic or Hebrew on an English page reads right to left, and its punctuation
  // stays at its ends: dir="auto" takes the direction from its first strong letter and isolates
  // it from the panel's.
  const quote = element(doc, "span", { "data-quote": "", dir: "auto", class: partial ? "partial" : "full" });
  quote.textContent = text;
  goto.appendChild(quote);
  const copy = element(doc, "button", {
    type: "button", "data-action": "copy", "data-index": index,
    ...described("Copy this quote with its attribution"),
  });
  copy.textContent = "Copy";
  li.appendChild(goto);
  li.appendChild(copy);
  return li;
}

// Highlights the first occurrence of each of `pieces` (the segments of a quotation) in the text
// under `root` with the CSS Custom Highlight API (Chromium 105+, Firefox 140+); returns false
// when nothing could be highlighted. The page's DOM is not touched.
function highlight(root, pieces) {
  const registry = globalThis.CSS?.highlights;
  if (!registry) return false;
  const ranges = rangesOf(root, pieces);
  if (ranges.length === 0) return false;
  try {
    registry.set(HIGHLIGHT, new Highlight(...ranges));
    return true;
  } catch {
    return false;
  }
}

// Saves `text` as a file named `name` through a temporary object URL.
function download(doc, name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

// The sidebar's stylesheet, put into its shadow root (page CSS cannot reach in, ours cannot leak
// out). Here in the glue rather than as a string in the wasm: the browser needs it as a JavaScript
// string anyway, and in the wasm it was data decoded into one on every pass (moving it out took
// 2,283 B raw and 726 B brotli off the wasm).
const STYLE = String.raw`
:host { all: initial; }
.panel {
  --bg: #ffffff; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e3e8; --accent: #0b57d0; --chip: #f1f3f8;
  position: fixed; top: 12px; right: 12px; bottom: 12px; z-index: 2147483646;
  width: min(340px, calc(100vw - 24px)); display: flex; flex-direction: column;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 12px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.panel[data-side="left"] { right: auto; left: 12px; }
.panel[data-collapsed] { bottom: auto; width: auto; }
.panel[data-collapsed] .body, .panel[data-collapsed] .tools { display: none; }
header { display: flex; align-items: center; gap: 6px; padding: 10px 12px; border-bottom: 1px solid var(--line); }
.panel[data-collapsed] header { border-bottom: 0; }
h2 { flex: 1; margin: 0; font-size: 15px; font-weight: 650; }
button { font: inherit; color: inherit; background: none; border: 1px solid transparent; border-radius: 6px; padding: 2px 8px; cursor: pointer; }
button:hover { background: var(--chip); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.tools { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px 10px; border-bottom: 1px solid var(--line); font-size: 12px; }
.tools button { border-color: var(--line); }
.body { overflow: auto; padding: 4px 0 10px; }
.speaker { padding: 8px 12px 4px; }
h3 { margin: 0; font-size: 14px; font-weight: 650; }
.role { margin: 0 0 4px; color: var(--muted); font-size: 12px; }
.count { color: var(--muted); font-weight: 400; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: flex; gap: 4px; align-items: flex-start; margin: 4px 0; }
/* Off-screen entries are not laid out until scrolled near: a page may list thousands. */
.speaker { content-visibility: auto; contain-intrinsic-size: auto 160px; }
/* A speaker none of whose quotes is listed yet (past the first 300: "Show more") shows no header. */
.speaker:not(:has(li)) { display: none; }
li { content-visibility: auto; contain-intrinsic-size: auto 48px; }
li .goto { flex: 1; text-align: left; padding: 4px 8px; border-left: 3px solid var(--accent); border-radius: 0 6px 6px 0; background: var(--chip); }
li .copy { font-size: 12px; color: var(--muted); }
[data-quote]::before { content: "\201C"; }
[data-quote]::after { content: "\201D"; }
.partial { font-style: italic; }
.empty { padding: 12px; color: var(--muted); }
.more { display: block; margin: 8px 12px; border-color: var(--line); font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .panel { --bg: #1f2024; --fg: #e8eaed; --muted: #a9adb4; --line: #3a3c42; --accent: #8ab4f8; --chip: #2b2d33; }
}
@media (max-width: 900px) {
  .panel { top: auto; bottom: 8px; max-height: 45vh; }
}
`;
