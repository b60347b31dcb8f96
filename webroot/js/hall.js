// The hall's projector in Phòng 103.
import { startScreen } from './screen.js';

startScreen({ screen: 'hall' });
