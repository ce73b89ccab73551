// The toolbar popup: one on/off switch for the current tab, sent to that tab's content script.
// `?tab=<id>` picks the tab explicitly (used by the e2e tests, which open this page in a tab).
const api = globalThis.browser ?? globalThis.chrome;
const toggle = document.getElementById("enabled");
const status = document.getElementById("status");

const param = Number(new URLSearchParams(location.search).get("tab"));
const tabId = param || (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;

function show(s) {
  if (!s) {
    status.textContent = "newsclean does not run on this page.";
    return;
  }
  // The glue reports "ready" after its first pass and may report "off" while switched off.
  toggle.checked = s.enabled;
  toggle.disabled = !s.state || s.state === "error";
  const engine = s.engine === "wasm2js" ? " (JavaScript fallback: the page's CSP blocks WebAssembly)" : "";
  status.textContent =
    s.state === "error" ? "newsclean failed on this page (see the page console)."
    : !s.state ? "Still working on this page…"
    : !s.enabled ? "Off: the page is shown as published."
    : `Hidden ${s.hidden} item${s.hidden === 1 ? "" : "s"}, found ${s.quotes} quote${s.quotes === 1 ? "" : "s"}${engine}.`;
}

async function send(msg) {
  try {
    return await api.tabs.sendMessage(tabId, msg);
  } catch {
    return null; // no content script in this tab (browser pages, the web store, file://)
  }
}

toggle.addEventListener("change", async () => {
  toggle.disabled = true;
  show(await send({ type: "newsclean:set-enabled", enabled: toggle.checked }));
});

// Until the page's first pass is done, ask again now and then.
async function refresh(tries = 40) {
  const s = tabId === undefined ? null : await send({ type: "newsclean:get-state" });
  show(s);
  if (s && !s.state && tries > 0) setTimeout(() => refresh(tries - 1), 250);
}

await refresh();
document.body.dataset.ready = "true";
