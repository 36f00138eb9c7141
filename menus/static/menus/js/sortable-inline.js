"use strict";
// Menu items in the admin: drag a row by its handle, or focus the handle and press the up and
// down arrow keys; the order numbers are then renumbered in the rows' new order. Without
// JavaScript staff type the numbers.
(function () {
  var dragged = null;

  function rowsOf(tbody) {
    return Array.prototype.filter.call(tbody.children, function (row) {
      return row.classList.contains("form-row") && !row.classList.contains("empty-form");
    });
  }

  function renumber(tbody) {
    rowsOf(tbody).forEach(function (row, index) {
      var input = row.querySelector("td.field-order input");
      if (input) input.value = String((index + 1) * 10);
    });
  }

  function rowOf(element) {
    var row = element && element.closest("tr.form-row");
    return row && !row.classList.contains("empty-form") ? row : null;
  }

  function onMove(event) {
    var target = rowOf(document.elementFromPoint(event.clientX, event.clientY));
    if (!target || target === dragged || target.parentNode !== dragged.parentNode) return;
    var rows = rowsOf(target.parentNode);
    var upwards = rows.indexOf(target) < rows.indexOf(dragged);
    target.parentNode.insertBefore(dragged, upwards ? target : target.nextSibling);
  }

  function onEnd() {
    document.removeEventListener("pointermove", onMove);
    dragged.classList.remove("is-dragged");
    renumber(dragged.parentNode);
    dragged = null;
  }

  document.addEventListener("pointerdown", function (event) {
    var handle = event.target.closest(".sortable-handle");
    var row = rowOf(handle);
    if (!row) return;
    event.preventDefault();
    dragged = row;
    row.classList.add("is-dragged");
    document.addEventListener("pointermove", onMove);
    document.addEventListener("pointerup", onEnd, { once: true });
  });

  document.addEventListener("keydown", function (event) {
    var handle = event.target.closest && event.target.closest(".sortable-handle");
    var row = rowOf(handle);
    if (!row || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    var rows = rowsOf(row.parentNode);
    var index = rows.indexOf(row) + (event.key === "ArrowUp" ? -1 : 1);
    if (index < 0 || index >= rows.length) return;
    var other = rows[index];
    row.parentNode.insertBefore(row, event.key === "ArrowUp" ? other : other.nextSibling);
    renumber(row.parentNode);
    handle.focus();
  });
})();
