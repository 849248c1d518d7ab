// The HTML report in real headless Chromium, offline: what a person sees, the
// filters, and hostile profile values kept inert. Locally the test skips
// without Chromium; in CI (CI set) it must run. UPDATE_SCREENSHOT=1 rewrites
// docs/html-report.png, the screenshot the README shows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, offlinePage, type Chromium } from '../helpers/chromium.js';
import { formatHtml } from '../../src/report/html.js';
import { assessFile, assessText, ROOT } from '../helpers/assess.js';


const HOSTILE = `version: 1
project:
  name: "<script>window.pwned = 1</script><img src=x onerror=\\"window.pwned = 2\\">'\\"${'x'.repeat(400)}"
traffic: { peak_rps: 40, monthly_active_users: 2000 }
database: { engine: postgresql, cpu_p95_pct: 92, size_gb: 20 }
`;

it('the example report is one file of at most 300 KB', () => {
  const html = formatHtml(assessFile(join(ROOT, 'examples', 'scale-advise.yaml')));
  expect(Buffer.byteLength(html)).toBeLessThanOrEqual(300 * 1024);
  expect(html).not.toMatch(/<(link|img|script)[^>]+(src|href)=/);
});

describe.runIf(chromiumAvailable || process.env.CI)('the HTML report in a browser', () => {
  let chromium: Chromium;

  beforeAll(async () => {
    chromium = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
  });

  async function open(html: string) {
    const opened = await offlinePage(chromium.browser);
    await opened.page.setViewport({ width: 1000, height: 900 });
    await opened.page.setContent(html, { waitUntil: 'load' });
    return opened;
  }

  it('shows the stage and the findings, and a filter hides findings', async () => {
    const a = assessFile(join(ROOT, 'examples', 'scale-advise.yaml'));
    const { page, requests, errors } = await open(formatHtml(a));
    expect(await page.$eval('#stage', (el) => (el as HTMLElement).innerText)).toContain(a.stage.name!);
    const visible = () => page.$$eval('details.finding', (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(await visible()).toBe(a.findings.length);
    expect(await page.$eval('#shown', (el) => el.textContent)).toBe(`${a.findings.length} of ${a.findings.length} findings shown`);
    await page.select('select[name=severity]', 'high');
    const high = a.findings.filter((f) => f.severity === 'high').length;
    expect(high).toBeLessThan(a.findings.length);
    expect(await visible()).toBe(high);
    await page.select('select[name=severity]', '');
    expect(await visible()).toBe(a.findings.length);
    const saturating = a.roadmap.projection.resources.filter((r) => r.months !== null).length;
    expect(saturating).toBeGreaterThan(0);
    expect(await page.$$('svg[aria-label="months until each resource saturates"] rect')).toHaveLength(saturating);
    const shot = await page.screenshot({ fullPage: false });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    if (process.env.UPDATE_SCREENSHOT) writeFileSync(join(ROOT, 'docs', 'html-report.png'), shot);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('renders hostile profile values as text, never as markup', async () => {
    const { page, requests, errors } = await open(formatHtml(assessText(HOSTILE)));
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$eval('h1', (el) => el.textContent)).toContain('<script>window.pwned = 1</script>');
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
