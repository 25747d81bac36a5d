/**
 * The explorer's pictures and its reach, in Chromium: axe-core on every page of the canon world
 * and of a comparison finds no serious or critical violation; every page can be worked from
 * the keyboard; the canon's three are drawn year by year; a cohort's network answers its year
 * slider from the keyboard; and every node and line of a network leads to its person or event.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/load.js';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, serveExplorer, watchProblems } from './serve.js';
import { buildSmallWorld } from './worlds.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
  example: string;
}

describe.skipIf(!haveChromium)('pictures, axe-core and the keyboard, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let canon: { base: string; stop: () => void };
  let compare: { base: string; stop: () => void };
  let kathy: number;
  let beat: number;
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hailsham-pictures-'));
    const canonDb = join(dir, 'canon.db');
    runScenario(loadScenario('examples/canon.yaml'), { out: canonDb });
    const small = buildSmallWorld();
    const fewer = join(dir, 'fewer.db');
    runScenario(loadScenario('examples/whatif/fewer-donations.yaml'), { seed: 7, out: fewer });
    const db = new Database(canonDb, { readonly: true });
    kathy = db.prepare("SELECT id FROM people WHERE name = 'Kathy H.'").pluck().get() as number;
    beat = db.prepare('SELECT id FROM events WHERE type = 90 ORDER BY id LIMIT 1').pluck().get() as number;
    db.close();
    [canon, compare] = await Promise.all([
      serveExplorer([canonDb]),
      serveExplorer([small, '--compare', fewer]),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watchProblems(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    canon?.stop();
    compare?.stop();
  });

  async function open(url: string): Promise<void> {
    await page.goto(url);
    await page.waitForSelector('main[data-ready="1"]', { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('main [data-ready="0"]'), null, {
      timeout: 30_000,
    });
  }

  const pages = () => [
    `${canon.base}/`,
    `${canon.base}/people`,
    `${canon.base}/people/${kathy}`,
    `${canon.base}/people/${kathy}/chronicle`,
    `${canon.base}/events`,
    `${canon.base}/events/${beat}`,
    `${canon.base}/places`,
    `${canon.base}/places/0`,
    `${canon.base}/time`,
    `${canon.base}/canon`,
    `${canon.base}/relationships`,
    `${canon.base}/stories`,
    `${compare.base}/compare`,
    `${compare.base}/b/`,
  ];

  it('finds no serious or critical axe-core violation on any page', async () => {
    const found: Record<string, Violation[]> = {};
    for (const url of pages()) {
      await open(url);
      // Evaluated rather than added as a script tag: the page's policy rightly refuses inline scripts.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe;
        const res = (await axe.run(document, { resultTypes: ['violations'] })) as {
          violations: { id: string; impact: string | null; nodes: { html: string }[] }[];
        };
        return res.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
          example: v.nodes[0]?.html.slice(0, 200) ?? '',
        }));
      });
      found[new URL(url).pathname] = violations;
    }
    const counts = Object.fromEntries(
      Object.entries(found).map(([path, vs]) => [
        path,
        vs.reduce<Record<string, number>>(
          (acc, v) => ({ ...acc, [v.impact ?? 'none']: (acc[v.impact ?? 'none'] ?? 0) + v.nodes }),
          {},
        ),
      ]),
    );
    console.log(`axe-core violations by page and impact: ${JSON.stringify(counts)}`);
    const grave = Object.entries(found).flatMap(([path, vs]) =>
      vs
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${path}: ${v.id} (${v.impact}) ${v.example}`),
    );
    expect(grave).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('can be worked from the keyboard on every page: focus moves into the page and stays visible', async () => {
    for (const url of pages()) {
      await open(url);
      const seen: { inMain: boolean; visible: boolean; what: string }[] = [];
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press('Tab');
        seen.push(
          await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return { inMain: false, visible: false, what: 'body' };
            const box = el.getBoundingClientRect();
            return {
              inMain: el.closest('main') !== null,
              // A straight line across a picture is seen though its box has no height.
              visible: box.width > 0 || box.height > 0,
              what: `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? el.getAttribute('name') ?? ''}`,
            };
          }),
        );
      }
      expect(
        seen.filter((s) => !s.visible).map((s) => s.what),
        url,
      ).toEqual([]);
      expect(
        seen.some((s) => s.inMain),
        `${url}: focus never reached the page's content (${seen.map((s) => s.what).join(', ')})`,
      ).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  it("draws the canon's three year by year, each side opening the event that began its tie", async () => {
    await open(`${canon.base}/canon`);
    const panel = page.locator('section.triangles');
    expect(await panel.locator('h2').textContent()).toMatch(
      /Kathy H\., .*Ruth.*Tommy|Kathy H\., .*Tommy.*Ruth/,
    );
    const sides = panel.locator('svg a[href^="/events/"]');
    expect(await sides.count()).toBeGreaterThan(20);
    const label = (await sides.first().getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/^\d{4}: /);
    await Promise.all([sides.first().click(), page.waitForURL(/\/events\/\d+$/)]);
    await page.waitForSelector('main[data-ready="1"]');
    expect(problems).toEqual([]);
  });

  it("shows a cohort's network and changes its year from the keyboard", async () => {
    await open(`${canon.base}/relationships?school=0&cohort=1968&year=1975`);
    const shown = () => page.locator('svg.network .ties a:not(.off)').count();
    const before = await shown();
    expect(await page.locator('svg.network a.person').count()).toBeGreaterThan(20);
    const slider = page.locator('.year-control input[type="range"]');
    await slider.focus();
    await page.keyboard.press('End');
    const last = await slider.evaluate((el: HTMLInputElement) => el.max);
    expect(await page.locator('.year-control output').innerText()).toBe(last);
    expect(await shown()).not.toBe(before);
    // A person's node, reached and followed by the keyboard, opens their page.
    await page.locator('svg.network a.person').first().focus();
    await Promise.all([page.keyboard.press('Enter'), page.waitForURL(/\/people\/\d+$/)]);
    await page.waitForSelector('main[data-ready="1"]');
    expect(problems).toEqual([]);
  });

  it("draws a person's circle and reads their life year by year, the routine folded", async () => {
    await open(`${canon.base}/people/${kathy}`);
    const circle = page.locator('section.circle-panel');
    expect(await circle.locator('svg.network a.person').count()).toBeGreaterThanOrEqual(3);
    const ties = await circle
      .locator('svg.network .ties a')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(ties.length).toBeGreaterThan(0);
    for (const href of ties) expect(href).toMatch(/^\/(events|people)\/\d+$/);
    // The memoir comes before the records and the events.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('main h2')].map((h) => h.textContent ?? ''),
    );
    expect(order.findIndex((t) => /own words/i.test(t))).toBeLessThan(
      order.findIndex((t) => /year by year/i.test(t)),
    );
    const routine = page.locator('details.routine summary');
    expect(await routine.count()).toBeGreaterThan(3);
    expect(await routine.allInnerTexts()).toContainEqual(expect.stringMatching(/^\d+ Exchanges?: /));
    expect(problems).toEqual([]);
  });
});
