// newsclean content-script loader: a classic script with no page logic. It loads the package,
// runs its one pass (cleanStep, a slice at a time), reports failures, and forwards the popup's
// on/off switch.
//
// NOTE: Chromium applies the page's own CSP to WebAssembly compiled in content scripts, so on a
// page without 'wasm-unsafe-eval' the .wasm throws CompileError; the same crate translated to
// plain JavaScript (wasm2js, pkg-fallback/) is then loaded instead, and only then.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const root = document.documentElement;
  const once = Symbol.for("newsclean.loader");
  if (globalThis[once] || !(root instanceof HTMLElement)) return; // twice in one frame, or not HTML
  globalThis[once] = true;

  // User Timing entries on the page's own timeline (DevTools' Performance panel, and how `make
  // bench` times the real extension): "newsclean:start-up" from this script's start until the
  // engine is ready, "newsclean:pass" from then until the pass is done (its `detail`: the time
  // spent in our slices, and how many). Never allowed to throw into the page.
  const loaderStart = performance.now();
  // the start-up's parts: when the engine preload.js started at document_start was there (wall
  // time from this script's start), how long its fetch + compile and its init() took, and whether
  // it had been warmed up before this script ran
  const startUp = { engineReadyMs: null, initMs: null, preloadMs: null, warmUp: "none" };
  const measure = (name, start, detail) => {
    try {
      performance.measure(name, { start, end: performance.now(), detail });
    } catch {
      // no User Timing Level 3 here: nothing to report
    }
  };
  const url = (path) => api.runtime.getURL(path);
  let enabled = true;
  let report = null; // {hidden, quotes, speakers} counts, once the pass is done

  // The package: preload.js (document_start, after the glue) fetched, compiled and instantiated
  // the wasm, and perhaps warmed it up. The pass starts as soon as the package is ready: a warm-up
  // that has not run yet would only delay it.
  const preloaded = globalThis[Symbol.for("newsclean.preload")];
  if (preloaded?.warmUp?.state === "pending") preloaded.warmUp.state = "skipped";
  startUp.warmUp = preloaded?.warmUp?.state ?? "none";

  async function load() {
    try {
      // (a frame where the document_start scripts did not run gets the wasm2js build below)
      if (!preloaded?.then) throw new Error("content/preload.js did not run in this frame");
      const ready = await preloaded;
      startUp.engineReadyMs = performance.now() - loaderStart;
      // the preload's own fetch + compile, from document_start (wall time, off this script's path)
      startUp.preloadMs = ready.compiled - ready.started;
      if (!ready.pkg) throw new Error("the glue (pkg/newsclean.classic.js) did not run before content/preload.js");
      startUp.initMs = ready.initMs;
      return [ready.pkg, "wasm", ready.engine];
    } catch (wasmError) {
      console.debug("[newsclean] WebAssembly unavailable here; using the JavaScript build:", wasmError);
      try {
        return [await import(url("pkg-fallback/newsclean.mjs")), "wasm2js"];
      } catch (fallbackError) {
        throw new AggregateError([wasmError, fallbackError], "neither wasm nor wasm2js could start");
      }
    }
  }

  const status = () => ({
    enabled,
    state: root.dataset.newscleanState ?? null,
    engine: root.dataset.newscleanEngine ?? null,
    hidden: report?.hidden ?? 0,
    quotes: report?.quotes ?? 0,
    url: location.href,
  });
  // Tells the background worker (badge); nobody listening is fine.
  const tell = () =>
    Promise.resolve()
      .then(() => api.runtime.sendMessage({ type: "newsclean:status", ...status() }))
      .catch(() => {});

  // The pass runs in slices of a few milliseconds with the page's own work in between, so that
  // even a very long page never freezes its tab (long tasks stay under 50 ms).
  const SLICE_MS = 12;
  const nextTask = () =>
    globalThis.scheduler?.yield
      ? globalThis.scheduler.yield()
      : new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        });

  const ready = load().then(async ([pkg, kind, preloadedEngine]) => {
    root.dataset.newscleanEngine = kind;
    measure("newsclean:start-up", loaderStart, { engine: kind, ...startUp });
    // this frame's state (what was hidden, the sidebar, the observer): kept as long as `ready` is;
    // preload.js's, which has hidden the labels inserted while the page loaded, where it ran
    const engine = preloadedEngine ?? new pkg.Engine();
    const passStart = performance.now();
    let busyMs = 0;
    let longestSliceMs = 0;
    let pageStyleMs = 0;
    let slices = 0;
    for (;;) {
      // The style of what the page changed since its last frame, which that frame's rendering
      // would compute next anyway, computed here first (the slice that hides asks whether
      // elements are rendered): timed apart, as the page's work, not ours.
      const styling = performance.now();
      root.checkVisibility?.();
      const sliceStart = performance.now();
      pageStyleMs = Math.max(pageStyleMs, sliceStart - styling);
      report = engine.cleanStep(SLICE_MS);
      const sliceMs = performance.now() - sliceStart;
      busyMs += sliceMs;
      longestSliceMs = Math.max(longestSliceMs, sliceMs);
      slices += 1;
      if (report !== null) break;
      await nextTask();
    }
    measure("newsclean:pass", passStart, { busyMs, longestSliceMs, pageStyleMs, slices, engine: kind });
    tell();
    return engine;
  });
  ready.catch((e) => {
    root.dataset.newscleanState = "error";
    console.error("[newsclean]", e);
  });

  api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (msg?.type === "newsclean:get-state") {
      sendResponse(status());
    } else if (msg?.type === "newsclean:set-enabled") {
      const on = Boolean(msg.enabled);
      ready
        .then((engine) => {
          engine.setEnabled(on);
          enabled = on;
          tell();
          return status();
        })
        .catch((e) => ({ ...status(), error: String(e) }))
        .then(sendResponse);
      return true; // answers asynchronously
    }
    return false;
  });
})();
