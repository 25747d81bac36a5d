/**
 * The explorer's comparison and canon in Chromium: `hailsham serve small.db --compare
 * fewer.db` (examples/small.yaml and examples/whatif/fewer-donations.yaml, seed 7) opened at
 * /compare, a diverged life followed into both worlds; and the canon world, whose beats open
 * their scenes in Kathy H.'s memoir. Any console error or failed request fails a test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/load.js';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, serveExplorer, watchProblems } from './serve.js';
import { buildSmallWorld } from './worlds.js';

describe.skipIf(!haveChromium)('two worlds compared, and the canon, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let compare: { base: string; stop: () => void };
  let canon: { base: string; stop: () => void };
  const problems: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hailsham-browser-'));
    const small = buildSmallWorld();
    const fewer = join(dir, 'fewer.db');
    runScenario(loadScenario('examples/whatif/fewer-donations.yaml'), { seed: 7, out: fewer });
    const canonDb = join(dir, 'canon.db');
    runScenario(loadScenario('examples/canon.yaml'), { out: canonDb });
    [compare, canon] = await Promise.all([
      serveExplorer([small, '--compare', fewer]),
      serveExplorer([canonDb]),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watchProblems(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    compare?.stop();
    canon?.stop();
  });

  async function ready(): Promise<void> {
    await page.waitForSelector('main[data-ready="1"]', { timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('main [data-ready="0"]'), null, {
      timeout: 20_000,
    });
  }

  async function open(url: string): Promise<void> {
    await page.goto(url);
    await ready();
  }

  async function follow(selector: string): Promise<void> {
    await page.evaluate(() => (document.getElementById('main')!.dataset.ready = '0'));
    await Promise.all([page.locator(selector).first().click(), page.waitForLoadState()]);
    await ready();
  }

  const heading = () => page.locator('main h1').first().innerText();

  it("shows both worlds' figures and charts, and the lives that diverged", async () => {
    await open(`${compare.base}/compare`);
    expect(await heading()).toBe('One school and its share of the programme and At most three donations');
    expect(await page.locator('table.compare-figures tbody tr').count()).toBe(9);
    expect(await page.locator('svg.chart').count()).toBe(5);
    const rows = page.locator('table.diverged tbody tr');
    expect(await rows.count()).toBe(50);
    expect(await page.locator('#lives p.note').first().innerText()).toContain('stable key');
    await follow('nav.pager a:has-text("Later")');
    expect(page.url()).toContain('offset=50');
    await page.locator('fieldset.checks input[value="phase"]').check();
    await follow('form.filters button[type="submit"]');
    expect(page.url()).toContain('differs=phase');
    const differs = await page.locator('table.diverged tbody tr td:last-child').allInnerTexts();
    expect(differs.length).toBeGreaterThan(0);
    expect(differs.every((d) => d.includes('phase at the end'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('follows a diverged life into the first world and into the second', async () => {
    await open(`${compare.base}/compare`);
    const row = page.locator('table.diverged tbody tr').first();
    const name = await row.locator('td').first().innerText();
    // The lasting address opens the same life in the first world, as its outcome's link does.
    const address = await row.locator('td:nth-child(2) a.address').innerText();
    expect(address).toMatch(/^\/p\/[a-z0-9-]+-\d{4}-\d{2,}$/);
    await follow('table.diverged tbody tr:first-child td:nth-child(2) a.address');
    const opened = new URL(page.url()).pathname;
    expect(opened).toMatch(/^\/people\/\d+$/);
    expect(await heading()).toBe(name);
    expect(await page.locator('dl.facts a.address').innerText()).toBe(address);
    await page.goBack();
    await ready();
    await follow('table.diverged tbody tr:first-child td:nth-child(5) a');
    expect(new URL(page.url()).pathname).toMatch(/^\/people\/\d+$/);
    expect(await heading()).toBe(name);
    await page.goBack();
    await ready();
    await follow('table.diverged tbody tr:first-child td:nth-child(6) a');
    expect(new URL(page.url()).pathname).toMatch(/^\/b\/people\/\d+$/);
    expect(await heading()).toBe(name);
    expect(await page.locator('.masthead .world-tag').innerText()).toMatch(/second world/i);
    expect(await page.locator('.masthead .world-name').innerText()).toBe('At most three donations');
    // Inside the second world every link stays in it.
    await follow('ol.timeline li.t-donated .id a');
    expect(new URL(page.url()).pathname).toMatch(/^\/b\/events\/\d+$/);
    await follow('.nav a:has-text("People")');
    expect(new URL(page.url()).pathname).toBe('/b/people');
    expect(await page.locator('main table.list tbody tr').count()).toBeGreaterThan(0);
    await page.fill('input[name="name"]', name.slice(0, 3));
    await follow('form.filters button[type="submit"]');
    expect(new URL(page.url()).pathname).toBe('/b/people');
    expect(await page.locator('main table.list tbody a', { hasText: name }).count()).toBeGreaterThan(0);
    await follow('.nav a:has-text("Compare")');
    expect(new URL(page.url()).pathname).toBe('/compare');
    expect(problems).toEqual([]);
  });

  it("opens each canon beat's scene in Kathy H.'s memoir", async () => {
    await open(`${canon.base}/canon`);
    const scenes = page.locator('ol.beats .scene-links a[href*="/chronicle#ev-"]');
    expect(await scenes.count()).toBeGreaterThan(10);
    const href = (await scenes.nth(8).getAttribute('href'))!;
    const event = href.split('#ev-')[1]!;
    await follow(`ol.beats .scene-links a[href="${href}"]`);
    expect(page.url()).toContain(`/chronicle#ev-${event}`);
    expect(await heading()).toMatch(/^Kathy H\./);
    const cited = page.locator('a.s.cited');
    expect(await cited.count()).toBeGreaterThan(0);
    const inView = await page
      .locator(`#ev-${event}`)
      .evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight);
    expect(inView).toBe(true);
    expect(problems).toEqual([]);
  });

  it('says how to compare on an explorer of one world', async () => {
    await open(`${canon.base}/compare`);
    expect(await heading()).toBe('Two worlds side by side');
    expect(await page.locator('main code').innerText()).toContain('--compare');
    // The API's 404 for the missing second world is the one failure this test expects.
    expect(problems.splice(0).every((p) => p.includes('/api/compare'))).toBe(true);
  });
});
