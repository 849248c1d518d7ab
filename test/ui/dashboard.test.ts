// The dashboard's components, drawn by ink-testing-library: what a person
// sees on the first screen, after moving through the list, and when there is
// nothing to do.
import { describe, expect, it } from 'vitest';
import { evidenceLine, gaugeLines } from '../../src/ui/view-model.js';
import { dataFor, draw, inputsFor, KEY, press, selectedLine } from '../helpers/dashboard.js';

const DOWN = KEY.down;
const UP = KEY.up;

describe('the dashboard', () => {
  const inputs = inputsFor('examples/scale-advise.yaml');
  const data = dataFor('examples/scale-advise.yaml');
  const [first, second, third] = data.findings;

  it('shows the system, its stage, the counts and the first finding in detail', async () => {
    const app = draw(inputs);
    await press(app);
    const frame = app.lastFrame()!;
    expect(frame).toContain('acme-shop');
    expect(frame).toContain(`${data.counts.open} open · ${data.counts.addressed} addressed · ${data.counts.waived} waived`);
    expect(frame).toContain(`profile ${data.completenessPct}% complete`);
    expect(frame).toMatch(/MVP → Growth → Scale\s+→ Enterprise/);
    expect(frame).toContain('▲ now');
    expect(frame).toContain('HIGH (');
    expect(selectedLine(frame)).toContain(first!.title);
    expect(frame).toContain(`(${first!.rule})`);
    expect(frame).toContain('Evidence');
    expect(frame.replace(/\s+/g, ' ')).toContain(evidenceLine(first!.evidence[0]!, data.profilePath));
    expect(frame).toContain('Recommendation');
  });

  it('moves with j/k and the arrow keys, and the detail follows the selection', async () => {
    const app = draw(inputs);
    await press(app, 'j');
    expect(selectedLine(app.lastFrame()!)).toContain(second!.title);
    expect(app.lastFrame()).toContain(`(${second!.rule})`);
    await press(app, DOWN);
    expect(selectedLine(app.lastFrame()!)).toContain(third!.title);
    await press(app, 'k', UP, UP, 'k');
    expect(selectedLine(app.lastFrame()!)).toContain(first!.title); // stops at the top
    expect(app.lastFrame()).toContain(`(${first!.rule})`);
  });

  it('keeps the selection in view past the bottom of the list and stops at the last finding', async () => {
    const app = draw(inputs);
    const last = data.findings.at(-1)!;
    await press(app, ...Array.from({ length: data.findings.length + 3 }, () => 'j'));
    expect(selectedLine(app.lastFrame()!)).toContain(last.title.slice(0, 40));
    expect(app.lastFrame()).toContain(`(${last.rule})`);
    expect(app.lastFrame()).toContain(`${last.severity} · ${last.kind} · ${last.status}`);
  });

  it('fits 24 rows', async () => {
    const app = draw(inputs);
    await press(app);
    expect(app.lastFrame()!.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('says so when a healthy MVP has nothing to do', async () => {
    const healthy = inputsFor('test/fixtures/cases/healthy-mvp.yaml');
    expect(dataFor('test/fixtures/cases/healthy-mvp.yaml').findings).toEqual([]);
    const app = draw(healthy);
    await press(app, 'j', DOWN);
    const frame = app.lastFrame()!;
    expect(frame).toContain('tiny-saas');
    expect(frame).toContain('0 open · 0 addressed · 0 waived');
    expect(frame).toContain('No findings');
    expect(frame).not.toContain('›');
    expect(frame).toContain('q: quit');
  });
});

describe('the stage gauge', () => {
  it('puts each marker under the stage it names', () => {
    const { stages, markers } = gaugeLines({ current: 'mvp', in6Months: 'growth', in12Months: 'scale' });
    expect(markers.indexOf('▲ now')).toBe(stages.indexOf('MVP'));
    expect(markers.indexOf('6m')).toBe(stages.indexOf('Growth'));
    expect(markers.indexOf('12m')).toBe(stages.indexOf('Scale'));
  });

  it('shows no projection markers when growth is unknown', () => {
    const { markers } = gaugeLines({ current: 'growth' });
    expect(markers.trim()).toBe('▲ now');
  });

  it('projects the example, which states its growth, 6 and 12 months ahead', () => {
    const data = dataFor('examples/scale-advise.yaml');
    expect(data.gauge.current).toBe('growth');
    expect(data.gauge.in6Months).toBeDefined();
    expect(data.gauge.in12Months).toBeDefined();
  });
});
