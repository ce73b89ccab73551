// A static file server for www/ on 127.0.0.1 (node:http, no dependencies).
//
//   /<path>          the file as is
//   /strict/<path>   the same file sent with `Content-Security-Policy: script-src 'self'; style-src 'self'`
//                    (no 'wasm-unsafe-eval': Chromium refuses to compile the .wasm in content scripts)
//   /none/<path>     the same file sent with `default-src 'none'; img-src 'self'; style-src 'self'`
//   /slow/<path>     the same file sent in two halves 800 ms apart (a page still loading, before
//                    DOMContentLoaded, when the extension's warm-up runs), or, if it has
//                    `<!-- pause -->` comments, in the parts between them, 800 ms apart
//   /unlabeled/<path> the same file with no charset in its Content-Type (a page that declares none
//                    is then read as windows-1252: its UTF-8 punctuation shows misread, “ as â€œ)
//
// Standalone: node tests/e2e/server.mjs [--port N] [--root DIR]   (prints its URL; Ctrl-C stops it)
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

// NEWSCLEAN_WWW serves another copy of the pages (e.g. a variant of the demo while debugging).
export const WWW = resolve(process.env.NEWSCLEAN_WWW ?? resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "www"));

export const POLICIES = {
  strict: "script-src 'self'; style-src 'self'",
  none: "default-src 'none'; img-src 'self'; style-src 'self'",
};

const SLOW_PAUSE_MS = 800;
const PAUSE = "<!-- pause -->";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

/**
 * Starts the server; resolves to `{url, close()}` once it listens.
 * @param {{root?: string, port?: number}} [options] port 0 (the default) picks a free one.
 */
export function startServer({ root = WWW, port = 0 } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return send(res, 400, headers, "bad request\n");
    }
    const slow = path.startsWith("/slow/");
    if (slow) path = path.slice("/slow".length);
    const unlabeled = path.startsWith("/unlabeled/");
    if (unlabeled) path = path.slice("/unlabeled".length);
    const prefix = path.match(/^\/(strict|none)(\/.*)$/);
    if (prefix) {
      headers["Content-Security-Policy"] = POLICIES[prefix[1]];
      path = prefix[2];
    }
    if (path.endsWith("/")) path += "index.html";
    const file = resolve(base, "." + path);
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, headers, "forbidden\n");
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      headers["Content-Type"] = TYPES[extname(file)] ?? "application/octet-stream";
      if (unlabeled) headers["Content-Type"] = headers["Content-Type"].replace(/; charset=.*/, "");
      if (slow && req.method !== "HEAD") {
        res.writeHead(200, headers);
        const pauses = [];
        for (let at = body.indexOf(PAUSE); at >= 0; at = body.indexOf(PAUSE, at + 1)) pauses.push(at);
        const cuts = pauses.length ? pauses : [Math.floor(body.length / 2)];
        const parts = [0, ...cuts].map((from, i) => body.subarray(from, cuts[i] ?? body.length));
        res.write(parts.shift());
        const next = () => {
          const part = parts.shift();
          if (parts.length) {
            res.write(part);
            setTimeout(next, SLOW_PAUSE_MS).unref();
          } else res.end(part);
        };
        setTimeout(next, SLOW_PAUSE_MS).unref();
        return;
      }
      send(res, 200, headers, req.method === "HEAD" ? undefined : body);
    } catch {
      send(res, 404, headers, "not found\n");
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${bound}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

function send(res, status, headers, body) {
  if (typeof body === "string") headers["Content-Type"] ??= "text/plain; charset=utf-8";
  res.writeHead(status, headers);
  res.end(body);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const { url } = await startServer({ root: arg("--root") ?? WWW, port: Number(arg("--port") ?? 0) });
  console.log(`serving ${arg("--root") ?? WWW} at ${url}/`);
  console.log(`  demo:        ${url}/index.html`);
  console.log(`  strict CSP:  ${url}/strict/index.html   (script-src 'self'; style-src 'self')`);
  console.log(`  no CSP room: ${url}/none/index.html     (default-src 'none'; img-src 'self'; style-src 'self')`);
  console.log(`  no charset:  ${url}/unlabeled/tests/unlabeled.html   (read as windows-1252)`);
  console.log(`  playground:  ${url}/playground.html`);
}
