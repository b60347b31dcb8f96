// The bridge sites scene: one cell per commune-level unit, coloured by status, with totals
// ("112/114 điểm cầu trực tuyến · 3.418 đại biểu"): a room that was on and dropped says "Mất kết
// nối", one never seen "Chưa kết nối". A bridge screen's own unit is outlined.
const number = new Intl.NumberFormat('vi-VN');

export function mount(section, live, ctx) {
  section.innerHTML = `
    <div class="totals"></div>
    <div class="grid"></div>
    <div class="legend">
      <span><i class="online"></i>Trực tuyến</span>
      <span><i class="stale"></i>Tín hiệu chập chờn</span>
      <span><i class="dropped"></i>Mất kết nối</span>
      <span><i class="offline"></i>Chưa kết nối</span>
    </div>`;
  const grid = section.querySelector('.grid');
  const cells = new Map();

  live.on('bridges', (data) => {
    const t = data.totals;
    section.querySelector('.totals').innerHTML =
      `${t.online}/${t.units} <span>điểm cầu trực tuyến</span> · ${number.format(t.attendance)} <span>đại biểu</span>`;
    for (const unit of data.units) {
      if (unit.kind === 'DEPARTMENT') continue;
      const row = { ...unit, ...data.rooms[unit.unit] };
      let cell = cells.get(row.unit);
      if (!cell) {
        cell = document.createElement('div');
        cell.innerHTML = '<b></b><span></span>';
        cell.querySelector('b').textContent = row.name;
        grid.append(cell);
        cells.set(row.unit, cell);
      }
      const dropped = row.status === 'offline' && row.lastSeen != null;
      cell.className = `cell ${row.status} ${dropped ? 'dropped' : ''} ${row.unit === ctx.unit ? 'own' : ''}`;
      cell.querySelector('span').textContent = row.attendance == null ? '' : `${number.format(row.attendance)} đại biểu`;
    }
  });
}
