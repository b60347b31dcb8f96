// The holding slide: the movement, the contest's name, the day of the conference and the place.
import { day } from '../client.js';

export function mount(section, live, ctx) {
  section.innerHTML = '<div class="movement">Bình dân học vụ số</div><h1></h1><div class="when"></div><div class="where"></div>';
  section.querySelector('h1').textContent = ctx.event.name;
  section.querySelector('.where').textContent = `${ctx.event.organiser} · ${ctx.event.venue}`;
  live.on('agenda', (agenda) => {
    const first = agenda.items[0];
    section.querySelector('.when').textContent = first ? day(first.plannedStart) : '';
  });
}
