/*
 * Catalogue filters for /praktijken/ (markup: macros/catalogue.py, contract: notes/CONTRACTS.md).
 *
 * Without this script the full list shows and the form stays hidden; the script reveals the form
 * and hides the static facet links it replaces.
 *
 * Semantics: OR within a facet, AND between facets. A facet with nothing ticked does not filter.
 * Counts are standard faceted counts: the count beside a value is the number of practices that
 * match every *other* facet's selection and have that value, i.e. how many would be shown if that
 * value were (also) ticked within its facet's OR. Ticking a value therefore never changes the
 * counts of its own facet, only those of the others.
 *
 * State lives in the URL query (`?grootte=klein,stad&thema=taal`), written with replaceState so
 * ticking boxes does not fill the back button, and read on load, on popstate and whenever
 * Material's instant navigation swaps in a new page (`document$`).
 *
 * Speed: each item's facet values are turned into small integer arrays once per page; applying a
 * filter is one pass over those arrays, then only the `hidden` attributes and counts that changed
 * are written. Nothing reads layout.
 */
(function () {
  "use strict";
  if (window.kbCatalogue) return; // evaluated twice (e.g. inline and as extra_javascript): keep one

  var current = null; // the catalogue of the page on screen, if it has one

  function Catalogue(form, list) {
    this.form = form;
    this.live = document.getElementById("kb-result-count");
    this.facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), readFacet);
    this.items = Array.prototype.map.call(list.querySelectorAll("li.kb-practice"), readItem, this);
    this.lastMs = 0;
  }

  function readFacet(fieldset) {
    var name = fieldset.getAttribute("data-facet");
    var inputs = Array.prototype.slice.call(fieldset.querySelectorAll('input[type="checkbox"]'));
    var index = Object.create(null);
    var counts = inputs.map(function (input, i) {
      index[input.value] = i;
      return fieldset.querySelector('.kb-count[data-value="' + CSS.escape(input.value) + '"]');
    });
    return { name: name, inputs: inputs, index: index, counts: counts, shownCounts: counts.map(function () { return -1; }) };
  }

  function readItem(li) {
    var values = this.facets.map(function (facet) {
      var raw = li.getAttribute("data-" + facet.name) || "";
      var ids = raw ? raw.split(" ") : [];
      var out = [];
      for (var i = 0; i < ids.length; i++) {
        var at = facet.index[ids[i]];
        if (at !== undefined) out.push(at);
      }
      return out;
    });
    return { el: li, values: values, hidden: li.hidden };
  }

  /* One pass: visibility of every item and the faceted counts. */
  Catalogue.prototype.apply = function () {
    var started = performance.now();
    var facets = this.facets, nf = facets.length;
    var selected = facets.map(function (f) { return f.inputs.map(function (input) { return input.checked; }); });
    var active = selected.map(function (sel) { return sel.indexOf(true) !== -1; });
    var counts = facets.map(function (f) { return new Int32Array(f.inputs.length); });
    var shown = 0;
    for (var i = 0; i < this.items.length; i++) {
      var item = this.items[i], missed = -1, misses = 0;
      for (var f = 0; f < nf && misses < 2; f++) {
        if (active[f] && !matches(item.values[f], selected[f])) { misses++; missed = f; }
      }
      if (misses === 0) {
        shown++;
        for (f = 0; f < nf; f++) addCounts(counts[f], item.values[f]);
      } else if (misses === 1) {
        addCounts(counts[missed], item.values[missed]);
      }
      var hide = misses !== 0;
      if (item.hidden !== hide) { item.el.hidden = hide; item.hidden = hide; }
    }
    this.writeCounts(counts);
    this.announce(shown);
    this.lastMs = performance.now() - started;
    return shown;
  };

  function matches(values, selected) {
    for (var k = 0; k < values.length; k++) if (selected[values[k]]) return true;
    return false;
  }

  function addCounts(counts, values) {
    for (var k = 0; k < values.length; k++) counts[values[k]]++;
  }

  Catalogue.prototype.writeCounts = function (counts) {
    this.facets.forEach(function (facet, f) {
      for (var v = 0; v < facet.counts.length; v++) {
        if (facet.counts[v] && facet.shownCounts[v] !== counts[f][v]) {
          facet.counts[v].textContent = String(counts[f][v]);
          facet.shownCounts[v] = counts[f][v];
        }
      }
    });
  };

  Catalogue.prototype.announce = function (shown) {
    if (!this.live) return;
    var total = this.items.length;
    // The number shown comes first, as in the page's own markup ("12 praktijken").
    var text = (shown === 1 ? "1 praktijk" : shown + " praktijken") + (shown === total ? "" : " (van " + total + ")");
    if (this.live.textContent !== text) this.live.textContent = text;
  };

  /* URL query <-> checkboxes. Unknown ids in a shared link are ignored. */
  Catalogue.prototype.restore = function () {
    var params = new URLSearchParams(window.location.search);
    var openMore = false;
    this.facets.forEach(function (facet) {
      var wanted = (params.get(facet.name) || "").split(",");
      facet.inputs.forEach(function (input) {
        input.checked = wanted.indexOf(input.value) !== -1;
        if (input.checked && !input.closest(".kb-facets-primary")) openMore = true;
      });
    });
    var more = this.form.querySelector("details.kb-facets-more");
    if (more && openMore) more.open = true;
    this.apply();
  };

  Catalogue.prototype.writeUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var parts = [];
    this.facets.forEach(function (facet) { params.delete(facet.name); });
    params.forEach(function (value, key) { parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value)); });
    this.facets.forEach(function (facet) {
      var ids = facet.inputs.filter(function (i) { return i.checked; }).map(function (i) { return encodeURIComponent(i.value); });
      if (ids.length) parts.push(facet.name + "=" + ids.join(","));
    });
    var url = window.location.pathname + (parts.length ? "?" + parts.join("&") : "") + window.location.hash;
    // Keep history.state: Material's instant navigation stores its own data there.
    window.history.replaceState(window.history.state, "", url);
  };

  Catalogue.prototype.clear = function () {
    this.facets.forEach(function (facet) { facet.inputs.forEach(function (input) { input.checked = false; }); });
    this.apply();
    this.writeUrl();
  };

  Catalogue.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("change", function () { self.apply(); self.writeUrl(); });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    var clear = this.form.querySelector("[data-kb-clear]");
    if (clear) clear.addEventListener("click", function () { self.clear(); });
  };

  /* Called on every page (and again after each instant navigation); does nothing off the catalogue. */
  function init() {
    var form = document.getElementById("kb-filters");
    var list = document.getElementById("kb-catalogue");
    if (!form || !list) { current = null; return; }
    if (form.kbCatalogue) { current = form.kbCatalogue; current.restore(); return; } // same page again
    current = new Catalogue(form, list);
    form.kbCatalogue = current; // the guard: listeners are bound once per form element
    current.bind();
    var fallback = document.querySelector(".kb-static-facets");
    if (fallback) fallback.hidden = true;
    form.hidden = false;
    current.restore();
  }

  window.addEventListener("popstate", function () {
    if (current && document.body.contains(current.form)) current.restore();
  });

  window.kbCatalogue = {
    init: init,
    current: function () { return current; },
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
