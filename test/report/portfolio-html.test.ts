// `portfolio --format html` in real headless Chromium, offline: fifty systems'
// rows, finding and sorting them, and a hostile system name kept inert.
// Locally the test skips without Chromium; in CI (CI set) it must run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortfolio } from '../../src/report/portfolio.js';
import { formatPortfolioHtml } from '../../src/report/portfolio-html.js';
import type { JsonReport } from '../../src/report/report-file.js';
import { chromiumAvailable, launchChromium, openOffline, type Chromium } from '../helpers/chromium.js';
import { exampleReport, generatedReport, PORTFOLIO_DAY } from '../helpers/portfolio-reports.js';

const OPTS = { now: new Date(`${PORTFOLIO_DAY}T12:00:00Z`), window: 14 };
const HOSTILE = `<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'"${'x'.repeat(300)}`;

describe.runIf(chromiumAvailable || process.env.CI)('the portfolio page in a browser', () => {
  let chromium: Chromium;
  let reports: JsonReport[];

  beforeAll(async () => {
    chromium = await launchChromium();
    const base = exampleReport();
    reports = Array.from({ length: 50 }, (_, i) => generatedReport(base, i));
    // one system with a hostile name, and a hostile owner
    reports[49] = { ...reports[49]!, project: HOSTILE, owner: `"><script>window.pwned = 3</script>` };
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
  });

  const open = (html: string) => openOffline(chromium.browser, html, { width: 1400, height: 900 });

  const shownSystems = (page: Awaited<ReturnType<typeof open>>['page']) =>
    page.$$eval('table.systems tbody tr', (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => (r as HTMLTableRowElement).cells[0]!.textContent!));

  it('shows a row per system; finding by name and filtering by stage hide the others', async () => {
    const html = formatPortfolioHtml(buildPortfolio(reports.map((report, i) => ({ file: `${i}.json`, report })), null, OPTS));
    const { page, requests, errors } = await open(html);
    expect(await shownSystems(page)).toHaveLength(50);
    expect(await page.$eval('#shown', (el) => el.textContent)).toBe('50 of 50 rows shown');
    await page.type('#find', 'service-1');
    expect((await shownSystems(page)).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `service-1${i}`));
    await page.$eval('#find', (el) => {
      (el as HTMLInputElement).value = '';
      el.dispatchEvent(new Event('input'));
    });
    await page.select('select[name=stage]', 'mvp');
    expect(await shownSystems(page)).toHaveLength(reports.filter((r) => r.stage.id === 'mvp').length);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('sorts by a column when its heading is clicked, and back the other way', async () => {
    const html = formatPortfolioHtml(buildPortfolio(reports.map((report, i) => ({ file: `${i}.json`, report })), null, OPTS));
    const { page, errors } = await open(html);
    const column = (name: string) => page.$$eval('table.systems thead th', (ths, n) => ths.findIndex((th) => th.textContent === n), name);
    const values = async (i: number) => page.$$eval('table.systems tbody tr', (rows, col) => rows.map((r) => (r as HTMLTableRowElement).cells[col]!.textContent!), i);
    const high = await column('high');
    await page.click(`table.systems thead th:nth-child(${high + 1}) button`);
    const up = (await values(high)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    expect(await page.$eval(`table.systems thead th:nth-child(${high + 1})`, (th) => th.getAttribute('aria-sort'))).toBe('ascending');
    await page.click(`table.systems thead th:nth-child(${high + 1}) button`);
    const down = (await values(high)).map(Number);
    expect(down).toEqual([...up].reverse());
    const system = await column('System');
    await page.click(`table.systems thead th:nth-child(${system + 1}) button`);
    const names = await values(system);
    expect(names).toEqual([...names].sort());
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps a hostile system name and owner as text, grouped by owner', async () => {
    const html = formatPortfolioHtml(buildPortfolio(reports.map((report, i) => ({ file: `${i}.json`, report })), 'owner', OPTS));
    const { page, requests, errors } = await open(html);
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$$('script')).toHaveLength(1);
    const names = await shownSystems(page);
    expect(names).toHaveLength(50);
    expect(names).toContain(HOSTILE);
    expect(await page.$$eval('section.group h2', (hs) => hs.map((h) => h.textContent))).toContain(`owner: "><script>window.pwned = 3</script> (1 system)`);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
