/// <reference lib="dom" />
/**
 * A person's chronicle as prose on the page: every sentence a link to the first event it rests
 * on, with all of them listed in `data-events` and shown, when the reader asks, as small
 * numbers beside it. The first sentence citing each event carries the anchor `ev-<id>`, as the
 * chronicle's own HTML does, so `/people/3/chronicle#ev-1246` opens at the sentence telling
 * event 1246 (and marks every sentence that cites it).
 */
import type { ChronicleView } from './api.js';
import { h, link, type Child } from './dom.js';

export const KIND_WORDS: Record<ChronicleView['kind'], string> = {
  memoir: 'memoir',
  biography: 'biography',
};

/** The sentence's events as the small numbers beside it, each a link. */
function eventNumbers(events: readonly number[], more: number): HTMLElement {
  return h(
    'sup',
    { class: 'ev' },
    events.map((e, i) => [i ? ' ' : '', link(`/events/${e}`, String(e))]),
    more ? ` … +${more}` : null,
  );
}

/**
 * The chronicle's prose. With `fold`, paragraphs after the first `fold` are put in a fold the
 * reader opens (and that opens itself when an anchor inside it is asked for).
 */
export function chronicleProse(c: ChronicleView, opts: { fold?: number } = {}): HTMLElement {
  const anchored = new Set<number>();
  const shown: Child[] = [];
  const folded: Child[] = [];
  let paragraphs = 0;
  for (const sec of c.sections) {
    const into = () => (opts.fold !== undefined && paragraphs >= opts.fold ? folded : shown);
    if (sec.title) into().push(h('h3', null, sec.title));
    for (const p of sec.paragraphs) {
      const body: Child[] = [];
      p.sentences.forEach((x, i) => {
        // Empty anchors, one per event this sentence is the first to cite, keep ids unique.
        for (const e of x.events)
          if (!anchored.has(e)) {
            anchored.add(e);
            body.push(h('span', { class: 'ev-anchor', id: `ev-${e}` }));
          }
        body.push(
          h(
            'a',
            {
              class: 's',
              href: `/events/${x.events[0]!}`,
              'data-events': x.events.join(' '),
              title: `events ${x.events.join(', ')}${x.more ? ` and ${x.more} more` : ''}`,
            },
            x.text,
          ),
          eventNumbers(x.events, x.more),
          i < p.sentences.length - 1 ? ' ' : null,
        );
      });
      into().push(h('p', null, body));
      paragraphs++;
    }
  }
  const idsToggle = h(
    'label',
    { class: 'show-ids' },
    h('input', {
      type: 'checkbox',
      onchange: (e: Event) =>
        (e.currentTarget as HTMLInputElement)
          .closest('.chronicle')!
          .classList.toggle('with-ids', (e.currentTarget as HTMLInputElement).checked),
    }),
    ' show the events behind each sentence',
  );
  return h(
    'div',
    { class: 'chronicle', 'data-kind': c.kind },
    h('p', { class: 'controls' }, idsToggle),
    h('div', { class: 'prose' }, shown),
    folded.length
      ? h(
          'details',
          { class: 'prose' },
          h(
            'summary',
            null,
            `Read on (${paragraphs - (opts.fold ?? 0)} more paragraph${paragraphs - (opts.fold ?? 0) === 1 ? '' : 's'})`,
          ),
          folded,
        )
      : null,
  );
}

/** Links to the person's other kind of chronicle, where they have one. */
export function kindSwitch(c: ChronicleView, href: (kind: string) => string): HTMLElement | null {
  if (c.kinds.length < 2) return null;
  return h(
    'p',
    { class: 'kinds' },
    c.kinds.map((k, i) => [
      i ? ' · ' : '',
      k === c.kind ? h('span', { class: 'current' }, KIND_WORDS[k]) : link(href(k), KIND_WORDS[k]),
    ]),
  );
}
