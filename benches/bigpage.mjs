// A generated news-like page of about `bytes` bytes (default 10 MB) for the long-task check:
// many article paragraphs with attributed quotations, ad labels in ad slots and between paragraphs,
// photos whose caption is repeated under them, related-link asides, a nav and a footer.
// Deterministic (a seeded PRNG), so every run measures the same page.
//
//   node benches/bigpage.mjs [BYTES] > big.html

const FIRST = ["Maria", "John", "Aiko", "Pierre", "Fatima", "Lars", "Ana", "David", "Chen", "Olu", "Sofia", "Rahul"];
const LAST = ["Okafor", "Lindqvist", "Tanaka", "Dubois", "Haddad", "Novak", "García", "Miller", "Wei", "Adeyemi", "Rossi", "Mehta"];
const ROLES = ["the finance minister", "a spokesperson for the ministry", "the mayor", "a professor of economics at the university",
  "the company's chief executive", "a union leader", "the opposition leader", "a senior diplomat"];
const VERBS = ["said", "told reporters", "added", "said in a statement", "wrote on social media", "argued"];
const WORDS = ("the council budget plan city river bridge report vote week month year officials residents market prices energy "
  + "water school hospital transport policy agreement talks government region border trade workers families data survey "
  + "analysts project funding delay crisis reform court ruling election campaign press meeting deadline proposal").split(" ");
const LABELS = ["Advertisement", "Story continues below advertisement", "ADVERTISEMENT", "Anzeige", "Publicité", "Sponsored"];

function prng(seed) {
  let h = seed >>> 0;
  return () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the page's HTML (UTF-8 string of roughly `bytes` bytes). */
export function bigPage(bytes = 10_000_000, seed = 42) {
  const rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const sentence = (n) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(" ") + ".";
  };
  const prose = (k) => Array.from({ length: k }, () => sentence(8 + Math.floor(rnd() * 14))).join(" ");
  const speakers = Array.from({ length: 40 }, (_, i) => [`${FIRST[i % FIRST.length]} ${LAST[(i * 5 + Math.floor(i / LAST.length)) % LAST.length]}`, ROLES[i % ROLES.length]]);
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated long read (newsclean bench)</title></head><body>
<header class="site-header"><nav class="main-nav"><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join("")}</ul></nav></header>
<main><article class="story"><h1>A very long generated article about ${prose(1).toLowerCase()}</h1><p class="byline">By ${speakers[0][0]} and ${speakers[1][0]}</p>\n`;
  const tail = `</article></main><footer class="site-footer"><p>© Generated News. All rights reserved.</p><ul>${Array.from({ length: 20 }, (_, i) => `<li><a href="/about/${i}">About ${i}</a></li>`).join("")}</ul></footer></body></html>\n`;
  const parts = [head];
  let size = head.length + tail.length;
  const introduced = new Set();
  for (let k = 0; size < bytes; k++) {
    let s = `<h2>Part ${k + 1}: ${prose(1)}</h2>\n`;
    for (let p = 0; p < 6; p++) {
      const [name, role] = pick(speakers);
      const who = introduced.has(name) ? name.split(" ").pop() : `${name}, ${role},`;
      introduced.add(name);
      const r = rnd();
      if (r < 0.45) s += `<p>${prose(2)} “${sentence(10 + Math.floor(rnd() * 12))}” ${who} ${pick(VERBS)}. ${prose(1)}</p>\n`;
      else if (r < 0.6) s += `<p>“${sentence(6 + Math.floor(rnd() * 8))}” ${who} ${pick(VERBS)}, “${sentence(8)}”</p>\n`;
      else if (r < 0.7) s += `<p>${prose(1)} ${who} described it as “${pick(WORDS)} ${pick(WORDS)}” and ${prose(1).toLowerCase()}</p>\n`;
      else s += `<p>${prose(3)}</p>\n`;
      if (p === 2) s += `<div class="ad-slot ad-container" data-ad="mid-${k}"><span class="ad-label">${pick(LABELS)}</span></div>\n`;
    }
    if (k % 3 === 0) {
      const cap = `${prose(1)} (Photo: ${pick(speakers)[0]}/Agency)`;
      s += `<figure><img src="/img/${k}.jpg" alt="" loading="lazy" width="600" height="400"><figcaption>${cap}</figcaption></figure>\n<p class="caption">${cap}</p>\n`;
    }
    if (k % 4 === 1) s += `<p>Story continues below advertisement</p>\n`;
    if (k % 5 === 2) s += `<aside class="related"><h3>Related</h3><ul>${Array.from({ length: 4 }, (_, i) => `<li><a href="/story/${k}-${i}">${prose(1)}</a></li>`).join("")}</ul></aside>\n`;
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  parts.push(tail);
  return parts.join("");
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.stdout.write(bigPage(Number(process.argv[2] ?? 10_000_000)));
}
