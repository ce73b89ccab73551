// newsclean background worker (a service worker in Chromium, an event page in Firefox).
// The cleaning runs in the content script; this only mirrors each tab's state on the
// toolbar badge: how many things were hidden, or "off" when the user switched it off.
const api = globalThis.browser ?? globalThis.chrome;

api.runtime.onMessage.addListener((msg, sender) => {
  const tabId = sender.tab?.id;
  if (msg?.type !== "newsclean:status" || tabId === undefined || sender.frameId !== 0) return false;
  const text = !msg.enabled ? "off" : msg.hidden > 0 ? String(msg.hidden) : "";
  // Errors here (the tab closed meanwhile) are of no interest to anyone.
  Promise.all([
    api.action.setBadgeBackgroundColor({ tabId, color: msg.enabled ? "#1d3a5f" : "#6b7280" }),
    api.action.setBadgeText({ tabId, text }),
    api.action.setTitle({ tabId, title: msg.enabled ? `newsclean: ${msg.hidden} hidden, ${msg.quotes} quotes` : "newsclean: off on this page" }),
  ]).catch(() => {});
  return false;
});
