// Type-ahead for search boxes marked with data-suggest (progressive enhancement: the forms work without it).
// ARIA 1.2 combobox pattern: the input owns a listbox; arrows move, Enter opens, Escape closes.
(function () {
  "use strict";
  function setup(input) {
    var form = input.form;
    var list = document.createElement("ul");
    var id = input.id + "-suggestions";
    var timer = null, items = [], active = -1, last = "";
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    form.style.position = "relative";
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function target(item) {
      if (item.route) return item.route;
      var culture = input.dataset.culture && input.dataset.culture !== "fr-FR" ? "&culture=" + encodeURIComponent(input.dataset.culture) : "";
      return "/recherche?filter=" + encodeURIComponent(item.facet + ":" + item.value) + culture;
    }
    function render() {
      list.textContent = "";
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        li.textContent = item.label;
        if (!item.route) {
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = document.documentElement.lang === "en" ? "filter" : "filtre";
          li.appendChild(kind);
        }
        li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location.href = target(item); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      if (active >= 0) input.setAttribute("aria-activedescendant", id + "-" + active); else input.removeAttribute("aria-activedescendant");
    }
    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { items = []; render(); return; }
      if (q === last) return;
      last = q;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q) + "&culture=" + encodeURIComponent(input.dataset.culture || "fr-FR"))
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (data) { if (input.value.trim() === q) { items = data; active = -1; render(); } })
        .catch(function () { items = []; render(); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 150); });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { active = (active + 1) % items.length; render(); e.preventDefault(); }
      else if (e.key === "ArrowUp") { active = (active - 1 + items.length) % items.length; render(); e.preventDefault(); }
      // Escape closes the list only; without preventDefault a search input also clears its text.
      else if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location.href = target(items[active]); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), setup);
  });
})();
