/*
 * The "Afdrukken" button of a practice page (markup: macros/pages/practice.py, `PRINT_BUTTON`).
 *
 * Without this script the button stays hidden: the browser's own print command prints the same
 * one-page sheet (docs/assets/stylesheets/print.css). With it, the button shows and opens the print
 * dialog. Runs on every page and after each of Material's instant navigations (`document$`).
 */
(function () {
  "use strict";
  if (window.kbPrint) return;
  window.kbPrint = true;

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-print]"), function (block) {
      if (block.getAttribute("data-kb-ready")) return;
      block.setAttribute("data-kb-ready", "1");
      var button = block.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () { window.print(); });
      block.hidden = false;
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
