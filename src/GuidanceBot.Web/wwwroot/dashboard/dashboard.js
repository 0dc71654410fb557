// Draws the dashboard's charts from the JSON blocks the server puts next to each <canvas data-chart="ID">,
// and wires the print and copy buttons. No inline script: the Content-Security-Policy allows only files from this host.
(function () {
  "use strict";

  function draw(canvas) {
    var block = document.getElementById(canvas.getAttribute("data-chart"));
    if (!block || typeof Chart === "undefined") return;
    var spec = JSON.parse(block.textContent);
    var horizontal = !!spec.horizontal;
    var stacked = !!spec.stacked;
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) {
          return {
            label: d.label, data: d.data, borderColor: d.color, backgroundColor: d.color,
            borderWidth: spec.type === "line" ? 2 : 0, pointRadius: spec.type === "line" ? 2 : 0, tension: 0.2
          };
        })
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom", labels: { color: "#1b1f24" } } },
        scales: {
          x: { stacked: stacked, beginAtZero: true, ticks: { color: "#1b1f24", precision: 0 } },
          y: { stacked: stacked, beginAtZero: true, ticks: { color: "#1b1f24", precision: 0 } }
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    // The new API key: select it and put it on the clipboard (the API needs a secure context; otherwise the selection stays for Ctrl+C).
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var input = document.getElementById(button.getAttribute("data-copy"));
        input.select();
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(function () { button.textContent = button.getAttribute("data-copied"); }, function () {});
        }
      });
    });
    document.documentElement.setAttribute("data-charts-ready", "true");
  });
})();
