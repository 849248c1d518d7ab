// The roadmap as a timeline the HTML report draws in inline SVG: a month axis
// from the assessment's day, each phase a band of rows, each step a bar as
// long as its lead time, starting when the schedule says (roadmap/schedule).
import type { RoadmapItem, RoadmapPhase } from '../model.js';
import { DAY_MS, MONTH_DAYS, scheduleDays } from '../roadmap/schedule.js';
import { escapeHtml as e } from './html-page.js';
import { isoDay } from '../util/iso-day.js';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PHASE_NAMES = { now: 'Now', next: 'Next', later: 'Later' } as const;

const LABEL_W = 300;
const CHART_W = 560;
/** room after the chart for the last step's lead time */
const WIDTH = LABEL_W + CHART_W + 130;
const AXIS_H = 34;
const PHASE_H = 26;
const ROW_H = 22;
/** Titles longer than this are cut in the chart; the tooltip and the list below give them whole. */
const LABEL_CHARS = 44;

export const TIMELINE_STYLE = `
svg.timeline{width:100%;height:auto;max-width:${WIDTH}px;break-inside:avoid}
svg.timeline text{fill:var(--fg);font-size:12px}svg.timeline .axis text{fill:var(--muted)}
svg.timeline line.grid{stroke:var(--line)}svg.timeline line.assessed{stroke:var(--fg);stroke-dasharray:3 3}
svg.timeline line.due{stroke:var(--critical);stroke-width:2}
svg.timeline .phase>text{font-weight:600}
svg.timeline [data-phase=now] rect{fill:var(--now)}svg.timeline [data-phase=next] rect{fill:var(--next)}svg.timeline [data-phase=later] rect{fill:var(--later)}
svg.timeline rect.urgent{stroke:var(--critical);stroke-width:2}
`;

/** "Dec 2026", the same in every locale (no locale-aware call: ICU costs start-up time). */
export function monthLabel(d: Date): string {
  return `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const clip = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

/** When a step starts, as a month: what the list beside the chart says. */
export function startMonths(phases: readonly RoadmapPhase[], start: Date): Map<string, string> {
  const plan = scheduleDays(phases);
  return new Map([...plan].map(([rule, s]) => [rule, monthLabel(new Date(start.getTime() + s.start * DAY_MS))]));
}

/**
 * The timeline: months across, phases down. The axis runs from the first of
 * the assessment's month to the end of the month the last step ends in (at
 * least three months); a dashed line marks the assessment's day, a red one a
 * step's runway (when a resource it relieves saturates, or growth brings it).
 */
export function roadmapTimeline(phases: readonly RoadmapPhase[], start: Date): string {
  const shown = phases.filter((p) => p.items.length);
  if (!shown.length) return '';
  const plan = scheduleDays(shown);
  const lastDay = Math.max(...[...plan.values()].map((s) => s.start + s.days), ...shown.flatMap((p) => p.items.map((i) => (i.months ?? 0) * MONTH_DAYS)));
  const monthStart = (m: number) => Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
  let count = 3;
  while (monthStart(count) < start.getTime() + lastDay * DAY_MS) count++;
  const months = Array.from({ length: count }, (_, m) => new Date(monthStart(m)));
  const axisStart = monthStart(0);
  const axisEnd = monthStart(count);
  const offset = (start.getTime() - axisStart) / DAY_MS;
  const perDay = CHART_W / ((axisEnd - axisStart) / DAY_MS);
  const x = (day: number) => LABEL_W + (offset + day) * perDay;
  const height = AXIS_H + shown.length * PHASE_H + shown.reduce((n, p) => n + p.items.length, 0) * ROW_H + 4;
  // a label needs about 60 px: on a long plan, every second or third month is named
  const every = Math.ceil(60 / (CHART_W / count));
  const axis = months
    .map((m, i) => {
      const left = LABEL_W + ((m.getTime() - axisStart) / DAY_MS) * perDay;
      const right = LABEL_W + ((monthStart(i + 1) - axisStart) / DAY_MS) * perDay;
      return `<line class="grid" x1="${left.toFixed(1)}" x2="${left.toFixed(1)}" y1="${AXIS_H - 10}" y2="${height}"/>${i === months.length - 1 ? `<line class="grid" x1="${right.toFixed(1)}" x2="${right.toFixed(1)}" y1="${AXIS_H - 10}" y2="${height}"/>` : ''}${i % every ? '' : `<text class="month" x="${((left + right) / 2).toFixed(1)}" y="14" text-anchor="middle">${monthLabel(m)}</text>`}`;
    })
    .join('');
  let y = AXIS_H;
  const bands = shown.map((p) => {
    const rows = [`<text x="0" y="${y + 17}">${PHASE_NAMES[p.id]} (${p.items.length})</text>`];
    y += PHASE_H;
    for (const i of p.items) {
      const s = plan.get(i.rule)!;
      rows.push(stepRow(i, x(s.start), Math.max(3, s.days * perDay), y, new Date(start.getTime() + s.start * DAY_MS), i.months === null ? null : x(i.months * MONTH_DAYS)));
      y += ROW_H;
    }
    return `<g class="phase" data-phase="${p.id}">${rows.join('')}</g>`;
  });
  const steps = shown.reduce((n, p) => n + p.items.length, 0);
  const desc = `${steps} steps in ${shown.map((p) => `${PHASE_NAMES[p.id].toLowerCase()} (${p.items.length})`).join(', ')}, from ${monthLabel(months[0]!)} to ${monthLabel(months[months.length - 1]!)}, starting on the day of the assessment, ${isoDay(start)}. The list below gives each step with its start and lead time.`;
  const assessed = x(0).toFixed(1);
  return `<svg class="timeline" role="img" aria-labelledby="timeline-title timeline-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">
<title id="timeline-title">The roadmap as a timeline</title><desc id="timeline-desc">${e(desc)}</desc>
<g class="axis">${axis}<line class="assessed" x1="${assessed}" x2="${assessed}" y1="${AXIS_H - 14}" y2="${height}"/><text class="assessed" x="${assessed}" y="${AXIS_H - 2}" text-anchor="middle">${isoDay(start)}</text></g>
${bands.join('\n')}
</svg>`;
}

function stepRow(i: RoadmapItem, left: number, width: number, y: number, starts: Date, due: number | null): string {
  const lead = i.lead_time ?? 'no lead time given';
  const tip = `${i.title}: from ${monthLabel(starts)}, ${lead}${i.urgent ? '; urgent: the runway is shorter than the lead time' : ''}${i.months !== null ? `; ${i.upcoming ? 'growth brings it' : 'runway'} in ${i.months} months` : ''}`;
  const dueLine = due === null ? '' : `<line class="due" x1="${due.toFixed(1)}" x2="${due.toFixed(1)}" y1="${y + 2}" y2="${y + ROW_H - 2}"/>`;
  return `<g class="step" data-rule="${e(i.rule)}"><title>${e(tip)}</title><text x="12" y="${y + 15}">${e(clip(i.title))}</text><rect${i.urgent ? ' class="urgent"' : ''} x="${left.toFixed(1)}" y="${y + 5}" width="${width.toFixed(1)}" height="12" rx="2"/>${dueLine}<text x="${(left + width + 4).toFixed(1)}" y="${y + 15}" class="lead">${e(i.urgent ? `urgent, ${lead}` : lead)}</text></g>`;
}
