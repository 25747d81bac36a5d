/**
 * The explorer's own files, as a fixed table the server answers from: the page shell, the
 * style sheet and icon (kept in TypeScript so the build carries them into dist/ with no copy
 * step), and the client bundled by esbuild into dist/web/client/app.js (with its source map).
 * The table is built once; no part of a request's address is ever joined to a file path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FAVICON_SVG, STYLE_CSS } from './style.js';

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/**
 * Where the bundled client is: beside this module when it runs from dist/, or in dist/ when
 * it runs from the sources (the tests); null when the client has not been built.
 */
export function clientDir(): string | null {
  const candidates = [
    new URL('./client/', import.meta.url),
    new URL('../../dist/web/client/', import.meta.url),
  ];
  for (const url of candidates) {
    const dir = fileURLToPath(url);
    if (existsSync(`${dir}app.js`)) return dir;
  }
  return null;
}

/**
 * The table of assets by name, as served under /app/.
 * @example loadAssets().get('app.js')?.type // 'text/javascript; charset=utf-8'
 */
export function loadAssets(): Map<string, Asset> {
  const table = new Map<string, Asset>();
  table.set('style.css', asset(STYLE_CSS, 'text/css; charset=utf-8'));
  table.set('favicon.svg', asset(FAVICON_SVG, 'image/svg+xml'));
  const dir = clientDir();
  if (dir) {
    for (const name of readdirSync(dir)) {
      const type = /^[a-z0-9-]+\.js$/.test(name)
        ? 'text/javascript; charset=utf-8'
        : /^[a-z0-9-]+\.js\.map$/.test(name)
          ? 'application/json; charset=utf-8'
          : null;
      if (type) table.set(name, asset(readFileSync(`${dir}${name}`, 'utf8'), type));
    }
  }
  return table;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** How the shell is set: which world it is, and whether a second world is open beside it. */
export interface ShellOptions {
  /** A second world is open: the masthead links to the comparison. */
  compare?: boolean;
  /** Where this world's pages are ('' for the first world, '/b' for the second). */
  base?: string;
  /** The first world's name, shown on the second world's pages. */
  first?: string;
}

/** The page every address of the explorer returns; the client draws the rest. */
export function shellHtml(worldName: string, options: ShellOptions = {}): string {
  const built = clientDir() !== null;
  const base = options.base ?? '';
  const nav = [
    ['/', 'Overview'],
    ['/people', 'People'],
    ['/relationships', 'Relationships'],
    ['/places', 'Places'],
    ['/time', 'Time'],
    ['/canon', 'Canon'],
    ['/stories', 'Stories'],
  ]
    .map(([path, label]) => `<a href="${base}${path}">${label}</a>`)
    .join('');
  // The comparison lives with the first world; from the second, its link leaves for the first.
  const compare = options.compare ? '<a href="/compare" class="compare-link">Compare</a>' : '';
  const which = base
    ? `<span class="world-tag" title="the second world of the comparison${options.first ? `; the first is ${escapeHtml(options.first)}` : ''}">second world</span>`
    : options.compare
      ? `<span class="world-tag" title="the first world of the comparison">first world</span>`
      : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(worldName)} · Hailsham</title>
<link rel="icon" href="/app/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/app/style.css">
${built ? '<script type="module" src="/app/app.js"></script>' : ''}
</head>
<body${base ? ` data-base="${escapeHtml(base)}"` : ''}>
<header class="masthead">
  <a class="brand" href="${base || '/'}">Hailsham</a>
  <span class="world-name">${escapeHtml(worldName)}</span>${which}
  <nav class="nav" aria-label="Sections">
    ${nav}${compare}
  </nav>
</header>
<main id="main" tabindex="-1">${
    built
      ? '<p class="loading">Opening the record…</p>'
      : '<p class="note">The explorer’s scripts have not been built. Run <code>npm run build</code> and start the server again; the JSON API at <a href="/api">/api</a> works meanwhile.</p>'
  }</main>
<footer class="colophon"><span>Hailsham explorer</span> · <a href="/api/openapi.json">API</a></footer>
</body>
</html>
`;
}
