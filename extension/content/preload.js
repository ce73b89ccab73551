// newsclean: gets the engine ready while the page loads, so that the loader (document_idle) finds
// it ready instead of waiting for it, and its first pass does not pay for compiling our code.
//
// At document_start, after the glue (pkg/newsclean.classic.js, listed before this script), it
// fetches and compiles the wasm, instantiates it and makes the page's engine. Then, in a task of
// its own while the page goes on loading, it warms the engine up: one `analyze` of a small article
// in a detached document of our own (never the page's). V8 compiles a wasm function the first
// time it runs and a script runs slowly until it is hot; without this the page's first pass paid
// for both, about half of it (22.5 ms → 12.2 ms median on 30 corpus pages, for an 8 ms warm-up).
// From then on the engine hides ad labels as the parser inserts them, before they are first laid
// out (`watchEarly`): no label shows while the page loads, and none leaves the page's layout when
// the loader's pass runs. Both are skipped when the loader's pass starts first (the page is
// parsed by then: the pass does it all).
//
// Content scripts of one extension share their isolated world, so the engine is handed over on a
// global of that world, never the page's.
//
// NOTE: a CompileError here (the page's CSP forbids wasm) is handled by the loader, which falls
// back to the wasm2js build.
(() => {
  const key = Symbol.for("newsclean.preload");
  if (globalThis[key] || !(document.documentElement instanceof HTMLElement)) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const href = api.runtime.getURL("pkg/newsclean_bg.wasm");
  const started = performance.now();
  // the warm-up's state, which the loader reads and ends: "pending", "done", "failed", "skipped"
  const warmUp = { state: "pending" };
  const preloading = WebAssembly.compileStreaming(fetch(href))
    .catch((e) => {
      if (e instanceof WebAssembly.CompileError) throw e;
      // a browser that will not stream this response (its MIME type): compile the bytes at once
      return fetch(href).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
    })
    .then(async (module) => {
      const ready = { module, started, compiled: performance.now() };
      const pkg = globalThis.newsclean;
      if (!pkg) return ready; // the glue did not run first: the loader falls back to wasm2js
      const initStart = performance.now();
      await pkg.default({ module_or_path: module });
      const initMs = performance.now() - initStart;
      // the page's engine, handed to the loader, which runs its first pass
      const engine = new pkg.Engine();
      return { ...ready, pkg, engine, initMs };
    });
  preloading.catch(() => {}); // the loader awaits it; no unhandled-rejection report meanwhile
  globalThis[key] = Object.assign(preloading, { warmUp });

  // A made-up article with what the passes look for: ad labels, a duplicated caption, quotes
  // with their speakers. Parsed into a document that has no window: nothing in it loads or runs.
  const SAMPLE = `<header><nav><ul><li><a href="#a">News</a></li><li><a href="#b">Sport</a></li></ul></nav></header>
<article><h1>City opens its new bridge</h1><p class="byline">By Jane Roe</p>
<figure class="photo"><img alt=""><figcaption>The bridge at dawn. Photo: John Doe</figcaption></figure>
<p>The mayor, Ann Smith, opened the bridge on Monday. “It is a great day for this city,” Smith said.
“We waited ten years for it.”</p><div class="ad-slot"><p>Advertisement</p></div>
<p>“I am not so sure,” said Tom Poe, who owns a shop nearby and called the bridge “a waste of money.”</p>
<p>Story continues below advertisement</p><blockquote><p>“On time and on budget,” the council said in a statement.</p></blockquote>
<p>She added: “We are proud of the people who built it.” According to Poe, “nobody asked us.”</p>
<p class="caption">The bridge at dawn. Photo: John Doe</p></article>
<aside class="related"><h2>Most read</h2><ol><li><a href="#c">Storm hits the coast</a></li></ol></aside>
<footer><p>© 2026 The Daily Example</p></footer>`;

  const run = (engine) => {
    if (warmUp.state !== "pending") return; // the loader's pass started first: it does it all
    const pkg = globalThis.newsclean;
    const start = performance.now();
    try {
      const sample = document.implementation.createHTMLDocument("");
      sample.body.innerHTML = SAMPLE;
      pkg.analyze(sample.body);
      warmUp.state = "done";
    } catch (e) {
      warmUp.state = "failed"; // the loader's pass reports its own errors; nothing is lost here
      console.debug("[newsclean] warm-up failed:", e);
    }
    try {
      performance.measure("newsclean:warm-up", { start, detail: { state: warmUp.state } });
    } catch {
      // no User Timing Level 3 here: nothing to report
    }
    // Then the early watcher, on code the warm-up compiled: its first frames paid for that
    // compiling (a frame of 52 ms on mrt-yahoo-2, against 12 ms a frame).
    try {
      engine.watchEarly();
    } catch (e) {
      console.debug("[newsclean] watchEarly failed:", e); // the first pass does it all
    }
  };
  preloading
    .then((ready) => {
      if (!ready.pkg) return;
      // A task of its own, at once: a loading page gives no idle period (requestIdleCallback
      // waited past the loader on 19 of 30 corpus pages), and the sooner it runs the likelier it
      // is done before the loader starts.
      setTimeout(() => run(ready.engine), 0);
    })
    .catch(() => {});
})();
