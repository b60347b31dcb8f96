// The MC's printable run sheet (/mc/print?day=conference|final): the day's programme with what
// to press at each item, the keys, the final's draw and reveal, and whom to call. Public data
// only (the event, the agenda and the final's public topic): it carries no token and no result.
import { day, eventSummary, fetchJson, hhmm } from './client.js';
import { contactItems } from './contacts.js';

const $ = (id) => document.getElementById(id);

async function load() {
  const [event, agenda, fin] = await Promise.all([eventSummary(), fetchJson('/api/state/agenda'),
    fetchJson('/api/state/final')]);
  const asked = new URLSearchParams(location.search).get('day');
  const shown = event.days[asked] ?? event.days[agenda.day];
  document.title = `Kịch bản điều khiển MC · ${shown.name}`;
  $('event').textContent = `${event.name} · ${event.organiser}`;
  $('day-name').textContent = shown.name;
  $('when').textContent = `${day(shown.start)} · ${hhmm(shown.start)} · ${shown.venue.name} (${shown.venue.address})`;
  $('days').replaceChildren(...Object.values(event.days).map((each) => {
    const link = document.createElement('a');
    link.href = `/mc/print?day=${each.id}`;
    link.textContent = `${each.name} (${day(each.start)})`;
    link.className = each.id === shown.id ? 'active' : '';
    return link;
  }));
  renderProgramme(shown, fin);
  const list = document.createElement('ul');
  list.className = 'contact-list';
  list.append(...contactItems(event.contacts));
  const title = document.createElement('p');
  title.textContent = 'Liên hệ Ban Tổ chức:';
  $('contacts').replaceChildren(title, list);
  $('final-steps').hidden = shown.id !== 'final';
  $('steps').textContent = fin.reveal.steps ? ` (${fin.reveal.steps} bước)` : '';
  $('order').textContent = fin.order
    ? `Thứ tự trình bày (bốc thăm với số ${fin.draw.seed}): ${fin.order.map((unit, i) => `${i + 1}. ${nameOf(fin, unit)}`).join(' · ')}`
    : 'Thứ tự trình bày: chưa bốc thăm.';
}

function nameOf(fin, unit) {
  return fin.finalists.find((f) => f.unit === unit)?.name ?? unit;
}

/** One row per item: planned time, what, who, and what the MC presses to reach it. */
function renderProgramme(shown, fin) {
  const draw = shown.programme.findIndex((item) => item.presentation === 1) - 1;
  $('programme').replaceChildren(...shown.programme.map((item, index) => {
    const tr = document.createElement('tr');
    tr.className = item.presentation ? 'slot' : '';
    const unit = item.presentation && fin.order ? fin.order[item.presentation - 1] : null;
    const what = unit ? `Trình bày: ${nameOf(fin, unit)}` : item.title;
    const press = index === 0 ? 'Bắt đầu' : 'Space';
    const extra = index === draw && shown.id === 'final' ? 'Bốc thăm: gõ số, bấm Bốc thăm thứ tự' : '';
    tr.append(cell(String(index + 1)), cell(`${hhmm(item.plannedStart)}–${hhmm(item.plannedEnd)}`, 'time'),
      cell(what, '', unit ? fin.entries.find((e) => e.unit === unit)?.title : ''), cell(item.by ?? ''),
      cell(press, 'press', extra));
    return tr;
  }));
}

function cell(text, className = '', note = '') {
  const td = document.createElement('td');
  td.className = className;
  td.textContent = text;
  if (note) {
    const small = document.createElement('small');
    small.textContent = note;
    td.append(small);
  }
  return td;
}

$('print').addEventListener('click', () => window.print());
load();
