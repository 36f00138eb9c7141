/* Keeps the "Thống kê" block current, also on a page served from a cache. */
(function () {
  "use strict";

  var block = document.querySelector(".block--stats");
  if (!block || !window.fetch) return;
  var every = Math.max(Number(block.dataset.refresh) || 60, 1) * 1000;

  function grouped(n) {
    return String(Math.max(0, Math.floor(Number(n) || 0))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function show(figures) {
    Object.keys(figures).forEach(function (name) {
      var cell = block.querySelector('[data-stat="' + name + '"]');
      if (cell) cell.textContent = grouped(figures[name]);
    });
    block.querySelector('[data-stat-row="members"]').hidden = !figures.members;
  }

  function refresh() {
    if (document.hidden) return;
    window.fetch(block.dataset.statsUrl, { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (figures) { if (figures) show(figures); })
      .catch(function () { /* keep the numbers shown */ });
  }

  refresh();
  window.setInterval(refresh, every);
  document.addEventListener("visibilitychange", refresh);
})();
