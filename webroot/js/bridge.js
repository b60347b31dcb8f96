// A bridge room's screen: the hall's view with its own unit highlighted, and a small form for
// the room's technician to report how many delegates are present.
import { say } from './messages.js';
import { startScreen } from './screen.js';

const params = new URLSearchParams(location.search);
const unit = params.get('unit');
// no top-level await: old Chromium builds on room PCs do not have it
startScreen({ screen: 'bridge', unit, key: params.get('key') }).then((live) => {
  const form = document.querySelector('.attendance');
  const result = form.querySelector('.result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const count = Number(form.elements.count.value);
    try {
      await live.command('bridge.attendance', { unit, count });
      result.textContent = `Đã báo cáo ${count}`;
    } catch (error) {
      result.textContent = say(error);
    }
  });
});
