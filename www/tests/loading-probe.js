// The probe of loading.html, run before its <body> is parsed: each element marked `data-probe` is
// watched by a ResizeObserver, which reports an element at the first layout that renders it,
// before that frame is painted. `window.__laidOut` collects the ids of those it reported with a
// size, `window.__probed` those it watched.
window.__laidOut = [];
window.__probed = [];
const sizes = new ResizeObserver((entries) => {
  for (const e of entries) if (e.contentRect.width > 0 && e.contentRect.height > 0) window.__laidOut.push(e.target.id);
});
new MutationObserver((records) => {
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.hasAttribute("data-probe")) {
        sizes.observe(n);
        window.__probed.push(n.id);
      }
    }
  }
}).observe(document, { childList: true, subtree: true });
