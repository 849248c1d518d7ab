import { Chalk } from 'chalk';
import { type Assessment, type RoadmapItem, type StageId } from '../model.js';
import { wrap } from '../util/wrap.js';
import { effectSentence, projectionSentence, stageNote, whatIfLines } from '../roadmap/describe.js';
import type { ReportContext } from './index.js';

const PHASE_HEADINGS = { now: 'NOW', next: 'NEXT', later: 'LATER' } as const;

function itemLines(i: RoadmapItem, n: number, width: number, c: InstanceType<typeof Chalk>, verbose: boolean, current: StageId | null): string[] {
  const pad = '     ';
  const out = [wrap(`${i.title} (${i.rule})`, width, pad, `${String(n).padStart(3)}. `)];
  out.push(wrap(`${i.urgent ? c.red('urgent: ') : ''}${i.why}.`, width, pad));
  const facts: string[] = [];
  if (i.rules.length > 1) facts.push(`covers ${i.rules.join(', ')}`);
  if (i.stage) facts.push(stageNote(i, current));
  facts.push(`lead time ${i.lead_time ?? 'not estimated'}`);
  out.push(c.dim(wrap(facts.join('; '), width, pad)));
  if (i.requires.length) out.push(wrap(`after: ${i.requires.join(', ')} (still open; doing it unlocks this step)`, width, pad));
  if (i.unlocks.length) out.push(c.dim(wrap(`unlocks: ${i.unlocks.join(', ')}`, width, pad)));
  const effect = effectSentence(i);
  if (effect && verbose) out.push(c.dim(wrap(effect, width, pad)));
  return out;
}

/** The roadmap for the terminal. Pure: the colour level comes in as an option. */
export function formatRoadmapText(a: Assessment, opts: ReportContext): string {
  const c = new Chalk({ level: opts.colorLevel });
  const width = opts.width ?? 80;
  const r = a.roadmap;
  const out: string[] = [c.bold(`scale-advise roadmap · ${a.project ?? a.profilePath}${a.scenario ? ` · what if: ${a.scenario.label}` : ''}`)];
  out.push(`Stage: ${a.stage.name ?? 'unknown'} (model ${a.stage.model})`, '');
  if (a.whatIf) out.push(c.bold.underline(`What if: ${a.whatIf.label}`), ...whatIfLines(a.whatIf).map((l) => wrap(l, width, '  ')), '');
  out.push(wrap(projectionSentence(r.projection), width, ''), '', wrap(r.summary, width, ''), '');
  let n = 0;
  for (const p of r.phases) {
    if (!p.items.length) continue;
    out.push(c.bold.underline(`${PHASE_HEADINGS[p.id]} · ${p.title.replace(/^[A-Za-z]+: /, '')}`), '');
    for (const i of p.items) out.push(...itemLines(i, ++n, width, c, opts.verbose ?? false, a.stage.id), '');
  }
  out.push(c.bold('Assumptions'), ...r.assumptions.map((x) => wrap(`- ${x}`, width, '  ').replace(/^ {2}/, '')));
  if (!opts.verbose && r.phases.some((p) => p.items.some((i) => i.expected_effect))) out.push('', c.dim('--verbose adds the effects the sources report for each step.'));
  return out.join('\n') + '\n';
}
