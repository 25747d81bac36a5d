/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Observable Plot, fitted to the explorer: every chart is drawn by `Plot.plot` and then made
 * to behave like the rest of the pages. Plot's own style elements are dropped (the page's
 * security policy forbids inline styles; style.css carries the same rules), its links get
 * plain `href`s under this world's base so the router follows them, and each mark's title
 * becomes the page's tooltip and the accessible name of its link, so a chart is read by
 * pointer, keyboard and screen reader alike.
 */
import * as Plot from '@observablehq/plot';
import { within } from './base.js';

export { Plot };

const XLINK = 'http://www.w3.org/1999/xlink';

/** Plot's output made to fit the page (see the module's note); returns the same element. */
export function decorate<E extends Element>(root: E): E {
  for (const style of root.querySelectorAll('style')) style.remove();
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttributeNS(XLINK, 'href') ?? a.getAttribute('href');
    if (href !== null) {
      a.removeAttributeNS(XLINK, 'href');
      a.setAttribute('href', within(href));
    }
  }
  // Plot names each mark's group ("bar", "area"): a name a plain group may not carry, and no help.
  for (const g of root.querySelectorAll('g[aria-label]'))
    if (!g.hasAttribute('role')) g.removeAttribute('aria-label');
  // A legend's swatches are decoration beside their words.
  for (const swatch of root.querySelectorAll('.plot-swatch > svg'))
    swatch.setAttribute('aria-hidden', 'true');
  for (const title of root.querySelectorAll('title')) {
    const owner = title.parentElement;
    const text = title.textContent ?? '';
    title.remove();
    if (!owner || !text) continue;
    const link = owner.closest('a');
    const target = link && root.contains(link) ? link : owner;
    target.setAttribute('data-tip', text);
    if (link) link.setAttribute('aria-label', text);
  }
  return root;
}

/**
 * Draws a chart with Plot and fits it to the page; `label` names the picture for screen
 * readers (what it shows, in a sentence).
 * @example chart({ marks: [Plot.barY(rows, { x: 'age', y: 'n', href: 'href', title: 'tip' })] }, 'Donors by age')
 */
export function chart(options: Plot.PlotOptions, label: string): SVGSVGElement | HTMLElement {
  const out = decorate(
    Plot.plot({
      style: { fontSize: '12px', fontFamily: 'inherit', background: 'transparent', overflow: 'visible' },
      ...options,
      className: 'plot',
      ariaLabel: label,
    }),
  );
  out.classList.add('chart');
  const svg = out instanceof SVGSVGElement ? out : out.querySelector('svg.plot');
  // A picture with links in it is a group of them; one without is a single image.
  svg?.setAttribute('role', svg.querySelector('a') ? 'group' : 'img');
  return out;
}
