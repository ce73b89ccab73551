// The playground: runs the package the extension ships (www/pkg/, copied there by `make build`)
// directly on pasted text, and shows what analyze() reports. It never calls cleanDocument().
const $ = (id) => document.getElementById(id);
const source = $("source"), article = $("article"), run = $("run");

let pkg = null;
try {
  pkg = await import("./pkg/newsclean.js");
  await pkg.default({ module_or_path: new URL("./pkg/newsclean_bg.wasm", import.meta.url) });
  $("engine").textContent = "package loaded (WebAssembly)";
  run.disabled = false;
} catch (e) {
  $("engine").textContent = "www/pkg/ is missing or failed to load: run `make build` (see the console).";
  console.error("[newsclean playground]", e);
}

// Elements and attributes that could run code or fetch something are dropped from pasted HTML.
const DROP = "script, style, link, meta, base, iframe, frame, frameset, object, embed, form, noscript, template";

/** Turns pasted text into nodes of this document: HTML as is (made inert), plain text as one <p> per line. */
function render(text) {
  const looksLikeHtml = /<\/?[a-z][^>]*>/i.test(text);
  const doc = new DOMParser().parseFromString(looksLikeHtml ? text : "", "text/html");
  if (!looksLikeHtml) {
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      const p = doc.createElement("p");
      p.textContent = line.trim();
      doc.body.append(p);
    }
  }
  for (const el of doc.body.querySelectorAll(DROP)) el.remove();
  for (const el of doc.body.querySelectorAll("*")) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || attr.name === "style" || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  article.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
}

// serde-wasm-bindgen may hand out Maps; JSON.stringify would print them as {}.
const plain = (_key, value) => (value instanceof Map ? Object.fromEntries(value) : value);

function item(strong, text) {
  const li = document.createElement("li");
  const b = document.createElement("b");
  b.textContent = strong;
  li.append(b, " ", text);
  return li;
}

function analyze() {
  render(source.value);
  const t0 = performance.now();
  let report;
  try {
    report = pkg.analyze(article);
  } catch (e) {
    $("report").textContent = String(e);
    return;
  }
  $("timing").textContent = `(${(performance.now() - t0).toFixed(1)} ms)`;
  const hidden = Array.isArray(report?.hidden) ? report.hidden : [];
  const quotes = Array.isArray(report?.quotes) ? report.quotes : [];
  $("hidden").replaceChildren(...hidden.map((h) => {
    const li = item(h.kind ?? "?", h.text ?? "");
    if (h.reason) li.append(" ", Object.assign(document.createElement("span"), { className: "pg-muted", textContent: `(${h.reason})` }));
    return li;
  }));
  $("quotes").replaceChildren(...quotes.map((q) => item(`${q.speaker ?? "unknown"}:`, `“${q.quote ?? q.text ?? ""}”`)));
  $("report").textContent = JSON.stringify(report, plain, 2);
}

async function loadDemo() {
  const html = await (await fetch("index.html")).text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  const parts = [...doc.querySelectorAll("body > .ad-slot, main")];
  source.value = parts.map((el) => (el.matches("main") ? el.innerHTML : el.outerHTML)).join("\n");
  if (pkg) analyze();
}

run.addEventListener("click", analyze);
$("demo").addEventListener("click", loadDemo);
await loadDemo();
document.documentElement.dataset.playground = "ready";
