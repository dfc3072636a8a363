// PoleKnowledge back office: progressive enhancement only. Every form works without this file;
// it adds the unsaved-changes warning, confirmations, live Markdown preview, choice filtering,
// drag-and-drop upload with progress, a clickable focal point, site-wide picker search and autosave of drafts.
(function () {
  "use strict";

  function token(form) {
    var input = form.querySelector("input[name=__RequestVerificationToken]") || document.querySelector("input[name=__RequestVerificationToken]");
    return input ? input.value : "";
  }

  // Confirmation before destructive actions.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  // Unsaved-changes warning on edit forms.
  document.querySelectorAll("form[data-unsaved-warning]").forEach(function (form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    form.addEventListener("bo-autosaved", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });
  });

  // Autosave of drafts: every 30 s, when the form changed since the last save and the browser finds it valid,
  // POST it to the form's data-autosave handler (same checks as "Enregistrer le brouillon", revision included).
  // The new revision goes back into the form so the next save does not conflict; a conflict stops autosave
  // and shows the message, nothing is overwritten.
  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    var url = form.getAttribute("data-autosave");
    var status = form.querySelector(".bo-autosave");
    var revision = form.querySelector("input[name=Revision]");
    var changed = false, busy = false, stopped = false;
    form.addEventListener("input", function () { changed = true; });
    form.addEventListener("change", function () { changed = true; });
    setInterval(function () {
      if (!changed || busy || stopped || !form.checkValidity()) { return; }
      busy = true;
      changed = false;
      fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); })
        .then(function (result) {
          if (result.status === 200) {
            if (result.body.revision) { revision.value = result.body.revision; }
            if (result.body.saved && !changed) { form.dispatchEvent(new CustomEvent("bo-autosaved")); }
          } else {
            changed = true;
            if (result.status === 409) { stopped = true; }
          }
          if (status) { status.textContent = result.body.message || ""; status.classList.toggle("bo-error", result.status !== 200); }
        })
        .catch(function () { changed = true; if (status) { status.textContent = "Enregistrement automatique impossible pour l'instant."; } })
        .then(function () { busy = false; });
    }, 30000);
  });

  // Live, sanitised Markdown preview (rendered by the server, the same renderer as publishing).
  document.querySelectorAll("textarea[data-preview]").forEach(function (area) {
    var target = document.getElementById(area.getAttribute("data-preview"));
    var form = area.form;
    if (!target || !form) { return; }
    var key = (location.pathname.match(/contenu\/([0-9a-f-]{36})/) || [])[1];
    if (!key) { return; }
    target.hidden = false;
    area.parentElement.classList.add("bo-with-preview");
    var timer = 0;
    function refresh() {
      var body = new URLSearchParams();
      body.set("text", area.value);
      body.set("__RequestVerificationToken", token(form));
      fetch("/backoffice/contenu/" + key + "/apercu?handler=Markdown", { method: "POST", body: body, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { target.innerHTML = html; });
    }
    area.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 400); });
    refresh();
  });

  // Type-ahead filter over long checkbox lists (taxonomies).
  document.querySelectorAll(".bo-choice-filter").forEach(function (input) {
    input.hidden = false;
    var list = input.parentElement.querySelector(".bo-choice-list");
    input.addEventListener("input", function () {
      var q = input.value.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      list.querySelectorAll("label").forEach(function (label) {
        var text = label.textContent.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        label.hidden = q.length > 0 && text.indexOf(q) < 0;
      });
    });
  });

  // Drag-and-drop upload with a progress bar (the plain form posts the same fields).
  document.querySelectorAll("form[data-dropzone]").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    var bar = form.querySelector("progress");
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (e) { e.preventDefault(); form.classList.add("bo-dragover"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function () { form.classList.remove("bo-dragover"); });
    });
    form.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; }
    });
    form.addEventListener("submit", function (e) {
      if (!window.XMLHttpRequest || !bar) { return; }
      e.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      bar.hidden = false;
      xhr.upload.addEventListener("progress", function (p) { if (p.lengthComputable) { bar.value = Math.round(p.loaded * 100 / p.total); } });
      xhr.addEventListener("load", function () {
        document.open(); document.write(xhr.responseText); document.close();
        history.replaceState(null, "", xhr.responseURL || location.href);
      });
      xhr.send(new FormData(form));
    });
  });

  // Pickers: typing filters the listed options at once and, from two characters, searches the whole site
  // (GET data-search, JSON); a result is added to the select and selected. Without this script the select lists
  // the first items by name plus those already chosen.
  var normalise = function (text) { return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); };
  document.querySelectorAll(".bo-picker-filter").forEach(function (input) {
    var select = document.getElementById(input.getAttribute("data-for"));
    if (!select) { return; }
    input.hidden = false;
    var url = input.getAttribute("data-search");
    var results = document.createElement("div");
    results.className = "bo-picker-results";
    results.id = input.getAttribute("data-for") + "-results";
    var status = document.createElement("p");
    status.className = "bo-help";
    status.setAttribute("role", "status");
    var list = document.createElement("ul");
    var more = document.createElement("button");
    more.type = "button";
    more.className = "bo-btn bo-btn-small";
    more.textContent = "Plus de résultats";
    more.hidden = true;
    results.appendChild(status);
    results.appendChild(list);
    results.appendChild(more);
    select.parentNode.insertBefore(results, select.nextSibling);
    input.setAttribute("aria-controls", results.id);
    var timer = null, skip = 0, request = 0;

    var pick = function (item) {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value.toLowerCase() === item.id.toLowerCase(); });
      if (!option) {
        option = new Option(item.name + " (" + item.typeName + ")", item.id);
        select.appendChild(option);
      }
      option.hidden = false;
      option.selected = true;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      status.textContent = "« " + item.name + " » ajouté.";
    };

    var search = function (append) {
      var q = input.value.trim();
      if (!url || q.length < 2) { list.innerHTML = ""; status.textContent = ""; more.hidden = true; return; }
      var mine = ++request;
      var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q) + "&skip=" + skip + "&take=20";
      fetch(address, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (page) {
          if (mine !== request) { return; }
          if (!append) { list.innerHTML = ""; }
          page.items.forEach(function (item) {
            var li = document.createElement("li");
            var button = document.createElement("button");
            button.type = "button";
            button.className = "bo-link";
            button.textContent = item.name + " (" + item.typeName + ")";
            button.addEventListener("click", function () { pick(item); });
            li.appendChild(button);
            list.appendChild(li);
          });
          var count = list.children.length;
          status.textContent = count === 0 ? "Aucun résultat dans le site." : count + (page.hasMore ? "+" : "") + " résultat" + (count > 1 ? "s" : "") + " dans le site : choisissez pour ajouter.";
          more.hidden = !page.hasMore;
        })
        .catch(function () { if (mine === request) { status.textContent = "La recherche a échoué ; réessayez."; } });
    };

    input.addEventListener("input", function () {
      var q = normalise(input.value);
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = q.length > 0 && !option.selected && option.value !== "" && normalise(option.text).indexOf(q) < 0;
      });
      clearTimeout(timer);
      timer = setTimeout(function () { skip = 0; search(false); }, 250);
    });
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); skip = 0; search(false); } });
    more.addEventListener("click", function () { skip += 20; search(true); });
  });

  // Drag-and-drop reordering of a list view: moves rows and renumbers the order fields; saving stays the
  // "Enregistrer l'ordre" button, which works without this script too.
  document.querySelectorAll("form[data-sortable=true]").forEach(function (form) {
    var body = form.querySelector("tbody");
    var dragged = null;
    body.querySelectorAll("tr").forEach(function (row) {
      row.draggable = true;
      row.classList.add("bo-draggable");
      row.addEventListener("dragstart", function () { dragged = row; row.classList.add("bo-dragging"); });
      row.addEventListener("dragend", function () { row.classList.remove("bo-dragging"); dragged = null; });
      row.addEventListener("dragover", function (e) {
        e.preventDefault();
        if (!dragged || dragged === row) { return; }
        var box = row.getBoundingClientRect();
        body.insertBefore(dragged, e.clientY < box.top + box.height / 2 ? row : row.nextSibling);
      });
    });
    body.addEventListener("drop", function (e) {
      e.preventDefault();
      var inputs = body.querySelectorAll("input.bo-order");
      var first = Math.min.apply(null, Array.prototype.map.call(inputs, function (i) { return parseInt(i.value, 10) || 0; }));
      inputs.forEach(function (input, index) { input.value = first + index; });
    });
  });

  // Focal point: click on the image to set it.
  document.querySelectorAll("[data-focal]").forEach(function (frame) {
    var left = document.getElementById("focalLeft");
    var top = document.getElementById("focalTop");
    var circle = frame.querySelector("circle");
    frame.addEventListener("click", function (e) {
      var box = frame.getBoundingClientRect();
      var x = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
      var y = Math.min(1, Math.max(0, (e.clientY - box.top) / box.height));
      left.value = x.toFixed(3); top.value = y.toFixed(3);
      if (circle) { circle.setAttribute("cx", (x * 100).toFixed(1)); circle.setAttribute("cy", (y * 100).toFixed(1)); }
    });
  });
})();
