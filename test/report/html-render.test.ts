// The HTML report in real headless Chromium, offline: what a person sees, the
// filters, and hostile profile values kept inert. Locally the test skips
// without Chromium; in CI (CI set) it must run. UPDATE_SCREENSHOT=1 rewrites
// docs/html-report.png, the screenshot the README shows, and
// docs/html-timeline.png, the roadmap's timeline that docs/report.md shows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, openOffline, type Chromium } from '../helpers/chromium.js';
import { formatHtml } from '../../src/report/html.js';
import { assessFile, assessText, ROOT } from '../helpers/assess.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Mar 2027" as a count of months, so labels can be compared */
const monthNumber = (label: string) => Number(label.slice(4)) * 12 + MONTHS.indexOf(label.slice(0, 3));

/** WCAG contrast ratio of two computed CSS colours, `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}


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

  const open = (html: string) => openOffline(chromium.browser, html);
  // the example, assessed as of 2026-11-23
  const example = () => assessFile(join(ROOT, 'examples', 'scale-advise.yaml'));

  it('shows the stage and the findings, and a filter hides findings', async () => {
    const a = example();
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

  it('draws the roadmap on a month axis, each step in its phase and in the month its list gives', async () => {
    const a = example();
    const { page, errors } = await open(formatHtml(a));
    const labels = await page.$$eval('svg.timeline .axis text.month', (els) => els.map((el) => el.textContent!));
    expect(await page.$eval('svg.timeline .axis text.assessed', (el) => el.textContent)).toBe('2026-11-23');
    // the assessment's month first (the example is assessed on 2026-11-23), then months in order at an even step
    expect(labels[0]).toBe('Nov 2026');
    const steps = labels.slice(1).map((l, i) => monthNumber(l) - monthNumber(labels[i]!));
    expect(steps.length).toBeGreaterThan(1);
    expect(new Set(steps).size).toBe(1);
    expect(steps[0]).toBeGreaterThan(0);
    const phases = a.roadmap.phases.filter((p) => p.items.length);
    for (const p of phases) {
      const rules = await page.$$eval(`svg.timeline g.phase[data-phase="${p.id}"] g.step`, (gs) => gs.map((g) => g.getAttribute('data-rule')));
      expect(rules).toEqual(p.items.map((i) => i.rule));
    }
    // each bar starts inside the month the list beside the chart names
    const grid = await page.$$eval('svg.timeline line.grid', (ls) => ls.map((l) => Number(l.getAttribute('x1'))));
    const listed = await page.$$eval('.phase li', (lis) => lis.map((li) => [li.querySelector('code')!.textContent!, /from ([A-Z][a-z]{2} \d{4})/.exec(li.textContent!)?.[1] ?? '']));
    expect(listed).toHaveLength(phases.reduce((n, p) => n + p.items.length, 0));
    for (const [rule, month] of listed) {
      const x = await page.$eval(`svg.timeline g.step[data-rule="${rule}"] rect`, (r) => Number(r.getAttribute('x')));
      const k = monthNumber(month!) - monthNumber('Nov 2026');
      expect(x, `${rule} from ${month}`).toBeGreaterThanOrEqual(grid[k]! - 0.5);
      expect(x, `${rule} from ${month}`).toBeLessThan(grid[k + 1]! + 0.5);
    }
    // Next begins when Now's longest step ends
    const ends = await page.$$eval('svg.timeline g.phase[data-phase="now"] rect', (rs) => rs.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'))));
    const nextStarts = await page.$$eval('svg.timeline g.phase[data-phase="next"] rect', (rs) => rs.map((r) => Number(r.getAttribute('x'))));
    expect(Math.min(...nextStarts)).toBeGreaterThanOrEqual(Math.max(...ends) - 1);
    // text alternatives: the chart's title and description, and a tooltip per step
    const described = await page.$eval('svg.timeline', (svg) => svg.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!.textContent));
    expect(described[0]).toBe('The roadmap as a timeline');
    expect(described[1]).toContain(`${listed.length} steps`);
    expect(await page.$$eval('svg.timeline g.step > title', (ts) => ts.length)).toBe(listed.length);
    const shot = await (await page.$('svg.timeline'))!.screenshot();
    if (process.env.UPDATE_SCREENSHOT) writeFileSync(join(ROOT, 'docs', 'html-timeline.png'), shot);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('is readable in dark mode and keeps the timeline when printed', async () => {
    const a = example();
    const { page, errors } = await open(formatHtml(a));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const colours = await page.evaluate(() => {
        const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          bg: style('body').backgroundColor,
          text: style('body').color,
          label: style('svg.timeline g.step text').fill,
          axis: style('svg.timeline .axis text').fill,
          bars: [...document.querySelectorAll('svg.timeline g.phase')].map((g) => getComputedStyle(g.querySelector('rect')!).fill),
        };
      });
      expect(colours.bg, scheme).toBe(scheme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)');
      for (const c of [colours.text, colours.label, colours.axis]) expect(contrast(c, colours.bg), `${scheme} text ${c}`).toBeGreaterThanOrEqual(4.5);
      for (const c of colours.bars) expect(contrast(c, colours.bg), `${scheme} bar ${c}`).toBeGreaterThanOrEqual(3);
    }
    await page.emulateMediaFeatures([]);
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      timeline: document.querySelector('svg.timeline')!.getBoundingClientRect().height,
      filters: getComputedStyle(document.querySelector('.filters')!).display,
    }));
    expect(printed.timeline).toBeGreaterThan(100);
    expect(printed.filters).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(Buffer.from(pdf).subarray(0, 4).toString()).toBe('%PDF');
    // printing opens every finding, so the PDF holds the evidence
    expect(await page.$$eval('details.finding', (ds) => ds.every((d) => (d as HTMLDetailsElement).open))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the findings in the text report\'s groups, and a filter hides a group with no match', async () => {
    const a = example();
    const groups = a.groups ?? [];
    expect(groups.length).toBeGreaterThan(1);
    const { page, errors } = await open(formatHtml(a));
    for (const g of groups) {
      expect(await page.$$eval(`section.group[data-group="${g.id}"] details.finding`, (ds) => ds.map((d) => d.getAttribute('data-rule')))).toEqual(g.findings);
    }
    const shownGroups = () => page.$$eval('section.group', (ss) => ss.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.getAttribute('data-group')));
    expect(await shownGroups()).toHaveLength(groups.length);
    const byRule = new Map(a.findings.map((f) => [f.rule, f]));
    await page.select('select[name=status]', 'waived');
    const withWaived = groups.filter((g) => g.findings.some((r) => byRule.get(r)!.status === 'waived')).map((g) => g.id);
    expect(withWaived.length).toBeGreaterThan(0);
    expect(withWaived.length).toBeLessThan(groups.length);
    expect((await shownGroups()).sort()).toEqual(withWaived.sort());
    await page.select('select[name=status]', '');
    await page.select('select[name=kind]', 'pitfall');
    const sections = await page.$$eval('section.kind', (ss) => ss.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.getAttribute('data-section')));
    // a grouped pitfall shows in its group, under the group's kind: only the sections holding a pitfall stay
    const sectionOf = (rule: string) => groups.find((g) => g.findings.includes(rule))?.kind ?? byRule.get(rule)!.kind;
    expect(sections.sort()).toEqual([...new Set(a.findings.filter((f) => f.kind === 'pitfall').map((f) => sectionOf(f.rule)))].sort());
    expect(await page.$eval('#shown', (el) => el.textContent)).toBe(`${a.findings.filter((f) => f.kind === 'pitfall').length} of ${a.findings.length} findings shown`);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('check --format html shows the verdict and marks the findings that fail it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-check-html-'));
    const file = join(dir, 'check.html');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'check', '--profile', join(ROOT, 'examples', 'scale-advise.yaml'), '--now', '2026-11-23', '--format', `html:${file}`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const json = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'check', '--profile', join(ROOT, 'examples', 'scale-advise.yaml'), '--now', '2026-11-23', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const failing = JSON.parse(json.stdout).check.failing as string[];
    expect(failing.length).toBeGreaterThan(0);
    const { page, requests, errors } = await open(readFileSync(file, 'utf8'));
    expect(await page.$eval('#verdict', (el) => el.textContent)).toMatch(/^check failed: \d+ open findings? among/);
    const marked = await page.$$eval('details.finding', (ds) => ds.filter((d) => d.querySelector('.badge')).map((d) => d.getAttribute('data-rule')));
    expect(marked.sort()).toEqual([...failing].sort());
    expect(await page.$$eval('details.finding[data-status=waived] .badge', (b) => b.length)).toBe(0);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('lists the waivers with the days they have left, and how long a finding carried from an earlier report has been open', async () => {
    const a = example();
    const first = a.findings.find((f) => f.status === 'open')!;
    const carried = { ...a, findings: a.findings.map((f) => (f === first ? { ...f, open_since: '2026-09-01' } : f)) };
    const { page, errors } = await open(formatHtml(carried));
    const rows = await page.$$eval('#waivers tbody tr', (trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)));
    expect(rows).toEqual([['db-read-replicas', 'platform@acme.example', '2027-03-31', '128 days left', 'Migrating to Aurora in Q1; replicas come with it.']]);
    expect(await page.$eval(`details.finding[data-rule="${first.rule}"] summary`, (el) => el.textContent)).toContain('open since 2026-09-01');
    expect(await page.$$eval('details.finding summary', (els) => els.filter((el) => el.textContent!.includes('open since')).length)).toBe(1);
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
