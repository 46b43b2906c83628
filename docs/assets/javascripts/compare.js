/*
 * Compare side by side: /vergelijk/?praktijken=a,b,c or ?steden=x,y (markup and data:
 * macros/pages/compare.py).
 *
 * The page fetches one small JSON file per chosen practice or municipality from this same site
 * (vergelijk/praktijken/<id>.json, vergelijk/steden/<id>.json) and builds one table: a column each,
 * a row per question. The short facts come first (municipality, size, centrumstad, province, period,
 * status); a fact that differs between the columns says "verschilt" in its row title, and "Alleen
 * de rijen die verschillen" hides the rest. The long rows follow (what, how, resources, results,
 * do's and don'ts, contact, sources); an empty cell says the sources do not mention it.
 *
 * The selection is the address: removing a column rewrites it (replaceState), so the address can be
 * mailed as it is. Everything from the files goes into the page as text (textContent), never as HTML;
 * a link is made only to a path of this site or to an http(s), mailto or tel address.
 *
 * Phone: the table scrolls sideways in its frame and the row titles stay at the left edge (CSS
 * position: sticky). Paper: print.css lays the table on a landscape A4 sheet, without the tools.
 *
 * Runs on every page (and after each of Material's instant navigations, `document$`); does nothing
 * off /vergelijk/.
 */
