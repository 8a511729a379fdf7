/* Keeps the web book working with no signal: registers the service worker that stores the
 * course on this device, and says when a newer version of the course has taken its place, in
 * the words of the page's contract block (valued_contributors/contract.py). */
(function () {
  "use strict";
  if (location.protocol === "file:") {
    // Opened from disk (the offline zip): the downloads are not in it, so their list goes.
    document.querySelectorAll(".vc-downloads").forEach(function (list) { list.hidden = true; });
  }
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var root = new URL(document.documentElement.getAttribute("data-content_root") || "./", location.href);
  var controlled = Boolean(navigator.serviceWorker.controller);

  function announceUpdate() {
    var source = document.getElementById("vc-contract");
    if (!source) return;
    var offline = JSON.parse(source.textContent).wording.offline;
    var notice = document.createElement("div");
    notice.className = "vc-update";
    notice.setAttribute("role", "status");
    var words = document.createElement("p");
    words.textContent = offline.update_ready;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "vc-button";
    button.textContent = offline.show_update;
    button.addEventListener("click", function () { location.reload(); });
    notice.appendChild(words);
    notice.appendChild(button);
    var article = document.querySelector("main") || document.body;
    article.insertBefore(notice, article.firstChild);
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (controlled) announceUpdate();
    controlled = true;
  });
  navigator.serviceWorker
    .register(new URL("sw.js", root).href, { scope: root.href, updateViaCache: "none" })
    .catch(function () { /* The book still works online; it just is not kept offline. */ });
})();
