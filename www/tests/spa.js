// Plays a single-page app (React, Next.js, Vue routers) that navigates in place: it keeps its
// <body> and renders the next page into its root element, after `history.pushState`. 500 ms after
// load it goes from the article to the section's index (headlines and one-line teasers, no
// quotations), 1.5 s after load to another article. Each step sets <html data-app-page>.
const INDEX = `<section class="section-index">
  <h1 class="headline">World news</h1>
  <ul class="teasers">
    <li><a href="#a1">Port strike ends after two weeks of talks</a> <span>Ships leave the harbour.</span></li>
    <li><a href="#a2">Drought eases in the south</a> <span>Rain returns after a dry summer.</span></li>
    <li><a href="#a3">New rail line opens to the airport</a> <span>Trains every ten minutes.</span></li>
    <li><a href="#a4">Museum reopens after renovation</a> <span>Two new wings for modern art.</span></li>
  </ul>
</section>`;

const NEXT_ARTICLE = `<article class="story" id="next-story">
  <h1 class="headline">Port strike ends after two weeks of talks</h1>
  <div class="article-body">
    <p>Dock workers returned to the port on Friday after the union and the port authority agreed on a new three-year contract, ending a strike that had left ships waiting offshore for two weeks.</p>
    <div class="ad-slot ad-in-article" id="ad-slot-next"><div class="ad-label">Advertisement</div></div>
    <p>"Nobody wins a strike, but this contract is fair to the people who do the work," said union president Maria Kovacs after the vote.</p>
    <p>The port authority's director, Henrik Dahl, said the backlog of containers would be cleared within ten days. "Every crane will run around the clock until it is," Dahl said.</p>
    <p>Shipping companies had diverted dozens of vessels to other ports during the strike, and local businesses said the delays had cost them millions.</p>
  </div>
</article>`;

// Renders `html` (the app's own markup) into the app's root, as a framework's commit does.
function render(html, path, name) {
  history.pushState({}, "", path);
  const parsed = new DOMParser().parseFromString(html, "text/html");
  document.getElementById("app").replaceChildren(...parsed.body.children);
  document.documentElement.dataset.appPage = name;
}

addEventListener("load", () => {
  setTimeout(() => render(INDEX, "?page=world", "index"), 500);
  setTimeout(() => render(NEXT_ARTICLE, "?page=port-strike", "article"), 1500);
});
