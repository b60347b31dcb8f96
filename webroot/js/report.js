// A unit's printable report: its figures and rank as the screens show them, completions day by
// day, and the people it still has to bring to completion. Opened with the unit's own report link
// (unit and its report key, from /admin), or without a key by an organiser signed in on /admin
// in this browser; the server refuses anyone else.
import { eventSummary, zonedFormat } from './client.js';
import { savedToken } from './session.js';
import { say } from './messages.js';

const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const number = new Intl.NumberFormat('vi-VN');
const when = zonedFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short' });
const $ = (selector) => document.querySelector(selector);

$('.print').addEventListener('click', () => window.print());
load();

async function load() {
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const name of ['unit', 'key']) if (params.get(name)) query.set(name, params.get(name));
  const admin = savedToken('admin');
  const headers = !params.get('key') && admin ? { Authorization: `Bearer ${admin}` } : {};
  const response = await fetch(`/api/participation/report?${query}`, { headers, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    $('.sub').textContent = `Không tải được báo cáo: ${say(body.error)}.`;
    $('.sub').className = 'sub error';
    return;
  }
  await eventSummary();
  render(body);
}

function render(report) {
  const { unit, group, row } = report;
  document.title = `Báo cáo Chặng 1 · ${unit.name}`;
  $('h1').textContent = `Báo cáo kết quả Chặng 1 — ${unit.name}`;
  $('.sub').textContent = `${group.label} · số liệu lúc ${when(Date.now())}`;
  $('.figures').replaceChildren(
    figure(row.rank == null ? 'chưa xếp hạng' : `${row.rank}/${group.size}`, 'Hạng trong nhóm'),
    figure(row.rate == null ? 'chưa có' : `${percent.format(row.rate * 100)}%`, row.rate == null ? 'chưa có tổng số cán bộ, công chức, viên chức và người lao động' : 'Tỷ lệ hoàn thành'),
    figure(row.headcount == null ? number.format(row.completed) : `${number.format(row.completed)}/${number.format(row.headcount)}`,
      'Đã hoàn thành / tổng số cán bộ, công chức, viên chức và người lao động'),
    figure(row.avgScore == null ? '–' : percent.format(row.avgScore), 'Điểm trung bình'));
  const standing = row.qualified === true ? `Đơn vị đang trong nhóm ${group.qualify} đơn vị vào Chặng 2.`
    : row.qualified === 'tie' ? 'Đơn vị đang đồng hạng tại vạch vào Chặng 2.'
      : `Đơn vị chưa vào nhóm ${group.qualify} đơn vị dẫn đầu.`;
  $('.standing').textContent = `${standing} Đã đăng ký: ${number.format(row.enrolled)} người.`;
  $('.rule').textContent = `Cách xếp hạng: ${group.rule}`;
  trend(report.trend, row.headcount);
  $('.pending-title').textContent = `Người đã đăng ký nhưng chưa hoàn thành (${number.format(report.pending.length)})`;
  $('.pending tbody').replaceChildren(...report.pending.map((person, index) => {
    const tr = document.createElement('tr');
    tr.append(
      cell(index + 1, 'num'),
      cell(person.name || '—'),
      cell(person.person),
      cell(person.enrolledAt == null ? '—' : when(person.enrolledAt)),
      cell(when(person.lastActivityAt)));
    return tr;
  }));
}

function figure(value, label) {
  const div = document.createElement('div');
  const b = document.createElement('b');
  b.textContent = value;
  const span = document.createElement('span');
  span.textContent = label;
  div.append(b, span);
  return div;
}

function cell(text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

function trend(days, headcount) {
  window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  const labels = days.map((point) => point.day.split('-').reverse().slice(0, 2).join('/'));
  new window.Chart($('.trend canvas'), {
    type: 'bar',
    data: { labels, datasets: [{ data: days.map((point) => point.completed), backgroundColor: '#1456c8' }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, suggestedMax: headcount ?? undefined } },
      plugins: { legend: { display: false } },
    },
  });
}
