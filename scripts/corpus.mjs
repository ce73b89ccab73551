// `make corpus`: the built extension over every saved page in ../shared/corpus — article text never
// lost (all pages, not the e2e test's rotating sample) — plus the gold report. Writes
// target/corpus/report.json, prints a summary, exits 1 on a lost paragraph, a newsclean error or a
// gold figure below tests/e2e/corpus.mjs's LIMITS.
//
//   node scripts/corpus.mjs [--only ID,ID...] [--out FILE]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import {
  CORPUS, goldFailures, goldReport, lostFailures, lostFigures, lostReport, missingInputs, openCorpus, pageIds,
  printGold, printLostCases,
} from "../tests/e2e/corpus.mjs";
import { EXTENSION, ROOT } from "../tests/e2e/harness.mjs";

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const out = arg("--out") ?? join(ROOT, "target", "corpus", "report.json");
const only = arg("--only")?.split(",").filter(Boolean);

const missing = missingInputs();
if (missing) {
  console.error(missing);
  process.exit(2);
}
const ids = only ?? pageIds();
const t0 = performance.now();
const corpus = await openCorpus();
const measured = [];
let lostR, gold;
try {
  for (const [i, id] of ids.entries()) {
    const m = await corpus.measure(id);
    measured.push(m);
    const bad = m.after.state !== "ready" || m.after.extErrors.length || m.before.left || m.after.left;
    if (bad || (i + 1) % 25 === 0 || i + 1 === ids.length) {
      console.log(`[${i + 1}/${ids.length}] ${id} state=${m.after.state}${m.before.left || m.after.left ? " (navigated away)" : ""}`
        + `${m.after.extErrors.length ? ` newsclean errors: ${m.after.extErrors.length}` : ""} ${m.secs.toFixed(1)}s`);
    }
  }
  lostR = lostReport(measured);
  gold = only ? null : await goldReport(corpus);
} finally {
  await corpus.close();
}
const secs = Math.round((performance.now() - t0) / 1000);

console.log("");
printLostCases(lostR);
if (gold) printGold(gold);
const failures = [...lostFailures(lostR), ...(gold ? goldFailures(gold.summary, gold.withSeed, gold.rows) : [])];

const pages = measured.map(({ id, before, after, secs: s }) => ({
  id, state: after.state, engine: after.engine, left: before.left || after.left,
  hidden: after.marked.length, quotes: after.quotes.length, page_errors: after.errors.length,
  newsclean_errors: after.extErrors, secs: Math.round(s * 10) / 10,
}));
const report = {
  corpus: CORPUS, extension: EXTENSION, charset: process.env.NEWSCLEAN_CORPUS_CHARSET ?? "utf-8", secs,
  lost: lostFigures(lostR), lost_paragraphs: lostR.cases, not_ready: lostR.notReady, navigated_away: lostR.left,
  newsclean_errors: lostR.errors, gold, failures, pages,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 1) + "\n");

console.log(`lost text (all pages): ${JSON.stringify(lostFigures(lostR))}`);
console.log(`corpus: ${ids.length} pages in ${secs} s; report: ${relative(process.cwd(), out) || out}`);
if (failures.length) {
  console.log(`FAILED (${failures.length}):`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log("corpus: passed");
