// Adding a waiver to the user's profile: only the entry is added, every
// other byte (comments, alignment, blank lines, flow lists) stays; the entry
// is checked the way the loader checks waivers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { addWaiverText, addWaiverToProfile, defaultWaiverExpiry, waiverProblem } from '../../src/decisions/waiver-add.js';
import { loadProfile } from '../../src/profile/load.js';
import { ROOT } from '../helpers/assess.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8');
const waiver = { rule: 'cache-missing', reason: 'Redis comes with the Q1 migration: "soon" # not a comment', owner: 'sre-team', expires: '2027-03-04' };
const NOW = new Date('2026-12-04T12:00:00Z');
const RULES = ['cache-missing', 'db-read-replicas'];

/** What the edit removed and added, line by line. */
function changes(before: string, after: string) {
  const parts = diffLines(before, after);
  return { removed: parts.filter((p) => p.removed).map((p) => p.value), added: parts.filter((p) => p.added).map((p) => p.value).join('') };
}

describe('adding a waiver to the profile text', () => {
  it('adds the entry after the last waiver and changes nothing else, comments and alignment included', () => {
    const out = addWaiverText(EXAMPLE, waiver);
    const { removed, added } = changes(EXAMPLE, out);
    expect(removed).toEqual([]);
    expect(parse(added)).toEqual([waiver]);
    expect(out).toContain('waivers:                        # a conscious, time-boxed "not now" for a finding');
    const data = parse(out) as { waivers: unknown[] };
    expect(data.waivers.at(-1)).toEqual(waiver);
    expect(data.waivers).toHaveLength(2);
  });

  it('creates the list at the end when the profile has none', () => {
    const text = 'version: 1   # the format\nproject:\n  name: x   # ours\n';
    const out = addWaiverText(text, waiver);
    expect(out.startsWith(text)).toBe(true);
    expect(parse(out)).toEqual({ version: 1, project: { name: 'x' }, waivers: [waiver] });
  });

  it('turns an empty flow list into a block list, keeping its comment and what follows', () => {
    const text = 'version: 1\nwaivers: []   # none yet\nproject:\n  name: x\n';
    const out = addWaiverText(text, waiver);
    expect(out).toContain('waivers: # none yet\n');
    expect(out.endsWith('project:\n  name: x\n')).toBe(true);
    expect(parse(out)).toEqual({ version: 1, waivers: [waiver], project: { name: 'x' } });
  });

  it('follows the indentation of the list it extends', () => {
    const text = 'version: 1\nwaivers:\n- rule: db-read-replicas\n  reason: r\n  owner: o\n  expires: 2027-01-01\n# kept\n\nproject:\n  name: x\n';
    const out = addWaiverText(text, waiver);
    expect(changes(text, out).removed).toEqual([]);
    expect(out).toContain('\n- rule: cache-missing\n');
    expect((parse(out) as { waivers: unknown[] }).waivers).toHaveLength(2);
  });
});

describe('writing the waiver into the file', () => {
  it('writes the file, which loads with the new waiver and its position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-waiver-'));
    const path = join(dir, 'scale-advise.yaml');
    writeFileSync(path, EXAMPLE);
    const at = addWaiverToProfile(path, 'scale-advise.yaml', waiver);
    const profile = loadProfile(path, dir);
    expect(profile.data.waivers?.at(-1)).toEqual(waiver);
    // the new entry starts on the line where the blank line before stage_models was
    expect(at?.line).toBe(EXAMPLE.split('\n').findIndex((l) => l.startsWith('stage_models:')));
    expect(readFileSync(path, 'utf8')).toContain('# The example profile: a growing e-commerce shop hitting its first scaling wall.');
  });
});

describe('checking a new waiver as the loader does', () => {
  it('runs 90 days by default, counted from the injected day', () => {
    expect(defaultWaiverExpiry(NOW)).toBe('2027-03-04');
  });

  it('accepts a complete waiver within the allowed time', () => {
    expect(waiverProblem(waiver, RULES, NOW)).toBeNull();
  });

  it('says what is wrong: no owner, no reason, a date that does not exist, one that has passed, one too far ahead', () => {
    expect(waiverProblem({ ...waiver, owner: ' ' }, RULES, NOW)).toMatch(/needs an owner/);
    expect(waiverProblem({ ...waiver, reason: '' }, RULES, NOW)).toMatch(/needs a reason/);
    expect(waiverProblem({ ...waiver, expires: '2027-02-30' }, RULES, NOW)).toMatch(/date that exists, as YYYY-MM-DD/);
    expect(waiverProblem({ ...waiver, expires: 'next week' }, RULES, NOW)).toMatch(/YYYY-MM-DD; got "next week"/);
    expect(waiverProblem({ ...waiver, expires: '2026-12-03' }, RULES, NOW)).toMatch(/has passed/);
    expect(waiverProblem({ ...waiver, expires: '2027-12-01' }, RULES, NOW)).toMatch(/at most 180 days \(until 2027-06-02\)/);
    expect(waiverProblem({ ...waiver, rule: 'cache-mising' }, RULES, NOW)).toMatch(/names no rule/);
  });
});
