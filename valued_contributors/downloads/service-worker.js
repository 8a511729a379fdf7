/* Valued Contributors keeps a copy of the whole course on this device, so that every page
 * opens with no signal. The book writes the list of files and their revisions below at build
 * time. A new build installs beside the old copy, reusing unchanged files, then takes over
 * and deletes the old copy. Only the course's own files are kept: answers stay in
 * localStorage, which this worker never touches. */
"use strict";

var PREFIX = "valued-contributors-";
var VERSION = "__VERSION__";
var FILES = __FILES__;
var CACHE = PREFIX + VERSION;
var REVISIONS = "__revisions__";

function copyOrFetch(cache, old, path) {
  var revision = FILES[path];
  var hit = old && old.revisions[path] === revision ? old.cache.match(path) : Promise.resolve();
  return hit.then(function (response) {
    if (response) return cache.put(path, response);
    return fetch(new Request(path, { cache: "reload" })).then(function (fresh) {
      if (!fresh.ok) throw new Error("Could not keep " + path + " (" + fresh.status + ")");
      return cache.put(path, fresh);
    });
  });
}

function previousCopy() {
  return caches.keys().then(function (keys) {
    var older = keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; });
    if (!older.length) return null;
    return caches.open(older[older.length - 1]).then(function (cache) {
      return cache.match(REVISIONS).then(function (response) {
        return response ? response.json() : {};
      }).then(function (revisions) { return { cache: cache, revisions: revisions }; });
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    Promise.all([caches.open(CACHE), previousCopy()]).then(function (opened) {
      var cache = opened[0];
      var paths = Object.keys(FILES);
      return Promise.all(paths.map(function (p) { return copyOrFetch(cache, opened[1], p); }))
        .then(function () { return cache.put(REVISIONS, new Response(JSON.stringify(FILES))); });
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) {
        return k.indexOf(PREFIX) === 0 && k !== CACHE;
      }).map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  var scope = new URL(self.registration.scope);
  var path = url.pathname.slice(scope.pathname.length);
  if (path === "" || path.slice(-1) === "/") path += "index.html";
  if (!Object.prototype.hasOwnProperty.call(FILES, path)) return;
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(path).then(function (hit) { return hit || fetch(request); });
    })
  );
});
