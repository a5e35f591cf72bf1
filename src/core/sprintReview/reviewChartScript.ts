/**
 * The exported page's own script (runs in the browser, no imports): reads the review JSON and
 * draws the same three charts as the panel tab. Kept as a string because the page is one file.
 */
export const REVIEW_CHART_SCRIPT = String.raw`(function () {
  var el = document.getElementById('review-data');
  if (!el || typeof Chart === 'undefined') return;
  var r = JSON.parse(el.textContent || '{}');
  var names = r.trend.map(function (t) { return t.name; });
  function v(key) { return r.trend.map(function (t) { return t.values[key]; }); }
  Chart.defaults.animation = false;
  function draw(id, cfg) { var c = document.getElementById(id); if (c) new Chart(c, cfg); }
  draw('chart-delivery', { type: 'bar', data: { labels: names, datasets: [
    { label: 'Committed points', data: v('committedPoints'), backgroundColor: '#9fb3c8' },
    { label: 'Completed points', data: v('completedPoints'), backgroundColor: '#2f7ed8' },
    { label: 'Merged changes', data: v('throughput'), backgroundColor: '#7cb342' }] } });
  draw('chart-cycle', { type: 'line', data: { labels: names, datasets: [
    { label: 'Cycle time median (h)', data: v('cycleTimeMedian'), borderColor: '#2f7ed8' },
    { label: 'Cycle time p85 (h)', data: v('cycleTimeP85'), borderColor: '#e0662f' }] } });
  var ph = r.flow.figures;
  draw('chart-phases', { type: 'bar', data: { labels: ['Coding', 'Pickup', 'Review', 'Deploy'], datasets: [
    { label: 'Median hours, this period', data: [ph.codingMedian.value, ph.pickupMedian.value, ph.reviewMedian.value, ph.deployMedian.value], backgroundColor: '#2f7ed8' }] },
    options: { indexAxis: 'y' } });
})();`;
