/*
 * Catalogue filters for /praktijken/ (markup: macros/catalogue.py, contract: notes/CONTRACTS.md).
 *
 * Without this script the full list shows and the form stays hidden; the script reveals the form,
 * hides the static facet links it replaces and swaps the intro for the one that explains the form.
 * On a narrow screen the form folds behind a "Filters" button (CSS decides when; the button says
 * whether it is open), so the first practices show in the first screen.
 *
 * The text box (`?zoek=`) filters together with the facets. It finds the practices the site's search
 * finds for the same words: it asks search.js (`window.kbSearch.practices`), which asks the Pagefind
 * index (the practice's whole page, Dutch word forms, the synonyms of search-synonyms.json). Without
 * an index (`mkdocs serve` builds none) every word must occur in the practice's title, shown summary
 * or city, compared without case and accents.
 *
 * Meeting pack: each practice shown gets a tick box; "Afdrukken als vergaderpakket" fetches the page
 * of every ticked practice from this same site, builds one print view (a cover list with title, city
 * and address, then each practice) and opens the print dialog. The ticks live in sessionStorage, so
 * they survive a visit to a practice and back.
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
  var TEXT_PARAM = "zoek";
  var PACK_KEY = "kb-vergaderpakket";

  function Catalogue(form, list) {
    this.form = form;
    this.live = document.getElementById("kb-result-count");
    this.facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), readFacet);
    this.list = list;
    this.items = Array.prototype.map.call(list.querySelectorAll("li.kb-practice"), readItem, this);
    this.visible = null; // the items' elements now in the list, in order; null: the page's own list
    this.more = document.querySelector("[data-kb-more]");
    this.text = form.querySelector('input[name="' + TEXT_PARAM + '"]');
    this.words = []; // the text box's words, normalised
    this.found = null; // ids of the practices the search index finds for them; null: no answer (yet)
    this.textTicket = 0; // the latest question to the index: older answers are dropped
    this.noIndex = false; // true once the index is found missing (mkdocs serve): match the list itself
    this.toggle = document.querySelector("[data-kb-filters-toggle]");
    this.pack = new Pack(this);
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
    return { el: li, values: values, match: true, haystack: null, tick: null };
  }

  /* Lower case without accents: "Éénoudergezin" and "eenoudergezin" compare equal. */
  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function wordsOf(text) {
    var words = normalise(text).split(/\s+/);
    return words.filter(function (w) { return w.length > 0; });
  }

  /* The text a practice is found by: its title, city and shown summary, normalised once, when the
     first word is typed (not on page load). */
  function haystack(item) {
    if (item.haystack === null) item.haystack = normalise(item.el.textContent.replace(/\s+/g, " "));
    return item.haystack;
  }

  /* A practice's id: the last part of its page's path. */
  function practiceId(item) {
    if (item.id === undefined) {
      var link = item.el.querySelector("a");
      var path = link ? new URL(link.getAttribute("href"), window.location.href).pathname : "";
      item.id = path.replace(/\/$/, "").split("/").pop();
    }
    return item.id;
  }

  function matchesText(item, words, found) {
    if (found) return found.has(practiceId(item));
    var text = haystack(item);
    for (var w = 0; w < words.length; w++) if (text.indexOf(words[w]) === -1) return false;
    return true;
  }

  /* Read the text box and filter by it: with the search index's answer when there is an index (the
     list stays as it is until the answer comes), else on the list's own text at once. */
  Catalogue.prototype.applyText = function () {
    var self = this;
    var ticket = ++this.textTicket;
    var typed = this.text ? this.text.value.trim() : "";
    this.words = wordsOf(typed);
    if (!this.words.length || !window.kbSearch || this.noIndex) {
      this.found = null;
      this.apply();
      return;
    }
    window.kbSearch.practices(typed).then(function (ids) {
      if (ticket !== self.textTicket) return;
      self.found = ids;
      self.apply();
    }, function () {
      self.noIndex = true;
      if (ticket !== self.textTicket) return;
      self.found = null;
      self.apply();
    });
  };

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
    var words = this.words;
    for (var i = 0; i < this.items.length; i++) {
      var item = this.items[i], missed = -1, misses = 0;
      // The text is a filter on every facet's count too: a practice it excludes counts nowhere.
      if (words.length && !matchesText(item, words, this.found)) { item.match = false; continue; }
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
    for (i = k; i < next.length; i++) this.pack.decorate(next[i]);
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

  /* The "Filters" button says how many filters are on, so a folded form still shows that it filters. */
  Catalogue.prototype.updateToggle = function () {
    if (!this.toggle) return;
    var on = this.words.length ? 1 : 0;
    this.facets.forEach(function (facet) {
      facet.inputs.forEach(function (input) { if (input.checked) on++; });
    });
    setText(this.toggle, on ? "Filters (" + on + " actief)" : "Filters");
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
    if (this.text) this.text.value = params.get(TEXT_PARAM) || "";
    this.applyText();
    this.updateToggle();
  };

  Catalogue.prototype.writeUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var parts = [];
    this.facets.forEach(function (facet) { params.delete(facet.name); });
    params.delete(TEXT_PARAM);
    params.forEach(function (value, key) { parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value)); });
    this.facets.forEach(function (facet) {
      var ids = facet.inputs.filter(function (i) { return i.checked; }).map(function (i) { return encodeURIComponent(i.value); });
      if (ids.length) parts.push(facet.name + "=" + ids.join(","));
    });
    var typed = this.text ? this.text.value.trim() : "";
    if (typed) parts.push(TEXT_PARAM + "=" + encodeURIComponent(typed));
    var url = window.location.pathname + (parts.length ? "?" + parts.join("&") : "") + window.location.hash;
    // Keep history.state: Material's instant navigation stores its own data there.
    window.history.replaceState(window.history.state, "", url);
  };

  Catalogue.prototype.clear = function () {
    this.facets.forEach(function (facet) { facet.inputs.forEach(function (input) { input.checked = false; }); });
    if (this.text) this.text.value = "";
    this.applyText();
    this.updateToggle();
    this.writeUrl();
  };

  Catalogue.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("change", function (event) {
      if (event.target === self.text) return; // typed text is applied on "input"
      self.apply();
      self.writeUrl();
      self.updateToggle();
    });
    if (this.text) {
      this.text.addEventListener("focus", function () {
        if (window.kbSearch) window.kbSearch.warm();
      });
      this.text.addEventListener("input", function () {
        self.applyText();
        self.writeUrl();
        self.updateToggle();
      });
    }
    if (this.toggle) {
      this.toggle.addEventListener("click", function () {
        var open = self.toggle.getAttribute("aria-expanded") !== "true";
        self.toggle.setAttribute("aria-expanded", open ? "true" : "false");
        self.form.classList.toggle("kb-filters--open", open);
        if (open) {
          var first = self.form.querySelector("input");
          if (first) first.focus();
        }
      });
    }
    this.pack.bind();
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

  /* --- the meeting pack ---------------------------------------------------------------------- */

  function Pack(catalogue) {
    this.catalogue = catalogue;
    this.bar = document.querySelector("[data-kb-pack]");
    this.view = document.getElementById("kb-pack-view");
    this.ticked = readTicks();
  }

  function readTicks() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(PACK_KEY) || "[]");
      return Array.isArray(saved) ? saved.filter(function (x) { return typeof x === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  Pack.prototype.save = function () {
    try {
      window.sessionStorage.setItem(PACK_KEY, JSON.stringify(this.ticked));
    } catch (e) { /* private mode: the ticks last as long as the page */ }
  };

  /* A practice's key in the pack: the path of its page (Material's instant navigation may have made
     the link absolute). */
  function itemHref(li) {
    var link = li.querySelector("a");
    return link ? new URL(link.getAttribute("href"), window.location.href).pathname : "";
  }

  /* A tick box before the practice's link, made when the practice is first shown. */
  Pack.prototype.decorate = function (li) {
    if (!this.bar || li.querySelector(".kb-tick")) return;
    var link = li.querySelector("a");
    if (!link) return;
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "kb-tick";
    box.value = itemHref(li);
    box.checked = this.ticked.indexOf(box.value) !== -1;
    box.setAttribute("aria-label", "Voor het vergaderpakket: " + link.textContent);
    li.insertBefore(box, li.firstChild);
  };

  Pack.prototype.bind = function () {
    if (!this.bar) return;
    var self = this;
    this.catalogue.list.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.classList || !box.classList.contains("kb-tick")) return;
      var at = self.ticked.indexOf(box.value);
      if (box.checked && at === -1) self.ticked.push(box.value);
      if (!box.checked && at !== -1) self.ticked.splice(at, 1);
      self.save();
      self.update();
    });
    this.bar.querySelector("[data-kb-pack-print]").addEventListener("click", function () { self.open(); });
    this.bar.querySelector("[data-kb-pack-clear]").addEventListener("click", function () {
      self.ticked = [];
      self.save();
      Array.prototype.forEach.call(self.catalogue.list.querySelectorAll(".kb-tick"), function (box) {
        box.checked = false;
      });
      self.update();
    });
    if (this.view) {
      this.view.querySelector("[data-kb-pack-close]").addEventListener("click", function () { self.close(); });
      this.view.querySelector("[data-kb-pack-again]").addEventListener("click", function () { window.print(); });
    }
    this.update();
  };

  Pack.prototype.update = function () {
    var n = this.ticked.length;
    // Shown once a practice is ticked: on a phone an empty bar would push the list down.
    this.bar.hidden = n === 0;
    setText(this.bar.querySelector("[data-kb-pack-count]"),
      n === 0 ? "Geen praktijken aangevinkt" : n === 1 ? "1 praktijk aangevinkt" : n + " praktijken aangevinkt");
    this.bar.querySelector("[data-kb-pack-print]").disabled = n === 0;
    this.bar.querySelector("[data-kb-pack-clear]").disabled = n === 0;
  };

  /* The ticked practices in the list's order, each with its title, city and address. */
  Pack.prototype.chosen = function () {
    var ticked = this.ticked;
    return this.catalogue.items
      .filter(function (item) { return ticked.indexOf(itemHref(item.el)) !== -1; })
      .map(function (item) {
        var link = item.el.querySelector("a");
        var city = item.el.querySelector("small");
        return {
          title: link.textContent,
          city: city ? city.textContent : "",
          url: new URL(link.getAttribute("href"), window.location.href),
        };
      })
      .filter(function (practice) { return practice.url.origin === window.location.origin; });
  };

  /* Fetch every ticked practice's page (same site only), build the print view and print it. */
  Pack.prototype.open = function () {
    if (!this.view) return;
    var self = this;
    var chosen = this.chosen();
    var cover = this.view.querySelector("[data-kb-pack-cover]");
    var body = this.view.querySelector("[data-kb-pack-practices]");
    var status = this.view.querySelector("[data-kb-pack-status]");
    cover.replaceChildren.apply(cover, chosen.map(coverItem));
    body.replaceChildren();
    setText(status, "De pagina's van " + chosen.length + " praktijken worden geladen…");
    this.showView(true);
    Promise.all(chosen.map(function (practice) {
      return fetch(practice.url.href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (html) { return practiceSection(html, practice); })
        .catch(function () { return failedSection(practice); });
    })).then(function (sections) {
      body.replaceChildren.apply(body, sections);
      setText(status, chosen.length === 1 ? "1 praktijk." : chosen.length + " praktijken.");
      self.view.setAttribute("data-kb-pack-ready", "");
      window.print();
    });
  };

  function coverItem(practice) {
    var li = document.createElement("li");
    var title = document.createElement("strong");
    title.textContent = practice.title;
    var city = document.createTextNode(practice.city ? " (" + practice.city + ")" : "");
    var address = document.createElement("span");
    address.className = "kb-pack-address";
    address.textContent = practice.url.href;
    li.append(title, city, document.createElement("br"), address);
    return li;
  }

  /* The practice page's article, parsed (its scripts never run), without edit buttons and permalinks,
     with every link made absolute: the links were relative to the practice's own page. */
  function practiceSection(html, practice) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var article = doc.querySelector("article.md-content__inner");
    if (!article) return failedSection(practice);
    Array.prototype.forEach.call(
      article.querySelectorAll("script, style, iframe, object, embed, .md-content__button, .headerlink"),
      function (node) { node.remove(); }
    );
    Array.prototype.forEach.call(article.querySelectorAll("[href], [src]"), function (node) {
      ["href", "src"].forEach(function (name) {
        var value = node.getAttribute(name);
        if (value !== null) node.setAttribute(name, new URL(value, practice.url).href);
      });
    });
    // Ids would clash with the catalogue's own and with each other.
    Array.prototype.forEach.call(article.querySelectorAll("[id]"), function (node) { node.removeAttribute("id"); });
    var section = document.createElement("article");
    section.className = "kb-pack-practice";
    while (article.firstChild) section.appendChild(document.adoptNode(article.firstChild));
    var address = document.createElement("p");
    address.className = "kb-pack-address";
    address.textContent = practice.url.href;
    section.appendChild(address);
    return section;
  }

  function failedSection(practice) {
    var section = document.createElement("article");
    section.className = "kb-pack-practice";
    var p = document.createElement("p");
    p.textContent = "Kon " + practice.title + " niet laden; druk de pagina apart af: " + practice.url.href;
    section.appendChild(p);
    return section;
  }

  Pack.prototype.showView = function (open) {
    var article = this.view.closest("article") || document.body;
    article.classList.toggle("kb-pack-open", open);
    this.view.hidden = !open;
    if (open) {
      this.view.removeAttribute("data-kb-pack-ready");
      this.view.focus();
    }
  };

  Pack.prototype.close = function () {
    this.showView(false);
    var button = this.bar.querySelector("[data-kb-pack-print]");
    if (button) button.focus();
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
    var staticIntro = document.querySelector("[data-kb-intro-static]");
    var scriptIntro = document.querySelector("[data-kb-intro-script]");
    if (staticIntro && scriptIntro) {
      staticIntro.hidden = true;
      scriptIntro.hidden = false;
    }
    if (current.toggle) current.toggle.hidden = false;
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
