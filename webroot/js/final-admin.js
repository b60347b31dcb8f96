// Admin console for stage 2 and the final: entries and council scores, the finalists, order and
// schedule, judges and their links (token and QR shown once), results and ties, finalising,
// and the CSV exports. Reads GET /api/final/admin; every change is a command.
import { connect, eventSummary, zonedFormat } from './client.js';
import { issue, OVERRIDABLE, say as explain } from './messages.js';
import { openSession } from './session.js';

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });
const money = new Intl.NumberFormat('vi-VN');

let admin = null;   // GET /api/final/admin
let units = [];     // the event's units, for names and the unit picker
let councilUnit = null;

/** Builds an element: h('td', {className: 'x'}, 'text', child, …). */
function h(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined).map((c) => (c instanceof Node ? c : String(c))));
  return node;
}

const session = openSession('admin', start);

/**
 * Runs a command, says what happened, and reloads the view. A refusal by an integrity rule may
 * be set aside: the admin is asked for a reason, which the audit log keeps with the command.
 */
async function command(name, args = {}, done = 'Đã lưu.') {
  try {
    await session.command(name, args);
    say(done, 'done');
    await reload();
    return true;
  } catch (error) {
    if (OVERRIDABLE.has(error.code) && !args.override) {
      const reason = window.prompt(`${explain(error)}.\n\nVẫn thực hiện? Nhập lý do (được ghi vào nhật ký):`);
      if (reason) return command(name, { ...args, override: reason }, done);
    }
    say(explain(error), 'error');
    return false;
  }
}

function say(text, tone) {
  $('message').textContent = text;
  $('message').className = tone;
}

const unitName = (code) => {
  const unit = units.find((u) => u.code === code);
  return unit ? (unit.communeLevel ? `${unit.kindLabel} ${unit.name}` : unit.name) : code;
};

/** Epoch ms → a datetime-local value ("2026-06-14T09:30") in the event's zone (Swedish dates are ISO's). */
const isoMinute = zonedFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const localValue = (epochMs) => isoMinute(epochMs).replace(' ', 'T');

