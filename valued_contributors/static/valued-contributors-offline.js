/* Keeps the web book working with no signal: registers the service worker that stores the
 * course on this device, and says when a newer version of the course has taken its place, in
 * the words of the page's contract block (valued_contributors/contract.py). */
(() => {
  "use strict";
  if (location.protocol === "file:") {
    // Opened from disk (the offline zip): the downloads are not in it, so their list goes.
    document.querySelectorAll(".vc-downloads").forEach((list) => {
      list.hidden = true;
    });
  }
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  const root = new URL(
    document.documentElement.getAttribute("data-content_root") || "./",
    location.href
  );
  let controlled = Boolean(navigator.serviceWorker.controller);

  function announceUpdate() {
    const source = document.getElementById("vc-contract");
    if (!source) return;
    const offline = JSON.parse(source.textContent).wording.offline;
    const notice = document.createElement("div");
    notice.className = "vc-update";
    notice.setAttribute("role", "status");
    const words = document.createElement("p");
    words.textContent = offline.update_ready;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "vc-button";
    button.textContent = offline.show_update;
    button.addEventListener("click", () => {
      location.reload();
    });
    notice.appendChild(words);
    notice.appendChild(button);
    const article = document.querySelector("main") || document.body;
    article.insertBefore(notice, article.firstChild);
  }

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (controlled) announceUpdate();
    controlled = true;
  });
  navigator.serviceWorker
    .register(new URL("sw.js", root).href, { scope: root.href, updateViaCache: "none" })
    .catch(() => {
      /* The book still works online; it just is not kept offline. */
    });
})();
