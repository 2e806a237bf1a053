// The review of proposed tasks: add a row, or add a coordinating agency to a task's row.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  if (!form) { return; }
  var total = form.querySelector("input[name=form-TOTAL_FORMS]");
  var rows = document.getElementById("rows");

  function newRow() {
    var index = parseInt(total.value, 10);
    var html = document.getElementById("empty-row").innerHTML.replace(/__prefix__/g, index);
    var holder = document.createElement("div");
    holder.innerHTML = html;
    total.value = index + 1;
    var row = holder.firstElementChild;
    row.querySelector("input[name$='-include']").checked = true;
    return row;
  }

  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }

  document.getElementById("add-row").addEventListener("click", function () {
    var groups = Array.from(form.querySelectorAll("input[name$='-group']")).map(function (i) {
      return parseInt(i.value || "0", 10);
    });
    var row = newRow();
    field(row, "group").value = Math.max(0, ...groups) + 1;
    rows.appendChild(row);
  });

  // A partner of the same task: same group, task, deadline, area and phase; role "phối hợp".
  rows.addEventListener("click", function (event) {
    var button = event.target.closest(".add-partner");
    if (!button) { return; }
    var source = button.closest(".import-row");
    var row = newRow();
    ["group", "task", "deadline", "area", "phase", "evidence"].forEach(function (name) {
      var from = field(source, name);
      var to = field(row, name);
      if (from && to) { to.value = from.value; }
    });
    field(row, "role").value = "coordinate";
    source.after(row);
    field(row, "agency").focus();
  });
})();
