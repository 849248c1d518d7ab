// The roadmap's Mermaid chart, rendered for real: the mermaid package's
// browser build runs in headless Chromium, offline, and must produce an SVG
// without a syntax error. Locally the test skips without Chromium; in CI
// (CI set) it must run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { load } from '../../src/load.js';
import { evaluate } from '../../src/engine/assessment.js';
import { evaluateWhatIf } from '../../src/roadmap/what-if.js';
import { formatRoadmapMarkdown } from '../../src/report/roadmap-markdown.js';
import { ROOT } from '../helpers/assess.js';
import { chromiumAvailable, launchChromium, offlinePage, type Chromium } from '../helpers/chromium.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function mermaidBlock(markdown: string): string {
  const m = /```mermaid\n([\s\S]*?)```/.exec(markdown);
  if (!m) throw new Error('no mermaid block in the roadmap');
  return m[1]!;
}

describe.runIf(chromiumAvailable || process.env.CI)('the roadmap chart renders in a browser', () => {
  let browser: Browser;
  const mermaidJs = readFileSync(join(createRequire(import.meta.url).resolve('mermaid/package.json'), '..', 'dist', 'mermaid.min.js'), 'utf8');

  let chromium: Chromium;

  beforeAll(async () => {
    chromium = await launchChromium();
    browser = chromium.browser;
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
  });

  async function render(chart: string): Promise<{ svg?: string; error?: string; requests: string[] }> {
    const { page, requests } = await offlinePage(browser);
    await page.setContent('<!doctype html><html><body><div id="chart"></div></body></html>');
    await page.addScriptTag({ content: mermaidJs });
    const result = await page.evaluate(async (source: string) => {
      const m = (globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      try {
        return { svg: (await m.render('roadmap', source)).svg };
      } catch (e) {
        return { error: String(e instanceof Error ? e.message : e) };
      }
    }, chart);
    await page.close();
    return { ...result, requests };
  }

  it('renders the example roadmap as an SVG with every step', async () => {
    const a = evaluate(load({ cwd: ROOT, profile: join(ROOT, 'examples', 'scale-advise.yaml'), now: NOW }));
    const chart = mermaidBlock(formatRoadmapMarkdown(a, { now: NOW }));
    const { svg, error, requests } = await render(chart);
    expect(error).toBeUndefined();
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svg).not.toMatch(/Syntax error/i);
    for (const i of a.roadmap.phases.flatMap((p) => p.items)) expect(svg, i.rule).toContain(i.title.replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').slice(0, 20));
    expect(requests).toEqual([]);
  }, 60_000);

  it('renders the 10x what-if roadmap', async () => {
    const a = evaluateWhatIf(load({ cwd: ROOT, profile: join(ROOT, 'examples', 'scale-advise.yaml'), now: NOW }), 10);
    const { svg, error } = await render(mermaidBlock(formatRoadmapMarkdown(a, { now: NOW })));
    expect(error).toBeUndefined();
    expect(svg).toMatch(/^<svg[\s>]/);
  }, 60_000);

  it('reports a broken chart as an error, so the checks above can fail', async () => {
    const { error } = await render('gantt\n  dateFormat YYYY-MM-DD\n  section Now\n  broken task :a1, not-a-date-at-all, banana');
    expect(error).toBeDefined();
  }, 60_000);
});
