// Admin, stage 1: upload the learning platform's export and the headcounts, download the standings.
import { showGroupLabels } from './client.js';
import { STORAGE, openSession } from './session.js';
import { column, rowError, say } from './messages.js';

const $ = (id) => document.getElementById(id);
showGroupLabels();

const session = openSession({
  storageKey: STORAGE.admin,
  roles: ['admin'],
  wrongRole: 'Mã này không phải mã quản trị.',
  start: () => {
    $('tools').hidden = false;
    $('stage1').hidden = false;
  },
});

async function call(path, options = {}) {
  const response = await session.fetch(path, options);
  const type = response.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.blob();
  return { ok: response.ok, status: response.status, body };
}

function show(title, lines, rejected = []) {
  const result = $('result');
  const heading = document.createElement('h2');
  heading.textContent = title;
  const list = document.createElement('ul');
  list.append(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  result.replaceChildren(heading, list);
  if (rejected.length > 0) {
    const table = document.createElement('table');
    table.className = 'rejected';
    table.innerHTML = '<thead><tr><th>Dòng</th><th>Cột</th><th>Lý do</th></tr></thead>';
    const rows = rejected.map((row) => {
      const tr = document.createElement('tr');
      for (const value of [row.line ?? row.index ?? '', column(row.field), rowError(row)]) {
        tr.append(Object.assign(document.createElement('td'), { textContent: value }));
      }
      return tr;
    });
    const body = document.createElement('tbody');
    body.append(...rows);
    table.append(body);
    result.append(table);
  }
  result.hidden = false;
}

function refused(title, { body }) {
  show(title, [`Không thực hiện: ${say(body?.error)}`], body?.rejected ?? []);
}

async function upload(form, fileInput, path, describe) {
  const file = fileInput.files[0];
  if (!file) return;
  const button = form.querySelector('button');
  button.disabled = true;
  $('status').textContent = `Đang gửi ${file.name} (${(file.size / 1024).toFixed(0)} KB)…`;
  try {
    const reply = await call(path, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
    if (reply.ok) show(`${file.name}: đã nhập`, describe(reply.body));
    else refused(`${file.name}: không nhập`, reply);
    $('status').textContent = '';
  } catch (error) {
    $('status').textContent = `Không gửi được: ${say({ code: 'disconnected' })}`;
  } finally {
    button.disabled = false;
  }
}

$('import').addEventListener('submit', (event) => {
  event.preventDefault();
  upload($('import'), $('import-file'), '/api/participation/import', (body) => [
    `${body.rows} dòng, ${body.persons} người`,
    `${body.created} mới, ${body.updated} cập nhật, ${body.unchanged} không đổi`,
    ...(body.ignoredColumns?.length ? [`Bỏ qua các cột: ${body.ignoredColumns.join(', ')}`] : []),
  ]);
});

$('headcounts').addEventListener('submit', (event) => {
  event.preventDefault();
  upload($('headcounts'), $('headcounts-file'), '/api/participation/headcounts', (body) => [
    `Đã cập nhật tổng số cán bộ, công chức, viên chức và người lao động của ${body.units} đơn vị`,
  ]);
});

document.querySelectorAll('[data-file]').forEach((button) => button.addEventListener('click', async () => {
  const reply = await call(`/api/participation/export/${button.dataset.file}`)
    .catch(() => ({ ok: false, status: 0, body: { error: { code: 'disconnected' } } }));
  if (!reply.ok) {
    refused(button.textContent, reply);
    return;
  }
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(reply.body), download: `chang-1-${button.dataset.file}`,
  });
  link.click();
  URL.revokeObjectURL(link.href);
}));
