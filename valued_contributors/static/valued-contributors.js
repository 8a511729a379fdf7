/* Valued Contributors: makes the book's activities work in the reader's browser.
 *
 * Answers are kept in this browser's localStorage, one key per activity, and never sent
 * anywhere. Every word of feedback comes from the page (written from the activity data);
 * this script only decides which of it to show.
 */
(function () {
  "use strict";

  var PREFIX = "valued-contributors:v1:";
  var FORMAT = "valued-contributors/answers";
  var VERSION = 1;
  var KINDS = { reflection: "text", confidence: "ratings", check: "selected", scenario: "choice" };
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
  var TYPING_PAUSE_MS = 400;
  var SET_ASIDE = PREFIX + "notice:set-aside";
  var memory = {};
  var memoryProfile = { name: "", role: "" };

  /* ---- storage ---------------------------------------------------------------------- */

  function storage() {
    try {
      var s = window.localStorage;
      /* The page's guard puts a stand-in in place when storage is blocked: it keeps nothing. */
      return s && !s.valuedContributorsMemoryOnly ? s : null;
    } catch (e) {
      return null;
    }
  }

  function isRecord(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  /* Characters as the answers file's schema counts them (code points): an emoji is one. */
  function characters(text) {
    var pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
    return text.length - (pairs ? pairs.length : 0);
  }

  function validValue(kind, value) {
    if (!isRecord(value) || !KINDS.hasOwnProperty(kind)) return false;
    var keys = Object.keys(value);
    if (keys.length !== 1 || keys[0] !== KINDS[kind]) return false;
    var inner = value[KINDS[kind]];
    if (kind === "reflection") return typeof inner === "string" && characters(inner) <= 1000000;
    if (kind === "scenario") return typeof inner === "string" && SLUG.test(inner);
    if (!isRecord(inner)) return false;
    return Object.keys(inner).every(function (k) {
      var v = inner[k];
      if (!SLUG.test(k)) return false;
      if (kind === "confidence") return v === Math.floor(v) && v >= 1 && v <= 5;
      return Array.isArray(v) && v.every(function (o) { return typeof o === "string" && SLUG.test(o); });
    });
  }

  /* A time written like 2026-03-01T09:30:00.000Z that is also a real date and time. */
  function realTime(text) {
    if (typeof text !== "string" || !TIME.test(text)) return false;
    var moment = Date.parse(text);
    return !isNaN(moment) && new Date(moment).toISOString().slice(0, 19) === text.slice(0, 19);
  }

  function validEntry(e) {
    return isRecord(e) && typeof e.activity === "string" && ID.test(e.activity) &&
      realTime(e.saved_at) && validValue(e.kind, e.value);
  }

  function read(id) {
    if (memory.hasOwnProperty(id)) return memory[id];
    var s = storage();
    if (!s) return null;
    var raw;
    try {
      raw = s.getItem(PREFIX + id);
    } catch (e) {
      return null;
    }
    if (raw === null) return null;
    try {
      var entry = JSON.parse(raw);
      if (validEntry(entry) && entry.activity === id) return entry;
    } catch (e) { /* handled below */ }
    /* A damaged value: keep a copy beside it, carry on without it, and tell the reader once. */
    try {
      s.setItem(PREFIX + "damaged:" + id, raw);
      s.removeItem(PREFIX + id);
      s.setItem(SET_ASIDE, "1");
    } catch (e) { /* nothing more can be done */ }
    return null;
  }

  /* The notice, shown in one panel the first time a page with one is open after answers that
     could not be read were set aside. */
  function setAsideNotice() {
    var s = storage();
    try {
      if (!s || s.getItem(SET_ASIDE) === null) return "";
      s.removeItem(SET_ASIDE);
    } catch (e) {
      return "";
    }
    return "Some answers saved in this browser could not be read, so they were kept aside (not " +
      "deleted) and left out; choose Export my answers to save a copy of all the others.";
  }

  function write(entry) {
    memory[entry.activity] = entry;
    var s = storage();
    if (!s) return false;
    try {
      s.setItem(PREFIX + entry.activity, JSON.stringify(entry));
      delete memory[entry.activity];
      return true;
    } catch (e) {
      return false;
    }
  }

  function storedIds() {
    var ids = Object.keys(memory);
    var s = storage();
    if (!s) return ids;
    try {
      for (var i = 0; i < s.length; i++) {
        var key = s.key(i);
        if (key && key.indexOf(PREFIX) === 0) {
          var id = key.slice(PREFIX.length);
          if (ID.test(id) && ids.indexOf(id) < 0) ids.push(id);
        }
      }
    } catch (e) { /* storage turned off: memory only */ }
    return ids.sort();
  }

  function allEntries() {
    return storedIds().map(read).filter(function (e) { return e !== null; });
  }

  function forgetAll() {
    memory = {};
    memoryProfile = { name: "", role: "" };
    var s = storage();
    if (!s) return;
    try {
      var keys = [];
      for (var i = 0; i < s.length; i++) {
        if (s.key(i).indexOf(PREFIX) === 0) keys.push(s.key(i));
      }
      keys.forEach(function (k) { s.removeItem(k); });
    } catch (e) { /* storage turned off: nothing was stored */ }
  }

  /* ---- small helpers ---------------------------------------------------------------- */

  function clock(iso) {
    var d = new Date(iso);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(d.getHours()) + ":" + two(d.getMinutes());
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  /* Each activity has one live region: what it says, a screen reader announces once. */
  function announce(box, message) {
    var live = box.querySelector(".vc-live");
    if (live) live.textContent = message;
  }

  /* "Saved" is announced once while the reader stays in the activity (a burst of saves),
     a problem every time. */
  function setStatus(box, ok, entry, said) {
    var status = box.querySelector(".vc-status");
    if (!status) return;
    status.classList.toggle("vc-problem", !ok);
    status.textContent = ok
      ? "Saved in this browser at " + clock(entry.saved_at) + "."
      : "Not saved: this browser is not letting the page store answers (storage may be full " +
        "or turned off). Your answer is still on the page; use Export my answers to keep a copy.";
    if (said === undefined && (!ok || !box.vcAnnounced)) {
      announce(box, status.textContent);
      box.vcAnnounced = ok;
    } else if (said) {
      announce(box, said);
    }
  }

  function setNote(box, message) {
    var status = box.querySelector(".vc-status");
    status.classList.add("vc-problem");
    status.textContent = message;
    announce(box, message);
  }

  /* Saves an answer; `said` replaces the announcement ("" for none, as when focus moves). */
  function save(box, value, said) {
    var entry = {
      activity: box.getAttribute("data-vc-activity"),
      kind: box.getAttribute("data-vc-kind"),
      value: value,
      saved_at: new Date().toISOString()
    };
    setStatus(box, write(entry), entry, said);
    reveal(box, true);
    fillComparisons();
    fillProgress();
  }

  /* Without the script a reader opens the discussion; with it, it opens once answered. */
  function reveal(box, shown) {
    var d = box.querySelector(".vc-discussion");
    if (!d) return;
    if (shown && !d.vcShown) d.open = true;
    d.vcShown = shown;
    d.hidden = !shown;
  }

  /* The words of a feedback block, without its "Feedback on this answer" summary. */
  function words(details) {
    return Array.prototype.filter.call(details.childNodes, function (node) {
      return node.nodeName !== "SUMMARY";
    }).map(function (node) { return node.textContent; }).join(" ").replace(/\s+/g, " ").trim();
  }

  function texts(box) {
    return JSON.parse(box.getAttribute("data-vc-texts"));
  }

  /* ---- the four kinds: bind once, fill from storage whenever it changes ----------------- */

  var kinds = {
    reflection: {
      bind: function (box) {
        var area = box.querySelector("textarea");
        var timer = null;
        function flush() {
          timer = null;
          save(box, { text: area.value });
          reveal(box, area.value.trim() !== "");
        }
        area.addEventListener("input", function () {
          if (timer) clearTimeout(timer);
          timer = setTimeout(flush, TYPING_PAUSE_MS);
        });
        area.addEventListener("blur", function () { if (timer) { clearTimeout(timer); flush(); } });
        window.addEventListener("pagehide", function () { if (timer) { clearTimeout(timer); flush(); } });
      },
      fill: function (box, entry) {
        var text = entry ? entry.value.text : "";
        box.querySelector("textarea").value = text;
        reveal(box, text.trim() !== "");
      }
    },

    confidence: {
      bind: function (box) {
        all(box, "input[type=radio]").forEach(function (input) {
          input.addEventListener("change", function () {
            var ratings = {};
            all(box, "input[type=radio]:checked").forEach(function (c) {
              ratings[c.getAttribute("data-vc-statement")] = parseInt(c.value, 10);
            });
            save(box, { ratings: ratings });
          });
        });
      },
      fill: function (box, entry) {
        var ratings = entry ? entry.value.ratings : {};
        all(box, "input[type=radio]").forEach(function (input) {
          input.checked = ratings[input.getAttribute("data-vc-statement")] === parseInt(input.value, 10);
        });
        reveal(box, Object.keys(ratings).length > 0);
      }
    },

    check: {
      bind: function (box) {
        box.querySelector(".vc-check-answers").addEventListener("click", function () {
          var selected = {};
          all(box, ".vc-question").forEach(function (q) {
            selected[q.getAttribute("data-vc-question")] = all(q, "input:checked").map(function (i) {
              return i.value;
            });
          });
          save(box, { selected: selected }, "");
          kinds.check.mark(box, selected);
          var summary = box.querySelector(".vc-check-summary");
          summary.focus();
        });
      },
      mark: function (box, selected) {
        var t = texts(box);
        var score = 0;
        var questions = all(box, ".vc-question");
        var summary = box.querySelector(".vc-check-summary");
        var list = summary.querySelector(".vc-summary-list");
        list.textContent = "";
        questions.forEach(function (q, index) {
          var chosen = selected[q.getAttribute("data-vc-question")] || [];
          var correct = q.getAttribute("data-vc-correct").split(" ");
          var right = chosen.length > 0 && chosen.length === correct.length &&
            chosen.every(function (c) { return correct.indexOf(c) >= 0; });
          if (right) score += 1;
          all(q, ".vc-feedback").forEach(function (f) {
            f.hidden = chosen.indexOf(f.getAttribute("data-vc-option")) < 0;
          });
          var verdict = q.querySelector(".vc-verdict");
          verdict.textContent = chosen.length === 0 ? t.noAnswer : right ? t.right : t.notYet;
          verdict.className = "vc-verdict " +
            (chosen.length === 0 ? "vc-no-answer" : right ? "vc-right" : "vc-not-yet");
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = "#" + q.id;
          link.textContent = t.question.replace("{n}", String(index + 1));
          item.appendChild(link);
          item.appendChild(document.createTextNode(" "));
          var said = document.createElement("span");
          said.className = verdict.className.replace("vc-verdict", "vc-summary-verdict");
          said.textContent = t.verdictWords[chosen.length === 0 ? "noAnswer" : right ? "right" : "notYet"];
          item.appendChild(said);
          list.appendChild(item);
        });
        box.querySelector(".vc-score").textContent = t.summary
          .replace("{score}", String(score)).replace("{out_of}", String(questions.length));
        summary.hidden = false;
      },
      fill: function (box, entry) {
        var selected = entry ? entry.value.selected : {};
        all(box, ".vc-question").forEach(function (q) {
          var chosen = selected[q.getAttribute("data-vc-question")] || [];
          all(q, "input").forEach(function (i) { i.checked = chosen.indexOf(i.value) >= 0; });
        });
        if (entry) {
          kinds.check.mark(box, selected);
        } else {
          all(box, ".vc-feedback").forEach(function (f) { f.hidden = true; });
          all(box, ".vc-verdict, .vc-score").forEach(function (p) { p.textContent = ""; });
          box.querySelector(".vc-check-summary").hidden = true;
        }
        reveal(box, !!entry);
      }
    },

    /* Answered only by the Show feedback button: arrowing through the options saves nothing. */
    scenario: {
      bind: function (box) {
        box.querySelector(".vc-show-feedback").addEventListener("click", function () {
          var t = texts(box);
          var input = box.querySelector("input[type=radio]:checked");
          if (!input) {
            setNote(box, t.chooseFirst);
            return;
          }
          var feedback = kinds.scenario.show(box, input.value);
          save(box, { choice: input.value }, t.feedback.replace("{text}", feedback ? words(feedback) : ""));
        });
      },
      show: function (box, choice) {
        var shown = null;
        all(box, ".vc-feedback").forEach(function (f) {
          f.hidden = f.getAttribute("data-vc-option") !== choice;
          if (!f.hidden) shown = f;
        });
        return shown;
      },
      fill: function (box, entry) {
        var choice = entry ? entry.value.choice : null;
        all(box, "input[type=radio]").forEach(function (i) { i.checked = i.value === choice; });
        kinds.scenario.show(box, choice);
        reveal(box, !!entry);
      }
    }
  };

  function activities() {
    return all(document, ".vc-activity[data-vc-activity]");
  }

  function fillOne(box) {
    var kind = kinds[box.getAttribute("data-vc-kind")];
    var entry = read(box.getAttribute("data-vc-activity"));
    if (entry && entry.kind !== box.getAttribute("data-vc-kind")) entry = null;
    kind.fill(box, entry);
    if (entry) {
      setStatus(box, true, entry, "");
    } else if (box.querySelector(".vc-status")) {
      box.querySelector(".vc-status").textContent = "";
    }
  }

  function fillAll() {
    fillComparisons();
    fillProgress();
    fillRecord();
    activities().forEach(fillOne);
  }

  /* ---- confidence before and after: a data table, and bars drawn from the same numbers ---- */

  function fillComparisons() {
    all(document, "figure.vc-compare").forEach(function (figure) {
      var t = JSON.parse(figure.getAttribute("data-vc-texts"));
      var pair = ["data-vc-before", "data-vc-after"].map(function (name) {
        var entry = read(figure.getAttribute(name));
        return entry && entry.kind === "confidence" ? entry.value.ratings : {};
      });
      var chart = figure.querySelector(".vc-compare-chart");
      chart.textContent = "";
      var key = document.createElement("p");
      key.className = "vc-bars-key";
      ["Before", "After"].forEach(function (name) {
        var swatch = document.createElement("span");
        swatch.className = "vc-bar-" + name.toLowerCase();
        key.appendChild(swatch);
        key.appendChild(document.createTextNode(" " + name + " "));
      });
      chart.appendChild(key);
      all(figure, "tr[data-vc-statement]").forEach(function (row) {
        var id = row.getAttribute("data-vc-statement");
        var before = pair[0][id], after = pair[1][id];
        function words(n) { return n ? n + " (" + t.labels[n].toLowerCase() + ")" : t.empty; }
        row.querySelector(".vc-before").textContent = words(before);
        row.querySelector(".vc-after").textContent = words(after);
        row.querySelector(".vc-change").textContent = before && after
          ? (after === before ? t.noChange : (after > before ? "+" : "") + (after - before)) : t.none;
        var line = document.createElement("div");
        line.className = "vc-bars";
        var label = document.createElement("span");
        label.className = "vc-bars-label";
        label.textContent = row.querySelector("th").textContent;
        line.appendChild(label);
        [["vc-bar-before", before], ["vc-bar-after", after]].forEach(function (pairing) {
          var bar = document.createElement("span");
          bar.className = "vc-bar " + pairing[0];
          bar.style.width = ((pairing[1] || 0) * 20) + "%";
          bar.textContent = pairing[1] || "";
          bar.hidden = !pairing[1];
          line.appendChild(bar);
        });
        chart.appendChild(line);
      });
    });
  }

  /* ---- progress and the learning record --------------------------------------------- */

  /* The same rule as record.model.is_done: answered, a reflection has some text and a
     check an answer to every question (the book saves every question's list). */
  function isDone(entry) {
    if (!entry) return false;
    if (entry.kind === "check") {
      return Object.keys(entry.value.selected).every(function (q) {
        return entry.value.selected[q].length > 0;
      });
    }
    return entry.kind !== "reflection" || entry.value.text.trim() !== "";
  }

  function progressText(done, total) {
    return done + " of " + total + " activit" + (total === 1 ? "y" : "ies") + " done";
  }

  function fillProgress() {
    all(document, ".vc-progress").forEach(function (p) {
      var ids = p.getAttribute("data-vc-activities").split(" ");
      var done = ids.filter(function (id) { return isDone(read(id)); }).length;
      p.querySelector("span").textContent =
        progressText(done, ids.length) + " " + p.getAttribute("data-vc-scope") + ".";
    });
  }

  function longDate(iso) {
    return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function duration(minutes) {
    var hours = Math.floor(minutes / 60), rest = minutes % 60, parts = [];
    if (hours) parts.push(hours + " hour" + (hours === 1 ? "" : "s"));
    if (rest || !parts.length) parts.push(rest + " minute" + (rest === 1 ? "" : "s"));
    return parts.join(" ");
  }

  var recordSlots = {
    reflection: function (box, entry) {
      box.querySelector("[data-vc-slot=text]").textContent =
        isDone(entry) ? entry.value.text : "Not answered yet.";
    },
    confidence: function (box, entry, t) {
      var ratings = entry ? entry.value.ratings : {};
      all(box, "li[data-vc-statement]").forEach(function (li) {
        var n = ratings[li.getAttribute("data-vc-statement")];
        li.querySelector("[data-vc-slot=rating]").textContent = n ? n + " – " + t.labels[n] : "Not rated";
      });
    },
    check: function (box, entry, t) {
      var selected = entry ? entry.value.selected : {};
      var score = 0, questions = all(box, "li[data-vc-question]");
      questions.forEach(function (li) {
        var chosen = selected[li.getAttribute("data-vc-question")] || [];
        var options = JSON.parse(li.getAttribute("data-vc-options"));
        var correct = li.getAttribute("data-vc-correct").split(" ");
        var right = chosen.length > 0 && chosen.length === correct.length &&
          chosen.every(function (c) { return correct.indexOf(c) >= 0; });
        if (right) score += 1;
        var names = Object.keys(options).filter(function (id) { return chosen.indexOf(id) >= 0; })
          .map(function (id) { return options[id]; });
        li.querySelector("[data-vc-slot=choice]").textContent = (names.join("; ") || "No answer") +
          " — " + t.verdictWords[chosen.length === 0 ? "noAnswer" : right ? "right" : "notYet"];
      });
      box.querySelector("[data-vc-slot=result]").textContent = entry
        ? t.summary.replace("{score}", String(score)).replace("{out_of}", String(questions.length))
        : "Not answered yet.";
      return { score: score, outOf: questions.length };
    },
    scenario: function (box, entry) {
      var choice = entry ? entry.value.choice : null;
      all(box, ".vc-record-choice").forEach(function (c) {
        c.hidden = c.getAttribute("data-vc-option") !== choice;
      });
      box.querySelector("[data-vc-slot=result]").hidden = !!choice;
    }
  };

  function profile() {
    var s = storage(), stored = null;
    try { stored = s && JSON.parse(s.getItem(PREFIX + "profile")); } catch (e) { stored = null; }
    return isRecord(stored) ? stored : memoryProfile;
  }

  function fillRecord() {
    all(document, ".vc-record-page").forEach(function (page) {
      var t = JSON.parse(page.getAttribute("data-vc-texts"));
      var me = profile(), done = 0, total = 0, minutes = 0, last = "", passed = true, final = null;
      [["name", "Name"], ["role", "Role"]].forEach(function (pair) {
        var slot = page.querySelector("[data-vc-slot=" + pair[0] + "]");
        var value = String(me[pair[0]] || "").trim();
        slot.textContent = pair[1] + ": " + value;
        slot.hidden = !value;
      });
      all(page, ".vc-record-section").forEach(function (section) {
        var sectionDone = 0, boxes = all(section, "[data-vc-entry]");
        boxes.forEach(function (box) {
          var entry = read(box.getAttribute("data-vc-entry"));
          if (entry && entry.kind !== box.getAttribute("data-vc-kind")) entry = null;
          var marks = recordSlots[box.getAttribute("data-vc-kind")](box, entry, t);
          box.querySelector("[data-vc-slot=saved]").textContent =
            entry ? ", saved on " + longDate(entry.saved_at) : "";
          if (entry && entry.saved_at > last) last = entry.saved_at;
          /* The rule of record.model.LearningRecord.complete: the final assessment's pass mark. */
          if (box.hasAttribute("data-vc-needed")) {
            final = { score: marks.score, outOf: marks.outOf, needed: box.getAttribute("data-vc-needed") };
            passed = !!entry && marks.score >= parseInt(final.needed, 10);
          }
          box.toggleAttribute("data-vc-done", isDone(entry));
          if (isDone(entry)) {
            sectionDone += 1;
            minutes += parseInt(box.getAttribute("data-vc-minutes"), 10);
          }
        });
        section.querySelector("[data-vc-slot=progress]").textContent =
          progressText(sectionDone, boxes.length);
        done += sectionDone;
        total += boxes.length;
      });
      page.querySelector("[data-vc-slot=activities]").textContent = "Activities done: " + done +
        " of " + total + " (about " + duration(minutes) + " of activities).";
      var statement = page.querySelector("[data-vc-slot=complete]");
      statement.hidden = !(total > 0 && done === total && passed);
      statement.textContent = statement.hidden ? "" : t.complete.replace("{date}", longDate(last))
        .replace("{score}", final ? String(final.score) : "")
        .replace("{out_of}", final ? String(final.outOf) : "")
        .replace("{needed}", final ? final.needed : "");
    });
  }

  /* The record as a file of its own: only what was done, nothing that needs the page. */
  function recordDocument(page) {
    var copy = page.querySelector(".vc-record").cloneNode(true);
    all(copy, "[data-vc-entry]:not([data-vc-done])").forEach(function (el) { el.remove(); });
    all(copy, ".vc-record-section").forEach(function (section) {
      if (!section.querySelector("[data-vc-entry]")) section.remove();
    });
    all(copy, ".vc-record-changes").forEach(function (changes) {
      var figure = changes.querySelector("figure.vc-compare");
      var rated = figure && (read(figure.getAttribute("data-vc-before")) ||
        read(figure.getAttribute("data-vc-after")));
      if (!rated) changes.remove();
    });
    all(copy, "[hidden], .vc-compare-chart, .vc-share").forEach(function (el) { el.remove(); });
    /* On the page the record sits two heading levels down; a file of its own starts at h1. */
    all(copy, "h3, h4, h5").forEach(function (h) {
      var top = document.createElement("h" + (parseInt(h.tagName.slice(1), 10) - 2));
      top.innerHTML = h.innerHTML;
      h.replaceWith(top);
    });
    return "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>" +
      "<meta name='viewport' content='width=device-width, initial-scale=1'>" +
      "<title>Learning record: Valued Contributors</title><style>" +
      page.getAttribute("data-vc-css") + "</style></head><body>" + copy.outerHTML +
      "</body></html>\n";
  }

  /* Prints the very document "Download my record" saves, from a frame of its own. */
  function printRecord(page) {
    all(document, ".vc-print-frame").forEach(function (old) { old.remove(); });
    var frame = document.createElement("iframe");
    frame.className = "vc-print-frame";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.addEventListener("load", function () {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    });
    frame.srcdoc = recordDocument(page);
    document.body.appendChild(frame);
  }

  /* A contribution holds only the ticked answers, without times or names (see the schema). */
  function contribution(page) {
    var shared = all(page, ".vc-share-box:checked").map(function (box) { return read(box.value); })
      .filter(function (entry) { return entry !== null; });
    return {
      format: "valued-contributors/contribution",
      version: 1,
      answers: shared.map(function (e) {
        return { activity: e.activity, kind: e.kind, value: e.value, saved_on: e.saved_at.slice(0, 10) };
      })
    };
  }

  function bindRecord() {
    all(document, ".vc-record-page").forEach(function (page) {
      var me = profile();
      var status = page.querySelector(".vc-record-status");
      ["name", "role"].forEach(function (field) {
        var input = page.querySelector(".vc-record-" + field);
        input.value = me[field] || "";
        input.addEventListener("input", function () {
          var now = profile();
          now[field] = input.value;
          memoryProfile = now;
          try { storage().setItem(PREFIX + "profile", JSON.stringify(now)); } catch (e) { /* kept in memory */ }
          fillRecord();
        });
      });
      page.querySelector(".vc-record-print").addEventListener("click", function () {
        printRecord(page);
      });
      page.querySelector(".vc-share-download").addEventListener("click", function () {
        var shared = page.querySelector(".vc-share-status");
        var doc = contribution(page);
        if (!doc.answers.length) {
          shared.textContent = "Tick at least one answered activity to share, then try again.";
          return;
        }
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2) + "\n"],
          { type: "application/json" }));
        link.download = "my-contribution.json";
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        shared.textContent = "Your contribution (" + doc.answers.length + " answer" +
          (doc.answers.length === 1 ? "" : "s") + ") was saved to a file in your downloads.";
      });
      page.querySelector(".vc-record-download").addEventListener("click", function () {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([recordDocument(page)], { type: "text/html" }));
        link.download = "my-learning-record.html";
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        status.textContent = "Your record was saved to a file in your downloads.";
      });
    });
  }

  /* ---- export, import and delete ---------------------------------------------------- */

  function exportDocument() {
    return {
      format: FORMAT,
      version: VERSION,
      source: "book",
      exported_at: new Date().toISOString(),
      answers: allEntries().map(function (e) {
        return { activity: e.activity, kind: e.kind, value: e.value, saved_at: e.saved_at, origin: "book" };
      })
    };
  }

  function download() {
    var text = JSON.stringify(exportDocument(), null, 2) + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = "valued-contributors-answers-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    return text;
  }

  function parseImport(text) {
    var doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new Error("This file is not valid JSON, so it cannot be an answers file; choose a file " +
        "made by Export my answers or by valued-contributors export.");
    }
    if (!isRecord(doc) || doc.format !== FORMAT) {
      throw new Error("This file is not a Valued Contributors answers file; choose a file made by " +
        "Export my answers or by valued-contributors export.");
    }
    if (doc.version !== VERSION) {
      throw new Error("This answers file is version " + JSON.stringify(doc.version) + ", but this " +
        "course reads version " + VERSION + "; export the file again from an up-to-date course.");
    }
    if (!Array.isArray(doc.answers) || !doc.answers.every(validEntry)) {
      throw new Error("This answers file is damaged; export it again and import the new file.");
    }
    return doc.answers;
  }

  /* Keep the newest version of each answer: importing the same file twice changes nothing. */
  function merge(answers) {
    var changed = 0;
    answers.forEach(function (a) {
      var have = read(a.activity);
      if (!have || Date.parse(have.saved_at) < Date.parse(a.saved_at)) {
        write({ activity: a.activity, kind: a.kind, value: a.value, saved_at: a.saved_at });
        changed += 1;
      }
    });
    return changed;
  }

  function panel(host) {
    host.classList.add("vc-panel");
    host.setAttribute("role", "region");
    host.setAttribute("aria-label", "Your answers");
    host.innerHTML =
      "<p class='vc-panel-title'><strong>Your answers</strong></p>" +
      "<p>Your answers are kept in this browser only, on this device. Export them to keep a copy, " +
      "to carry them into the notebooks or to another browser.</p>" +
      "<div class='vc-panel-buttons'>" +
      "<button type='button' class='vc-button vc-export'>Export my answers</button>" +
      "<button type='button' class='vc-button vc-import'>Import answers</button>" +
      "<input type='file' class='vc-import-file' accept='.json,application/json' hidden>" +
      "<button type='button' class='vc-button vc-delete'>Delete my answers</button></div>" +
      "<p class='vc-panel-status' role='status' aria-live='polite'></p>";
    var status = host.querySelector(".vc-panel-status");
    var file = host.querySelector(".vc-import-file");
    function say(message, problem) {
      status.textContent = message;
      status.classList.toggle("vc-problem", !!problem);
    }
    host.querySelector(".vc-export").addEventListener("click", function () {
      var count = exportDocument().answers.length;
      download();
      say("Exported " + count + " answer" + (count === 1 ? "" : "s") + " to a file in your downloads.");
    });
    host.querySelector(".vc-import").addEventListener("click", function () { file.click(); });
    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) return;
      chosen.text().then(function (text) {
        var changed = merge(parseImport(text));
        fillAll();
        say(changed ? "Imported " + changed + " answer" + (changed === 1 ? "" : "s") + "."
          : "Everything in this file was already here, so nothing changed.");
      }).catch(function (error) {
        say(error.message, true);
      }).then(function () { file.value = ""; });
    });
    host.querySelector(".vc-delete").addEventListener("click", function () {
      if (!window.confirm("Delete every answer saved in this browser? This cannot be undone. " +
        "Export them first if you want a copy.")) {
        say("Nothing was deleted.");
        return;
      }
      var count = allEntries().length;
      forgetAll();
      fillAll();
      say("Deleted " + count + " answer" + (count === 1 ? "" : "s") + " from this browser.");
    });
  }

  /* Bind and fill each activity once, as soon as it is on the page: the book places this script
     straight after the first activity, so that one is usable before the rest has loaded. */
  function bindActivities() {
    activities().forEach(function (box) {
      var kind = kinds[box.getAttribute("data-vc-kind")];
      if (!kind || box.hasAttribute("data-vc-live")) return;
      all(box, ".vc-feedback").forEach(function (f) { f.open = true; f.hidden = true; });
      box.addEventListener("focusout", function (event) {
        if (!event.relatedTarget || !box.contains(event.relatedTarget)) box.vcAnnounced = false;
      });
      kind.bind(box);
      fillOne(box);
      box.setAttribute("data-vc-live", "");
    });
  }

  /* The theme binds its sidebar handlers to the first .primary-toggle and .secondary-toggle on
     the page, which are hidden, so the visible menu and contents buttons do nothing
     (pydata-sphinx-theme#2451, sphinx-book-theme#988). Each visible one hands its tap on. */
  function fixSidebarToggles() {
    [".primary-toggle", ".secondary-toggle"].forEach(function (selector) {
      var toggles = all(document, selector);
      toggles.slice(1).forEach(function (toggle) {
        toggle.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          toggles[0].click();
        });
      });
    });
  }

  function finish() {
    fixSidebarToggles();
    bindActivities();
    bindRecord();
    fillComparisons();
    fillProgress();
    fillRecord();
    var hosts = all(document, ".vc-answers-panel");
    var anchors = activities().concat(all(document, ".vc-record-page"));
    if (!hosts.length && anchors.length) {
      var host = document.createElement("div");
      host.className = "vc-answers-panel";
      var last = anchors[anchors.length - 1];
      var article = last.closest("article") || last.parentNode;
      article.appendChild(host);
      hosts = [host];
    }
    hosts.forEach(panel);
    var notice = hosts.length ? setAsideNotice() : "";
    if (notice) {
      var status = hosts[0].querySelector(".vc-panel-status");
      status.textContent = notice;
      status.classList.add("vc-problem");
    }
  }

  function start() {
    bindActivities();
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", finish);
    } else {
      finish();
    }
  }

  /* isDone is read by the SCORM package's launch page (valued_contributors/downloads/scorm.py). */
  window.valuedContributors = {
    exportDocument: exportDocument, parseImport: parseImport, merge: merge, isDone: isDone
  };

  start();
})();
