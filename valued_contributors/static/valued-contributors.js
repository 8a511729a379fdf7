/* Valued Contributors: makes the book's activities work in the reader's browser.
 *
 * Answers are kept in this browser's localStorage, one key per activity, and never sent
 * anywhere. Everything this script must agree on with the course's Python tools (formats,
 * limits, patterns, the kinds and their rules, every sentence it shows) comes from the page's
 * contract block, which Python writes (valued_contributors/contract.py); the feedback itself
 * comes from the page. This script only decides which of it to show.
 */
(() => {
  "use strict";

  const source = document.getElementById("vc-contract");
  const contract = source ? JSON.parse(source.textContent) : null;
  if (!contract) return;
  const words = contract.wording;
  const PREFIX = contract.storage.prefix;
  const SET_ASIDE = `${PREFIX}notice:set-aside`;
  const PROFILE = `${PREFIX}profile`;
  const DAMAGED = `${PREFIX}damaged:`;
  const ID = new RegExp(contract.patterns.activity);
  const TIME = new RegExp(contract.patterns.time);
  let memory = {};
  let memoryProfile = { name: "", role: "" };

  /* Whether an object has a key of its own (not one it inherits). */
  function has(object, key) {
    return Object.keys(object).indexOf(key) >= 0;
  }

  /* ---- wording ---------------------------------------------------------------------- */

  /* A sentence from the catalogue with its {fields} filled in. */
  function say(template, fields) {
    return template.replace(/\{([a-z_]+)\}/g, (whole, name) =>
      fields && has(fields, name) ? String(fields[name]) : whole
    );
  }

  /* The catalogue's form of a plural sentence for a count, as core/wording.py picks it. */
  function plural(forms, count, fields) {
    const all = { count: count };
    Object.keys(fields || {}).forEach((name) => {
      all[name] = fields[name];
    });
    return say(count === 1 ? forms.one : forms.other, all);
  }

  /* ---- the contract's rules --------------------------------------------------------- */

  function isRecord(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  /* Characters as JSON Schema counts them (code points): an emoji is one. */
  function characters(text) {
    const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
    return text.length - (pairs ? pairs.length : 0);
  }

  const patterns = {};
  function matches(text, pattern) {
    if (!patterns[pattern]) patterns[pattern] = new RegExp(pattern);
    return patterns[pattern].test(text);
  }

  const TYPES = {
    string: (x) => typeof x === "string",
    integer: (x) => typeof x === "number" && Math.floor(x) === x,
    number: (x) => typeof x === "number",
    boolean: (x) => typeof x === "boolean",
    array: Array.isArray,
    object: isRecord
  };

  function unique(list) {
    const seen = list.map((item) => JSON.stringify(item));
    return seen.every((item, index) => seen.indexOf(item) === index);
  }

  /* Whether a value keeps the rules of a JSON Schema from the contract (the keywords the
     course's schemas use). */
  function conforms(x, schema) {
    if ("const" in schema && x !== schema.const) return false;
    if (schema.enum && schema.enum.indexOf(x) < 0) return false;
    if (schema.type && !TYPES[schema.type](x)) return false;
    if (typeof x === "string") {
      const length = characters(x);
      if (length > schema.maxLength || length < schema.minLength) return false;
      if (schema.pattern && !matches(x, schema.pattern)) return false;
    }
    if (typeof x === "number" && (x < schema.minimum || x > schema.maximum)) return false;
    if (Array.isArray(x)) {
      if (x.length > schema.maxItems || (schema.uniqueItems && !unique(x))) return false;
      if (schema.items && !x.every((item) => conforms(item, schema.items))) {
        return false;
      }
    }
    if (isRecord(x)) {
      const keys = Object.keys(x);
      const named = schema.properties || {};
      const others = schema.additionalProperties;
      if (keys.length < schema.minProperties || keys.length > schema.maxProperties) return false;
      if (!(schema.required || []).every((key) => keys.indexOf(key) >= 0)) {
        return false;
      }
      return keys.every((key) => {
        if (schema.propertyNames && !conforms(key, schema.propertyNames)) return false;
        if (has(named, key)) return conforms(x[key], named[key]);
        return isRecord(others) ? conforms(x[key], others) : others !== false;
      });
    }
    return true;
  }

  /* A time written as the contract's pattern says that is also a real date and time. */
  function realTime(text) {
    if (typeof text !== "string" || !TIME.test(text)) return false;
    const moment = Date.parse(text);
    return (
      !Number.isNaN(moment) && new Date(moment).toISOString().slice(0, 19) === text.slice(0, 19)
    );
  }

  function kindOf(entry) {
    return has(contract.kinds, entry.kind) ? contract.kinds[entry.kind] : null;
  }

  /* One saved answer as the answers file's schema allows it, its value in its kind's shape. */
  function validEntry(e) {
    const kind = isRecord(e) ? kindOf(e) : null;
    return (
      !!kind &&
      conforms(e, contract.answers.answer) &&
      realTime(e.saved_at) &&
      conforms(e.value, kind.value)
    );
  }

  /* The moment a version was saved, to the millisecond as the contract says, as text that sorts
     in time order (so …:00Z comes before …:00.500Z); a time that cannot be read sorts first. */
  function moment(entry) {
    const text = entry[contract.latest.time];
    if (!realTime(text)) return "";
    const fraction = `${text.slice(20, -1)}000`.slice(0, 3);
    return `${text.slice(0, 19)}.${fraction}`;
  }

  /* The contract's rule for the latest version: does `candidate` replace `kept`? */
  function later(candidate, kept) {
    if (!kept) return true;
    const a = moment(candidate),
      b = moment(kept);
    return a > b || (a === b && contract.latest.ties === "last");
  }

  /* The contract's "done" rule of the answer's kind. */
  function isDone(entry) {
    const kind = entry ? kindOf(entry) : null;
    if (!kind) return false;
    const inner = entry.value[kind.value_key];
    if (kind.done.rule === "not-blank") return inner.trim() !== "";
    if (kind.done.rule === "all-answered") {
      return Object.keys(inner).every((part) => inner[part].length > 0);
    }
    return kind.done.rule === "saved";
  }

  /* Marks a knowledge check as content/scoring.py does: a question is right when the options
     chosen (of those it has, when they are given) are exactly its correct ones. `questions` are
     {id, correct: [option ids], options: [option ids] (optional)}. */
  function markCheck(questions, selected) {
    const results = questions.map((q) => {
      const chosen = (selected[q.id] || []).filter(
        (o, index, list) => list.indexOf(o) === index && (!q.options || q.options.indexOf(o) >= 0)
      );
      const right =
        chosen.length > 0 &&
        chosen.length === q.correct.length &&
        chosen.every((c) => q.correct.indexOf(c) >= 0);
      return { id: q.id, verdict: chosen.length === 0 ? "no_answer" : right ? "right" : "not_yet" };
    });
    const score = results.filter((r) => r.verdict === "right").length;
    return { questions: results, score: score, outOf: questions.length };
  }

  /* The questions of a check as the page gives them (data-vc-question, data-vc-correct). */
  function questionsOf(elements, optionsOf) {
    return elements.map((el) => ({
      id: el.getAttribute("data-vc-question"),
      correct: el.getAttribute("data-vc-correct").split(" "),
      options: optionsOf(el)
    }));
  }

  /* ---- storage ---------------------------------------------------------------------- */

  function storage() {
    try {
      const s = window.localStorage;
      /* The page's guard puts a stand-in in place when storage is blocked: it keeps nothing. */
      return s && !s.valuedContributorsMemoryOnly ? s : null;
    } catch (_e) {
      return null;
    }
  }

  function read(id) {
    if (has(memory, id)) return memory[id];
    const s = storage();
    if (!s) return null;
    let raw;
    try {
      raw = s.getItem(PREFIX + id);
    } catch (_e) {
      return null;
    }
    if (raw === null) return null;
    try {
      const entry = JSON.parse(raw);
      if (validEntry(entry) && entry.activity === id) return entry;
    } catch (_e) {
      /* handled below */
    }
    /* A damaged value: keep a copy beside it, carry on without it, and tell the reader once. */
    try {
      s.setItem(DAMAGED + id, raw);
      s.removeItem(PREFIX + id);
      s.setItem(SET_ASIDE, "1");
    } catch (_e) {
      /* nothing more can be done */
    }
    return null;
  }

  /* The notice, shown in one panel the first time a page with one is open after answers that
     could not be read were set aside. */
  function setAsideNotice() {
    const s = storage();
    try {
      if (!s || s.getItem(SET_ASIDE) === null) return "";
      s.removeItem(SET_ASIDE);
    } catch (_e) {
      return "";
    }
    return words.saving.set_aside;
  }

  function write(entry) {
    memory[entry.activity] = entry;
    const s = storage();
    if (!s) return false;
    try {
      s.setItem(PREFIX + entry.activity, JSON.stringify(entry));
      delete memory[entry.activity];
      return true;
    } catch (_e) {
      return false;
    }
  }

  function storedIds() {
    const ids = Object.keys(memory);
    const s = storage();
    if (!s) return ids;
    try {
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (key && key.indexOf(PREFIX) === 0) {
          const id = key.slice(PREFIX.length);
          if (ID.test(id) && ids.indexOf(id) < 0) ids.push(id);
        }
      }
    } catch (_e) {
      /* storage turned off: memory only */
    }
    return ids.sort();
  }

  function allEntries() {
    return storedIds()
      .map(read)
      .filter((e) => e !== null);
  }

  function forgetAll() {
    memory = {};
    memoryProfile = { name: "", role: "" };
    const s = storage();
    if (!s) return;
    try {
      const keys = [];
      for (let i = 0; i < s.length; i++) {
        if (s.key(i).indexOf(PREFIX) === 0) keys.push(s.key(i));
      }
      keys.forEach((k) => {
        s.removeItem(k);
      });
    } catch (_e) {
      /* storage turned off: nothing was stored */
    }
  }

  /* ---- small helpers ---------------------------------------------------------------- */

  function clock(iso) {
    const d = new Date(iso);
    function two(n) {
      return (n < 10 ? "0" : "") + n;
    }
    return `${two(d.getHours())}:${two(d.getMinutes())}`;
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  /* A new element with attributes and text. */
  function element(tag, attributes, text) {
    const el = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => {
      el.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function saveFile(text, type, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /* Each activity has one live region: what it says, a screen reader announces once. */
  function announce(box, message) {
    const live = box.querySelector(".vc-live");
    if (live) live.textContent = message;
  }

  /* "Saved" is announced once while the reader stays in the activity (a burst of saves),
     a problem every time. */
  function setStatus(box, ok, entry, said) {
    const status = box.querySelector(".vc-status");
    if (!status) return;
    status.classList.toggle("vc-problem", !ok);
    status.textContent = ok
      ? say(words.saving.saved, { time: clock(entry.saved_at) })
      : words.saving.not_saved;
    if (said === undefined && (!ok || !box.vcAnnounced)) {
      announce(box, status.textContent);
      box.vcAnnounced = ok;
    } else if (said) {
      announce(box, said);
    }
  }

  function setNote(box, message) {
    const status = box.querySelector(".vc-status");
    status.classList.add("vc-problem");
    status.textContent = message;
    announce(box, message);
  }

  /* Saves an answer; `said` replaces the announcement ("" for none, as when focus moves). */
  function save(box, value, said) {
    const entry = {
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
    const d = box.querySelector(".vc-discussion");
    if (!d) return;
    if (shown && !d.vcShown) d.open = true;
    d.vcShown = shown;
    d.hidden = !shown;
  }

  /* The words of a feedback block, without its "Feedback on this answer" summary. */
  function feedbackWords(details) {
    return Array.prototype.filter
      .call(details.childNodes, (node) => node.nodeName !== "SUMMARY")
      .map((node) => node.textContent)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
  }

  /* ---- the four kinds: bind once, fill from storage whenever it changes ----------------- */
  /* One handler per kind: `record` fills its entry on the record page (a check returns its
     marks), `bind` wires the activity once and `fill` shows what storage holds. */

  const kinds = {
    reflection: {
      record: (box, entry) => {
        box.querySelector("[data-vc-slot=text]").textContent = isDone(entry)
          ? entry.value.text
          : words.record.not_answered;
      },
      bind: (box) => {
        const area = box.querySelector("textarea");
        let timer = null;
        function flush() {
          timer = null;
          save(box, { text: area.value });
          reveal(box, area.value.trim() !== "");
        }
        area.addEventListener("input", () => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(flush, contract.timing.typing_pause_ms);
        });
        area.addEventListener("blur", () => {
          if (timer) {
            clearTimeout(timer);
            flush();
          }
        });
        window.addEventListener("pagehide", () => {
          if (timer) {
            clearTimeout(timer);
            flush();
          }
        });
      },
      fill: (box, entry) => {
        const text = entry ? entry.value.text : "";
        box.querySelector("textarea").value = text;
        reveal(box, text.trim() !== "");
      }
    },

    confidence: {
      record: (box, entry) => {
        const ratings = entry ? entry.value.ratings : {};
        all(box, "li[data-vc-statement]").forEach((li) => {
          const n = ratings[li.getAttribute("data-vc-statement")];
          li.querySelector("[data-vc-slot=rating]").textContent = n
            ? say(words.record.rating, { n: n, label: words.confidence.labels[n] })
            : words.record.not_rated;
        });
      },
      bind: (box) => {
        all(box, "input[type=radio]").forEach((input) => {
          input.addEventListener("change", () => {
            const ratings = {};
            all(box, "input[type=radio]:checked").forEach((c) => {
              ratings[c.getAttribute("data-vc-statement")] = parseInt(c.value, 10);
            });
            save(box, { ratings: ratings });
          });
        });
      },
      fill: (box, entry) => {
        const ratings = entry ? entry.value.ratings : {};
        all(box, "input[type=radio]").forEach((input) => {
          input.checked =
            ratings[input.getAttribute("data-vc-statement")] === parseInt(input.value, 10);
        });
        reveal(box, Object.keys(ratings).length > 0);
      }
    },

    check: {
      record: (box, entry) => {
        const selected = entry ? entry.value.selected : {};
        const items = all(box, "li[data-vc-question]");
        const marks = markCheck(
          questionsOf(items, (li) => Object.keys(JSON.parse(li.getAttribute("data-vc-options")))),
          selected
        );
        items.forEach((li, index) => {
          const chosen = selected[li.getAttribute("data-vc-question")] || [];
          const options = JSON.parse(li.getAttribute("data-vc-options"));
          const names = Object.keys(options)
            .filter((id) => chosen.indexOf(id) >= 0)
            .map((id) => options[id]);
          li.querySelector("[data-vc-slot=choice]").textContent = say(words.record.choice, {
            choice: names.join(words.record.choices_joined) || words.record.no_choice,
            verdict: words.verdict_words[marks.questions[index].verdict]
          });
        });
        box.querySelector("[data-vc-slot=result]").textContent = entry
          ? say(words.verdict.summary, { score: marks.score, out_of: marks.outOf })
          : words.record.not_answered;
        return marks;
      },
      bind: (box) => {
        box.querySelector(".vc-check-answers").addEventListener("click", () => {
          const selected = {};
          all(box, ".vc-question").forEach((q) => {
            selected[q.getAttribute("data-vc-question")] = all(q, "input:checked").map(
              (i) => i.value
            );
          });
          save(box, { selected: selected }, "");
          kinds.check.mark(box, selected);
          box.querySelector(".vc-check-summary").focus();
        });
      },
      mark: (box, selected) => {
        const questions = all(box, ".vc-question");
        const marks = markCheck(
          questionsOf(questions, (q) => all(q, "input").map((i) => i.value)),
          selected
        );
        const summary = box.querySelector(".vc-check-summary");
        const list = summary.querySelector(".vc-summary-list");
        list.textContent = "";
        questions.forEach((q, index) => {
          const chosen = selected[q.getAttribute("data-vc-question")] || [];
          const verdict = marks.questions[index].verdict;
          const style = `vc-${verdict.replace("_", "-")}`;
          all(q, ".vc-feedback").forEach((f) => {
            f.hidden = chosen.indexOf(f.getAttribute("data-vc-option")) < 0;
          });
          const shown = q.querySelector(".vc-verdict");
          shown.textContent = words.verdict[verdict];
          shown.className = `vc-verdict ${style}`;
          const item = document.createElement("li");
          item.appendChild(
            element("a", { href: `#${q.id}` }, say(words.check.question, { n: index + 1 }))
          );
          item.appendChild(document.createTextNode(" "));
          item.appendChild(
            element("span", { class: `vc-summary-verdict ${style}` }, words.verdict_words[verdict])
          );
          list.appendChild(item);
        });
        box.querySelector(".vc-score").textContent = say(words.verdict.summary, {
          score: marks.score,
          out_of: marks.outOf
        });
        summary.hidden = false;
      },
      fill: (box, entry) => {
        const selected = entry ? entry.value.selected : {};
        all(box, ".vc-question").forEach((q) => {
          const chosen = selected[q.getAttribute("data-vc-question")] || [];
          all(q, "input").forEach((i) => {
            i.checked = chosen.indexOf(i.value) >= 0;
          });
        });
        if (entry) {
          kinds.check.mark(box, selected);
        } else {
          all(box, ".vc-feedback").forEach((f) => {
            f.hidden = true;
          });
          all(box, ".vc-verdict, .vc-score").forEach((p) => {
            p.textContent = "";
          });
          box.querySelector(".vc-check-summary").hidden = true;
        }
        reveal(box, !!entry);
      }
    },

    /* Answered only by the Show feedback button: arrowing through the options saves nothing. */
    scenario: {
      record: (box, entry) => {
        const choice = entry ? entry.value.choice : null;
        all(box, ".vc-record-choice").forEach((c) => {
          c.hidden = c.getAttribute("data-vc-option") !== choice;
        });
        box.querySelector("[data-vc-slot=result]").hidden = !!choice;
      },
      bind: (box) => {
        box.querySelector(".vc-show-feedback").addEventListener("click", () => {
          const input = box.querySelector("input[type=radio]:checked");
          if (!input) {
            setNote(box, words.scenario.choose_first);
            return;
          }
          const feedback = kinds.scenario.show(box, input.value);
          save(
            box,
            { choice: input.value },
            say(words.scenario.feedback, { text: feedback ? feedbackWords(feedback) : "" })
          );
        });
      },
      show: (box, choice) => {
        let shown = null;
        all(box, ".vc-feedback").forEach((f) => {
          f.hidden = f.getAttribute("data-vc-option") !== choice;
          if (!f.hidden) shown = f;
        });
        return shown;
      },
      fill: (box, entry) => {
        const choice = entry ? entry.value.choice : null;
        all(box, "input[type=radio]").forEach((i) => {
          i.checked = i.value === choice;
        });
        kinds.scenario.show(box, choice);
        reveal(box, !!entry);
      }
    }
  };

  function activities() {
    return all(document, ".vc-activity[data-vc-activity]");
  }

  /* The saved answer an element names, if it is of the element's kind. */
  function answerFor(el, attribute) {
    const entry = read(el.getAttribute(attribute));
    return entry && entry.kind === el.getAttribute("data-vc-kind") ? entry : null;
  }

  function fillOne(box) {
    const entry = answerFor(box, "data-vc-activity");
    kinds[box.getAttribute("data-vc-kind")].fill(box, entry);
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

  function ratingWords(n) {
    return n
      ? say(words.compare.rating, { n: n, label: words.confidence.labels[n].toLowerCase() })
      : words.compare.empty;
  }

  function fillComparisons() {
    all(document, "figure.vc-compare").forEach((figure) => {
      const pair = ["data-vc-before", "data-vc-after"].map((name) => {
        const entry = read(figure.getAttribute(name));
        return entry && entry.kind === "confidence" ? entry.value.ratings : {};
      });
      const chart = figure.querySelector(".vc-compare-chart");
      chart.textContent = "";
      const key = element("p", { class: "vc-bars-key" });
      ["before", "after"].forEach((name) => {
        key.appendChild(element("span", { class: `vc-bar-${name}` }));
        key.appendChild(document.createTextNode(` ${words.compare[name]} `));
      });
      chart.appendChild(key);
      all(figure, "tr[data-vc-statement]").forEach((row) => {
        const id = row.getAttribute("data-vc-statement");
        const before = pair[0][id],
          after = pair[1][id];
        row.querySelector(".vc-before").textContent = ratingWords(before);
        row.querySelector(".vc-after").textContent = ratingWords(after);
        row.querySelector(".vc-change").textContent =
          before && after
            ? after === before
              ? words.compare.no_change
              : (after > before ? "+" : "") + (after - before)
            : words.compare.none;
        const line = element("div", { class: "vc-bars" });
        line.appendChild(
          element("span", { class: "vc-bars-label" }, row.querySelector("th").textContent)
        );
        [
          ["vc-bar-before", before],
          ["vc-bar-after", after]
        ].forEach((pairing) => {
          const bar = element("span", { class: `vc-bar ${pairing[0]}` }, pairing[1] || "");
          bar.style.width = `${(pairing[1] || 0) * 20}%`;
          bar.hidden = !pairing[1];
          line.appendChild(bar);
        });
        chart.appendChild(line);
      });
    });
  }

  /* ---- progress and the learning record --------------------------------------------- */

  function progressText(done, total) {
    return plural(words.progress.done, total, { done: done, total: total });
  }

  function fillProgress() {
    all(document, ".vc-progress").forEach((p) => {
      const ids = p.getAttribute("data-vc-activities").split(" ");
      const done = ids.filter((id) => isDone(read(id))).length;
      p.querySelector("span").textContent = say(words.progress.sentence, {
        progress: progressText(done, ids.length),
        scope: p.getAttribute("data-vc-scope")
      });
    });
  }

  function longDate(iso) {
    return new Date(iso).toLocaleDateString(contract.language, {
      day: "numeric",
      month: "long",
      year: "numeric"
    });
  }

  function duration(minutes) {
    const hours = Math.floor(minutes / 60),
      rest = minutes % 60,
      parts = [];
    if (hours) parts.push(plural(words.duration.hours, hours));
    if (rest || !parts.length) parts.push(plural(words.duration.minutes, rest));
    return parts.join(" ");
  }

  function profile() {
    let s = storage(),
      stored = null;
    try {
      stored = s && JSON.parse(s.getItem(PROFILE));
    } catch (_e) {
      stored = null;
    }
    return isRecord(stored) ? stored : memoryProfile;
  }

  /* The statement of completion, worded as record/text.py words it. */
  function completion(last, final) {
    return say(words.record.completion, {
      complete: say(words.record.complete, { date: longDate(last) }),
      assessed: final ? say(words.record.assessed, final) : ""
    });
  }

  function fillRecord() {
    all(document, ".vc-record-page").forEach((page) => {
      let me = profile(),
        done = 0,
        total = 0,
        minutes = 0,
        last = null,
        passed = true,
        final = null;
      ["name", "role"].forEach((field) => {
        const slot = page.querySelector(`[data-vc-slot=${field}]`);
        const value = String(me[field] || "").trim();
        slot.textContent = say(words.record[field], { value: value });
        slot.hidden = !value;
      });
      all(page, ".vc-record-section").forEach((section) => {
        let sectionDone = 0,
          boxes = all(section, "[data-vc-entry]");
        boxes.forEach((box) => {
          const entry = answerFor(box, "data-vc-entry");
          const marks = kinds[box.getAttribute("data-vc-kind")].record(box, entry);
          box.querySelector("[data-vc-slot=saved]").textContent = entry
            ? say(words.record.saved_on, { date: longDate(entry.saved_at) })
            : "";
          if (entry && later(entry, last)) last = entry;
          /* The rule of record.model.LearningRecord.complete: the final assessment's pass mark. */
          if (box.hasAttribute("data-vc-needed")) {
            const needed = parseInt(box.getAttribute("data-vc-needed"), 10);
            final = { score: marks.score, out_of: marks.outOf, needed: needed };
            passed = !!entry && marks.score >= needed;
          }
          box.toggleAttribute("data-vc-done", isDone(entry));
          if (isDone(entry)) {
            sectionDone += 1;
            minutes += parseInt(box.getAttribute("data-vc-minutes"), 10);
          }
        });
        section.querySelector("[data-vc-slot=progress]").textContent = progressText(
          sectionDone,
          boxes.length
        );
        done += sectionDone;
        total += boxes.length;
      });
      page.querySelector("[data-vc-slot=activities]").textContent = say(
        words.record.activities_done,
        { done: done, total: total, duration: duration(minutes) }
      );
      const statement = page.querySelector("[data-vc-slot=complete]");
      statement.hidden = !(total > 0 && done === total && passed);
      statement.textContent = statement.hidden ? "" : completion(last.saved_at, final);
    });
  }

  /* The record as a file of its own: only what was done, nothing that needs the page. */
  function recordDocument(page) {
    const copy = page.querySelector(".vc-record").cloneNode(true);
    all(copy, "[data-vc-entry]:not([data-vc-done])").forEach((el) => {
      el.remove();
    });
    all(copy, ".vc-record-section").forEach((section) => {
      if (!section.querySelector("[data-vc-entry]")) section.remove();
    });
    all(copy, ".vc-record-changes").forEach((changes) => {
      const figure = changes.querySelector("figure.vc-compare");
      const rated =
        figure &&
        (read(figure.getAttribute("data-vc-before")) || read(figure.getAttribute("data-vc-after")));
      if (!rated) changes.remove();
    });
    all(copy, "[hidden], .vc-compare-chart, .vc-share").forEach((el) => {
      el.remove();
    });
    /* On the page the record sits two heading levels down; a file of its own starts at h1. */
    all(copy, "h3, h4, h5").forEach((h) => {
      const top = document.createElement(`h${parseInt(h.tagName.slice(1), 10) - 2}`);
      top.innerHTML = h.innerHTML;
      h.replaceWith(top);
    });
    const title = element("title", {}, words.record.title);
    return (
      "<!DOCTYPE html><html lang='" +
      contract.language +
      "'><head><meta charset='utf-8'>" +
      "<meta name='viewport' content='width=device-width, initial-scale=1'>" +
      title.outerHTML +
      "<style>" +
      page.getAttribute("data-vc-css") +
      "</style></head><body>" +
      copy.outerHTML +
      "</body></html>\n"
    );
  }

  /* Prints the very document "Download my record" saves, from a frame of its own. */
  function printRecord(page) {
    all(document, ".vc-print-frame").forEach((old) => {
      old.remove();
    });
    const frame = element("iframe", { class: "vc-print-frame", "aria-hidden": "true" });
    frame.tabIndex = -1;
    frame.addEventListener("load", () => {
      frame.contentWindow.focus();
      frame.contentWindow.print();
    });
    frame.srcdoc = recordDocument(page);
    document.body.appendChild(frame);
  }

  /* A contribution holds only the ticked answers, without times or names (see the schema). */
  function contribution(page) {
    const shared = all(page, ".vc-share-box:checked")
      .map((box) => read(box.value))
      .filter((entry) => entry !== null);
    return {
      format: contract.contribution.format,
      version: contract.contribution.version,
      answers: shared.map((e) => ({
        activity: e.activity,
        kind: e.kind,
        value: e.value,
        saved_on: e.saved_at.slice(0, 10)
      }))
    };
  }

  function bindRecord() {
    all(document, ".vc-record-page").forEach((page) => {
      const me = profile();
      const status = page.querySelector(".vc-record-status");
      ["name", "role"].forEach((field) => {
        const input = page.querySelector(`.vc-record-${field}`);
        input.value = me[field] || "";
        input.addEventListener("input", () => {
          const now = profile();
          now[field] = input.value;
          memoryProfile = now;
          try {
            storage().setItem(PROFILE, JSON.stringify(now));
          } catch (_e) {
            /* kept in memory */
          }
          fillRecord();
        });
      });
      page.querySelector(".vc-record-print").addEventListener("click", () => {
        printRecord(page);
      });
      page.querySelector(".vc-share-download").addEventListener("click", () => {
        const shared = page.querySelector(".vc-share-status");
        const doc = contribution(page);
        if (!doc.answers.length) {
          shared.textContent = words.record.share_none;
          return;
        }
        saveFile(`${JSON.stringify(doc, null, 2)}\n`, "application/json", words.files.contribution);
        shared.textContent = plural(words.record.share_saved, doc.answers.length);
      });
      page.querySelector(".vc-record-download").addEventListener("click", () => {
        saveFile(recordDocument(page), "text/html", words.files.record);
        status.textContent = words.record.saved;
      });
    });
  }

  /* ---- export, import and delete ---------------------------------------------------- */

  function exportDocument() {
    const writer = contract.storage.writer;
    return {
      format: contract.answers.format,
      version: contract.answers.version,
      source: writer,
      exported_at: new Date().toISOString(),
      answers: allEntries().map((e) => ({
        activity: e.activity,
        kind: e.kind,
        value: e.value,
        saved_at: e.saved_at,
        origin: writer
      }))
    };
  }

  function download() {
    const text = `${JSON.stringify(exportDocument(), null, 2)}\n`;
    saveFile(text, "application/json", say(words.files.answers, { date: today() }));
    return text;
  }

  /* The answers in an answers file's text, refused (an Error with one sentence saying what to
     do) wherever the command line would refuse the file. */
  function parseImport(text) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (_e) {
      throw new Error(words.book_import.not_json);
    }
    if (!isRecord(doc) || doc.format !== contract.answers.format) {
      throw new Error(words.book_import.not_answers);
    }
    if (doc.version !== contract.answers.version) {
      throw new Error(
        say(words.book_import.wrong_version, {
          version: JSON.stringify(doc.version),
          expected: contract.answers.version
        })
      );
    }
    if (Array.isArray(doc.answers) && doc.answers.length > contract.answers.max_answers) {
      throw new Error(
        say(words.book_import.too_many, {
          count: doc.answers.length.toLocaleString(contract.language),
          limit: contract.answers.max_answers.toLocaleString(contract.language)
        })
      );
    }
    if (!Array.isArray(doc.answers) || !doc.answers.every(validEntry)) {
      throw new Error(words.book_import.damaged);
    }
    return doc.answers;
  }

  /* A file chosen for import, refused before it is read if it is over the answers file's
     byte limit. */
  function readImport(file) {
    if (file.size > contract.answers.max_bytes) {
      return Promise.reject(
        new Error(say(words.book_import.too_big, { limit: contract.answers.max_bytes_words }))
      );
    }
    return file.text().then(parseImport);
  }

  /* Keep the latest version of each answer: importing the same file twice changes nothing. */
  function merge(answers) {
    let changed = 0;
    answers.forEach((a) => {
      const have = read(a.activity);
      const entry = { activity: a.activity, kind: a.kind, value: a.value, saved_at: a.saved_at };
      if (later(entry, have) && JSON.stringify(entry) !== JSON.stringify(have)) {
        write(entry);
        changed += 1;
      }
    });
    return changed;
  }

  function panel(host) {
    const w = words.answers_panel;
    host.classList.add("vc-panel");
    host.setAttribute("role", "region");
    host.setAttribute("aria-label", w.label);
    host.textContent = "";
    const title = element("p", { class: "vc-panel-title" });
    title.appendChild(element("strong", {}, w.label));
    const buttons = element("div", { class: "vc-panel-buttons" });
    buttons.appendChild(
      element("button", { type: "button", class: "vc-button vc-export" }, w.export)
    );
    buttons.appendChild(
      element("button", { type: "button", class: "vc-button vc-import" }, w.import)
    );
    const file = element("input", {
      type: "file",
      class: "vc-import-file",
      accept: ".json,application/json",
      hidden: ""
    });
    buttons.appendChild(file);
    buttons.appendChild(
      element("button", { type: "button", class: "vc-button vc-delete" }, w.delete)
    );
    const status = element("p", {
      class: "vc-panel-status",
      role: "status",
      "aria-live": "polite"
    });
    [title, element("p", {}, w.intro), buttons, status].forEach((el) => {
      host.appendChild(el);
    });
    function tell(message, problem) {
      status.textContent = message;
      status.classList.toggle("vc-problem", !!problem);
    }
    host.querySelector(".vc-export").addEventListener("click", () => {
      const count = exportDocument().answers.length;
      download();
      tell(plural(w.exported, count));
    });
    host.querySelector(".vc-import").addEventListener("click", () => {
      file.click();
    });
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      readImport(chosen)
        .then((answers) => {
          const changed = merge(answers);
          fillAll();
          tell(changed ? plural(w.imported, changed) : w.unchanged);
        })
        .catch((error) => {
          tell(error.message, true);
        })
        .then(() => {
          file.value = "";
        });
    });
    host.querySelector(".vc-delete").addEventListener("click", () => {
      if (!window.confirm(w.confirm_delete)) {
        tell(w.not_deleted);
        return;
      }
      const count = allEntries().length;
      forgetAll();
      fillAll();
      tell(plural(w.deleted, count));
    });
  }

  /* Bind and fill each activity once, as soon as it is on the page: the book places this script
     straight after the first activity, so that one is usable before the rest has loaded. */
  function bindActivities() {
    activities().forEach((box) => {
      const kind = kinds[box.getAttribute("data-vc-kind")];
      if (!kind || box.hasAttribute("data-vc-live")) return;
      all(box, ".vc-feedback").forEach((f) => {
        f.open = true;
        f.hidden = true;
      });
      box.addEventListener("focusout", (event) => {
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
    [".primary-toggle", ".secondary-toggle"].forEach((selector) => {
      const toggles = all(document, selector);
      toggles.slice(1).forEach((toggle) => {
        toggle.addEventListener("click", (event) => {
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
    let hosts = all(document, ".vc-answers-panel");
    const anchors = activities().concat(all(document, ".vc-record-page"));
    if (!hosts.length && anchors.length) {
      const host = element("div", { class: "vc-answers-panel" });
      const last = anchors[anchors.length - 1];
      const article = last.closest("article") || last.parentNode;
      article.appendChild(host);
      hosts = [host];
    }
    hosts.forEach(panel);
    const notice = hosts.length ? setAsideNotice() : "";
    if (notice) {
      const status = hosts[0].querySelector(".vc-panel-status");
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

  /* Read by the SCORM package's launch page (valued_contributors/downloads/scorm-bridge.js),
     so that it applies the very rules the book applies. */
  window.valuedContributors = {
    exportDocument: exportDocument,
    parseImport: parseImport,
    merge: merge,
    isDone: isDone,
    markCheck: markCheck
  };

  start();
})();
