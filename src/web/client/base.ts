/// <reference lib="dom" />
/**
 * Where this world's pages are. The explorer serves one world at the root and, when comparing,
 * a second under /b (its API under /b/api); the shell says which on `<body data-base>`. Pages
 * write addresses as if at the root, and links, pictures and API calls are moved under the base
 * here, in one place. A link into the other world is left as it is and loads afresh, since
 * the cached world description, places and map belong to this one.
 */

/** '' for the first (or only) world, '/b' for the second. */
export const BASE = document.body.dataset.base ?? '';

/** The second world's base, where the comparison's links to it point. */
export const SECOND = '/b';

/** Whether an address belongs to the second world's pages or API. */
export function inSecond(path: string): boolean {
  return path === SECOND || path.startsWith(`${SECOND}/`) || path.startsWith(`${SECOND}?`);
}

/**
 * An address of this world: a root-relative one moved under the base (the app's own files
 * excepted). Full addresses, and addresses already in a world, are left alone.
 * @example within('/people/3') // '/b/people/3' on the second world's pages
 */
export function within(path: string): string {
  if (!BASE || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/app/') || inSecond(path))
    return path;
  return `${BASE}${path}`;
}

/** The address without the base, as the router matches it. */
export function local(path: string): string {
  return BASE && inSecond(path) ? path.slice(BASE.length) || '/' : path;
}

/** Whether an address is in another world than this page's. */
export function otherWorld(path: string): boolean {
  return inSecond(path) !== (BASE === SECOND);
}
