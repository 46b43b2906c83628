/*
 * Filters of the municipalities' tables on /steden/ (markup: macros/pages/municipalities.py).
 *
 * Without this script every municipality is listed, and the size-class pages are the filters. The
 * script shows a form with the size classes (OR between them) and "Alleen gemeenten met praktijken"
 * (AND with the sizes), hides the rows that do not match and a province whose rows are all hidden,
 * and says how many match. The state lives in the URL query (`?grootte=klein,middelgroot&praktijken=ja`),
 * written with replaceState, read on load and whenever Material's instant navigation swaps in a page.
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
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
