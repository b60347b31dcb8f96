// The public page on a phone: the day being served and the agenda's now/next; on the final's
// day the running order, who is presenting with the countdown, and each prize once the MC has
// revealed it; then stage 1: city-wide totals, completion over time, and both groups' full
// tables with the cut line. Only public topics: nothing here is known before it is revealed.
import {
  agendaClock, agendaView, connect, countdown, day, eventSummary, fetchJson, hhmm, showGroupLabels, zonedFormat,
} from './client.js';
import { contactItems } from './contacts.js';

const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const number = new Intl.NumberFormat('vi-VN');
const FINAL_TICK_MS = 500;
const dayLabel = zonedFormat('en-GB', { day: '2-digit', month: '2-digit' });
const TWO_DAYS_MS = 2 * 24 * 3600 * 1000;
const $ = (selector) => document.querySelector(selector);

let board = null;
let shown = 'communes';
let agendaNow = null;
let finalNow = null;
const chart = completionChart($('.chart canvas'), $('.chart-empty'));
const live = connect({ screen: 'public', topics: ['leaderboard', 'agenda', 'final'] });
showGroupLabels();

eventSummary().then((event) => {
  $('.contact-list').replaceChildren(...contactItems(event.contacts));
  $('.organiser').textContent = event.organiser;
  $('.event').textContent = event.shortName || event.name;
  document.title = `${event.shortName || event.name} · trực tiếp`;
});

live.onStatus((status) => {
  const text = { live: 'Trực tiếp', connecting: 'Đang kết nối…', stale: 'Đang kiểm tra kết nối…', down: 'Mất kết nối — đang thử lại' };
  $('.status').textContent = text[status] || status;
  $('.status').className = `status ${status}`;
});

live.on('agenda', (data) => {
  const agenda = agendaView(data);
  agendaNow = agenda;
  $('.day').textContent = `${agenda.dayName} · ${day(agenda.dayStart)} · ${hhmm(agenda.dayStart)} · ${agenda.venue.name}`;
  renderFinal();
  const line = $('.agenda');
  const now = agenda.status === 'running' || agenda.status === 'paused' ? agenda.now : null;
  const next = agenda.nextItem;
  line.hidden = !now && !next;
  line.textContent = now ? `Đang diễn ra: ${now.title}` : next ? `Tiếp theo (${hhmm(next.plannedStart)}): ${next.title}` : '';
});

live.on('final', (data) => {
  finalNow = data;
  renderFinal();
});
setInterval(tickFinal, FINAL_TICK_MS);

/** The final, once there are finalists or the agenda serves its day: order, who presents, prizes revealed. */
function renderFinal() {
  const section = $('.final');
  const showing = finalNow && (finalNow.finalists.length > 0 || agendaNow?.day === 'final');
  section.hidden = !showing;
  if (!showing) return;
  const agenda = agendaNow?.day === 'final' ? agendaNow : null;
  const nameOf = (unit) => finalNow.finalists.find((f) => f.unit === unit)?.name ?? unit;
  const titleOf = (unit) => finalNow.entries.find((e) => e.unit === unit)?.title ?? '';
  const running = agenda && (agenda.status === 'running' || agenda.status === 'paused') && agenda.now.presentation ? agenda.now : null;
  const rows = (finalNow.order ?? finalNow.finalists.map((f) => f.unit)).map((unit, index) => {
    const slot = finalNow.order ? agenda?.items.find((item) => item.presentation === index + 1) : null;
    const li = document.createElement('li');
    li.className = running && running.unit === unit ? 'now' : slot?.actualEnd ? 'done' : '';
    li.append(span('pos', finalNow.order ? String(index + 1) : '•'), span('name', nameOf(unit)),
      span('time', slot ? hhmm(slot.plannedStart) : ''), span('title', titleOf(unit)));
    return li;
  });
  $('.final .order').replaceChildren(...rows);
  $('.final .order-note').textContent = !finalNow.order ? `${finalNow.finalists.length} đơn vị vào Chung kết; thứ tự trình bày được bốc thăm tại Lễ Chung kết.`
    : finalNow.draw?.method === 'draw' ? `Thứ tự bốc thăm với số ${finalNow.draw.seed}${finalNow.draw.seedGiven ? ' (bốc tại hội trường)' : ''}.`
      : 'Thứ tự do Ban Tổ chức công bố.';
  $('.final .presenting').hidden = !running;
  if (running) {
    $('.final .who').textContent = running.title;
    $('.final .entry').textContent = running.by ? `“${running.by}”` : '';
  }
  const revealed = finalNow.reveal.revealed;
  $('.final .prizes').hidden = revealed.length === 0;
  // the newest first: the prize just announced in the hall is at the top
  $('.final .awards').replaceChildren(...[...revealed].reverse().map((award) => {
    const li = document.createElement('li');
    li.append(span('prize', award.prizeName), span('name', award.name), span('amount', `${number.format(award.amountVnd)} đồng`));
    return li;
  }));
  tickFinal();
}

