// The built extension on saved news pages from ../shared/corpus, measured as ../shared/eval does
// (tests/e2e/corpus.mjs ports it): article text never lost, and the gold quality figures.
// Run: node --test tests/e2e/corpus.test.mjs   (after `make build`; about 1.5 min)
// The lost-text sample rotates daily; replay a run with NEWSCLEAN_CORPUS_SEED=<the seed it printed>.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  goldLine, goldRow, golds, goldSummary, lostFigures, lostReport, missingInputs, openCorpus, pageIds,
  printGoldCases, printLostCases, rotation, rotationSeed, seedGold,
} from "./corpus.mjs";

/** Corpus pages (besides the gold ones) in the lost-text sample; NEWSCLEAN_CORPUS_SAMPLE changes it. */
const SAMPLE = Number(process.env.NEWSCLEAN_CORPUS_SAMPLE ?? 60);
/** Issue target for ad-marker recall on the gold pages. */
const MARKER_RECALL_MIN = 0.98;
// Regression floors, not goals: today's figures (2025-11-28: F1 0.842, speaker accuracy 0.757 on the
// 18 dev pages) must not drop below these. The targets are quote F1 ≥ 0.85, speaker ≥ 0.90.
const QUOTE_F1_FLOOR = 0.80;
const SPEAKER_ACC_FLOOR = 0.70;
// Elements hidden that are no gold marker or caption, over the 18 dev pages + the seed. The target is
// 0; this budget is today's count (2025-11-28: 9 — "... more"-truncated caption copies on two pages,
// two unannotated "Advertisement" labels on aeb-42aad16bde, heise's "Anzeige" blocks whose text
// includes their ad script), so that any new false hide fails. Lower it as they are fixed.
const FALSE_HIDES_BUDGET = 9;

let corpus;
const gold = golds();
const seed = seedGold();

before(async () => {
  const missing = missingInputs();
  if (missing) throw new Error(missing);
  corpus = await openCorpus();
});

after(async () => {
  await corpus?.close();
});

test("lost text: no article paragraph visible before cleanup is hidden by it (rotating sample + gold pages)", async () => {
  const goldIds = gold.map((g) => g.id);
  const seedText = rotationSeed();
  const sample = rotation(pageIds().filter((id) => !goldIds.includes(id)), SAMPLE, seedText);
  console.log(`corpus sample: seed=${seedText} (replay: NEWSCLEAN_CORPUS_SEED=${seedText} node --test tests/e2e/corpus.test.mjs)`);
  console.log(`  ${sample.join(" ")}`);
  const t0 = performance.now();
  const measured = [];
  for (const id of [...sample, ...goldIds]) measured.push(await corpus.measure(id));
  const r = lostReport(measured);
  printLostCases(r);
  console.log(`lost text: ${JSON.stringify({ seed: seedText, ...lostFigures(r), secs: Math.round((performance.now() - t0) / 1000) })}`);
  assert.ok(r.paragraphs_checked > 0, "some truth paragraphs were visible before cleanup");
  assert.deepEqual(r.cases.map((c) => `${c.id}: ${c.paragraph.slice(0, 100)}`), [], "article paragraphs hidden by cleanup");
  assert.deepEqual(r.notReady.filter((c) => c.state === "error"), [], "pages where newsclean could not run");
});

test("gold quality: ad markers, duplicated captions, false hides, sidebar quotes (18 dev pages + the seed)", async () => {
  const rows = [];
  for (const g of gold) rows.push(goldRow(g, await corpus.measure(g.id)));
  const seedRow = seed ? goldRow(seed, await corpus.measureSeed(), null) : null;
  const all = seedRow ? [...rows, seedRow] : rows;

  console.log("gold quality (as ../shared/eval/run.py quality --set dev):");
  for (const r of all) console.log("  " + goldLine(r));
  printGoldCases(all);
  const summary = goldSummary(rows);
  const withSeed = goldSummary(all, "dev+seed");
  console.log(JSON.stringify(summary));
  console.log(JSON.stringify(withSeed));

  assert.equal(summary.not_ready, 0, "every gold page reached data-newsclean-state=ready");
  assert.ok(withSeed.marker_recall >= MARKER_RECALL_MIN, `ad-marker recall ${withSeed.marker_recall} ≥ ${MARKER_RECALL_MIN}`);
  const badCaptions = all.flatMap((r) => r.captions.filter((c) => !c.ok).map((c) => `${r.id}: ${c.before}→${c.after} ${c.text}`));
  assert.deepEqual(badCaptions, [], "every duplicated caption down to exactly one visible copy");
  assert.equal(withSeed.lost_paragraphs, 0, "no truth paragraph lost on the gold pages");
  assert.ok(withSeed.false_hides <= FALSE_HIDES_BUDGET, `false hides ${withSeed.false_hides} ≤ budget ${FALSE_HIDES_BUDGET} (target 0)`);
  assert.ok(summary.quote_f1 >= QUOTE_F1_FLOOR, `quote F1 ${summary.quote_f1} ≥ floor ${QUOTE_F1_FLOOR} (target 0.85)`);
  assert.ok(summary.speaker_acc >= SPEAKER_ACC_FLOOR, `speaker accuracy ${summary.speaker_acc} ≥ floor ${SPEAKER_ACC_FLOOR} (target 0.90)`);
  assert.deepEqual(all.filter((r) => r.ext_errors.length).map((r) => `${r.id}: ${r.ext_errors[0]}`), [], "errors in newsclean's content script");
});
