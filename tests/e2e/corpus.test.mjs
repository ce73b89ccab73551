// The built extension on saved news pages from ../shared/corpus, measured as ../shared/eval does
// (tests/e2e/corpus.mjs ports it): article text never lost, and the gold quality figures.
// Run: node --test tests/e2e/corpus.test.mjs   (after `make build`; about 1.5 min)
// The lost-text sample rotates daily; replay a run with NEWSCLEAN_CORPUS_SEED=<the seed it printed>.
// All 290 pages: scripts/corpus.mjs (`make corpus`).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  goldFailures, goldReport, golds, LIMITS, lostFailures, lostFigures, lostReport, missingInputs, openCorpus,
  pageIds, printGold, printLostCases, rotation, rotationSeed,
} from "./corpus.mjs";

/** Corpus pages besides the gold ones in the lost-text sample (NEWSCLEAN_CORPUS_SAMPLE overrides). */
const SAMPLE = Number(process.env.NEWSCLEAN_CORPUS_SAMPLE ?? 60);

let corpus;

before(async () => {
  const missing = missingInputs();
  if (missing) throw new Error(missing);
  corpus = await openCorpus();
});

after(async () => {
  await corpus?.close();
});

test(`lost text: no article paragraph visible before cleanup is hidden by it (${SAMPLE} rotating pages + gold pages)`, async () => {
  const goldIds = golds().map((g) => g.id);
  const seed = rotationSeed();
  const sample = rotation(pageIds().filter((id) => !goldIds.includes(id)), SAMPLE, seed);
  console.log(`corpus sample: seed=${seed} (replay: NEWSCLEAN_CORPUS_SEED=${seed} node --test tests/e2e/corpus.test.mjs)`);
  console.log(`  ${sample.join(" ")}`);
  const t0 = performance.now();
  const measured = [];
  for (const id of [...sample, ...goldIds]) measured.push(await corpus.measure(id));
  const r = lostReport(measured);
  printLostCases(r);
  console.log(`lost text: ${JSON.stringify({ seed, ...lostFigures(r), secs: Math.round((performance.now() - t0) / 1000) })}`);
  assert.ok(r.paragraphs_checked > 0, "some truth paragraphs were visible before cleanup");
  assert.deepEqual(lostFailures(r), [], "article text hidden by cleanup, or newsclean failing");
});

test("gold quality: ad markers, duplicated captions, false hides, sidebar quotes (dev pages + the seed)", async () => {
  const report = await goldReport(corpus);
  printGold(report);
  assert.deepEqual(goldFailures(report.summary, report.withSeed, report.rows), [],
    `gold report against LIMITS ${JSON.stringify(LIMITS)}`);
});
