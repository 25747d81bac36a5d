/// <reference lib="dom" />
/**
 * The explorer's entry point: registers each page at its address and starts the router and
 * the tooltips.
 */
import { canonPage } from './page-canon.js';
import { chroniclePage } from './page-chronicle.js';
import { comparePage } from './page-compare.js';
import { eventPage } from './page-event.js';
import { eventsPage } from './page-events.js';
import { overviewPage } from './page-overview.js';
import { peoplePage } from './page-people.js';
import { personPage } from './page-person.js';
import { placePage } from './page-place.js';
import { placesPage } from './page-places.js';
import { storiesPage } from './page-stories.js';
import { relationshipsPage } from './page-relationships.js';
import { timePage } from './page-time.js';
import { route, start } from './router.js';
import { startTips } from './tip.js';

route('/', overviewPage, '/');
route('/people', peoplePage, '/people');
route('/people/:id', personPage, '/people');
route('/people/:id/chronicle', chroniclePage, '/people');
route('/events', eventsPage, '/');
route('/events/:id', eventPage, '/');
route('/places', placesPage, '/places');
route('/places/:id', placePage, '/places');
route('/time', timePage, '/time');
route('/canon', canonPage, '/canon');
route('/stories', storiesPage, '/stories');
route('/relationships', relationshipsPage, '/relationships');
route('/compare', comparePage, '/compare');

startTips();
start();
