// Migrasi Aman service worker: keeps the chat's shell so the page opens with no signal.
// Network first (so updates arrive), the cached copy when the network fails or hangs.
// Chat messages are never cached; the transcript stays in the page's own storage.
const CACHE = "migrasi-aman-__VERSION__";
const SHELL = ["/", "/assets/chat.js", "/manifest.webmanifest", "/assets/icon.svg", "/assets/icon-192.png"];

self.addEventListener("install", (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), ms));
}

self.addEventListener("fetch", (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.origin !== self.location.origin || !SHELL.includes(url.pathname))
    return;
  e.respondWith(
    Promise.race([fetch(e.request), timeout(8000)])
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(url.pathname, copy));
        }
        return res;
      })
      .catch(() => caches.match(url.pathname).then((hit) => hit || Response.error())),
  );
});
