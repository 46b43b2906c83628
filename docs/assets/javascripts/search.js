// Site search over the Pagefind index in site/pagefind/ (markup: overrides/partials/search.html).
// Pagefind's own UI costs ~135 KB before the first result; this small UI over its search API keeps a
// page load free of index bytes and a first query well under 300 KB. The index is loaded on the first
// keystroke or focus, never on page load. Pagefind's web worker is skipped: it would add ~40 KB.
//
// Each result says what it is and, for practices and cities, which city (the pages' `soort` and `stad`
// metadata, macros/search_index.py). Results come MAX_RESULTS at a time, with "Toon meer" for the
// next ones. Ranking: record titles weigh more than body text (the pages' data-pagefind-weight);
// pageLength is lowered from Pagefind's 0.75 because a city's page is long, and long pages lost to
// short source pages whose headline names the city; and among the results loaded, a title that is
// exactly the query ("Mechelen") comes first, since Pagefind's score cannot tell an exact title.
(function () {
  "use strict";
  var root = document.querySelector(".kb-search");
  if (!root) return;
  var input = root.querySelector(".kb-search__input");
  var panel = root.querySelector(".kb-search__panel");
  var status = root.querySelector(".kb-search__status");
  var list = root.querySelector(".kb-search__list");
  // Resolved once: the header survives Material's instant navigation, the page URL does not.
  var bundle = new URL(root.getAttribute("data-kb-bundle"), location.href);
  var siteRoot = bundle.pathname.replace(/pagefind\/$/, "");
  var MAX_RESULTS = 8;
  var RANKING = { pageLength: 0.3 };
  var pagefind = null;
  var timer = 0;
  var latest = 0;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "kb-search__more";
  more.hidden = true;
  panel.appendChild(more);
  var state = null; // { query, results, shown, ticket } of the results on screen
  root.hidden = false;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (module) {
        var options = { noWorker: true, baseUrl: siteRoot, excerptLength: 24, ranking: RANKING };
        return module.options(options).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  function show(open) {
    panel.hidden = !open;
  }

  // Pagefind's excerpt is escaped page text with <mark> around matches; keep only text and <mark>.
  function excerptNodes(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var nodes = [];
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent || ""));
      }
    });
    return nodes;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.className = "kb-search__link";
    link.textContent = (data.meta && data.meta.title) || data.url;
    var label = document.createElement("span");
    label.className = "kb-search__kind";
    label.textContent = labelOf(data.meta || {});
    var excerpt = document.createElement("p");
    excerpt.className = "kb-search__excerpt";
    excerptNodes(data.excerpt).forEach(function (node) {
      excerpt.appendChild(node);
    });
    item.append(link, " ", label, excerpt);
    return item;
  }

  // "praktijk · Mechelen", "stad · Gent", "bron"; hand-written pages carry no metadata.
  function labelOf(meta) {
    var kind = meta.soort || "pagina";
    return meta.stad ? kind + " \u00b7 " + meta.stad : kind;
  }

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  // Stable: an exact title first, the rest in Pagefind's order.
  function exactFirst(data, query) {
    var wanted = normalise(query);
    var exact = data.filter(function (d) { return normalise((d.meta && d.meta.title) || "") === wanted; });
    return exact.concat(data.filter(function (d) { return exact.indexOf(d) === -1; }));
  }

  function summary(count, query, shownCount) {
    if (count === 0) return "Geen resultaten voor \u201c" + query + "\u201d.";
    var shown = count > shownCount ? ", de eerste " + shownCount + " staan hieronder" : "";
    return (count === 1 ? "1 resultaat" : count + " resultaten") + " voor \u201c" + query + "\u201d" + shown + ".";
  }

  function updateMore() {
    var rest = state ? state.results.length - state.shown : 0;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = "Toon meer (" + Math.min(rest, MAX_RESULTS) + " van de " + rest + " andere)";
  }

  // The next MAX_RESULTS results, loaded only now (each result's data is a small fetch).
  function showMore() {
    if (!state) return;
    var current = state;
    var next = current.results.slice(current.shown, current.shown + MAX_RESULTS);
    Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (state !== current) return;
      var items = data.map(resultItem);
      list.append.apply(list, items);
      current.shown += next.length;
      status.textContent = summary(current.results.length, current.query, current.shown);
      updateMore();
      var link = items.length && items[0].querySelector("a");
      if (link) link.focus();
    });
  }

  function run(query) {
    var ticket = ++latest;
    if (!query) {
      show(false);
      list.replaceChildren();
      state = null;
      updateMore();
      return;
    }
    load()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (search) {
        var top = search.results.slice(0, MAX_RESULTS);
        return Promise.all(top.map(function (r) { return r.data(); })).then(function (data) {
          if (ticket !== latest) return;
          list.replaceChildren.apply(list, exactFirst(data, query).map(resultItem));
          state = { query: query, results: search.results, shown: top.length };
          status.textContent = summary(search.results.length, query, top.length);
          updateMore();
          show(true);
        });
      })
      .catch(function () {
        if (ticket !== latest) return;
        list.replaceChildren();
        state = null;
        updateMore();
        // `mkdocs serve` builds no search index; only `make build` does.
        status.textContent = "Zoeken werkt alleen in de gebouwde site (make build), niet in mkdocs serve.";
        show(true);
      });
  }

  more.addEventListener("click", showMore);
  input.addEventListener("focus", function () {
    load().catch(function () {});
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    timer = setTimeout(function () { run(query); }, 150);
  });
  root.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      show(false);
      input.focus();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    }
  });
  // Following a result (instant navigation keeps the header) or clicking elsewhere closes the panel.
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) show(false);
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(event.target)) show(false);
  });
})();
