// The stage-1 leaderboard scene: Chart.js bars for the top communes with the cut line drawn,
// the departments beside them, city-wide totals and the ranking rule. Bars and rows slide to
// their new place when ranks change. A bridge screen also shows its own unit's place when it
// is not among the bars. Its look: css/leaderboard.css (linked by the screen pages).
const TOP = 12;
const COLORS = { qualified: '#3fa9f5', tie: '#ffb020', other: '#35557f', own: '#ffd23f', cut: '#ffd23f', ink: '#ffffff', muted: '#a9bedc' };
const FONT = "'Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', sans-serif";
const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const number = new Intl.NumberFormat('vi-VN');

export async function mount(section, live, ctx) {
  section.innerHTML = `
    <header class="lb-head"><h1>Bảng xếp hạng Chặng 1</h1><div class="lb-totals"></div></header>
    <div class="lb-body">
      <div class="lb-panel">
        <h2><span class="lb-communes-label"></span> <small class="lb-communes-note"></small></h2>
        <div class="lb-chart"><canvas></canvas><div class="lb-empty"></div></div>
        <div class="lb-own"></div>
      </div>
      <div class="lb-panel">
        <h2><span class="lb-departments-label"></span> <small class="lb-departments-note"></small></h2>
        <ol class="lb-list"></ol>
      </div>
    </div>
    <footer class="lb-rule"></footer>`;
  const $ = (selector) => section.querySelector(selector);
  const Chart = await loadChart();
  const bars = communeChart(Chart, $('canvas'), ctx);
  const departments = departmentList($('.lb-list'), ctx);

  live.on('leaderboard', (data) => {
    if (!data.ready) {
      $('.lb-totals').textContent = 'Đang tải dữ liệu…';
      return;
    }
    const [communes, depts] = ['communes', 'departments'].map((id) => data.groups.find((group) => group.id === id));
    $('.lb-totals').replaceChildren(...totals(data.totals));
    $('.lb-rule').textContent = `Cách xếp hạng: ${communes.rule}`;
    for (const [id, group] of [['communes', communes], ['departments', depts]]) {
      $(`.lb-${id}-label`).textContent = group.label;
      $(`.lb-${id}-note`).textContent = note(group);
      $(`.lb-${id}-note`).classList.toggle('lb-note-tie', group.cutTie);
    }
    const ranked = communes.rows.filter((row) => row.rank != null);
    const empty = $('.lb-empty');
    empty.textContent = 'Chưa có đơn vị được xếp hạng: một đơn vị được xếp hạng khi có tổng số cán bộ, công chức, viên chức và người lao động, và có người hoàn thành.';
    empty.classList.toggle('shown', ranked.length === 0);
    bars.show(ranked.slice(0, TOP), communes);
    departments.show(depts);
    ownUnit($('.lb-own'), communes, ctx);
  });
}

function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/lib/chart.umd.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = reject;
    document.head.append(script);
  });
}

function note(group) {
  return `${group.qualify} đơn vị vào Chặng 2${group.cutTie ? ' · đồng hạng tại vạch' : ''}`;
}

function totals(t) {
  const parts = [];
  const done = document.createElement('b');
  done.textContent = number.format(t.completed);
  parts.push(done, ' đã hoàn thành');
  if (t.rate != null) {
    const rate = document.createElement('b');
    rate.textContent = ` ${percent.format(t.rate * 100)}%`;
    parts.push(' · ', rate, ` tỷ lệ hoàn thành${t.unitsWithHeadcount < t.units ? ` (${t.unitsWithHeadcount}/${t.units} đơn vị có tổng số)` : ''}`);
  } else {
    parts.push(' · chưa có tổng số cán bộ, công chức, viên chức và người lao động');
  }
  parts.push(` · ${number.format(t.enrolled)} đã đăng ký`);
  return parts;
}

function rateText(row) {
  return row.rate == null ? 'chưa có tổng số' : `${percent.format(row.rate * 100)}%`;
}

