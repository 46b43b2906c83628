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
 * Facts, sorting and the table: each practice carries its facts as data (size class, centrumstad,
 * province, start year, status as of its newest source, last confirmation, contact: see
 * macros/pages/facts.py); the script writes them as one line under each practice it shows, sorts by
 * name, start year or last confirmation (`?sorteer=`; practices without that year come last, by
 * name) and shows the same practices, in the same batches, as a table (`?weergave=tabel`) with a
 * caption that names the filters, which prints. Printing the table shows every match first.
 *
 * Compare: with two to four practices ticked, "Vergelijken" opens /vergelijk/?praktijken=a,b,c in
 * the order they were ticked (compare.js).
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
  var SORT_PARAM = "sorteer";
  var VIEW_PARAM = "weergave";
  var PACK_KEY = "kb-vergaderpakket";
  var COMPARE_MIN = 2, COMPARE_MAX = 4;
  var STATUS_WORDS = { lopend: "lopend", afgerond: "afgerond", onbekend: "onbekend" };
  var CONTACT_WORDS = { eigen: "eigen contact", gemeente: "contact via de gemeente", "": "geen contact" };
  var CONTACT_CELLS = { eigen: "eigen", gemeente: "via de gemeente", "": "geen" };

  function Catalogue(form, list) {
    this.form = form;
    this.live = document.getElementById("kb-result-count");
    this.facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), readFacet);
    this.list = list;
    this.items = Array.prototype.map.call(list.querySelectorAll("li.kb-practice"), readItem, this);
    this.items.forEach(function (item, i) { item.index = i; });
    this.labels = readLabels(this.facets);
    this.visible = null; // the items' elements now in the list, in order; null: the page's own list
    this.sort = "naam";
    this.sortSelect = document.querySelector("[data-kb-sort]");
    this.orders = Object.create(null); // sort key -> the items in that order, made when first asked
    this.view = "lijst";
    this.tools = document.querySelector("[data-kb-view-tools]");
    this.tableWrap = document.querySelector("[data-kb-table-wrap]");
    this.table = this.tableWrap ? this.tableWrap.querySelector("table") : null;
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
    return { el: li, values: values, match: true, haystack: null, tick: null, row: null, facts: false };
  }

  /* Facet value -> its label in the form (the label's own text, without hint or count). */
  function readLabels(facets) {
    var labels = Object.create(null);
    facets.forEach(function (facet) {
      var own = labels[facet.name] = Object.create(null);
      facet.inputs.forEach(function (input) {
        var label = input.closest("label");
        var text = label && label.querySelector(".kb-label");
        own[input.value] = text && text.firstChild ? text.firstChild.textContent.trim() : input.value;
      });
    });
    return labels;
  }

  /* What the list shows of a practice besides its title, city and summary, from its data. */
  Catalogue.prototype.factsOf = function (li) {
    var labels = this.labels;
    function label(facet) {
      var value = li.getAttribute("data-" + facet) || "";
      return value && labels[facet] ? labels[facet][value] || value : "";
    }
    var status = li.getAttribute("data-status") || "onbekend";
    var confirmed = li.getAttribute("data-bevestigd") || "";
    var statusText = STATUS_WORDS[status] || status;
    if (confirmed && status === "lopend") statusText += ", bevestigd in " + confirmed;
    if (confirmed && status === "onbekend") statusText += ", laatst bevestigd in " + confirmed;
    var start = li.getAttribute("data-start") || "";
    return {
      size: label("grootte"),
      centrumstad: li.hasAttribute("data-centrumstad"),
      province: label("provincie"),
      start: start,
      status: statusText,
      state: STATUS_WORDS[status] || status,
      confirmed: confirmed,
      contact: li.getAttribute("data-contact") || "",
    };
  };

  /* The facts as one line under the practice, written when it is first shown (the list's HTML would
     be a third heavier with it, macros/pages/catalogue.py). */
  Catalogue.prototype.writeFacts = function (item) {
    if (item.facts) return;
    item.facts = true;
    var f = this.factsOf(item.el);
    var parts = [f.size, f.centrumstad ? "centrumstad" : "", f.province, f.start ? "start " + f.start : "",
      f.status, CONTACT_WORDS[f.contact] || ""];
    var line = document.createElement("p");
    line.className = "kb-facts";
    line.textContent = parts.filter(Boolean).join(" · ");
    item.el.appendChild(line);
  };

  /* The practice as a table row, made when it is first shown in the table. */
  Catalogue.prototype.rowOf = function (item) {
    if (item.row) return item.row;
    var f = this.factsOf(item.el);
    var row = document.createElement("tr");
    row.appendChild(document.createElement("td")); // the tick box (Pack.decorate)
    var head = document.createElement("th");
    head.scope = "row";
    var link = item.el.querySelector("a");
    head.appendChild(link.cloneNode(true));
    row.appendChild(head);
    var city = item.el.querySelector("small");
    [(city ? city.textContent : "") + (f.centrumstad ? ", centrumstad" : ""), f.size, f.province, f.start,
      f.state + (f.confirmed ? " (" + f.confirmed + ")" : ""), CONTACT_CELLS[f.contact] || ""].forEach(function (text) {
      var cell = document.createElement("td");
      cell.textContent = text;
      row.appendChild(cell);
    });
    row.kbItem = item;
    item.row = row;
    return row;
  };

  /* The items in the chosen order: the list's own (by name), or by a year, those without it last. */
  Catalogue.prototype.ordered = function () {
    var key = this.sort;
    if (key === "naam" || !key) return this.items;
    if (this.orders[key]) return this.orders[key];
    var attribute = key === "bevestigd" ? "data-bevestigd" : "data-start";
    var newestFirst = key !== "start";
    var sorted = this.items.slice().sort(function (a, b) {
      var x = a.el.getAttribute(attribute) || "", y = b.el.getAttribute(attribute) || "";
      if (x !== y) {
        if (!x) return 1;
        if (!y) return -1;
        return (x < y ? -1 : 1) * (newestFirst ? -1 : 1);
      }
      return a.index - b.index;
    });
    this.orders[key] = sorted;
    return sorted;
  };

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
    if (item.haystack === null) item.haystack = normalise(ownText(item.el).replace(/\s+/g, " "));
    return item.haystack;
  }

  /* The practice's text as the server wrote it: not the facts line the script adds. */
  function ownText(li) {
    var text = "";
    for (var node = li.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1 && node.classList.contains("kb-facts")) continue;
      text += node.textContent;
    }
    return text;
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
    var table = this.view === "tabel" && this.table;
    var order = this.ordered();
    for (var i = 0; i < order.length; i++) {
      var item = order[i], missed = -1, misses = 0;
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
      if (item.match && shown <= this.limit) visible.push(table ? this.rowOf(item) : item.el);
    }
    this.render(visible);
    this.caption(shown);
    this.matched = shown;
    this.writeCounts(counts);
    this.announce(shown);
    this.updateMore();
    this.lastMs = performance.now() - started;
    return shown;
  };

  /* Put `next` in the list with the fewest node moves: keep the common start, replace the rest. */
  Catalogue.prototype.render = function (next) {
    var list = this.view === "tabel" && this.table ? this.table.tBodies[0] : this.list;
    var old = this.visible, k = 0, i;
    if (old === null) {
      this.list.textContent = ""; // the server's full list (and the white space between its items)
      if (this.table) this.table.tBodies[0].textContent = "";
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
    for (i = k; i < next.length; i++) {
      if (next[i].kbItem === undefined) this.writeFacts(this.itemOf(next[i]));
      this.pack.decorate(next[i]);
    }
  };

  Catalogue.prototype.itemOf = function (node) {
    if (node.kbItem) return node.kbItem;
    if (!this.byElement) {
      this.byElement = new Map();
      this.items.forEach(function (item) { this.byElement.set(item.el, item); }, this);
    }
    return this.byElement.get(node);
  };

  /* List or table: the other one is emptied, and the same practices go into the one chosen. */
  Catalogue.prototype.setView = function (view) {
    if (!this.table) view = "lijst";
    if (view === this.view) return;
    var old = this.view === "tabel" ? this.table.tBodies[0] : this.list;
    (this.visible || []).forEach(function (node) { if (node.parentNode === old) old.removeChild(node); });
    if (this.visible === null) this.list.textContent = "";
    this.visible = [];
    this.view = view;
    this.showView();
    this.apply(true);
  };

  Catalogue.prototype.showView = function () {
    var table = this.view === "tabel";
    this.list.hidden = table;
    if (this.tableWrap) this.tableWrap.hidden = !table;
    if (this.tools) {
      Array.prototype.forEach.call(this.tools.querySelectorAll("[data-kb-view]"), function (button) {
        button.setAttribute("aria-pressed", button.getAttribute("data-kb-view") === (table ? "tabel" : "lijst") ? "true" : "false");
      });
      var print = this.tools.querySelector("[data-kb-table-print]");
      if (print) print.hidden = !table;
    }
  };

  /* The table's caption names what it shows, so a printed table says which filters made it. */
  Catalogue.prototype.caption = function (shown) {
    if (!this.table || this.view !== "tabel") return;
    var parts = [];
    this.facets.forEach(function (facet) {
      var chosen = facet.inputs.filter(function (input) { return input.checked; });
      if (!chosen.length) return;
      var legend = facet.inputs[0].closest("fieldset").querySelector("legend");
      parts.push((legend ? legend.textContent : facet.name) + ": " +
        chosen.map(function (input) { return this.labels[facet.name][input.value]; }, this).join(" of "));
    }, this);
    if (this.words.length) parts.push("met de woorden " + this.text.value.trim());
    var sort = this.sortSelect ? this.sortSelect.options[this.sortSelect.selectedIndex] : null;
    var text = (shown === 1 ? "1 praktijk" : shown + " praktijken") +
      (parts.length ? "; " + parts.join("; ") : "; alle praktijken") +
      (sort ? "; volgorde: " + sort.textContent.toLowerCase() : "");
    setText(this.table.caption, text);
  };

  /* Before printing the table, every match goes in it: a printed table is the whole answer. */
  Catalogue.prototype.printTable = function () {
    if (this.view !== "tabel") return;
    if (this.limit < this.matched) {
      this.limit = Infinity;
      this.apply(true);
    }
  };

  /* Reveal the next batch (or every match) and move focus to the first practice it revealed, so a
     keyboard user reads on where the new items start. */
  Catalogue.prototype.showMore = function (all) {
    var first = this.limit;
    this.limit = all ? Infinity : this.limit + PAGE;
    this.apply(true);
    var order = this.ordered();
    for (var i = 0, rank = 0; i < order.length; i++) {
      if (!order[i].match) continue;
      if (rank++ === first) {
        var link = (this.view === "tabel" && order[i].row ? order[i].row : order[i].el).querySelector("a");
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
    var sort = params.get(SORT_PARAM) || "naam";
    if (this.sortSelect) {
      var known = Array.prototype.some.call(this.sortSelect.options, function (o) { return o.value === sort; });
      this.sort = known ? sort : "naam";
      this.sortSelect.value = this.sort;
    }
    var view = params.get(VIEW_PARAM) === "tabel" && this.table ? "tabel" : "lijst";
    if (view !== this.view) {
      if (this.visible) {
        var old = this.view === "tabel" ? this.table.tBodies[0] : this.list;
        this.visible.forEach(function (node) { if (node.parentNode === old) old.removeChild(node); });
        this.visible = [];
      }
      this.view = view;
    }
    this.showView();
    this.applyText();
    this.updateToggle();
  };

  Catalogue.prototype.writeUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var parts = [];
    this.facets.forEach(function (facet) { params.delete(facet.name); });
    params.delete(TEXT_PARAM);
    params.delete(SORT_PARAM);
    params.delete(VIEW_PARAM);
    params.forEach(function (value, key) { parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value)); });
    this.facets.forEach(function (facet) {
      var ids = facet.inputs.filter(function (i) { return i.checked; }).map(function (i) { return encodeURIComponent(i.value); });
      if (ids.length) parts.push(facet.name + "=" + ids.join(","));
    });
    var typed = this.text ? this.text.value.trim() : "";
    if (typed) parts.push(TEXT_PARAM + "=" + encodeURIComponent(typed));
    if (this.sort && this.sort !== "naam") parts.push(SORT_PARAM + "=" + encodeURIComponent(this.sort));
    if (this.view === "tabel") parts.push(VIEW_PARAM + "=tabel");
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
    if (this.sortSelect) {
      this.sortSelect.addEventListener("change", function () {
        self.sort = self.sortSelect.value;
        self.apply();
        self.writeUrl();
      });
    }
    if (this.tools) {
      this.tools.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.hasAttribute("data-kb-view")) {
          self.setView(button.getAttribute("data-kb-view"));
          self.writeUrl();
        } else if (button.hasAttribute("data-kb-table-print")) {
          self.printTable();
          window.print();
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

  /* A tick box before the practice's link (in the table: in the row's first cell), made when the
     practice is first shown. */
  Pack.prototype.decorate = function (node) {
    if (!this.bar || node.querySelector(".kb-tick")) return;
    var link = node.querySelector("a");
    if (!link) return;
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "kb-tick";
    box.value = itemHref(node);
    box.checked = this.ticked.indexOf(box.value) !== -1;
    box.setAttribute("aria-label", "Kies om te vergelijken of af te drukken: " + link.textContent);
    if (node.tagName === "TR") node.cells[0].appendChild(box);
    else node.insertBefore(box, node.firstChild);
  };

  /* Every tick box made so far, in the list and in the table. */
  Pack.prototype.boxes = function () {
    var root = this.catalogue.list.parentNode;
    return Array.prototype.slice.call(root.querySelectorAll("#kb-catalogue .kb-tick, [data-kb-table] .kb-tick"));
  };

  Pack.prototype.bind = function () {
    if (!this.bar) return;
    var self = this;
    function changed(event) {
      var box = event.target;
      if (!box.classList || !box.classList.contains("kb-tick")) return;
      var at = self.ticked.indexOf(box.value);
      if (box.checked && at === -1) self.ticked.push(box.value);
      if (!box.checked && at !== -1) self.ticked.splice(at, 1);
      // The same practice's box in the other view follows.
      self.boxes().forEach(function (other) { if (other.value === box.value) other.checked = box.checked; });
      self.save();
      self.update();
    }
    this.catalogue.list.addEventListener("change", changed);
    if (this.catalogue.table) this.catalogue.table.addEventListener("change", changed);
    var compare = this.bar.querySelector("[data-kb-compare]");
    if (compare) compare.addEventListener("click", function () { self.compare(); });
    this.bar.querySelector("[data-kb-pack-print]").addEventListener("click", function () { self.open(); });
    this.bar.querySelector("[data-kb-pack-clear]").addEventListener("click", function () {
      self.ticked = [];
      self.save();
      self.boxes().forEach(function (box) { box.checked = false; });
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
    var compare = this.bar.querySelector("[data-kb-compare]");
    if (compare) compare.disabled = n < COMPARE_MIN || n > COMPARE_MAX;
  };

  /* The comparison page of the ticked practices, in the order they were ticked: its URL holds the
     selection, so it can be mailed. */
  Pack.prototype.compareUrl = function () {
    var ids = this.ticked.map(function (path) { return path.replace(/\/+$/, "").split("/").pop(); });
    var page = new URL("../vergelijk/", window.location.href);
    return page.pathname + "?praktijken=" + ids.map(encodeURIComponent).join(",");
  };

  Pack.prototype.compare = function () {
    var n = this.ticked.length;
    if (n < COMPARE_MIN || n > COMPARE_MAX) return;
    window.location.assign(this.compareUrl());
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
    if (current.tools) current.tools.hidden = false;
    form.hidden = false;
    current.restore();
  }

  window.addEventListener("beforeprint", function () {
    if (current && document.body.contains(current.form)) current.printTable();
  });

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