/** The presenting unit's countdown, from the agenda's anchors and the server's clock. */
function tickFinal() {
  const presenting = $('.final .presenting');
  if (presenting.hidden || !agendaNow) return;
  const figures = agendaClock(agendaNow, live.serverNow());
  if (!figures) return;
  const shownNow = countdown(figures.remaining);
  $('.final .countdown').textContent = shownNow.text;
  $('.final .countdown').className = `countdown ${shownNow.over ? 'over' : shownNow.warn ? 'warn' : ''}`;
  $('.final .left-label').textContent = agendaNow.status === 'paused' ? 'tạm dừng' : shownNow.over ? 'quá giờ' : 'còn lại';
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

live.on('leaderboard', (data) => {
  if (!data.ready) return;
  board = data;
  renderTotals(data.totals);
  chart.show(data.history, data.totals);
  renderTable();
  $('.rule').textContent = `Cách xếp hạng: ${data.groups[0].rule}`;
});

for (const tab of document.querySelectorAll('.tabs button')) {
  tab.addEventListener('click', () => {
    shown = tab.dataset.group;
    document.querySelectorAll('.tabs button').forEach((other) => other.setAttribute('aria-selected', String(other === tab)));
    renderTable();
  });
}
$('.find').addEventListener('input', renderTable);

function renderTotals(totals) {
  $('.completed').textContent = number.format(totals.completed);
  $('.enrolled').textContent = number.format(totals.enrolled);
  $('.rate').textContent = totals.rate == null ? '–' : `${percent.format(totals.rate * 100)}%`;
  $('.rate-label').textContent = totals.rate == null ? 'chưa có tổng số cán bộ, công chức, viên chức và người lao động'
    : totals.unitsWithHeadcount < totals.units ? `tỷ lệ hoàn thành của ${totals.unitsWithHeadcount}/${totals.units} đơn vị có tổng số`
      : 'tỷ lệ hoàn thành';
}

function renderTable() {
  if (!board) return;
  const group = board.groups.find((candidate) => candidate.id === shown);
  const query = fold($('.find').value.trim());
  $('.note').textContent = `${group.qualify} đơn vị dẫn đầu vào Chặng 2.${group.cutTie ? ' Có đơn vị đồng hạng tại vạch: chưa phân định.' : ''}`;
  const rows = [];
  group.rows.forEach((row, index) => {
    if (query && !fold(row.name).includes(query)) return;
    const next = group.rows[index + 1];
    const tr = document.createElement('tr');
    tr.className = [
      row.qualified === true ? 'qualified' : row.qualified === 'tie' ? 'tie' : '',
      row.qualified !== false && (!next || next.qualified === false) ? 'cut' : '',
    ].join(' ');
    tr.append(
      cell(row.rank ?? '–', 'num rank'),
      nameCell(row),
      cell(row.headcount == null ? number.format(row.completed) : `${number.format(row.completed)}/${number.format(row.headcount)}`, 'num'),
      cell(row.rate == null ? 'chưa có tổng số' : `${percent.format(row.rate * 100)}%`, row.rate == null ? 'num missing' : 'num'),
      cell(row.avgScore == null ? '–' : percent.format(row.avgScore), 'num'));
    rows.push(tr);
  });
  $('tbody').replaceChildren(...rows);
}

function nameCell(row) {
  const td = cell(row.name, 'name');
  if (row.movement) {
    const move = document.createElement('span');
    move.className = `move ${row.movement > 0 ? 'up' : 'down'}`;
    move.textContent = row.movement > 0 ? ` ▲${row.movement}` : ` ▼${-row.movement}`;
    td.append(move);
  }
  return td;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.className = className;
  td.textContent = text;
  return td;
}

function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

// City-wide completions over time: the share of the headcount when there is one, else the count.
// Ticks are days over a span of two days or more, else hours (a day's ticks would all read alike).
function completionChart(canvas, empty) {
  let tickLabel = dayLabel;
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  const dataset = { data: [], borderColor: '#1456c8', backgroundColor: 'rgba(20,86,200,.12)', fill: true, pointRadius: 0, tension: 0.2, stepped: false };
  const instance = new window.Chart(canvas, {
    type: 'line',
    data: { datasets: [dataset] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: { type: 'linear', ticks: { maxTicksLimit: 6, callback: (value) => tickLabel(value) } },
        y: { beginAtZero: true, ticks: { callback: (value) => value } },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  });
  return {
    show(history, totals) {
      // one point or none draws no line, only an axis of made-up dates
      const drawable = history.length >= 2;
      canvas.parentElement.hidden = !drawable;
      empty.hidden = drawable;
      if (!drawable) return;
      const span = history[history.length - 1][0] - history[0][0];
      tickLabel = span >= TWO_DAYS_MS ? dayLabel : hhmm;
      const share = totals.headcount > 0 && totals.unitsWithHeadcount === totals.units;
      dataset.data = history.map(([at, completed]) => ({ x: at, y: share ? (completed * 100) / totals.headcount : completed }));
      instance.options.scales.x.min = history[0][0];
      instance.options.scales.x.max = history[history.length - 1][0];
      instance.options.scales.y.ticks.callback = share ? (value) => `${value}%` : (value) => number.format(value);
      // a count of people has no halves
      instance.options.scales.y.ticks.precision = share ? undefined : 0;
      instance.update('none');
    },
  };
}
