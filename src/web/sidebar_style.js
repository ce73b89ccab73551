// The sidebar's stylesheet, put into its shadow root (page CSS cannot reach in, ours cannot leak
// out). It lives here, in the JavaScript glue, rather than as a string in the wasm: the browser
// needs it as a JavaScript string anyway, and in the wasm it was data decoded into one on every
// pass (moving it out took 2,283 B raw and 726 B brotli off the wasm). esbuild bundles this module
// into the glue (scripts/build.sh).

const CSS = String.raw`
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

// Adds the stylesheet to `shadow` (a ShadowRoot of ours).
export function addSidebarStyle(shadow) {
  const style = shadow.ownerDocument.createElement("style");
  style.textContent = CSS;
  shadow.appendChild(style);
}
