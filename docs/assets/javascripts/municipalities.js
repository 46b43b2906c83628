/*
 * Filters of the municipalities' tables on /steden/ (markup: macros/pages/municipalities.py).
 *
 * Without this script every municipality is listed, and the size-class pages are the filters. The
 * script shows a form with the size classes (OR between them) and "Alleen gemeenten met praktijken"
 * (AND with the sizes), hides the rows that do not match and a province whose rows are all hidden,
 * and says how many match. The state lives in the URL query (`?grootte=klein,middelgroot&praktijken=ja`),
 * written with replaceState, read on load and whenever Material's instant navigation swaps in a page.
 *
 * Compare: each municipality gets a tick box before its name; with two to four ticked, "Vergelijken"
 * opens /vergelijk/?steden=a,b in the order they were ticked (compare.js). The ticks live in
 * sessionStorage, so they survive a visit to a municipality's page and back.
 */
(function () {
  "use strict";
  if (window.kbMunicipalities) return;
  window.kbMunicipalities = true;

  function setUp() {
    var form = document.querySelector("[data-kb-city-filters]");
    if (!form || form.getAttribute("data-kb-ready")) return;
    form.setAttribute("data-kb-ready", "1");
    var tables = Array.prototype.slice.call(document.querySelectorAll("table[data-kb-city-table]"));
    var count = form.querySelector("[data-kb-city-count]");
    var sizes = Array.prototype.slice.call(form.querySelectorAll('input[name="grootte"]'));
    var practices = form.querySelector('input[name="praktijken"]');

    function read() {
      var query = new URLSearchParams(window.location.search);
      var chosen = (query.get("grootte") || "").split(",");
      sizes.forEach(function (input) { input.checked = chosen.indexOf(input.value) >= 0; });
      practices.checked = query.get("praktijken") === "ja";
    }

    function apply() {
      var wanted = sizes.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      var shown = 0;
      tables.forEach(function (table) {
        var inTable = 0;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var ok = (!wanted.length || wanted.indexOf(row.getAttribute("data-grootte")) >= 0) &&
            (!practices.checked || row.getAttribute("data-praktijken") === "ja");
          row.hidden = !ok;
          if (ok) inTable += 1;
        });
        table.hidden = inTable === 0;
        shown += inTable;
      });
      count.textContent = shown === 1 ? "1 gemeente" : shown + " gemeenten";
      var query = new URLSearchParams(window.location.search);
      if (wanted.length) query.set("grootte", wanted.join(",")); else query.delete("grootte");
      if (practices.checked) query.set("praktijken", "ja"); else query.delete("praktijken");
      var search = query.toString();
      history.replaceState(history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    form.hidden = false;
    read();
    apply();
    form.addEventListener("change", apply);
    compare(tables);
  }

  var TICKS_KEY = "kb-vergelijk-steden";
  var COMPARE_MIN = 2, COMPARE_MAX = 4;

  function readTicks() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(TICKS_KEY) || "[]");
      return Array.isArray(saved) ? saved.filter(function (x) { return typeof x === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function saveTicks(ticked) {
    try {
      window.sessionStorage.setItem(TICKS_KEY, JSON.stringify(ticked));
    } catch (e) { /* private mode: the ticks last as long as the page */ }
  }

  /* The municipality's id: the last segment of its link (Material may have made the link absolute). */
  function cityId(link) {
    return new URL(link.getAttribute("href"), window.location.href).pathname.replace(/\/+$/, "").split("/").pop();
  }

  function compare(tables) {
    var bar = document.querySelector("[data-kb-city-compare]");
    if (!bar) return;
    var ticked = readTicks();
    var count = bar.querySelector("[data-kb-city-compare-count]");
    var go = bar.querySelector("[data-kb-city-compare-go]");
    var clear = bar.querySelector("[data-kb-city-compare-clear]");
    var boxes = [];
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var link = row.querySelector("th a");
        if (!link) return;
        var box = document.createElement("input");
        box.type = "checkbox";
        box.className = "kb-tick";
        box.value = cityId(link);
        box.checked = ticked.indexOf(box.value) !== -1;
        box.setAttribute("aria-label", "Kies om te vergelijken: " + link.textContent);
        link.parentNode.insertBefore(box, link);
        boxes.push(box);
      });
    });

    function update() {
      var n = ticked.length;
      bar.hidden = n === 0;
      count.textContent = n === 0 ? "Geen gemeenten aangevinkt" : n === 1 ? "1 gemeente aangevinkt"
        : n + " gemeenten aangevinkt" + (n > COMPARE_MAX ? " (vergelijken kan met twee tot vier)" : "");
      go.disabled = n < COMPARE_MIN || n > COMPARE_MAX;
      clear.disabled = n === 0;
    }

    tables.forEach(function (table) {
      table.addEventListener("change", function (event) {
        var box = event.target;
        if (!box.classList || !box.classList.contains("kb-tick")) return;
        var at = ticked.indexOf(box.value);
        if (box.checked && at === -1) ticked.push(box.value);
        if (!box.checked && at !== -1) ticked.splice(at, 1);
        saveTicks(ticked);
        update();
      });
    });
    go.addEventListener("click", function () {
      if (ticked.length < COMPARE_MIN || ticked.length > COMPARE_MAX) return;
      var page = new URL("../vergelijk/", window.location.href);
      window.location.assign(page.pathname + "?steden=" + ticked.map(encodeURIComponent).join(","));
    });
    clear.addEventListener("click", function () {
      ticked = [];
      saveTicks(ticked);
      boxes.forEach(function (box) { box.checked = false; });
      update();
    });
    update();
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
