// What a change to the quotation rules changed, for reading (a diagnostic, not part of any test):
//
//   NEWSCLEAN_EVAL_DUMP=target/eval/before cargo test -q --features cli --test quotes_eval
//   (make the change)
//   NEWSCLEAN_EVAL_DUMP=target/eval/after cargo test -q --features cli --test quotes_eval
//   node scripts/quotes-diff.mjs target/eval/before target/eval/after [--sample N] [--seed S]
//
// Pairs the two dumps' cases line by line (both runs read the same articles in the same order) and
// prints how many differ, then a random sample of them (default 20, seeded so that a sample can be
// read again): the gold speaker, the prediction and its verdict before → after, and the article's
// text before and around the quotation. PolNeAR scores neither pronouns nor descriptions (their
// verdict is null), and names match on surnames; so a change of attribution rules is judged by
// reading such samples (counting "right now" against "right before and wrong now"), as the
// README's "Quote accuracy" section reports. Also prints the per-verdict counts of each side.
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SETS = ["PolNeAR-dev", "PolNeAR-train"];
const SOURCES = ["polnear-dev.jsonl", "polnear-train.jsonl"].map((f) => join(ROOT, "..", "shared", "corpus", "quotes", f));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const sample = Number(option("--sample", 20));
let seed = Number(option("--seed", 7));
const [before, after] = args;
if (!before || !after) {
  console.error("usage: node scripts/quotes-diff.mjs BEFORE_DIR AFTER_DIR [--sample N] [--seed S]");
  process.exit(2);
}

const lines = (path) => readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const texts = new Map();
for (const source of SOURCES) for (const article of lines(source)) texts.set(article.id, article.text);

const verdict = (c) => (c.missed ? "missed" : "unmatched_prediction" in c ? "unmatched" : String(c.ok));
const changed = [];
for (const set of SETS) {
  const [a, b] = [before, after].map((dir) => lines(join(dir, `${set}.jsonl`)));
  if (a.length !== b.length) {
    console.error(`${set}: ${a.length} cases before, ${b.length} after: the dumps do not pair (quotations found or lost?)`);
  }
  const count = (cases) => {
    const tally = new Map();
    for (const c of cases) tally.set(verdict(c), (tally.get(verdict(c)) ?? 0) + 1);
    return [...tally].map(([k, n]) => `${k} ${n}`).join(", ");
  };
  console.log(`${set}: before ${count(a)} | after ${count(b)}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) changed.push([a[i], b[i]]);
  }
}
console.log(`${changed.length} cases differ`);

// a small seeded generator (mulberry32), so that `--seed` picks the same sample again
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const picked = [...changed];
for (let i = picked.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [picked[i], picked[j]] = [picked[j], picked[i]];
}
for (const [x, y] of picked.slice(0, sample)) {
  const text = texts.get(x.article) ?? "";
  const at = Math.max(0, text.indexOf(x.quote.slice(0, 30)));
  console.log(`\ngold ${JSON.stringify(x.gold ?? null)} | ${x.predicted ?? null} (${verdict(x)}) -> ${y.predicted ?? null} (${verdict(y)})`);
  console.log(`    ${text.slice(Math.max(0, at - 450), at + x.quote.length + 40).replaceAll("\n", " ¶ ")}`);
}
