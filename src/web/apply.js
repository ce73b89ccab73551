// Takes marks back (apply.rs): one crossing for a list of any length.

// apply.rs HIDDEN_ATTR
const HIDDEN_ATTR = "data-newsclean";

// Unmarks every element of `marked` that is not in `kept`, and empties `marked`. A pass that
// makes most of the marks before it again (the first pass after those made as the page loaded, a
// feed planned again) keeps them as they are: taken off and put back, each would leave the
// rendering and come back, and the browser lay the page out again.
export function unmarkAllBut(marked, kept) {
  const keep = new Set(kept);
  for (const element of marked) if (!keep.has(element)) element.removeAttribute(HIDDEN_ATTR);
  marked.length = 0;
}
