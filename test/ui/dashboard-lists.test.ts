// Finding one's way in the dashboard: grouping by the roadmap's phases, the
// topic, kind and status filters, the search, the detail pane's scrolling and
// the 10x what-if view, as a person sees them.
import { describe, expect, it } from 'vitest';
import { evaluateWhatIf } from '../../src/roadmap/what-if.js';
import { filterValues } from '../../src/ui/list-model.js';
import { detailLines } from '../../src/ui/detail-model.js';
import { dataFor, draw, inputsFor, KEY, press, selectedLine } from '../helpers/dashboard.js';

const EXAMPLE = 'examples/scale-advise.yaml';
const inputs = inputsFor(EXAMPLE);
const data = dataFor(EXAMPLE);
const total = data.findings.length;
const listTitles = (frame: string) => data.findings.filter((f) => frame.split('\n').some((l) => /^[› ] /.test(l) && l.includes(f.title))).map((f) => f.rule);

describe('grouping', () => {
  it('toggles between severity and the roadmap phases with g', async () => {
    const app = draw(inputs);
    let frame = await press(app);
    expect(frame).toContain('by severity');
    expect(frame).toMatch(/^HIGH \(\d+\)$/m);
    frame = await press(app, 'g');
    expect(frame).toContain('by roadmap phase');
    const now = data.phases[0]!;
    // a step of the roadmap may carry several findings of one cause
    expect(frame).toContain(`${now.title} (${now.steps} steps, ${data.findings.filter((f) => data.phaseOf.get(f.rule) === now.id).length} findings)`);
    expect(frame).not.toMatch(/^HIGH \(/m);
    // the first finding listed is one the roadmap plans now
    const first = data.findings.find((f) => selectedLine(frame)!.includes(f.title))!;
    expect(data.phaseOf.get(first.rule)).toBe(now.id);
    frame = await press(app, 'g');
    expect(frame).toContain('by severity');
  });

  it('puts the findings the roadmap does not plan (the waived one) last', async () => {
    const app = draw(inputs, 60);
    const frame = await press(app, 'g', ...Array.from({ length: total }, () => 'j'));
    expect(frame).toMatch(/Not in the roadmap: addressed, waived or baselined \(1\)/);
    expect(selectedLine(frame)).toContain('[waived]');
  });
});

describe('filters', () => {
  it('cycles the kind filter with 2, shows it, and counts the matches', async () => {
    const app = draw(inputs, 60);
    const kinds = filterValues(data.findings, 'kind');
    expect(kinds.length).toBeGreaterThan(1);
    for (const kind of kinds) {
      const frame = await press(app, '2');
      const matching = data.findings.filter((f) => f.kind === kind);
      expect(frame).toContain(`${matching.length} of ${total} findings match`);
      expect(frame).toContain(`kind: ${kind}`);
      expect(listTitles(frame).every((r) => matching.some((f) => f.rule === r))).toBe(true);
    }
    const frame = await press(app, '2'); // past the last kind: off again
    expect(frame).toContain(`${total} findings · by severity`);
    expect(frame).not.toContain('kind:');
  });

  it('filters by topic with 1', async () => {
    const app = draw(inputs);
    const topic = filterValues(data.findings, 'topic')[0]!;
    const frame = await press(app, '1');
    expect(frame).toContain(`topic: ${topic}`);
    expect(frame).toContain(`${data.findings.filter((f) => f.topics.includes(topic)).length} of ${total} findings match`);
    const shown = data.findings.find((f) => selectedLine(frame)!.includes(f.title))!;
    expect(shown.topics).toContain(topic);
  });

  it('filters by status with 3, and 0 clears every filter', async () => {
    const app = draw(inputs);
    let frame = await press(app, '3');
    expect(frame).toContain('status: open');
    expect(frame).toContain(`${data.counts.open} of ${total} findings match`);
    frame = await press(app, '3');
    expect(frame).toContain('status: waived');
    expect(frame).toContain(`1 of ${total} findings match`);
    expect(selectedLine(frame)).toContain('[waived]');
    expect(frame).toContain('(db-read-replicas)');
    frame = await press(app, '1', '0');
    expect(frame).toContain(`${total} findings · by severity`);
  });

  it('says so when nothing matches', async () => {
    const app = draw(inputs);
    await press(app, '/');
    const frame = await press(app, ...'zzzz-no-such-thing'.split(''), KEY.enter);
    expect(frame).toContain(`0 of ${total} findings match`);
    expect(frame).toContain('No finding matches the filters and search');
    expect(frame).not.toContain('›');
  });
});

describe('search', () => {
  it('narrows the list as each letter is typed, and Esc clears it', async () => {
    const app = draw(inputs);
    let frame = await press(app, '/');
    expect(frame).toContain('Search:');
    const counts: number[] = [];
    for (const ch of 'pool') {
      frame = await press(app, ch);
      const m = /(\d+) of \d+ findings match|(\d+) findings ·/.exec(frame)!;
      counts.push(Number(m[1] ?? m[2]));
    }
    const pooler = data.findings.filter((f) => `${f.title} ${f.rule} ${f.message} ${f.topics.join(' ')}`.toLowerCase().includes('pool'));
    expect(counts.at(-1)).toBe(pooler.length);
    expect(counts[0]).toBeGreaterThan(counts.at(-1)!);
    expect(frame).toContain('search: "pool"');
    frame = await press(app, KEY.escape);
    expect(frame).toContain(`${total} findings · by severity`);
    expect(frame).not.toContain('Search:');
  });

  it('keeps the search on Enter, so the keys work on the narrowed list', async () => {
    const app = draw(inputs);
    await press(app, '/', 'p', 'o', 'o', 'l', 'e', 'r');
    let frame = await press(app, KEY.enter);
    expect(frame).toContain('search: "pooler"');
    expect(selectedLine(frame)).toContain('connection pooler');
    frame = await press(app, 'j'); // the only match stays selected
    expect(selectedLine(frame)).toContain('connection pooler');
  });
});

describe('the detail pane', () => {
  it('scrolls with J/K and PgDn/PgUp when the finding is taller than the pane, and says what is below', async () => {
    const app = draw(inputs);
    const first = data.findings[0]!;
    let frame = await press(app);
    expect(frame).toContain(`(${first.rule})`);
    expect(frame).toMatch(/↓ \d+ more lines \(PgDn or J\)/);
    const last = detailLines(first, data, 100).at(-1)!.text.trim();
    expect(frame).not.toContain(last);
    frame = await press(app, 'J', KEY.pageDown, 'J', 'J');
    expect(frame).not.toContain(`(${first.rule})`);
    expect(frame).toContain(last);
    expect(frame).toContain('↑ top: PgUp or K');
    expect(selectedLine(frame)).toContain(first.title); // the list stays where it was
    frame = await press(app, 'K', KEY.pageUp, 'K', 'K');
    expect(frame).toContain(`(${first.rule})`);
  });

  it('shows the waiver that covers a finding: owner, reason, expiry, scope and where it is written', async () => {
    const app = draw(inputs);
    const frame = await press(app, '3', '3');
    expect(frame).toContain('Waived by platform@acme.example until 2027-03-31 (scope: the whole rule)');
    expect(frame).toContain('reason: Migrating to Aurora in Q1; replicas come with it.');
    expect(frame).toMatch(/written in examples\/scale-advise\.yaml:128:\d+/);
  });
});

describe('the 10x what-if view', () => {
  it('marks the findings that appear at 10x, and x turns it off', async () => {
    const comparison = evaluateWhatIf(inputs, 10).whatIf!;
    expect(comparison.appear.length).toBeGreaterThan(0);
    const app = draw(inputs, 80);
    let frame = await press(app, 'x');
    expect(frame).toContain(`10x WHAT-IF: Growth → ${comparison.stage.to === 'scale' ? 'Scale' : comparison.stage.to}, +${comparison.appear.length} appear, −${comparison.disappear.length} go`);
    // each appearing finding is in the list, marked, and its detail says so
    for (const f of comparison.appear) {
      await press(app, '/', ...f.rule.split(''), KEY.enter);
      frame = await press(app);
      expect(selectedLine(frame)).toContain(`› + ${f.title.slice(0, 40)}`);
      expect(frame).toContain('At 10x load this finding appears.');
      await press(app, '0');
    }
    const target = comparison.appear[0]!;
    await press(app, '/', ...target.rule.split(''), KEY.enter);
    frame = await press(app, '0', 'x');
    expect(frame).not.toContain('WHAT-IF');
    expect(frame).not.toContain(`+ ${target.title}`);
  });

  it('marks the findings that would go away at 10x', async () => {
    const fintech = inputsFor('test/fixtures/cases/fintech-extraction.yaml');
    const gone = evaluateWhatIf(fintech, 10).whatIf!.disappear;
    expect(gone.map((f) => f.rule)).toEqual(['extract-high-volume-component']);
    const app = draw(fintech);
    await press(app, 'x', '/', ...gone[0]!.rule.split(''), KEY.enter);
    const frame = await press(app);
    expect(frame).toContain('−1 go');
    expect(selectedLine(frame)).toContain(`› − ${gone[0]!.title.slice(0, 40)}`);
    expect(frame).toContain('At 10x load this finding no longer fires.');
  });

  it('on a healthy MVP says whether 10x would bring findings', async () => {
    const healthy = inputsFor('test/fixtures/cases/healthy-mvp.yaml');
    const appear = evaluateWhatIf(healthy, 10).whatIf!.appear;
    const app = draw(healthy);
    expect(await press(app)).toContain('x: 10x what-if  q: quit');
    const frame = await press(app, 'x');
    if (appear.length) {
      expect(frame).toContain(`+${appear.length} appear`);
      expect(selectedLine(frame)).toContain('› + ');
    } else expect(frame).toContain('No findings, even at 10x load.');
  });
});
