// The event change form: scroll the report's text (not the page) to the event's
// highlighted passage. A file, not an inline script: the Content-Security-Policy allows
// scripts from this site only.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.querySelector(".report-context");
  var mark = box && box.querySelector("mark");
  if (mark) box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
});
