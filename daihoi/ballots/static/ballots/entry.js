// The ballot entry desk: the typed numbers of the names crossed out and the ticked boxes show
// the same thing; either may be used, the other follows.
(function () {
  "use strict";
  function init() {
    var form = document.getElementById("entry-form");
    if (!form) return;
    var typed = form.querySelector("input[name='positions']");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name='crossed']"));
    if (!typed || !boxes.length) return;
    function positionOf(box) {
      var label = box.closest("label");
      var text = label ? label.textContent.trim() : "";
      return parseInt(text, 10);
    }
    typed.addEventListener("input", function () {
      var wanted = {};
      typed.value.split(/[\s,]+/).forEach(function (word) {
        if (/^\d+$/.test(word)) wanted[parseInt(word, 10)] = true;
      });
      boxes.forEach(function (box) { box.checked = !!wanted[positionOf(box)]; });
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        typed.value = boxes.filter(function (b) { return b.checked; })
          .map(positionOf).join(" ");
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
