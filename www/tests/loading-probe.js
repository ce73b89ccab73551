// The probe of the slow test pages (loading.html, and the e2e tests' long one), run before their
// <body> is parsed: each element marked `data-probe` is watched by a ResizeObserver, which reports
// an element at the first layout that renders it, before that frame is painted. `window.__laidOut`
// collects the ids of those it reported with a size, `window.__probed` those it watched (and
// `window.__insertedAt` when), and
// `window.__markedAt` when (performance.now()) each was first marked `data-newsclean`, or an element
// around it.
window.__laidOut = [];
window.__probed = [];
window.__markedAt = {};
window.__insertedAt = {};
const sizes = new ResizeObserver((entries) => {
  for (const e of entries) if (e.contentRect.width > 0 && e.contentRect.height > 0) window.__laidOut.push(e.target.id);
});
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === "attributes") {
      // (the mark may be on the label's slot)
      if (r.target.hasAttribute("data-newsclean")) {
        for (const n of [r.target, ...r.target.querySelectorAll("[data-probe]")]) window.__markedAt[n.id] ??= performance.now();
      }
      continue;
    }
    for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.hasAttribute("data-probe")) {
        sizes.observe(n);
        window.__probed.push(n.id);
        window.__insertedAt[n.id] = performance.now();
      }
    }
  }
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-newsclean"] });
