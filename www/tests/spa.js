// Plays a single-page app (React, Next.js, Vue routers) that navigates in place: it keeps its
// <body> and renders the next page into its root element, after `history.pushState`. 500 ms after
// load it goes from the article to the section's index (headlines and one-line teasers, no
// quotations), 1.5 s after load to another article. Each step sets <html data-app-page>.
const INDEX = `<section class="section-index">
  <h1 class="headline">World news</h1>
  <ul class="teasers">
    <li><a href="#a1">Library to stay open until midnight during exams</a> <span>Four weeks of late hours.</span></li>
    <li><a href="#a2">Drought eases in the south</a> <span>Rain returns after a dry summer.</span></li>
    <li><a href="#a3">New rail line opens to the airport</a> <span>Trains every ten minutes.</span></li>
    <li><a href="#a4">Museum reopens after renovation</a> <span>Two new wings for modern art.</span></li>
  </ul>
</section>`;

const NEXT_ARTICLE = `<article class="story" id="next-story">
  <h1 class="headline">Library to stay open until midnight during exams</h1>
  <div class="article-body">
    <p>The central library will stay open until midnight for the four weeks of the exam season, the city announced on Thursday, after students complained that study rooms were full by noon.</p>
    <div class="ad-slot ad-in-article" id="ad-slot-next"><div class="ad-label">Advertisement</div></div>
    <p>"Students asked for a quiet place to work late, and we can give them one," said head librarian Grace Mbeki, who will add evening staff for the period.</p>
    <p>The student union's president, Omar Farouk, said the change was overdue. "Every exam season we lose hours queueing for a desk," Farouk said.</p>
    <p>The library will review the extended hours after the summer, when it sets its budget for the next year.</p>
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
