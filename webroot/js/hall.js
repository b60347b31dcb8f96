// The hall's projector in Phòng 103, opened with the hall's link from /admin (/hall?key=KEY):
// its key puts the screen in the priority tier. Without a key it is a public view of the same
// screen, and says so in a corner for the technician.
import { startScreen } from './screen.js';

const hall = new URLSearchParams(location.search).get('key');
document.querySelector('.keyless').hidden = Boolean(hall);
startScreen({ screen: 'hall', hall: hall ?? undefined });
