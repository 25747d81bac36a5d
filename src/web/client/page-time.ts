/// <reference lib="dom" />
/**
 * Time: a scrubber over the world's years. For the chosen date, the map shows how many
 * students, residents and donors were at each place, and bars show the clones in each phase;
 * everything links to the people concerned on that date.
 */
import { allPlaces, get, worldInfo, type Snapshot } from './api.js';
import { fmt, h, link, longDate, pct, PHASE_WORDS, query } from './dom.js';
import { drawMap, mapGeo, type Bubble } from './map.js';
import type { Page } from './router.js';

const PHASES = ['student', 'resident', 'carer', 'donor', 'completed'];

/** Months since year 0, and back, for a scrubber that moves a month at a time. */
const toMonth = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const fromMonth = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;

export const timePage: Page = async ({ query: q, replaceQuery, signal }) => {
  const [world, map, places] = await Promise.all([worldInfo(), mapGeo(), allPlaces()]);
  const first = toMonth(world.start);
  const last = toMonth(world.end);
  const wanted = q.get('date');
  let month =
    wanted && /^\d{4}-\d{2}-\d{2}$/.test(wanted)
      ? Math.min(last, Math.max(first, toMonth(wanted)))
      : Math.round((first + last) / 2);
  const kindOf = new Map(places.items.map((p) => [p.id, p.kind]));

  const when = h('span', { class: 'when' });
  const slider = h('input', {
    type: 'range',
    min: first,
    max: last,
    step: 1,
    value: month,
    'aria-label': 'Date',
  });
  const mapBox = h('div');
  const side = h('div');
  let scale = 1;
  let token = 0;
  let timer: number | undefined;
  let playing: number | undefined;

  const draw = (snap: Snapshot) => {
    const date = snap.date;
    when.textContent = longDate(date).replace(/^1 /, '');
    const bubbles: Bubble[] = [];
    for (const p of snap.places) {
      const add = (count: number, cls: Bubble['cls'], words: string) => {
        if (count > 0)
          bubbles.push({
            place: p.id,
            count,
            cls,
            tip: `${places.items.find((x) => x.id === p.id)?.name ?? ''}: ${fmt(count)} ${words}`,
            href: `/people${query({ place: p.id, year: date.slice(0, 4) })}`,
          });
      };
      add(p.students, 'students', 'students');
      add(p.residents, 'residents', 'residents');
      add(p.donors, 'donors', 'donors');
    }
    // The scale follows the largest count seen, so circles only grow or shrink with the world.
    scale = Math.max(scale, ...bubbles.map((b) => b.count));
    const kinds = new Set(['school', 'home', 'residence', 'recovery-centre']);
    mapBox.replaceChildren(
      drawMap(
        map,
        places.items.filter((p) => kinds.has(kindOf.get(p.id) ?? '')),
        { bubbles, bubbleScale: scale },
      ),
    );
    const living = PHASES.slice(0, 4).reduce((a, k) => a + (snap.phases[k] ?? 0), 0);
    const top = Math.max(1, ...PHASES.map((k) => snap.phases[k] ?? 0));
    side.replaceChildren(
      h(
        'p',
        { class: 'lede' },
        `${fmt(living)} clones living in the programme; ${fmt(snap.phases.completed ?? 0)} completed so far, ${fmt(snap.completedThisYear)} of them since January.`,
      ),
      h(
        'ul',
        { class: 'bars' },
        PHASES.map((k) => {
          const n = snap.phases[k] ?? 0;
          return h(
            'li',
            null,
            link(`/people${query({ phase: k, on: date })}`, PHASE_WORDS[k]!.many),
            h('progress', { class: `p-${k}`, max: top, value: n, 'aria-label': PHASE_WORDS[k]!.many }),
            h(
              'span',
              {
                class: 'num',
                'data-tip':
                  k === 'completed'
                    ? 'completed by this date'
                    : `${pct(n / Math.max(1, living))} of the living`,
              },
              fmt(n),
            ),
          );
        }),
      ),
      h(
        'ul',
        { class: 'legend' },
        h('li', null, h('span', { class: 'swatch round fill-student' }), 'students at their school'),
        h('li', null, h('span', { class: 'swatch round fill-resident' }), 'residents waiting'),
        h('li', null, h('span', { class: 'swatch round fill-donor' }), 'donors at their centre'),
      ),
      h('p', { class: 'note' }, 'Carers drive between centres and are counted, not placed.'),
    );
  };

  const load = async () => {
    const mine = ++token;
    const date = fromMonth(month);
    const snap = await get<Snapshot>(`/api/snapshot?date=${date}`, signal);
    if (mine !== token || signal.aborted) return;
    draw(snap);
    replaceQuery(new URLSearchParams({ date }));
  };
  const schedule = () => {
    when.textContent = longDate(fromMonth(month)).replace(/^1 /, '');
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 40);
  };
  slider.addEventListener('input', () => {
    month = Number(slider.value);
    schedule();
  });
  const step = (by: number) => {
    month = Math.min(last, Math.max(first, month + by));
    slider.value = String(month);
    schedule();
  };
  const play = h('button', { type: 'button', class: 'quiet' }, 'Play');
  play.addEventListener('click', () => {
    if (playing !== undefined) {
      window.clearInterval(playing);
      playing = undefined;
      play.textContent = 'Play';
      return;
    }
    if (month >= last) month = first;
    play.textContent = 'Pause';
    playing = window.setInterval(() => {
      if (signal.aborted || month >= last) {
        window.clearInterval(playing);
        playing = undefined;
        play.textContent = 'Play';
        return;
      }
      step(3);
    }, 160);
  });
  signal.addEventListener('abort', () => {
    window.clearInterval(playing);
    window.clearTimeout(timer);
  });

  const snap = await get<Snapshot>(`/api/snapshot?date=${fromMonth(month)}`, signal);
  draw(snap);
  const back = h('button', { type: 'button', class: 'quiet', 'aria-label': 'A year earlier' }, '‹ year');
  back.addEventListener('click', () => step(-12));
  const fwd = h('button', { type: 'button', class: 'quiet', 'aria-label': 'A year later' }, 'year ›');
  fwd.addEventListener('click', () => step(12));
  const content = h(
    'div',
    null,
    h('h1', null, 'The programme on a date'),
    h(
      'p',
      { class: 'subtitle' },
      `Move through the years from ${world.start.slice(0, 4)} to ${world.end.slice(0, 4)}: who was at school, waiting, caring or donating, and where.`,
    ),
    h('div', { class: 'scrubber' }, when, slider, back, fwd, play),
    h('div', { class: 'map-wrap' }, mapBox, side),
  );
  return { title: 'Time', content };
};
