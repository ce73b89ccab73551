// Firefox through geckodriver's plain W3C WebDriver HTTP API (no client library): start a headless
// Firefox, install the unpacked extension as a temporary add-on, run scripts in pages.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Returns what is missing to drive Firefox, or null. */
export function missingFirefox() {
  const which = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).stdout.trim();
  const binary = process.env.FIREFOX ?? (which("firefox-esr") || which("firefox"));
  if (!binary) return "no firefox-esr/firefox on PATH";
  if (!(process.env.GECKODRIVER ?? which("geckodriver"))) return "no geckodriver on PATH (cargo install geckodriver --locked)";
  return null;
}

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  s.on("error", reject);
});

// Everything but 127.0.0.1 goes to a closed proxy port (Firefox never proxies localhost), and the
// background services that would phone home are off: no request leaves the machine.
const PREFS = {
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
  "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9,
  "network.proxy.share_proxy_settings": true,
  "network.proxy.allow_hijacking_localhost": false,
  "network.dns.disablePrefetch": true,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "app.update.disabledForTesting": true,
  "browser.safebrowsing.update.enabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "extensions.update.enabled": false,
  "extensions.getAddons.cache.enabled": false,
};

/** Starts geckodriver + headless Firefox; resolves to a small session object. */
export async function launchFirefox({ width = 1280, height = 900 } = {}) {
  const port = await freePort();
  const driverBin = process.env.GECKODRIVER ?? "geckodriver";
  const binary = process.env.FIREFOX ?? (spawnSync("sh", ["-c", "command -v firefox-esr || command -v firefox"], { encoding: "utf8" }).stdout.trim());
  const profileRoot = mkdtempSync(join(tmpdir(), "newsclean-ff-"));
  const driver = spawn(driverBin, ["--host", "127.0.0.1", "--port", String(port), "--profile-root", profileRoot],
    { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  driver.stdout.on("data", (d) => { log += d; });
  driver.stderr.on("data", (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;

  async function call(method, path, body) {
    const res = await fetch(base + path, {
      method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`webdriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }

  for (let i = 0; ; i++) { // wait for geckodriver to listen
    try { await fetch(base + "/status"); break; } catch (e) {
      if (i > 100 || driver.exitCode !== null) throw new Error(`geckodriver did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const session = await call("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { binary, args: ["-headless"], prefs: PREFS } } },
  });
  const sid = `/session/${session.sessionId}`;
  await call("POST", `${sid}/window/rect`, { width, height });
  return {
    version: session.capabilities.browserVersion,
    installAddon: (path) => call("POST", `${sid}/moz/addon/install`, { path, temporary: true }),
    goto: (url) => call("POST", `${sid}/url`, { url }),
    /** Runs `fn` (a function) in the page's main world with `args`; returns its JSON-able result. */
    evaluate: (fn, ...args) => call("POST", `${sid}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
               Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1))).then(done, (e) => done({ error: String(e) }));`,
      args,
    }),
    async close() {
      await call("DELETE", sid).catch(() => {});
      driver.kill();
      rmSync(profileRoot, { recursive: true, force: true });
    },
  };
}
