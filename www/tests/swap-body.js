// Plays a site that navigates without loading a page, as Turbo Drive and pjax do: 500 ms after
// load it builds the next article's <body> and puts it in place of the current one (Turbo's
// `document.body.replaceWith(newBody)`). The old body, its label and its quotations leave the
// page; the new one has its own.
addEventListener("load", () => {
  setTimeout(() => {
    const next = new DOMParser().parseFromString(`<body>
  <header class="site-header"><div class="wrap masthead"><a class="logo" href="#">UPI</a></div></header>
  <main class="wrap page">
    <article class="story" id="next-story">
      <h1 class="headline">Port strike ends after two weeks of talks</h1>
      <div class="article-body">
        <p>Dock workers returned to the port on Friday after the union and the port authority agreed on a new three-year contract, ending a strike that had left ships waiting offshore for two weeks.</p>
        <div class="ad-slot ad-in-article" id="ad-slot-next"><div class="ad-label">Advertisement</div></div>
        <p>"Nobody wins a strike, but this contract is fair to the people who do the work," said union president Maria Kovacs after the vote.</p>
        <p>The port authority's director, Henrik Dahl, said the backlog of containers would be cleared within ten days. "Every crane will run around the clock until it is," Dahl said.</p>
        <p>Shipping companies had diverted dozens of vessels to other ports during the strike, and local businesses said the delays had cost them millions.</p>
      </div>
    </article>
  </main>
</body>`, "text/html");
    document.body.replaceWith(document.adoptNode(next.body));
    document.documentElement.dataset.swapped = "body";
  }, 500);
});
