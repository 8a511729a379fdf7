/* Valued Contributors in a learning platform: reports progress to the platform's SCORM 2004
 * runtime (API_1484_11), and nothing else.
 *
 * The launch page holds the course in a frame and the rules as data that Python wrote into it
 * (which activities count, the final assessment and how many right answers it needs); whether
 * an activity is done and how a check is marked come from the book's own script in the frame,
 * which reads them from the page's contract block. Only
 * numbers and statuses are sent: never a reflection, a rating or a chosen option. Answers stay
 * in this browser's local storage, as in the web book. Without a runtime, the launch page
 * simply opens the web book.
 */
(() => {
  "use strict";

  const rules = JSON.parse(document.getElementById("vc-scorm-rules").textContent);
  const api = findApi(window);
  const started = new Date();
  let finished = false;
  const held = {};
  let changed = false;
  let frame = null;

  /* The SCORM 2004 way to find the runtime: up the frames that hold this page, then the
     window that opened it. */
  function findApi(win) {
    function climb(w) {
      for (let depth = 0; w && depth < 500; depth++) {
        try {
          if (w.API_1484_11) return w.API_1484_11;
        } catch (_e) {
          /* a frame from another site: keep looking above it */
        }
        if (!w.parent || w.parent === w) break;
        w = w.parent;
      }
      return null;
    }
    return climb(win) || (win.opener ? climb(win.opener) : null);
  }

  function get(element) {
    const value = api.GetValue(element);
    return String(api.GetLastError()) === "0" ? String(value) : "";
  }

  function set(element, value) {
    if (held[element] === String(value)) return;
    held[element] = String(value);
    api.SetValue(element, String(value));
    changed = true;
  }

  function commit() {
    if (changed) api.Commit("");
    changed = false;
  }

  /* Four decimal places at most: SCORM reals are short, and the LMS shows them as they are. */
  function real(x) {
    return String(Math.round(x * 10000) / 10000);
  }

  /* A SCORM 2004 time interval, e.g. PT1H5M12S. */
  function interval(ms) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    const hours = Math.floor(seconds / 3600),
      minutes = Math.floor((seconds % 3600) / 60);
    return `PT${hours}H${minutes}M${seconds % 60}S`;
  }

  /* The learner's latest answers, read by the book's own script inside the frame. */
  function answers() {
    const book = frame?.contentWindow?.valuedContributors;
    if (!book?.exportDocument) return null;
    const byId = {};
    book.exportDocument().answers.forEach((a) => {
      byId[a.activity] = a;
    });
    return { byId: byId, isDone: book.isDone, markCheck: book.markCheck };
  }

  /* Right answers in the final assessment, marked by the book's script. */
  function finalScore(seen, entry) {
    const selected = entry ? entry.value.selected : null;
    if (!selected) return null;
    const questions = Object.keys(rules.final.correct).map((id) => ({
      id: id,
      correct: rules.final.correct[id]
    }));
    return seen.markCheck(questions, selected).score;
  }

  /* What the platform is told: the statement of completion's rule, applied to the numbers. */
  function report() {
    const seen = answers();
    if (!seen || finished) return;
    const done = rules.activities.filter((id) => seen.isDone(seen.byId[id] || null));
    const allDone = rules.activities.length > 0 && done.length === rules.activities.length;
    const progress = rules.activities.length ? done.length / rules.activities.length : 0;
    const score = rules.final ? finalScore(seen, seen.byId[rules.final.activity]) : null;
    const passed = rules.final ? score !== null && score >= rules.final.needed : null;
    const completed = allDone && passed !== false;

    /* What the platform already holds is never taken back (a new device starts empty). */
    if (progress > held.progress) {
      held.progress = progress;
      set("cmi.progress_measure", real(progress));
    }
    if (completed && held.completion !== "completed") {
      held.completion = "completed";
      set("cmi.completion_status", "completed");
    } else if (held.completion !== "completed" && held.completion !== "incomplete") {
      held.completion = "incomplete";
      set("cmi.completion_status", "incomplete");
    }
    if (score !== null) {
      const scaled = score / rules.final.questions;
      if (!(held.scaled >= scaled)) {
        held.scaled = scaled;
        set("cmi.score.min", "0");
        set("cmi.score.max", String(rules.final.questions));
        set("cmi.score.raw", String(score));
        set("cmi.score.scaled", real(scaled));
      }
      const success = passed ? "passed" : "failed";
      if (held.success !== "passed" && held.success !== success) {
        held.success = success;
        set("cmi.success_status", success);
      }
    }
    place();
    commit();
  }

  /* The page the learner is on, so the platform can bring them back to it. */
  function place() {
    try {
      const here = frame.contentWindow.location.href;
      const base = new URL(rules.start, window.location.href).href.replace(/[^/]*$/, "");
      if (here.indexOf(base) === 0 && here.length - base.length <= 1000) {
        set("cmi.location", here.slice(base.length));
      }
    } catch (_e) {
      /* the frame is between pages */
    }
  }

  function finish() {
    if (finished) return;
    report();
    finished = true;
    set("cmi.session_time", interval(Date.now() - started));
    set("cmi.exit", held.completion === "completed" ? "normal" : "suspend");
    commit();
    api.Terminate("");
  }

  function open() {
    if (String(api.Initialize("")) !== "true") {
      window.location.replace(rules.start);
      return;
    }
    held.progress = parseFloat(get("cmi.progress_measure")) || 0;
    held.completion = get("cmi.completion_status");
    held.success = get("cmi.success_status");
    held.scaled = parseFloat(get("cmi.score.scaled"));
    const resume = get("cmi.entry") === "resume" ? get("cmi.location") : "";
    const start =
      /^[A-Za-z0-9_\-./]+\.html(#[A-Za-z0-9_-]*)?$/.test(resume) && resume.indexOf("..") < 0
        ? rules.start.replace(/[^/]*$/, "") + resume
        : rules.start;

    frame = document.createElement("iframe");
    frame.id = "vc-course";
    frame.title = rules.title;
    frame.src = start;
    frame.addEventListener("load", report);
    document.body.appendChild(frame);
    /* Another page of the course (the frame) saved an answer in local storage. */
    window.addEventListener("storage", report);
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
  }

  if (!api) {
    window.location.replace(rules.start);
  } else if (document.body) {
    open();
  } else {
    document.addEventListener("DOMContentLoaded", open);
  }
})();
