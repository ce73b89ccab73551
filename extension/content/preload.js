// newsclean: starts fetching and compiling the wasm at document_start, while the page loads, so
// that the loader (document_idle) finds the module ready instead of waiting for it. Content
// scripts of one extension share their isolated world, so the promise is handed over on a
// global of that world, never the page's.
//
// NOTE: a CompileError here (the page's CSP forbids wasm) is handled by the loader, which falls
// back to the wasm2js build.
(() => {
  const key = Symbol.for("newsclean.compiledWasm");
  if (globalThis[key] || !(document.documentElement instanceof HTMLElement)) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const href = api.runtime.getURL("pkg/newsclean_bg.wasm");
  const started = performance.now();
  const compiled = WebAssembly.compileStreaming(fetch(href))
    .catch((e) => {
      if (e instanceof WebAssembly.CompileError) throw e;
      // a browser that will not stream this response (its MIME type): compile the bytes at once
      return fetch(href).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
    })
    .then((module) => ({ module, started, compiled: performance.now() }));
  compiled.catch(() => {}); // the loader awaits it; no unhandled-rejection report meanwhile
  globalThis[key] = compiled;
})();
