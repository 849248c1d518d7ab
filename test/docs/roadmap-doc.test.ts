// docs/roadmap.md shows the roadmap of the example profile. This test keeps
// it in sync; UPDATE_DOCS=1 rewrites the generated part after a change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load.js';
import { evaluate } from '../../src/engine/assessment.js';
import { formatRoadmapMarkdown } from '../../src/report/roadmap-markdown.js';
import { ROOT } from '../helpers/assess.js';

const DOC = join(ROOT, 'docs', 'roadmap.md');
const NOW = '2026-11-23';
const BEGIN = `<!-- begin generated: scale-advise roadmap --profile examples/scale-advise.yaml --now ${NOW} --format markdown -->`;
const END = '<!-- end generated -->';

function generated(): string {
  const now = new Date(`${NOW}T12:00:00Z`);
  const markdown = formatRoadmapMarkdown(evaluate(load({ cwd: ROOT, profile: 'examples/scale-advise.yaml', now })), { now });
  // One heading level down: the page has its own title.
  return markdown.replace(/^#/gm, '##').trimEnd();
}

describe('docs/roadmap.md', () => {
  it("shows the example profile's roadmap as scale-advise prints it", () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, `docs/roadmap.md needs the line ${BEGIN}`).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const want = generated();
    const have = doc.slice(start + BEGIN.length, end).trim();
    if (have !== want && process.env.UPDATE_DOCS === '1') {
      writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n\n${want}\n\n${doc.slice(end)}`);
      return;
    }
    expect(have, 'docs/roadmap.md is out of date: run UPDATE_DOCS=1 npx vitest run test/docs/roadmap-doc.test.ts').toBe(want);
  });
});
