(function () {
  document.documentElement.classList.add("vc-js");
  function memoryStorage() {
    var items = {};
    return {
      valuedContributorsMemoryOnly: true,
      get length() { return Object.keys(items).length; },
      key: function (i) { return Object.keys(items)[i] || null; },
      getItem: function (k) { return items.hasOwnProperty(k) ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      clear: function () { items = {}; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      if (window[name]) return;
    } catch (e) { /* blocked: replaced below */ }
    try {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    } catch (e) { /* nothing more can be done */ }
  });
})();