// The communes' bars. Each unit keeps its data slot while it stays in the top, so Chart.js
// animates its bar (and the labels drawn on it) from the old place to the new one.
function communeChart(Chart, canvas, ctx) {
  const slots = []; // unit code per data index
  let rows = new Map();
  let group = null;
  const dataset = { data: [], backgroundColor: [], borderRadius: 6, barPercentage: 0.8, categoryPercentage: 1, grouped: false };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { datasets: [dataset] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 900, easing: 'easeInOutCubic' },
      layout: { padding: { right: 200 } },
      scales: {
        y: { type: 'linear', reverse: true, min: -0.5, max: TOP - 0.5, display: false },
        x: {
          min: 0,
          max: 100,
          grid: { color: 'rgba(169,190,220,.15)' },
          ticks: { color: COLORS.muted, font: { family: FONT, size: 16 }, callback: (value) => `${value}%` },
        },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
    plugins: [{ id: 'labels', afterDatasetsDraw: drawLabels }, { id: 'cut', afterDatasetsDraw: drawCut }],
  });
  new ResizeObserver(() => fitBars()).observe(canvas.parentElement);

  function fitBars() {
    const height = canvas.parentElement.clientHeight;
    if (!height) return;
    dataset.barThickness = Math.max(8, Math.floor(((height - 40) / TOP) * 0.8));
    chart.update('none');
  }

  function drawLabels(c) {
    const meta = c.getDatasetMeta(0);
    const { ctx: g, chartArea } = c;
    g.save();
    g.textBaseline = 'middle';
    meta.data.forEach((bar, index) => {
      const row = rows.get(slots[index]);
      if (!row || bar.y > chartArea.bottom) return;
      const size = Math.max(12, Math.round((dataset.barThickness || 20) * 0.56));
      g.font = `800 ${size}px ${FONT}`;
      g.fillStyle = row.unit === ctx.unit ? '#06162e' : COLORS.ink;
      g.textAlign = 'left';
      const name = `${row.rank}. ${row.name}`;
      g.fillText(name, chartArea.left + 10, bar.y);
      g.fillStyle = COLORS.ink;
      const label = rateText(row);
      const at = Math.max(bar.x, chartArea.left + 10 + g.measureText(name).width) + 12;
      g.fillText(label, at, bar.y);
      const after = at + 10 + g.measureText(label).width;
      g.font = `400 ${Math.round(size * 0.7)}px ${FONT}`;
      g.fillStyle = COLORS.muted;
      g.fillText(`${number.format(row.completed)}/${number.format(row.headcount)}`, after, bar.y);
    });
    g.restore();
  }

  function drawCut(c) {
    if (!group || rows.size === 0 || group.qualify >= TOP) return;
    const { ctx: g, chartArea, scales } = c;
    const y = scales.y.getPixelForValue(Math.min(group.qualify, rows.size) - 0.5);
    g.save();
    g.strokeStyle = group.cutTie ? COLORS.tie : COLORS.cut;
    g.lineWidth = 3;
    g.setLineDash([14, 10]);
    g.beginPath();
    g.moveTo(chartArea.left, y);
    g.lineTo(chartArea.right + 200, y);
    g.stroke();
    g.restore();
  }

  return {
    show(top, nextGroup) {
      group = nextGroup;
      rows = new Map(top.map((row) => [row.unit, row]));
      const free = [];
      slots.forEach((unit, index) => { if (!rows.has(unit)) free.push(index); });
      for (const row of top) {
        if (slots.includes(row.unit)) continue;
        const index = free.length ? free.shift() : slots.length;
        slots[index] = row.unit;
      }
      free.forEach((index) => { slots[index] = null; });
      const position = new Map(top.map((row, index) => [row.unit, index]));
      const maxRate = Math.max(100, ...top.map((row) => Math.ceil(row.rate * 100)));
      chart.options.scales.x.max = maxRate;
      dataset.data = slots.map((unit) => (rows.has(unit) ? { x: rows.get(unit).rate * 100, y: position.get(unit) } : { x: 0, y: TOP + 2 }));
      dataset.backgroundColor = slots.map((unit) => {
        const row = rows.get(unit);
        if (!row) return COLORS.other;
        if (row.unit === ctx.unit) return COLORS.own;
        return row.qualified === true ? COLORS.qualified : row.qualified === 'tie' ? COLORS.tie : COLORS.other;
      });
      if (!dataset.barThickness) fitBars();
      chart.update();
    },
  };
}

// The departments: every one of them, each row sliding to its place.
function departmentList(list, ctx) {
  const items = new Map();
  const cut = document.createElement('div');
  cut.className = 'lb-cut';
  list.append(cut);

  return {
    show(group) {
      const count = group.rows.length;
      const height = 100 / Math.max(count, 8);
      group.rows.forEach((row, index) => {
        let item = items.get(row.unit);
        if (!item) {
          item = document.createElement('li');
          item.innerHTML = '<span class="rank"></span><span class="name"><span></span><i></i></span><span class="rate"></span>';
          list.append(item);
          items.set(row.unit, item);
        }
        const state = row.rank == null ? 'unranked' : row.qualified === true ? 'qualified' : row.qualified === 'tie' ? 'tie' : '';
        item.className = `lb-row ${state} ${row.unit === ctx.unit ? 'own' : ''}`;
        item.style.top = `${index * height}%`;
        item.style.height = `${height}%`;
        item.querySelector('.rank').textContent = row.rank ?? '–';
        item.querySelector('.name span').textContent = row.name;
        item.querySelector('.name i').style.width = `${Math.min(100, (row.rate ?? 0) * 100)}%`;
        const rate = item.querySelector('.rate');
        rate.textContent = rateText(row);
        if (row.movement) {
          const move = document.createElement('span');
          move.className = `move ${row.movement > 0 ? 'up' : 'down'}`;
          move.textContent = row.movement > 0 ? `▲${row.movement}` : `▼${-row.movement}`;
          rate.append(move);
        }
        if (row.rate != null) {
          const small = document.createElement('small');
          small.textContent = `${number.format(row.completed)}/${number.format(row.headcount)} người`;
          rate.append(small);
        }
      });
      const qualifying = group.rows.filter((row) => row.qualified !== false).length;
      cut.style.top = `${qualifying * height}%`;
      cut.style.display = qualifying ? '' : 'none';
      cut.classList.toggle('tie', group.cutTie);
    },
  };
}

// A bridge screen's own unit, when its bar is not on the chart.
function ownUnit(box, communes, ctx) {
  const row = ctx.unit ? communes.rows.find((candidate) => candidate.unit === ctx.unit) : null;
  const onChart = row && row.rank != null && communes.rows.indexOf(row) < TOP;
  box.classList.toggle('shown', Boolean(row) && !onChart);
  if (!row || onChart) return;
  const rank = row.rank == null ? 'chưa xếp hạng' : `hạng ${row.rank}/${communes.rows.length}`;
  box.innerHTML = '';
  const name = document.createElement('b');
  name.textContent = row.name;
  const done = row.headcount == null ? number.format(row.completed) : `${number.format(row.completed)}/${number.format(row.headcount)}`;
  box.append('Đơn vị của bạn: ', name, ` — ${rank} · ${rateText(row)} (${done})`);
}
