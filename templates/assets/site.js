// howto docs site: search box, copy buttons, tabs and the mobile menu. Vanilla JS, no dependencies.
(function () {
  "use strict";

  // ---------- Search ----------
  var searchIndex = null;
  var searchLoading = null;

  function loadIndex() {
    if (searchIndex) return Promise.resolve(searchIndex);
    if (!searchLoading) {
      searchLoading = fetch("/search-index.json")
        .then(function (response) {
          if (!response.ok) throw new Error("search index: HTTP " + response.status);
          return response.json();
        })
        .then(function (entries) {
          searchIndex = entries.map(function (entry) {
            return {
              entry: entry,
              title: (entry.title || "").toLowerCase(),
              description: (entry.description || "").toLowerCase(),
              aliases: (entry.aliases || []).join("\n").toLowerCase(),
              tags: (entry.tags || []).join("\n").toLowerCase(),
              headings: (entry.headings || []).join("\n").toLowerCase()
            };
          });
          return searchIndex;
        })
        .catch(function (error) {
          searchLoading = null;
          throw error;
        });
    }
    return searchLoading;
  }

  // Every word of the query must appear somewhere; title and alias hits weigh most.
  function score(item, words, phrase) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      var hit = 0;
      if (item.title.indexOf(word) !== -1) hit += 10;
      if (item.aliases.indexOf(word) !== -1) hit += 8;
      if (item.tags.indexOf(word) !== -1) hit += 5;
      if (item.headings.indexOf(word) !== -1) hit += 3;
      if (item.description.indexOf(word) !== -1) hit += 2;
      if (hit === 0) return 0;
      total += hit;
    }
    if (item.title.indexOf(phrase) !== -1) total += 20;
    if (item.aliases.indexOf(phrase) !== -1) total += 20;
    return total;
  }

  function search(query) {
    var phrase = query.trim().toLowerCase();
    if (!phrase) return [];
    var words = phrase.split(/\s+/);
    var results = [];
    for (var i = 0; i < searchIndex.length; i++) {
      var s = score(searchIndex[i], words, phrase);
      if (s > 0) results.push({ score: s, entry: searchIndex[i].entry });
    }
    results.sort(function (a, b) {
      return b.score - a.score || (a.entry.title < b.entry.title ? -1 : a.entry.title > b.entry.title ? 1 : 0);
    });
    return results.slice(0, 10).map(function (r) { return r.entry; });
  }

  function setupSearch() {
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) return;
      active = (index + options.length) % options.length;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function show(entries, query) {
      list.textContent = "";
      active = -1;
      if (!entries.length) {
        var empty = document.createElement("li");
        empty.className = "no-results";
        empty.textContent = "No how-to guides match \u201c" + query + "\u201d.";
        list.appendChild(empty);
      }
      entries.forEach(function (entry, i) {
        var li = document.createElement("li");
        li.id = "search-result-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var a = document.createElement("a");
        a.href = entry.url;
        var title = document.createElement("span");
        title.className = "result-title";
        title.textContent = entry.title;
        a.appendChild(title);
        if (entry.description) {
          var description = document.createElement("span");
          description.className = "result-description";
          description.textContent = entry.description;
          a.appendChild(description);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function update() {
      var query = input.value;
      if (!query.trim()) { close(); return; }
      loadIndex().then(function () {
        if (input.value === query) show(search(query), query.trim());
      }, function (error) {
        console.warn(String(error));
      });
    }

    input.addEventListener("focus", function () { loadIndex().catch(function () {}); });
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter") {
        var options = list.querySelectorAll("[role=option] a");
        var target = options[active >= 0 ? active : 0];
        if (target) { event.preventDefault(); window.location.href = target.href; }
      }
    });
  }

  // A click outside the search box closes its results (registered once: the box may be swapped in later).
  function setupSearchDismissal() {
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".search")) return;
      var input = document.getElementById("search-input");
      var list = document.getElementById("search-results");
      if (list) list.hidden = true;
      if (input) input.setAttribute("aria-expanded", "false");
    });
  }

  // ---------- Copy buttons ----------
  function codeFor(button) {
    var container = button.closest(".code-block, .custom-code-block, [data-copy-container]") || button.parentElement;
    var code = container && (container.querySelector("pre code") || container.querySelector("pre"));
    return code ? code.textContent : "";
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function flash(button, label) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = label;
    button.classList.toggle("copied", label === "Copied!");
    window.setTimeout(function () {
      button.textContent = original;
      button.classList.remove("copied");
    }, 1500);
  }

  function setupCopyButtons() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".copy-button, .copy-code");
      if (!button) return;
      copyText(codeFor(button)).then(function () { flash(button, "Copied!"); }, function () { flash(button, "Press Ctrl+C"); });
    });
  }

  // ---------- Tabs ----------
  var tabCounter = 0;

  function setupTabs() {
    var groups = document.querySelectorAll(".tabs");
    for (var g = 0; g < groups.length; g++) setupTabGroup(groups[g]);
  }

  function directChildren(root, selector) {
    return Array.prototype.filter.call(root.querySelectorAll(selector), function (el) {
      return el.closest(".tabs") === root;
    });
  }

  function setupTabGroup(group) {
    var tabs = directChildren(group, "[role=tab], [data-tab], button[data-slug], .navtab-title");
    var panels = directChildren(group, "[role=tabpanel], .navtab-content");
    if (!tabs.length || tabs.length !== panels.length) return;
    var list = tabs[0].parentElement;
    list.setAttribute("role", "tablist");
    var groupId = ++tabCounter;
    var initial = 0;
    tabs.forEach(function (tab, i) {
      var panel = panels[i];
      if (!tab.id) tab.id = "tab-" + groupId + "-" + i;
      if (!panel.id) panel.id = "tabpanel-" + groupId + "-" + i;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      if (tab.getAttribute("aria-selected") === "true") initial = i;
    });

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute("aria-selected", selected ? "true" : "false");
        tab.setAttribute("tabindex", selected ? "0" : "-1");
        tab.classList.toggle("active", selected);
        panels[i].hidden = !selected;
        panels[i].classList.toggle("active", selected);
      });
      if (focus) tabs[index].focus();
    }

    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function (event) {
        event.preventDefault();
        select(i, false);
      });
      tab.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (i + 1) % tabs.length;
        else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (i - 1 + tabs.length) % tabs.length;
        else if (event.key === "Home") next = 0;
        else if (event.key === "End") next = tabs.length - 1;
        if (next !== null) { event.preventDefault(); select(next, true); }
      });
    });
    select(initial, false);
  }

  // ---------- Mobile navigation ----------
  function setupNavToggle() {
    var toggle = document.querySelector(".nav-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!toggle || !sidebar) return;
    toggle.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // ---------- "Only verified how-tos" on listings built with --results ----------
  function setupVerifiedFilter() {
    var box = document.getElementById("verified-only");
    if (!box) return;
    box.addEventListener("change", function () {
      document.querySelectorAll(".page-list > .page-card").forEach(function (card) {
        card.hidden = box.checked && card.getAttribute("data-verdict") !== "passed";
      });
    });
  }

  // What the page's own elements need; run again when `howto serve` swaps in a rebuilt page.
  function setupPage() {
    setupSearch();
    setupTabs();
    setupNavToggle();
    setupVerifiedFilter();
  }

  function init() {
    setupSearchDismissal();
    setupCopyButtons();
    setupPage();
  }

  // `howto serve` calls this after it replaces the body with a rebuilt page (without it, the page reloads).
  window.howtoPageSetup = setupPage;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
