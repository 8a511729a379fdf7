/* Valued Contributors keeps a copy of the whole course on this device, so that every page
 * opens with no signal. The book writes the list of files and their revisions below at build
 * time. A new build installs beside the old copy, reusing unchanged files, then takes over
 * and deletes the old copy. Only the course's own files are kept: answers stay in
 * localStorage, which this worker never touches. */
"use strict";

const PREFIX = "valued-contributors-";
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = PREFIX + VERSION;
const REVISIONS = "__revisions__";

function copyOrFetch(cache, old, path) {
  const revision = FILES[path];
  const hit = old && old.revisions[path] === revision ? old.cache.match(path) : Promise.resolve();
  return hit.then((response) => {
    if (response) return cache.put(path, response);
    return fetch(new Request(path, { cache: "reload" })).then((fresh) => {
      if (!fresh.ok) throw new Error(`Could not keep ${path} (${fresh.status})`);
      return cache.put(path, fresh);
    });
  });
}

function previousCopy() {
  return caches.keys().then((keys) => {
    const older = keys.filter((k) => k.indexOf(PREFIX) === 0 && k !== CACHE);
    if (!older.length) return null;
    return caches.open(older[older.length - 1]).then((cache) =>
      cache
        .match(REVISIONS)
        .then((response) => (response ? response.json() : {}))
        .then((revisions) => ({ cache: cache, revisions: revisions }))
    );
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([caches.open(CACHE), previousCopy()])
      .then((opened) => {
        const cache = opened[0];
        const paths = Object.keys(FILES);
        return Promise.all(paths.map((p) => copyOrFetch(cache, opened[1], p))).then(() =>
          cache.put(REVISIONS, new Response(JSON.stringify(FILES)))
        );
      })
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.indexOf(PREFIX) === 0 && k !== CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  let path = url.pathname.slice(scope.pathname.length);
  if (path === "" || path.slice(-1) === "/") path += "index.html";
  if (typeof FILES[path] !== "string") return;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(path).then((hit) => hit || fetch(request)))
  );
});
