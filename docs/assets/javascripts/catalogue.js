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
 *
 * Batches: only the first PAGE matching practices (in the list's order) are in the list, with
 * buttons to show the next batch or all of them; the others are kept out of the document. Measured
 * in headless Chromium at 3,000 practices on the Material page: toggling `hidden` on every item
 * took ~170 ms a filter, and even toggling it on only 100 items took ~100 ms while thousands of
 * hidden siblings stayed in the list (the browser's layout tree work grows with them). Removing
 * and inserting at most 2 × PAGE nodes in a short list is bounded by the batch, not the corpus.
 * The count still says how many match in total, and how many are shown. Without JavaScript every
 * practice is listed. The batch size is not part of the URL.
 */
(function () {
  "use strict";
  if (window.kbCatalogue) return; // evaluated twice (e.g. inline and as extra_javascript): keep one

  var current = null; // the catalogue of the page on screen, if it has one
  var PAGE = 50; // practices shown per batch

  function Catalogue(form, list) {
    this.form = form;
    this.live = document.getElementById("kb-result-count");
    this.facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), readFacet);
    this.list = list;
    this.items = Array.prototype.map.call(list.querySelectorAll("li.kb-practice"), readItem, this);
    this.visible = null; // the items' elements now in the list, in order; null: the page's own list
    this.more = document.querySelector("[data-kb-more]");
    this.limit = PAGE; // how many matching practices are shown
    this.matched = 0;
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
    return { el: li, values: values, match: true };
  }

  /* One pass: visibility of every item and the faceted counts. A new filter shows the first batch;
     `keepLimit` keeps the batches already revealed ("Toon meer"). */
  Catalogue.prototype.apply = function (keepLimit) {
    var started = performance.now();
    if (!keepLimit) this.limit = PAGE;
    var facets = this.facets, nf = facets.length;
    var selected = facets.map(function (f) { return f.inputs.map(function (input) { return input.checked; }); });
    var active = selected.map(function (sel) { return sel.indexOf(true) !== -1; });
    var counts = facets.map(function (f) { return new Int32Array(f.inputs.length); });
    var shown = 0, visible = [];
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
      item.match = misses === 0;
      if (item.match && shown <= this.limit) visible.push(item.el);
    }
    this.render(visible);
    this.matched = shown;
    this.writeCounts(counts);
    this.announce(shown);
    this.updateMore();
    this.lastMs = performance.now() - started;
    return shown;
  };

  /* Put `next` in the list with the fewest node moves: keep the common start, replace the rest. */
  Catalogue.prototype.render = function (next) {
    var list = this.list, old = this.visible, k = 0, i;
    if (old === null) {
      list.textContent = ""; // the server's full list (and the white space between its items)
      old = [];
    }
    while (k < old.length && k < next.length && old[k] === next[k]) k++;
    for (i = old.length - 1; i >= k; i--) list.removeChild(old[i]);
    if (k < next.length) {
      var added = document.createDocumentFragment();
      for (i = k; i < next.length; i++) added.appendChild(next[i]);
      list.appendChild(added);
    }
    this.visible = next;
  };

  /* Reveal the next batch (or every match) and move focus to the first practice it revealed, so a
     keyboard user reads on where the new items start. */
  Catalogue.prototype.showMore = function (all) {
    var first = this.limit;
    this.limit = all ? Infinity : this.limit + PAGE;
    this.apply(true);
    for (var i = 0, rank = 0; i < this.items.length; i++) {
      if (!this.items[i].match) continue;
      if (rank++ === first) {
        var link = this.items[i].el.querySelector("a");
        if (link) link.focus();
        return;
      }
    }
  };

  Catalogue.prototype.updateMore = function () {
    if (!this.more) return;
    var rest = this.matched - Math.min(this.limit, this.matched);
    this.more.hidden = rest === 0;
    if (rest === 0) return;
    var next = this.more.querySelector("[data-kb-more-next]");
    var all = this.more.querySelector("[data-kb-more-all]");
    setText(next, rest > PAGE ? "Toon " + PAGE + " meer" : "Toon de laatste " + rest);
    if (all) {
      all.hidden = rest <= PAGE; // then "next" already shows them all
      setText(all, "Toon alle " + this.matched + " praktijken");
    }
  };

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

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
    // The number that match comes first, as in the page's own markup ("12 praktijken"), then the
    // number on screen when batches hide some ("128 praktijken (van 3000), 50 getoond").
    var text = (shown === 1 ? "1 praktijk" : shown + " praktijken") + (shown === total ? "" : " (van " + total + ")");
    if (shown > this.limit) text += ", " + this.limit + " getoond";
    setText(this.live, text);
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
    if (this.more) {
      this.more.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (button) self.showMore(button.hasAttribute("data-kb-more-all"));
      });
    }
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
