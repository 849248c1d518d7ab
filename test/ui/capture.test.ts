// docs/ui-capture.txt is what the dashboard shows for the example profile at
// 100x30 (tmux capture-pane); the README shows the same text. This test draws
// it again and fails when the committed capture (or the README's copy) no
// longer matches; with UPDATE_CAPTURE=1 it writes both instead. Skips without
// tmux, except in CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

const CAPTURE = join(ROOT, 'docs', 'ui-capture.txt');
const README = join(ROOT, 'README.md');
const REFRESH = 'refresh it with `UPDATE_CAPTURE=1 npx vitest run test/ui/capture.test.ts` and commit it';
/** The README's copy: a text block between the ui-capture comments. */
const README_BLOCK = /(<!-- ui-capture: docs\/ui-capture\.txt -->\n```text\n)([\s\S]*?)(```\n<!-- \/ui-capture -->)/;
const BIN = join(ROOT, 'bin', 'scale-advise.cjs');

/** The screen without trailing spaces and blank lines at the end, as committed. */
const tidy = (screen: string) => screen.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd() + '\n';

describe.runIf(hasTmux || Boolean(process.env.CI))('the dashboard capture in docs/', () => {
  it('matches what the dashboard shows for the example profile at 100x30', async () => {
    const term = new Terminal(`env -u CI NO_COLOR=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ui --profile examples/scale-advise.yaml --no-detect --now 2026-12-04; sleep 60`, { cwd: ROOT, columns: 100, rows: 30 });
    try {
      const screen = tidy(await term.waitFor((t) => t.includes('q: quit'), 'the dashboard'));
      if (process.env.UPDATE_CAPTURE) {
        writeFileSync(CAPTURE, screen);
        writeFileSync(README, readFileSync(README, 'utf8').replace(README_BLOCK, (_m, open: string, _old: string, close: string) => `${open}${screen}${close}`));
      }
      expect(readFileSync(CAPTURE, 'utf8'), `docs/ui-capture.txt is out of date: ${REFRESH}`).toBe(screen);
      expect(README_BLOCK.exec(readFileSync(README, 'utf8'))?.[2], `the README's dashboard capture is out of date: ${REFRESH}`).toBe(screen);
    } finally {
      term.close();
    }
  }, 60_000);
});
