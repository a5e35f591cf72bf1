/**
 * The exported page's own script (runs in the browser, no imports): reads the review JSON and
 * draws the charts the review says have data (review.charts; an empty one is a sentence in the
 * page, with no canvas). Value axes start at 0. Kept as a string because the page is one file.
 */
export const REVIEW_CHART_SCRIPT = String.raw`(function () {
  var el = document.getElementById('review-data');
  if (!el || typeof Chart === 'undefined') return;
  var r = JSON.parse(el.textContent || '{}');
  var colors = ['#2f7ed8', '#e0662f', '#7cb342', '#9fb3c8'];
  Chart.defaults.animation = false;
  (r.charts || []).forEach(function (c) {
    var canvas = document.getElementById(c.id);
    if (!canvas || c.empty) return;
    var scales = {};
    scales[c.horizontal ? 'x' : 'y'] = { beginAtZero: true, title: { display: true, text: c.unit } };
    new Chart(canvas, {
      type: c.type,
      data: { labels: c.labels, datasets: c.series.map(function (s, i) {
        return { label: s.label, data: s.values, backgroundColor: colors[i % colors.length], borderColor: colors[i % colors.length], spanGaps: true };
      }) },
      options: { responsive: true, maintainAspectRatio: false, indexAxis: c.horizontal ? 'y' : 'x', scales: scales,
        plugins: { legend: { display: c.series.length > 1 }, title: { display: true, text: c.title } } },
    });
  });
})();`;
