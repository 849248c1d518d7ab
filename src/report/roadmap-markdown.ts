import { isoDay } from '../util/iso-day.js';
import { type Assessment, type RoadmapItem, type RoadmapPhase, type StageId } from '../model.js';
import { DAY_MS, scheduleDays } from '../roadmap/schedule.js';
import type { ReportContext } from './index.js';
import { effectSentence, projectionSentence, stageNote, whatIfLines } from '../roadmap/describe.js';
import { collapseSpace } from '../util/space.js';

const PHASE_NAMES = { now: 'Now', next: 'Next', later: 'Later' } as const;

/** Mermaid reads `:` `;` `#` in a task name as syntax. */
const taskName = (s: string) => collapseSpace(s.replace(/[:;#]/g, ' '));

/** A Mermaid gantt of the phases, each step as long as its lead time. Renders on GitHub. */
export function roadmapGantt(phases: readonly RoadmapPhase[], now: Date, title: string): string {
  const plan = scheduleDays(phases);
  const lines = ['```mermaid', 'gantt', `  title ${taskName(title)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %b %Y'];
  for (const p of phases) {
    if (!p.items.length) continue;
    lines.push(`  section ${PHASE_NAMES[p.id]}`);
    for (const i of p.items) {
      const { start, days } = plan.get(i.rule)!;
      const tags = [i.urgent ? 'crit' : '', p.id === 'now' ? 'active' : ''].filter(Boolean);
      lines.push(`  ${taskName(i.title)} :${[...tags, isoDay(new Date(now.getTime() + start * DAY_MS)), `${days}d`].join(', ')}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

function itemLines(i: RoadmapItem, current: StageId | null): string[] {
  const meta = [
    `\`${i.rules.join('`, `')}\``,
    `${i.severity} ${i.kind}`,
    stageNote(i, current),
    `lead time ${i.lead_time ?? 'not estimated'}`,
  ].filter(Boolean);
  const out = [`- **${i.title}** (${meta.join('; ')})`, `  ${i.urgent ? '**Urgent:** ' : ''}${i.why}.`];
  if (i.requires.length) out.push(`  After: ${i.requires.map((r) => `\`${r}\``).join(', ')} (still open; doing it unlocks this step).`);
  if (i.unlocks.length) out.push(`  Unlocks: ${i.unlocks.map((r) => `\`${r}\``).join(', ')}.`);
  const effect = effectSentence(i);
  if (effect) out.push(`  ${effect}.`);
  return out;
}

/** The roadmap as Markdown, with its Gantt chart. Pure: the day the chart starts comes in (default: the epoch, never the clock). */
export function formatRoadmapMarkdown(a: Assessment, ctx: Pick<ReportContext, 'now'>): string {
  const now = ctx.now ?? new Date(0);
  const r = a.roadmap;
  const name = a.project ?? a.profilePath;
  const out = [`# Scaling roadmap: ${name}`, ''];
  out.push(`**Stage:** ${a.stage.name ?? 'unknown'} (model \`${a.stage.model}\`), as of ${isoDay(now)}.${a.scenario ? ` **What if:** ${a.scenario.label}.` : ''}`, '');
  if (a.whatIf) out.push(`## What if: ${a.whatIf.label}`, '', ...whatIfLines(a.whatIf).map((l) => `- ${l}`), '');
  out.push(projectionSentence(r.projection), '', r.summary, '');
  if (r.phases.some((p) => p.items.length)) out.push(roadmapGantt(r.phases, now, `Roadmap for ${name}`), '');
  for (const p of r.phases) {
    if (!p.items.length) continue;
    out.push(`## ${p.title}`, '');
    for (const i of p.items) out.push(...itemLines(i, a.stage.id));
    out.push('');
  }
  out.push('## Assumptions', '', ...r.assumptions.map((x) => `- ${x}`), '');
  return out.join('\n');
}
