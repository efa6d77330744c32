// Apache ECharts (the webjar, /webjars/echarts/…) for the pages' charts, bound here because the Content-Security-Policy
// allows no inline script. A chart is a <div data-echarts="bar" data-labels="a|b" data-values="1|2" data-unit="笔"> (or
// data-echarts="pie" for shares of a whole, e.g. the home's households by state; data-echarts="line" for a running figure
// against a plan, with data-planned="…|…" as the dashed planned line and an empty value for a gap); its
// table beside it holds the same figures for print and for readers without script. The tooltip is drawn on the canvas
// (renderMode richText): an HTML tooltip would need inline styles, which the policy refuses. data-echarts="grid" draws
// areas as a map-like grid of tiles shaded by their figure (data-columns per row).
document.addEventListener('DOMContentLoaded', function () {
  if (!window.echarts) { return; }
  // Each kind of chart: its options from the labels, the values and the unit.
  var kinds = {
    bar: function (labels, values, unit) {
      return {
        grid: { left: 36, right: 12, top: 24, bottom: 48, containLabel: false },
        tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v + ' ' + unit; } },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 11, formatter: function (s) { return s.replace('逾期', ''); } } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: values, barMaxWidth: 48, itemStyle: { color: '#b3261e' },
          label: { show: true, position: 'top', formatter: '{c}' } }]
      };
    },
    line: function (labels, values, unit, el) {
      var planned = (el.getAttribute('data-planned') || '').split('|').map(figure);
      var series = [{ name: '实际', type: 'line', data: values, connectNulls: false, itemStyle: { color: '#b3261e' },
        label: { show: true, position: 'top', formatter: function (p) { return p.value == null ? '' : p.value; } } }];
      if (el.hasAttribute('data-planned')) {
        series.unshift({ name: '计划', type: 'line', step: 'end', data: planned, lineStyle: { type: 'dashed' }, itemStyle: { color: '#1565c0' } });
      }
      return {
        grid: { left: 40, right: 12, top: 32, bottom: 48, containLabel: false },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) { return v == null ? '—' : v + ' ' + unit; } },
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, fontSize: 11 } },
        yAxis: { type: 'value', min: 0 },
        series: series
      };
    },
    // A map-like grid of areas (townships), one tile each, darker for a higher figure: data-columns tiles a row.
    grid: function (labels, values, unit, el) {
      var cols = Number(el.getAttribute('data-columns') || 4);
      var rows = Math.ceil(labels.length / cols);
      var known = values.filter(function (v) { return v != null; });
      var data = labels.map(function (l, i) { return [i % cols, Math.floor(i / cols), values[i] == null ? '-' : values[i]]; });
      function at(p) { return p.data[1] * cols + p.data[0]; }
      function shown(v) { return v === '-' ? '—' : v + ' ' + unit; }
      return {
        tooltip: { renderMode: 'richText', formatter: function (p) { return labels[at(p)] + '：' + shown(p.data[2]); } },
        grid: { left: 4, right: 4, top: 4, bottom: 44 },
        xAxis: { type: 'category', data: Array.apply(null, Array(cols)).map(function (x, i) { return i; }), show: false },
        yAxis: { type: 'category', data: Array.apply(null, Array(rows)).map(function (x, i) { return i; }), show: false, inverse: true },
        visualMap: { min: known.length ? Math.min.apply(null, known) : 0, max: known.length ? Math.max.apply(null, known.concat([Math.min.apply(null, known) + 1])) : 1,
          orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#fdecea', '#b3261e'] } },
        series: [{ type: 'heatmap', data: data, itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { show: true, fontSize: 11, formatter: function (p) { return labels[at(p)] + '\n' + shown(p.data[2]); } } }]
      };
    },
    pie: function (labels, values, unit) {
      return {
        color: ['#b3261e', '#2e7d32', '#1565c0', '#ef6c00', '#6a1b9a'],
        tooltip: { trigger: 'item', renderMode: 'richText', formatter: function (p) { return p.name + '：' + p.value + ' ' + unit + '（' + p.percent + '%）'; } },
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], avoidLabelOverlap: true,
          data: labels.map(function (l, i) { return { name: l, value: values[i], label: { show: values[i] > 0 }, labelLine: { show: values[i] > 0 } }; }),
          label: { formatter: '{c}' } }]
      };
    }
  };
  // An empty figure is a gap (null), not a zero.
  function figure(v) { return v === '' ? null : Number(v); }
  document.querySelectorAll('[data-echarts]').forEach(function (el) {
    var kind = kinds[el.getAttribute('data-echarts')];
    if (!kind) { return; }
    var labels = (el.getAttribute('data-labels') || '').split('|');
    var values = (el.getAttribute('data-values') || '').split('|').map(figure);
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    var options = kind(labels, values, el.getAttribute('data-unit') || '', el);
    options.animation = false;
    chart.setOption(options);
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
