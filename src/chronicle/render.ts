/**
 * Rendering a chronicle. Markdown keeps the prose clean and cites each paragraph's events in a
 * footnote, sentence by sentence (or, with `ids: 'inline'`, a compact `[#12,#34]` after each
 * sentence). HTML makes every sentence a link to its first event in the explorer, carries all
 * its event ids in `data-events`, and can show them as small numbers beside the text.
 */
import type { Chronicle, Sentence } from './model.js';

export type IdStyle = 'notes' | 'inline' | 'none';

export interface RenderOptions {
  /** How Markdown shows event ids (default 'notes'). */
  ids?: IdStyle;
  /** Start of a link to one event; the id is appended (default '/events/', the explorer's path). */
  linkBase?: string;
  /**
   * HTML only: give the first sentence that cites each event an anchor `ev-<id>`, so an address
   * such as `memoir.html#ev-1246` opens at the sentence telling event 1246 (default false).
   */
  anchors?: boolean;
}

/**
 * The chronicle as Markdown.
 * @example writeFileSync('memoir.md', toMarkdown(chronicle))
 */
export function toMarkdown(c: Chronicle, opts: RenderOptions = {}): string {
  const ids = opts.ids ?? 'notes';
  const out: string[] = [`# ${c.title}`, '', `*${c.subtitle}*`, ''];
  let note = 0;
  for (const s of c.sections) {
    if (s.title) out.push(`## ${s.title}`, '');
    for (const p of s.paragraphs) {
      if (ids === 'inline') {
        out.push(p.sentences.map((x) => `${x.text} [${cite(x, ',')}]`).join(' '), '');
      } else if (ids === 'notes') {
        note++;
        out.push(`${p.sentences.map((x) => x.text).join(' ')}[^${note}]`, '');
        out.push(`[^${note}]: ${p.sentences.map((x, i) => `(${i + 1}) ${cite(x, ' ')}`).join('; ')}`, '');
      } else out.push(p.sentences.map((x) => x.text).join(' '), '');
    }
  }
  return out.join('\n');
}

function cite(s: Sentence, sep: string): string {
  const ids = s.events.map((e) => `#${e}`).join(sep);
  return s.more ? `${ids}${sep}…${sep}and ${s.more} more` : ids;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fbfaf7; margin: 0; }
main { max-width: 38em; margin: 3em auto; padding: 0 1.2em; }
h1 { font-weight: normal; font-size: 2em; margin-bottom: 0.2em; }
.subtitle { color: #666; font-style: italic; margin-top: 0; }
h2 { font-weight: normal; font-size: 1.3em; margin-top: 2.2em; letter-spacing: 0.02em; }
p { margin: 0 0 1em; text-align: justify; hyphens: auto; }
a.s { color: inherit; text-decoration: none; border-radius: 2px; }
a.s:hover, a.s:focus { background: #f1e7c9; }
sup.ev { display: none; font: 0.55em/1 system-ui, sans-serif; color: #8a7f68; margin-left: 0.15em; }
sup.ev a { color: inherit; }
body:has(#show-ids:checked) sup.ev { display: inline; }
.controls { font: 0.8em system-ui, sans-serif; color: #666; }
`;

/**
 * The chronicle as a standalone HTML page.
 * @example writeFileSync('memoir.html', toHtml(chronicle, { linkBase: 'http://127.0.0.1:1968/events/' }))
 */
export function toHtml(c: Chronicle, opts: RenderOptions = {}): string {
  const base = opts.linkBase ?? '/events/';
  const anchored = new Set<number>();
  // Empty anchors before a sentence, one per event it is the first to cite: ids stay unique.
  const anchorsOf = (x: Sentence) => {
    if (!opts.anchors) return '';
    const fresh = x.events.filter((e) => !anchored.has(e));
    for (const e of fresh) anchored.add(e);
    return fresh.map((e) => `<span class="ev-anchor" id="ev-${e}"></span>`).join('');
  };
  const body: string[] = [];
  body.push(`<h1>${esc(c.title)}</h1>`, `<p class="subtitle">${esc(c.subtitle)}</p>`);
  body.push(
    '<p class="controls"><label><input type="checkbox" id="show-ids"> show the events behind each sentence</label></p>',
  );
  for (const s of c.sections) {
    if (s.title) body.push(`<h2>${esc(s.title)}</h2>`);
    for (const p of s.paragraphs) {
      const html = p.sentences
        .map((x) => {
          const list = x.events.join(' ');
          const sup =
            x.events.map((e) => `<a href="${esc(base + e)}">${e}</a>`).join(' ') +
            (x.more ? ` … +${x.more}` : '');
          const more = x.more ? ` data-more="${x.more}"` : '';
          return `${anchorsOf(x)}<a class="s" href="${esc(base + x.events[0]!)}" data-events="${list}"${more} title="events ${x.events.join(', ')}${x.more ? ` and ${x.more} more` : ''}">${esc(x.text)}</a><sup class="ev">${sup}</sup>`;
        })
        .join(' ');
      body.push(`<p>${html}</p>`);
    }
  }
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hailsham chronicle">
<title>${esc(c.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main data-kind="${c.kind}" data-subject="${c.subject.id}" data-seed="${c.world.seed}" data-log-sha256="${esc(c.world.logSha256)}">
${body.join('\n')}
</main>
</body>
</html>
`;
}
