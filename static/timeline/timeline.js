// Progressive enhancement only: every control works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function enhance(root) {
    root.querySelectorAll(".narrow[hidden]").forEach(function (box) { box.hidden = false; });
    root.querySelectorAll(".more-toggle[hidden]").forEach(function (button) { button.hidden = false; });
  }

  // The filter drawer is open beside the list on wide screens and closed on phones.
  var drawer = document.getElementById("filter-drawer");
  if (drawer && window.matchMedia("(min-width: 60rem)").matches) drawer.open = true;

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enhance(event.detail.elt); narrow(); });

  function narrow() {
    var input = document.getElementById("actor-narrow");
    var lists = input && document.getElementById(input.dataset.narrows);
    if (!lists) return;
    var words = input.value.trim().toLowerCase();
    lists.querySelectorAll("li[data-name]").forEach(function (item) {
      item.hidden = words !== "" && item.dataset.name.indexOf(words) === -1;
    });
  }
  document.addEventListener("input", function (event) {
    if (event.target.id === "actor-narrow") narrow();
  });
  // The narrowing box only hides list items: its changes must not reach the filter form.
  document.addEventListener("change", function (event) {
    if (event.target.id === "actor-narrow") event.stopPropagation();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.target.id === "actor-narrow" && event.key === "Enter") event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".more-toggle");
    if (!button) return;
    var text = button.previousElementSibling;
    var expanded = text.classList.toggle("expanded");
    button.setAttribute("aria-expanded", expanded ? "true" : "false");
    button.textContent = expanded ? "Show less" : "Show more";
  });
})();

// Copy link: the read-only field works without JavaScript (select it and copy); the
// button appears only where the Clipboard API does (secure pages).
(function () {
  "use strict";
  function reveal(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll(".copy-link[hidden]").forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  document.addEventListener("htmx:afterSettle", function (event) { reveal(event.detail.elt); });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".copy-link");
    if (!button) return;
    var field = document.getElementById(button.dataset.copy);
    var status = button.parentElement.querySelector(".copy-status");
    navigator.clipboard.writeText(field.value).then(function () {
      status.textContent = "Link copied";
    }, function () {
      field.select();
      status.textContent = "Press Ctrl+C (⌘C) to copy the selected link";
    });
  });
  // One click selects the whole link or embed code, ready to copy by hand.
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("share-url")) event.target.select();
  });
})();
