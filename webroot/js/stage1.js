// Admin, stage 1: upload the learning platform's export and the headcounts, download the standings.
import { showGroupLabels } from './client.js';
import { openSession } from './session.js';
import { column, rowError, say } from './messages.js';

const $ = (id) => document.getElementById(id);
showGroupLabels();

const session = openSession('admin', () => {
  $('tools').hidden = false;
  $('stage1').hidden = false;
});

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

function refused(title, error) {
  show(title, [`Không thực hiện: ${say(error)}`], error.rejected ?? []);
}

async function upload(form, fileInput, path, describe) {
  const file = fileInput.files[0];
  if (!file) return;
  const button = form.querySelector('button');
  button.disabled = true;
  $('status').textContent = `Đang gửi ${file.name} (${(file.size / 1024).toFixed(0)} KB)…`;
  try {
    show(`${file.name}: đã nhập`, describe(await session.api(path, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file })));
    $('status').textContent = '';
  } catch (error) {
    if (error.status === 0) {
      $('status').textContent = `Không gửi được: ${say({ code: 'disconnected' })}`;
    } else {
      refused(`${file.name}: không nhập`, error);
      $('status').textContent = '';
    }
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

document.querySelectorAll('[data-file]').forEach((button) => button.addEventListener('click', () => {
  session.download(`/api/participation/export/${button.dataset.file}`, `chang-1-${button.dataset.file}`)
    .catch((error) => refused(button.textContent, error.status === 0 ? { code: 'disconnected' } : error));
}));
