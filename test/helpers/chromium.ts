// Debian's headless Chromium for the tests that render in a real browser,
// offline: every request a page tries is refused and recorded.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Locally a browser test skips without Chromium; in CI (CI set) it must run. */
export const chromiumAvailable = existsSync(CHROMIUM);

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const puppeteer = await import('puppeteer-core');
  const profileDir = mkdtempSync(join(tmpdir(), 'sa-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profileDir}`],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** A new page on which any network request is aborted and listed in `requests`, and console errors in `errors`. */
export async function offlinePage(browser: Browser): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith('data:') || req.url() === 'about:blank') return void req.continue();
    requests.push(req.url());
    void req.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { page, requests, errors };
}

/** An offline page showing the given HTML, at a desktop size. */
export async function openOffline(browser: Browser, html: string, viewport = { width: 1000, height: 900 }): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const opened = await offlinePage(browser);
  await opened.page.setViewport(viewport);
  await opened.page.setContent(html, { waitUntil: 'load' });
  return opened;
}