(function () {
  "use strict";
  if (window.kbCompare) return;

  var MAX = 4;
  var KINDS = {
    praktijken: { folder: "praktijken", noun: ["praktijk", "praktijken"] },
    steden: { folder: "steden", noun: ["gemeente", "gemeenten"] },
  };
  var ID = /^[a-z0-9][a-z0-9-]*$/;
  var cache = Object.create(null); // "kind/id" -> a promise of the data (or null when missing)

  /* The rows of a practice comparison: [title, cell maker, value compared for "verschilt" or null]. */
  var PRACTICE_FACTS = [
    ["Gemeente", function (d) { return link(d.municipality.url, d.municipality.name); }, function (d) { return d.municipality.name; }],
    ["Grootte", function (d) { return text(d.municipality.size); }, function (d) { return d.municipality.size; }],
    ["Centrum\u00adstad", function (d) { return text(d.municipality.centrumstad); }, function (d) { return d.municipality.centrumstad; }],
    ["Provincie", function (d) { return text(d.municipality.province); }, function (d) { return d.municipality.province; }],
    ["Periode", function (d) { return text(d.period); }, function (d) { return d.period; }],
    ["Status", function (d) { return text(d.status); }, function (d) { return d.state; }],
  ];
  var PRACTICE_ROWS = [
    ["Wat", function (d) { return paragraph(d.what); }],
    ["Hoe", function (d) { return list(d.how, "ol"); }],
    ["Middelen", function (d) { return labelled(d.resources); }],
    ["Resultaten", function (d) {
      return join([paragraphs(d.results), d.evaluation.length ? labelledParagraphs("Evaluatie", d.evaluation) : null]);
    }],
    ["Do's: wat werkt", function (d) { return list(d.dos, "ul"); }],
    ["Don'ts: valkuilen", function (d) { return list(d.donts, "ul"); }],
    ["Contact", function (d) { return contact(d.contact); }],
    ["Bronnen", function (d) { return sources(d.sources); }],
    ["Thema's", function (d) { return text(d.themes.join(", ")); }],
  ];
  var CITY_FACTS = [
    ["Provincie", function (d) { return text(d.province); }, function (d) { return d.province; }],
    ["Inwoners", function (d) { return text(d.population); }, function (d) { return d.population; }],
    ["Grootte", function (d) { return text(d.size); }, function (d) { return d.size; }],
    ["Centrum\u00adstad", function (d) { return text(d.centrumstad); }, function (d) { return d.centrumstad; }],
    ["Praktijken", function (d) { return text(String(d.practices.length)); }, function (d) { return String(d.practices.length); }],
    ["Lopende praktijken", function (d) { return text(String(d.running)); }, function (d) { return String(d.running); }],
  ];
  var CITY_ROWS = [
    ["Hun praktijken", function (d) {
      return list(d.practices.map(function (p) { return link(p.url, p.title); }), "ul");
    }],
    ["Thema's", function (d) { return list(d.themes, "ul"); }],
    ["Buitenlandse herkomst", function (d) { return text(d.foreign); }],
    ["Partnernetwerk", function (d) { return text(d.network); }],
    ["Contact", function (d) { return contact(d.contact); }],
    ["Bronnen", function (d) { return sources(d.sources); }],
  ];

  var root = null; // the site's root URL, from the page's own address (the page is <root>/vergelijk/)

  /* --- small builders: text only ------------------------------------------------------------- */

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (typeof content === "string") node.textContent = content;
    else if (content) node.appendChild(content);
    return node;
  }

  function text(value) {
    return value ? document.createTextNode(value) : null;
  }

  function paragraph(value) {
    return value ? el("p", "", value) : null;
  }

  function paragraphs(values) {
    if (!values || !values.length) return null;
    var fragment = document.createDocumentFragment();
    values.forEach(function (value) { fragment.appendChild(el("p", "", value)); });
    return fragment;
  }

  function labelledParagraphs(label, values) {
    var fragment = document.createDocumentFragment();
    values.forEach(function (value, i) {
      var p = el("p");
      if (i === 0) p.appendChild(el("strong", "", label + ": "));
      p.appendChild(document.createTextNode(value));
      fragment.appendChild(p);
    });
    return fragment;
  }

  function join(parts) {
    var found = parts.filter(Boolean);
    if (!found.length) return null;
    var fragment = document.createDocumentFragment();
    found.forEach(function (part) { fragment.appendChild(part); });
    return fragment;
  }

  function list(items, tag) {
    if (!items || !items.length) return null;
    var out = el(tag);
    items.forEach(function (item) {
      var li = el("li");
      if (typeof item === "string") li.textContent = item;
      else if (item) li.appendChild(item);
      out.appendChild(li);
    });
    return out;
  }

  function labelled(rows) {
    if (!rows || !rows.length) return null;
    return list(rows.map(function (row) {
      var fragment = document.createDocumentFragment();
      fragment.appendChild(el("strong", "", row[0] + ": "));
      fragment.appendChild(document.createTextNode(row[1]));
      return fragment;
    }), "ul");
  }

  /* A link to a page of this site (a path from the root) or to a safe address elsewhere. */
  function link(target, label) {
    var href = null;
    if (/^(https?:|mailto:|tel:)/i.test(target)) href = target;
    else if (/^[a-z0-9][a-z0-9/_-]*\/$/.test(target)) href = new URL(target, root).href;
    if (!href) return document.createTextNode(label);
    var a = el("a", "", label);
    a.href = href;
    if (/^https?:/i.test(target)) a.rel = "external";
    return a;
  }

  function contact(found) {
    if (!found) return null;
    var box = el("div", "kb-compare-contact");
    box.appendChild(el("p", "", el("strong", "", found.heading)));
    box.appendChild(list(found.rows.map(function (row) {
      var fragment = document.createDocumentFragment();
      fragment.appendChild(el("strong", "", row[0] + ": "));
      var value = row[1];
      if (row[0] === "E-mail") fragment.appendChild(link("mailto:" + value, value));
      else if (row[0] === "Telefoon") fragment.appendChild(link("tel:" + value.replace(/[^0-9+]/g, ""), value));
      else if (row[0] === "Webpagina") fragment.appendChild(link(value, value));
      else fragment.appendChild(document.createTextNode(value));
      return fragment;
    }), "ul"));
    if (found.seen) box.appendChild(el("p", "kb-seen", "Bron: " + found.seen + "."));
    return box;
  }

  function sources(found) {
    if (!found || !found.length) return null;
    return list(found.map(function (source) {
      var fragment = document.createDocumentFragment();
      fragment.appendChild(link(source.url, source.title));
      var extra = [source.by, source.year ? String(source.year) : ""].filter(Boolean).join(", ");
      if (extra) fragment.appendChild(document.createTextNode(" (" + extra + ")"));
      return fragment;
    }), "ol");
  }

  /* --- the page ------------------------------------------------------------------------------- */

  function chosen() {
    var params = new URLSearchParams(window.location.search);
    var kind = params.has("steden") && !params.has("praktijken") ? "steden" : "praktijken";
    var ids = [];
    (params.get(kind) || "").split(",").forEach(function (raw) {
      var id = raw.trim().toLowerCase();
      if (ID.test(id) && ids.indexOf(id) === -1 && ids.length < MAX) ids.push(id);
    });
    return { kind: kind, ids: ids };
  }

  function load(kind, id) {
    var key = kind + "/" + id;
    if (!cache[key]) {
      var url = new URL("vergelijk/" + KINDS[kind].folder + "/" + id + ".json", root);
      cache[key] = fetch(url.href, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    }
    return cache[key];
  }

  function Comparison(frame) {
    this.frame = frame;
    this.status = frame.querySelector("[data-kb-compare-status]");
    this.tools = frame.querySelector("[data-kb-compare-tools]");
    this.legend = frame.querySelector("[data-kb-compare-legend]");
    this.table = frame.querySelector("[data-kb-compare-table]");
    this.diff = frame.querySelector("[data-kb-compare-diff]");
    this.other = frame.querySelector("[data-kb-compare-other]");
    this.intro = document.querySelector("[data-kb-compare-static]");
  }

  Comparison.prototype.say = function (message) {
    if (this.status.textContent !== message) this.status.textContent = message;
  };

  Comparison.prototype.show = function () {
    var self = this;
    var selection = chosen();
    var noun = KINDS[selection.kind].noun;
    this.frame.hidden = false;
    if (selection.ids.length < 1) {
      this.intro.hidden = false;
      this.tools.hidden = true;
      this.legend.hidden = true;
      this.table.replaceChildren();
      this.say("Er is nog niets gekozen om te vergelijken.");
      return;
    }
    this.intro.hidden = true;
    this.say("De gegevens van " + selection.ids.length + " " + noun[selection.ids.length === 1 ? 0 : 1] + " worden geladen…");
    Promise.all(selection.ids.map(function (id) { return load(selection.kind, id); })).then(function (found) {
      var missing = selection.ids.filter(function (id, i) { return !found[i]; });
      var data = found.filter(Boolean);
      self.build(selection.kind, data);
      var message = data.length === 1
        ? "1 " + noun[0] + "; kies er nog een tot drie om te vergelijken."
        : data.length + " " + noun[1] + " naast elkaar.";
      if (missing.length) message += " Niet gevonden: " + missing.join(", ") + ".";
      self.say(message);
      self.frame.setAttribute("data-kb-compare-ready", "");
    });
  };

  Comparison.prototype.build = function (kind, data) {
    var self = this;
    var facts = kind === "steden" ? CITY_FACTS : PRACTICE_FACTS;
    var rows = kind === "steden" ? CITY_ROWS : PRACTICE_ROWS;
    var noun = KINDS[kind].noun;
    var table = this.table;
    table.replaceChildren();
    table.setAttribute("data-columns", String(data.length));
    table.appendChild(el("caption", "kb-visually-hidden",
      "Vergelijking van " + data.length + " " + noun[data.length === 1 ? 0 : 1] + ": " +
      data.map(function (d) { return d.title; }).join(", ")));
    var head = el("thead"), top = el("tr");
    top.appendChild(el("td", "kb-compare-corner"));
    data.forEach(function (d, column) {
      var th = el("th");
      th.scope = "col";
      th.appendChild(el("span", "kb-compare-title", link(d.url, d.title)));
      if (d.municipality) th.appendChild(el("span", "kb-compare-sub", d.municipality.name));
      var remove = el("button", "kb-compare-remove", "Weglaten");
      remove.type = "button";
      remove.setAttribute("aria-label", "Laat " + d.title + " weg uit de vergelijking");
      remove.addEventListener("click", function () { self.remove(kind, column); });
      th.appendChild(remove);
      top.appendChild(th);
    });
    head.appendChild(top);
    table.appendChild(head);
    var body = el("tbody");
    facts.forEach(function (row) { body.appendChild(self.row(row, data, true)); });
    rows.forEach(function (row) { body.appendChild(self.row(row, data, false)); });
    table.appendChild(body);
    this.tools.hidden = false;
    this.legend.hidden = false;
    this.onlyDifferences();
    this.otherLink(kind, data);
  };

  /* One row: its title, a cell per column; a fact row says whether the columns differ. */
  Comparison.prototype.row = function (definition, data, fact) {
    var tr = el("tr", fact ? "kb-compare-fact" : "kb-compare-long");
    var th = el("th");
    th.scope = "row";
    th.appendChild(el("span", "", definition[0]));
    var values = fact ? data.map(function (d) { return definition[2](d) || ""; }) : [];
    var differs = fact && data.length > 1 && values.some(function (v) { return v !== values[0]; });
    if (fact) {
      tr.classList.add(differs ? "kb-differs" : "kb-same");
      if (differs) th.appendChild(el("span", "kb-compare-badge", "verschilt"));
    }
    tr.appendChild(th);
    data.forEach(function (d) {
      var content = definition[1](d);
      var td = el("td");
      if (content) td.appendChild(content);
      else {
        td.className = "kb-compare-empty";
        td.appendChild(el("span", "", "—"));
        td.appendChild(el("span", "kb-visually-hidden", "niet vermeld in de bronnen"));
      }
      tr.appendChild(td);
    });
    return tr;
  };

  Comparison.prototype.onlyDifferences = function () {
    this.table.classList.toggle("kb-compare-only-diff", !!(this.diff && this.diff.checked));
  };

  /* From practices to their municipalities, when they are two to four different ones. */
  Comparison.prototype.otherLink = function (kind, data) {
    if (!this.other) return;
    var ids = [];
    if (kind === "praktijken") {
      data.forEach(function (d) {
        if (d.municipality && ids.indexOf(d.municipality.id) === -1) ids.push(d.municipality.id);
      });
    }
    var usable = ids.length >= 2 && ids.length <= MAX && ids.every(function (id) { return ID.test(id); });
    this.other.hidden = !usable;
    if (usable) this.other.href = "?steden=" + ids.join(",");
  };

  Comparison.prototype.remove = function (kind, column) {
    var selection = chosen();
    selection.ids.splice(column, 1);
    var params = new URLSearchParams(window.location.search);
    if (selection.ids.length) params.set(kind, selection.ids.join(","));
    else params.delete(kind);
    var search = params.toString().replace(/%2C/g, ",");
    // Keep history.state: Material's instant navigation stores its own data there.
    window.history.replaceState(window.history.state, "", window.location.pathname + (search ? "?" + search : ""));
    this.show();
    var first = this.table.querySelector("thead a");
    if (first) first.focus();
  };

  Comparison.prototype.bind = function () {
    var self = this;
    if (this.diff) this.diff.addEventListener("change", function () { self.onlyDifferences(); });
    var print = this.frame.querySelector("[data-kb-compare-print]");
    if (print) print.addEventListener("click", function () { window.print(); });
  };

  function setUp() {
    var frame = document.querySelector("[data-kb-compare-page]");
    if (!frame) return;
    root = new URL("../", window.location.href);
    if (!frame.kbComparison) {
      frame.kbComparison = new Comparison(frame);
      frame.kbComparison.bind();
    }
    frame.kbComparison.show();
  }

  window.kbCompare = { setUp: setUp };
  window.addEventListener("popstate", function () {
    var frame = document.querySelector("[data-kb-compare-page]");
    if (frame && frame.kbComparison) frame.kbComparison.show();
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
