// Real companies at the moment of a scaling decision, as the seed articles and
// the companies' own engineering write-ups describe them. Each case profile
// carries its expectations under `x-expect` (x- keys are free-form):
//   stage        the overall stage the figures place it in (mvp, growth, scale,
//                enterprise, or unplaced when the sources give no figure to place it)
//   fires        rules the sources say apply
//   silent       rules that must not fire
//   no_kinds     kinds of finding that must not appear at all
//   silent_case  the right answer is silence: no warning sign, no pitfall and no
//                recommendation above low
//   known_gaps   expectations the catalog does not meet yet, each with why; they
//                run as expected failures, so the suite passes, the gap stays
//                visible, and a fix shows up as a failure asking to drop the gap
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../src/engine/catalog.js';
import { severityRank, type Finding } from '../src/model.js';
import { assessFile, ROOT } from './helpers/assess.js';

const DIR = join(ROOT, 'test', 'fixtures', 'cases');
const STAGES = ['mvp', 'growth', 'scale', 'enterprise', 'unplaced'];

interface KnownGap {
  /** a rule id, or `stage` for the stage expectation */
  rule: string;
  why: string;
}

interface Expect {
  stage?: string;
  fires?: string[];
  silent?: string[];
  no_kinds?: string[];
  silent_case?: boolean;
  known_gaps?: KnownGap[];
}

/** What breaks the silence of a case that should be silent. */
function breaksSilence(f: Finding): boolean {
  if (f.kind === 'warning-sign' || f.kind === 'pitfall') return true;
  return f.kind === 'recommendation' && severityRank(f.severity) > severityRank('low');
}

const describeFinding = (f: Finding) => `${f.rule} (${f.kind}, ${f.severity}): ${f.message}`;

describe('real-company cases', () => {
  const ruleIds = new Set(builtInCatalog().rules.map((r) => r.id));
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    const expectations = (parse(readFileSync(join(DIR, file), 'utf8')) as { 'x-expect': Expect })['x-expect'];
    const gaps = new Map((expectations.known_gaps ?? []).map((g) => [g.rule, g.why]));
    // A known gap runs as an expected failure; everything else must hold.
    const check = (id: string) => (gaps.has(id) ? it.fails : it);
    describe(file.replace(/\.yaml$/, ''), () => {
      const a = assessFile(join(DIR, file));
      const fired = a.findings.map((f) => f.rule);
      it('names only rules that exist', () => {
        const named = [...(expectations.fires ?? []), ...(expectations.silent ?? []), ...[...gaps.keys()].filter((r) => r !== 'stage')];
        expect(named.filter((id) => !ruleIds.has(id))).toEqual([]);
      });
      it('states every known gap against an expectation, with a reason', () => {
        const expected = new Set([...(expectations.fires ?? []), ...(expectations.silent ?? [])]);
        for (const [rule, why] of gaps) {
          expect(why, `known gap ${rule} needs a why`).toMatch(/\w/);
          const related = rule === 'stage' ? expectations.stage !== undefined : expected.has(rule) || expectations.silent_case === true;
          expect(related, `known gap ${rule} names no expectation of this case`).toBe(true);
        }
      });
      if (expectations.stage !== undefined) {
        const stage = expectations.stage;
        it('states a stage the tool knows', () => expect(STAGES).toContain(stage));
        check('stage')(`is placed at the ${stage} stage`, () => expect(a.stage.id ?? 'unplaced').toBe(stage));
      }
      for (const id of expectations.fires ?? []) {
        check(id)(`raises ${id}`, () => {
          const ne = a.notEvaluated.find((n) => n.rule === id);
          expect(ne, `${id} not evaluated: missing ${ne?.missing.join(', ')}`).toBeUndefined();
          expect(fired).toContain(id);
        });
      }
      for (const id of expectations.silent ?? []) {
        check(id)(`stays silent on ${id}`, () => expect(fired).not.toContain(id));
      }
      for (const kind of expectations.no_kinds ?? []) {
        it(`raises no ${kind}`, () => {
          expect(a.findings.filter((f) => f.kind === kind && !gaps.has(f.rule)).map(describeFinding)).toEqual([]);
        });
      }
      if (expectations.silent_case) {
        it('stays silent: no warning sign, no pitfall, no recommendation above low', () => {
          expect(a.findings.filter((f) => breaksSilence(f) && !gaps.has(f.rule)).map(describeFinding)).toEqual([]);
        });
        const listed = new Set([...(expectations.fires ?? []), ...(expectations.silent ?? [])]);
        for (const id of [...gaps.keys()].filter((r) => r !== 'stage' && !listed.has(r))) {
          it.fails(`stays silent on ${id}`, () => {
            expect(a.findings.filter((f) => f.rule === id && breaksSilence(f)).map(describeFinding)).toEqual([]);
          });
        }
      }
    });
  }
});
