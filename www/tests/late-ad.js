// Plays an ad script: 500 ms after load it inserts an ad slot with its "Advertisement" label into
// the article, the way ad loaders do long after newsclean's first pass.
addEventListener("load", () => {
  setTimeout(() => {
    const slot = document.createElement("div");
    slot.className = "ad-slot ad-in-article";
    slot.id = "ad-slot-late";
    const label = document.createElement("div");
    label.className = "ad-label";
    label.textContent = "Advertisement";
    slot.append(label);
    document.getElementById("before-late-ad").after(slot);
    document.documentElement.dataset.lateAd = "inserted";
  }, 500);
});
