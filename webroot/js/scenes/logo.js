// The holding slide: the movement, the contest's name, and the day being served: its name, date
// and start, and where (the hall and its address), from the agenda topic.
import { day, hhmm } from '../client.js';

export function mount(section, live, ctx) {
  section.innerHTML = '<div class="movement">Bình dân học vụ số</div><h1></h1><div class="day-name"></div>'
    + '<div class="when"></div><div class="where"></div><div class="address"></div><div class="organiser"></div>';
  const $ = (selector) => section.querySelector(selector);
  $('h1').textContent = ctx.event.name;
  $('.organiser').textContent = ctx.event.organiser;
  live.on('agenda', (agenda) => {
    $('.day-name').textContent = agenda.dayName;
    $('.when').textContent = `${day(agenda.dayStart)} · ${hhmm(agenda.dayStart)}`;
    $('.where').textContent = agenda.venue.name;
    $('.address').textContent = agenda.venue.address;
  });
}
