// Site search over the Pagefind index in site/pagefind/ (markup: overrides/partials/search.html).
// Pagefind's own UI costs ~135 KB before the first result; this small UI over its search API keeps a
// page load free of index bytes and a first query well under 300 KB. The index is loaded on the first
// keystroke or focus, never on page load. Pagefind's web worker is skipped: it would add ~40 KB.
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
  var pagefind = null;
  var timer = 0;
  var latest = 0;
  root.hidden = false;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (module) {
        return module.options({ noWorker: true, baseUrl: siteRoot, excerptLength: 24 }).then(function () {
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
    var excerpt = document.createElement("p");
    excerpt.className = "kb-search__excerpt";
    excerptNodes(data.excerpt).forEach(function (node) {
      excerpt.appendChild(node);
    });
    item.append(link, excerpt);
    return item;
  }

  function summary(count, query) {
    if (count === 0) return "Geen resultaten voor \u201c" + query + "\u201d.";
    var shown = count > MAX_RESULTS ? ", de eerste " + MAX_RESULTS + " staan hieronder" : "";
    return (count === 1 ? "1 resultaat" : count + " resultaten") + " voor \u201c" + query + "\u201d" + shown + ".";
  }

  function run(query) {
    var ticket = ++latest;
    if (!query) {
      show(false);
      list.replaceChildren();
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
          list.replaceChildren.apply(list, data.map(resultItem));
          status.textContent = summary(search.results.length, query);
          show(true);
        });
      })
      .catch(function () {
        if (ticket !== latest) return;
        list.replaceChildren();
        // `mkdocs serve` builds no search index; only `make build` does.
        status.textContent = "Zoeken werkt alleen in de gebouwde site (make build), niet in mkdocs serve.";
        show(true);
      });
  }

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
