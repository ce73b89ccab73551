// Plays a live feed: 300 ms after load it appends `?n=` items (2,000 unless asked), each one by
// one, in a single task, as feeds and infinite scroll do. Every 50th item is an ad slot labelled
// "Advertisement"; every item is a paragraph that must stay visible, some of them mentioning
// advertisements in running text. `data-feed` on <html> says when the items are in and, once
// every label has stopped rendering, how long that took (ms after the first item).
addEventListener("load", () => {
  setTimeout(() => {
    const n = Number(new URLSearchParams(location.search).get("n")) || 2000;
    const feed = document.getElementById("feed");
    const start = performance.now();
    let labels = 0;
    for (let i = 1; i <= n; i++) {
      if (i % 50 === 0) {
        const slot = document.createElement("div");
        slot.className = "ad-slot ad-in-article";
        const label = document.createElement("div");
        label.className = "ad-label";
        label.textContent = "Advertisement";
        slot.append(label);
        feed.append(slot);
        labels++;
      }
      const item = document.createElement("p");
      item.className = "feed-item";
      item.textContent = i % 7 === 0
        ? `Update ${i}: the council's advertisement budget was cut again, the finance committee said.`
        : `Update ${i}: “We will publish the figures this week,” said Maria Okafor, the council's treasurer.`;
      feed.append(item);
    }
    const root = document.documentElement;
    root.dataset.feed = "appended";
    root.dataset.feedLabels = String(labels);
    const settled = () => {
      const shown = [...document.querySelectorAll(".ad-label")].filter((l) => l.getClientRects().length > 0);
      if (shown.length === 0) root.dataset.feedHiddenMs = String(Math.round(performance.now() - start));
      else setTimeout(settled, 20);
    };
    settled();
  }, 300);
});
