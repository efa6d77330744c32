// Apache ECharts (the webjar, /webjars/echarts/…) for the pages' charts, bound here because the Content-Security-Policy
// allows no inline script. A chart is a <div data-echarts="bar" data-labels="a|b" data-values="1|2" data-unit="笔">; its
// table beside it holds the same figures for print and for readers without script. The tooltip is drawn on the canvas
// (renderMode richText): an HTML tooltip would need inline styles, which the policy refuses.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) { return; }
  document.querySelectorAll('[data-echarts=bar]').forEach(function (el) {
    var labels = (el.getAttribute('data-labels') || '').split('|');
    var values = (el.getAttribute('data-values') || '').split('|').map(Number);
    var unit = el.getAttribute('data-unit') || '';
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 36, right: 12, top: 24, bottom: 48, containLabel: false },
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v + ' ' + unit; } },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 11, formatter: function (s) { return s.replace('逾期', ''); } } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values, barMaxWidth: 48, itemStyle: { color: '#b3261e' },
        label: { show: true, position: 'top', formatter: '{c}' } }]
    });
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
