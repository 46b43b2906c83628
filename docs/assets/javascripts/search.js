// Site search over the Pagefind index in site/pagefind/ (markup: overrides/partials/search.html).
// Pagefind's own UI costs ~135 KB before the first result; this small UI over its search API keeps a
// page load free of index bytes and a first query well under 300 KB. The index is loaded on the first
// keystroke or focus, never on page load. Pagefind's web worker is skipped: it would add ~40 KB.
//
// Each result says what it is and, for practices and cities, which city (the pages' `soort` and `stad`
// metadata, macros/search_index.py). Results come MAX_RESULTS at a time, with "Toon meer" for the
// next ones.
//
// What a page is indexed on is decided when it is made (macros/html/structure.py): its own text, not
// the lists of other records on it nor boilerplate. Here, at query time:
//
// - Synonyms. Each word of the query that is in a pair of search-synonyms.json (beside this file) is
//   also searched as the other word of its pair ("buddies" as "buddy", "duo", "buddywerking"), and the
//   results are merged, each page with its best score. At query time rather than at index time: the
//   index and the snippets keep the words a page really uses, the list can change without touching a
//   page, and the catalogue's text box (catalogue.js, through `window.kbSearch`) gets the same words.
// - Order. Every result of a lower rank comes before any of a higher one (the page's `rang` filter,
//   Kind.search_rank in macros/records/kinds.py: practices, then municipalities, then organisations
//   and networks, then overviews and hand-written pages, vocabulary, sources), Pagefind's score within
//   a rank. Before all of them: a page whose title is exactly the query ("Mechelen"), which Pagefind's
//   score cannot tell from a title that only contains it. Record titles weigh more than body text
//   (data-pagefind-weight), and pageLength is lowered from Pagefind's 0.75, because a city's page is
//   long and lost to short pages whose headline names the city.
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
  var script = document.currentScript;
  var synonymsUrl = new URL("search-synonyms.json", script ? script.src : location.href);
  var MAX_RESULTS = 8;
  var RANKING = { pageLength: 0.3 };
  var UNRANKED = 5; // pages without a rank (hand-written ones): macros/search_index.OTHER_RANK
  var MAX_VARIANTS = 8; // searches per query, the query as typed included
  var EXACT_CANDIDATES = 8; // results whose title matched, loaded to find an exact title
  var loading = null;
  var filtersLoaded = null;
  // Pagefind loads the chunks of the filters (`rang`, `praktijk`) only when asked. A search that runs
  // before they are in counts its filters over what has arrived, so the same words found a practice
  // on one page load and not on the next (24 or 25 practices for "buddies"). Every search waits for
  // them first.
  function withFilters(index) {
    if (!filtersLoaded) filtersLoaded = index.pagefind.filters();
    return filtersLoaded.then(function () { return index; });
  }
  // Pagefind searches the index chunks it has loaded, and a word's prefix can reach into a chunk that
  // another word loads ("buddy" finds "buddysysteem" once that chunk is in). Run concurrently, the
  // searches of one query saw each other's chunks or not by chance: "buddy" found one practice more on
  // some page loads. So the chunks of every variant are loaded before the first search runs.
  function withChunks(index, queries) {
    return Promise.all(queries.map(function (q) { return index.pagefind.preload(q); })).then(function () {
      return queries;
    });
  }
  var timer = 0;
  var latest = 0;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "kb-search__more";
  more.hidden = true;
  panel.appendChild(more);
  var state = null; // { query, results, shown } of the results on screen
  root.hidden = false;

  /* --- the index: Pagefind, the synonyms, each page's rank ----------------------------------- */

  // One promise for the life of the page: { pagefind, groups }. Rejects without an index.
  function load() {
    if (!loading) {
      var pagefind = import(bundle.href + "pagefind.js").then(function (module) {
        var options = { noWorker: true, baseUrl: siteRoot, excerptLength: 24, ranking: RANKING };
        return module.options(options).then(function () {
          return module;
        });
      });
      loading = Promise.all([pagefind, loadSynonyms()]).then(function (parts) {
        return { pagefind: parts[0], groups: parts[1] };
      });
    }
    return loading;
  }

  // A query's results, each with its page's rank. Pagefind tells a result's filters only with its
  // data (a fetch per result), so the query runs once per rank that its results have, with that rank
  // as filter: the first run, for rank 0, also counts the results of every rank (`totalFilters`),
  // and loads nothing but the query's index chunks and the small `rang` filter. (A filter-only search
  // would map every page to its rank once, but it loads the whole index.) Pages without a rank, the
  // hand-written ones, are the results of the plain query that no ranked run found.
  function rankedSearch(pagefind, query) {
    return pagefind.search(query, { filters: { rang: "0" } }).then(function (first) {
      var counts = (first.totalFilters && first.totalFilters.rang) || {};
      var ranks = Object.keys(counts).filter(function (r) { return r !== "0" && counts[r] > 0; });
      var ranked = Object.keys(counts).reduce(function (sum, r) { return sum + counts[r]; }, 0);
      var runs = ranks.map(function (r) { return pagefind.search(query, { filters: { rang: r } }); });
      if (first.unfilteredResultCount > ranked) runs.push(pagefind.search(query));
      return Promise.all(runs).then(function (more) {
        var seen = new Set();
        var results = [];
        [first].concat(more).forEach(function (search, n) {
          var rank = n === 0 ? 0 : n <= ranks.length ? Number(ranks[n - 1]) : UNRANKED;
          search.results.forEach(function (result) {
            if (seen.has(result.id)) return;
            seen.add(result.id);
            results.push({ result: result, rank: rank });
          });
        });
        return results;
      });
    });
  }

  // The pairs as groups of words that stand for each other (pairs that share a word join), each word
  // normalised and split into its words. Without the file, search works without synonyms.
  function loadSynonyms() {
    return fetch(synonymsUrl.href)
      .then(function (response) { return response.ok ? response.json() : { paren: [] }; })
      .catch(function () { return { paren: [] }; })
      .then(function (data) {
        var groups = [];
        (data.paren || []).forEach(function (pair) {
          var forms = pair.woorden.map(function (w) { return words(w).join(" "); });
          var joined = groups.filter(function (g) {
            return forms.some(function (f) { return g.indexOf(f) !== -1; });
          });
          var merged = forms.slice();
          joined.forEach(function (g) {
            g.forEach(function (f) { if (merged.indexOf(f) === -1) merged.push(f); });
            groups.splice(groups.indexOf(g), 1);
          });
          groups.push(merged);
        });
        return groups.map(function (g) { return g.map(function (f) { return f.split(" "); }); });
      });
  }

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  // Lower case, without accents or apostrophes ("buddy's" is "buddys").
  function words(text) {
    return normalise(text).replace(/['\u2019]/g, "").split(/[\s]+/).filter(function (w) { return w; });
  }

  // A query word stands for a synonym's word when it is that word or that word with up to two
  // letters more ("inburgeraars", "duo's").
  function wordMatches(typed, form) {
    return typed === form || (typed.indexOf(form) === 0 && typed.length - form.length <= 2);
  }

  // The synonym form (and its group) that starts at word `at`, the longest first.
  function formAt(typed, at, groups) {
    var best = null;
    groups.forEach(function (group) {
      group.forEach(function (form) {
        if (at + form.length > typed.length) return;
        for (var k = 0; k < form.length; k++) {
          var last = k === form.length - 1;
          if (last ? !wordMatches(typed[at + k], form[k]) : typed[at + k] !== form[k]) return;
        }
        var size = form.join(" ").length;
        if (!best || size > best.size) best = { form: form, group: group, size: size };
      });
    });
    return best;
  }

  // The queries to run: the query as typed first, then each with synonyms in place of its words, at
  // most MAX_VARIANTS in all. A variant that is one synonym of several words is searched as a phrase
  // ("sociaal huis", in quotes), else its words would match anywhere on a page.
  function variants(query, groups) {
    var typed = words(query);
    var slots = [];
    for (var at = 0; at < typed.length; ) {
      var hit = formAt(typed, at, groups);
      var length = hit ? hit.form.length : 1;
      var own = typed.slice(at, at + length);
      var others = hit ? hit.group.filter(function (f) { return f !== hit.form; }) : [];
      slots.push([own].concat(others));
      at += length;
    }
    var found = [[]];
    slots.forEach(function (options) {
      var next = [];
      found.forEach(function (start) {
        options.forEach(function (option) {
          if (next.length < MAX_VARIANTS) next.push(start.concat([option]));
        });
      });
      found = next;
    });
    return [query].concat(found.slice(1).map(function (chosen) {
      var text = chosen.map(function (option) { return option.join(" "); }).join(" ");
      return chosen.length === 1 && chosen[0].length > 1 ? '"' + text + '"' : text;
    }));
  }

  function searchAll(index, queries) {
    return Promise.all(queries.map(function (q) { return rankedSearch(index.pagefind, q); }));
  }

  // Every query's results, each page once, in the order shown but for exact titles: by rank; within
  // a rank the pages with the words as typed first, then those found only through a synonym (Pagefind's
  // scores of different words are too far apart to mix: a rare word in a title scores ten times a
  // common one); by score within each. A page keeps its result from the first query that found it,
  // the query as typed if that did: its snippet marks that query's word.
  function merged(searches) {
    var byId = new Map();
    searches.forEach(function (results, n) {
      results.forEach(function (found) {
        var result = found.result;
        var seen = byId.get(result.id);
        if (!seen) {
          byId.set(result.id, { result: result, score: result.score, rank: found.rank, typed: n === 0 });
        } else if (!seen.typed && result.score > seen.score) {
          seen.score = result.score;
        }
      });
    });
    var all = Array.from(byId.values());
    all.sort(function (a, b) { return a.rank - b.rank || b.typed - a.typed || b.score - a.score; });
    return all;
  }

  // The results for a query in the order shown: exact titles, then by rank and score.
  function ranked(query) {
    return load().then(withFilters).then(function (index) {
      return withChunks(index, variants(query, index.groups)).then(function (queries) {
        return searchAll(index, queries);
      }).then(function (searches) {
        var all = merged(searches);
        var candidates = all
          .filter(function (e) { return e.typed && (e.result.matchedMetaFields || []).indexOf("title") !== -1; })
          .sort(function (a, b) { return b.score - a.score; })
          .slice(0, EXACT_CANDIDATES);
        return Promise.all(candidates.map(function (e) { return e.result.data(); })).then(function (data) {
          var wanted = normalise(query);
          var exact = candidates.filter(function (e, i) {
            return normalise((data[i].meta && data[i].meta.title) || "") === wanted;
          });
          return exact.concat(all.filter(function (e) { return exact.indexOf(e) === -1; }));
        });
      });
    });
  }

  // For the catalogue's text box (catalogue.js): the ids of the practices whose pages the index
  // finds for `query`, synonyms included, as a Set. Read from the counts of the practice pages'
  // `praktijk` filter, so no result is loaded. Rejects when there is no index (mkdocs serve).
  function practices(query) {
    return load().then(withFilters).then(function (index) {
      return withChunks(index, variants(query, index.groups)).then(function (queries) {
        return Promise.all(queries.map(function (q) { return index.pagefind.search(q); }));
      });
    }).then(function (searches) {
      var ids = new Set();
      searches.forEach(function (search) {
        var counts = (search.filters && search.filters.praktijk) || {};
        Object.keys(counts).forEach(function (id) { if (counts[id] > 0) ids.add(id); });
      });
      return ids;
    });
  }

  // `variants` says which queries a query is searched as (for tests and for a curious developer).
  window.kbSearch = {
    practices: practices,
    // Load the index before the first word (the catalogue calls it when its text box gets focus).
    warm: function () {
      practices("").catch(function () {});
    },
    variants: function (query) {
      return load().then(function (index) { return variants(query, index.groups); });
    },
  };

  /* --- the search box ------------------------------------------------------------------------ */

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

  // "praktijk · Mechelen", "gemeente · Gent", "bron"; hand-written pages carry no metadata.
  function labelOf(meta) {
    var kind = meta.soort || "pagina";
    return meta.stad ? kind + " \u00b7 " + meta.stad : kind;
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

  function dataOf(entries) {
    return Promise.all(entries.map(function (e) { return e.result.data(); }));
  }

  // The next MAX_RESULTS results, loaded only now (each result's data is a small fetch).
  function showMore() {
    if (!state) return;
    var current = state;
    var next = current.results.slice(current.shown, current.shown + MAX_RESULTS);
    dataOf(next).then(function (data) {
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
    ranked(query)
      .then(function (results) {
        var top = results.slice(0, MAX_RESULTS);
        return dataOf(top).then(function (data) {
          if (ticket !== latest) return;
          list.replaceChildren.apply(list, data.map(resultItem));
          state = { query: query, results: results, shown: top.length };
          status.textContent = summary(results.length, query, top.length);
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