const when = zonedFormat('vi-VN', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

async function reload() {
  admin = await session.api('/api/final/admin');
  render();
}

function render() {
  renderEntries();
  renderFinalists();
  renderOrder();
  renderJudges();
  renderResults();
}

function renderEntries() {
  const quota = admin.quotas.finalists;
  $('entries-count').textContent = `${admin.entries.length}/${admin.quotas.stage2} đã nhận`;
  const rows = admin.entries.map((entry, index) => {
    const status = h('select', { disabled: admin.reveal !== null });
    [['received', 'Đã nhận'], ['under-review', 'Đang chấm'], ['scored', 'Đã chấm']]
      .forEach(([value, label]) => status.append(h('option', { value, selected: entry.status === value }, label)));
    status.addEventListener('change', () => command('stage2.entry.status', { unit: entry.unit, status: status.value }));
    const score = h('button', { type: 'button', className: 'small' }, 'Chấm HĐ');
    score.addEventListener('click', () => openCouncil(entry));
    const edit = h('button', { type: 'button', className: 'small secondary' }, 'Sửa');
    edit.addEventListener('click', () => fillEntry(entry));
    const remove = h('button', { type: 'button', className: 'small secondary' }, 'Xóa');
    remove.addEventListener('click', () => {
      const reason = window.prompt(`Xóa bài dự thi của ${entry.name}? Lý do:`);
      if (reason) command('stage2.entry.remove', { unit: entry.unit, reason }, 'Đã xóa bài dự thi.');
    });
    const row = h('tr', { className: index === quota - 1 ? 'cut' : '' },
      h('td', { className: entry.tied ? 'tied' : '' }, entry.councilRank ?? '—', entry.tied ? ' (đồng hạng)' : ''),
      h('td', {}, h('strong', {}, entry.name), h('br'), entry.unit, entry.finalist ? ' · Chung kết' : ''),
      h('td', {}, entry.title),
      h('td', {}, entry.representative, h('br'), entry.contact),
      h('td', {}, { platform: 'Nền tảng', zalo: 'Zalo', email: 'E-mail' }[entry.channel], h('br'), when(entry.receivedAt)),
      h('td', {}, status),
      h('td', {}, entry.councilTotal === null ? '—' : number.format(entry.councilTotal)),
      h('td', {}, score, ' ', edit, ' ', remove));
    return row;
  });
  $('entry-rows').replaceChildren(...rows);
}

function fillEntry(entry) {
  const form = $('entry-form');
  form.unit.value = entry.unit;
  form.title.value = entry.title;
  form.representative.value = entry.representative;
  form.contact.value = entry.contact;
  form.channel.value = entry.channel;
  form.receivedAt.value = localValue(entry.receivedAt);
  form.scrollIntoView({ behavior: 'smooth' });
}

function openCouncil(entry) {
  councilUnit = entry.unit;
  $('council-title').textContent = `Điểm Hội đồng: ${entry.name}`;
  $('council-criteria').replaceChildren(...admin.rubric.criteria.map((criterion) => h('label', {},
    `${criterion.name} (${number.format(criterion.min)}–${number.format(criterion.max)})`,
    h('input', { name: criterion.id, inputMode: 'decimal', required: true,
      value: entry.council?.[criterion.id] ?? '' }))));
  $('council-form').hidden = false;
  $('council-form').scrollIntoView({ behavior: 'smooth' });
}

function renderFinalists() {
  const quota = admin.quotas.finalists;
  const ranked = admin.entries.filter((e) => e.councilRank !== null);
  $('cut-note').textContent = admin.tieAtCut.length
    ? `Đồng hạng tại vị trí thứ ${quota}: ${admin.tieAtCut.map(unitName).join(', ')}. Hội đồng quyết định, rồi xác nhận danh sách bên dưới.`
    : `${ranked.length}/${admin.entries.length} bài đã có điểm Hội đồng; ${quota} đơn vị đứng đầu vào Chung kết.`;
  $('confirm-top').disabled = admin.tieAtCut.length > 0 || admin.finalists.length > 0;
  const form = $('confirm-form');
  if (!form.units.value) form.units.value = ranked.slice(0, quota).map((e) => e.unit).join(',');
  $('finalists-now').textContent = admin.finalists.length
    ? `Đã xác nhận: ${admin.finalists.map((f) => f.name).join(', ')}` : 'Chưa xác nhận đơn vị nào.';
}

function renderOrder() {
  const order = admin.order;
  $('order-now').textContent = !order ? 'Chưa bốc thăm hay đặt thứ tự (MC bốc thăm trên bàn điều khiển).'
    : `${order.method === 'draw' ? `Bốc thăm với số ${order.seed} (${order.seedGiven ? 'bốc tại hội trường' : 'máy chủ chọn'})` : 'Ban Tổ chức đặt'}`
      + `${order.redraws ? ` (lần thay đổi thứ ${order.redraws})` : ''}: `
      + order.units.map((u, i) => `${i + 1}. ${unitName(u)}`).join(' · ');
}

function renderJudges() {
  const total = admin.finalists.length;
  $('judge-rows').replaceChildren(...admin.judges.map((judge) => {
    const remove = h('button', { type: 'button', className: 'small secondary', disabled: admin.reveal !== null }, 'Thu hồi');
    remove.addEventListener('click', () => {
      const reason = window.prompt(`Thu hồi giám khảo ${judge.name}? Phiếu của giám khảo này sẽ bị bỏ. Lý do:`);
      if (reason) command('judge.remove', { judge: judge.id, reason }, 'Đã thu hồi giám khảo.');
    });
    return h('tr', {}, h('td', {}, judge.id), h('td', {}, judge.name), h('td', {}, `${judge.scored}/${total}`), h('td', {}, remove));
  }));
}

function renderResults() {
  const outcome = admin.outcome;
  $('results-state').replaceChildren(outcome.finalised ? h('span', { className: 'ok' }, 'Đã chốt kết quả.')
    : outcome.ready ? h('span', { className: 'ok' }, 'Đủ điều kiện chốt kết quả.') : 'Chưa đủ điều kiện chốt:');
  $('problems').replaceChildren(...outcome.problems.map((p) => h('li', {}, issue(p))));
  const judges = admin.judges;
  $('results-head').replaceChildren(h('tr', {}, h('th', {}, 'Hạng'), h('th', {}, 'Đơn vị'),
    ...judges.map((j) => h('th', {}, j.name)), h('th', {}, 'Trung bình'), h('th', {}, 'Giải')));
  const prize = (p) => (p ? `${p.prizeName} · ${money.format(p.amountVnd)} đ` : '');
  const finalists = outcome.finalists.map((f) => h('tr', {},
    h('td', { className: f.tied ? 'tied' : '' }, f.rank, f.tied ? ' (đồng hạng)' : ''),
    h('td', {}, f.name),
    ...judges.map((j) => {
      const total = f.totals.find((t) => t.judge === j.id);
      return h('td', { className: total?.dropped ? 'dropped' : '' }, total ? number.format(total.total) : '—');
    }),
    h('td', {}, f.mean === null ? '—' : number.format(f.mean)),
    h('td', {}, prize(f.prize))));
  const others = outcome.others.map((o) => h('tr', {},
    h('td', { className: o.tied ? 'tied' : '' }, 'Chặng 2'),
    h('td', {}, o.name), ...judges.map(() => h('td')),
    h('td', {}, o.councilTotal === null ? '' : `HĐ ${number.format(o.councilTotal)}`),
    h('td', {}, prize(o.prize))));
  $('results-rows').replaceChildren(...finalists, ...others);
  $('finalise').disabled = outcome.finalised || !outcome.ready;
  $('unfinalise').disabled = !admin.reveal || admin.reveal.step > 0;
  $('script').replaceChildren(...(admin.reveal?.script ?? []).map((award, index) => h('li', {
    className: index < admin.reveal.step ? 'ok' : '',
  }, `${award.prizeName}: ${unitName(award.unit)}`, index < admin.reveal.step ? ' — đã công bố' : '')));
}

function showNewJudge(created) {
  const qr = h('div', { className: 'qr' });
  qr.innerHTML = created.qrSvg; // made by the server from the link alone
  const print = h('button', { type: 'button', className: 'secondary' }, 'In phiếu này');
  print.addEventListener('click', () => {
    $('judges').classList.add('printing');
    window.print();
    $('judges').classList.remove('printing');
  });
  $('new-judge').replaceChildren(h('div', { className: 'token-card' }, qr, h('div', {},
    h('h3', {}, `Liên kết của giám khảo ${created.name}`),
    h('p', { className: 'url' }, created.url),
    h('p', {}, 'Chỉ hiển thị một lần: hãy in hoặc gửi ngay cho giám khảo. Nếu mất, thu hồi và tạo lại.'),
    print)));
}

async function download(file) {
  try {
    await session.download(`/api/final/export/${file}`, `chung-ket-${file}`);
  } catch (error) {
    say(`Không xuất được: ${explain(error)}`, 'error');
  }
}

function wire() {
  $('entry-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const typed = form.unit.value.trim();
    const unit = units.find((u) => u.code === typed || unitName(u.code) === typed)?.code ?? typed;
    const args = { unit, title: form.title.value, representative: form.representative.value,
      contact: form.contact.value, channel: form.channel.value };
    if (form.receivedAt.value) args.receivedAt = form.receivedAt.value; // a local time: the server reads it in the event's zone
    if (await command('stage2.entry', args, `Đã lưu bài dự thi của ${unitName(unit)}.`)) form.reset();
  });
  $('council-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const scores = {};
    for (const input of $('council-criteria').querySelectorAll('input')) scores[input.name] = Number(input.value.replace(',', '.'));
    if (await command('stage2.council.score', { unit: councilUnit, scores }, 'Đã lưu điểm Hội đồng.')) $('council-form').hidden = true;
  });
  $('council-cancel').addEventListener('click', () => { $('council-form').hidden = true; });
  $('confirm-top').addEventListener('click', () => command('final.finalists.confirm', {}, 'Đã xác nhận các đơn vị vào Chung kết.'));
  $('confirm-form').addEventListener('submit', (event) => {
    event.preventDefault();
    command('final.finalists.confirm', { units: event.target.units.value }, 'Đã xác nhận các đơn vị vào Chung kết.');
  });
  $('order-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const args = { order: event.target.order.value };
    if (event.target.reason.value.trim()) args.reason = event.target.reason.value;
    command('final.order.set', args, 'Đã đặt thứ tự trình bày.');
  });
  $('redraw-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const seed = event.target.seed.value.trim();
    command('final.draw.redo', { reason: event.target.reason.value, ...(seed ? { seed: Number(seed) } : {}) }, 'Đã bốc thăm lại.');
  });
  $('judge-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await session.api('/api/final/judges', { method: 'POST', body: { name: event.target.name.value } });
      event.target.reset();
      showNewJudge(created);
      say(`Đã tạo giám khảo ${created.name}.`, 'done');
      await reload();
    } catch (error) {
      say(explain(error), 'error');
    }
  });
  $('tie-form').addEventListener('submit', (event) => {
    event.preventDefault();
    command('final.tie.break', { units: event.target.units.value, reason: event.target.reason.value }, 'Đã ghi quyết định của Hội đồng.');
  });
  $('finalise').addEventListener('click', () => {
    if (window.confirm('Chốt kết quả? Sau khi chốt, không thể thay đổi điểm.')) command('final.finalise', {}, 'Đã chốt kết quả.');
  });
  $('unfinalise').addEventListener('click', () => {
    const reason = window.prompt('Hủy chốt kết quả? Lý do:');
    if (reason) command('final.finalise.undo', { reason }, 'Đã hủy chốt kết quả.');
  });
  document.querySelectorAll('[data-export]').forEach((button) => button.addEventListener('click', () => download(button.dataset.export)));
}

async function start() {
  for (let attempt = 0; ; attempt += 1) {
    try {
      units = (await eventSummary()).units;
      $('units').replaceChildren(...units.map((u) => h('option', { value: u.code }, unitName(u.code))));
      await reload();
      break;
    } catch (error) {
      $('link').textContent = `Chưa tải được dữ liệu (${explain(error)}) — đang thử lại`;
      await new Promise((resolve) => setTimeout(resolve, Math.min(15_000, 1000 * 2 ** attempt)));
    }
  }
  $('admin').hidden = false;
  const live = connect({ screen: 'admin', topics: ['final'], token: session.token() });
  live.onStatus((status, { refused }) => {
    $('link').textContent = { connecting: 'Đang kết nối', live: 'Trực tuyến', stale: 'Mạng chập chờn', down: 'Mất kết nối' }[status];
    $('link').className = `link ${status}`;
    if (refused && status === 'down') session.refused();
  });
  live.on('final', () => reload().catch(() => {}));
}

wire();
