import { DIMENSIONS, FINDING_STATUSES, KINDS, SEVERITIES, STAGE_IDS, isOpen, severityRank, type Assessment, type Finding, type FindingGroup } from '../model.js';
import { formatValue } from '../engine/format-value.js';
import { citeSource } from '../util/cite.js';
import { comparisonLines } from './compare.js';
import { escapeHtml as e, htmlPage, htmlSelect } from './html-page.js';
import { roadmapTimeline, startMonths, TIMELINE_STYLE } from './html-timeline.js';
import type { ReportContext } from './index.js';
import { reportSubject, stageSentence } from './words.js';


const STYLE = `
.gauge rect.on{fill:var(--bar)}.gauge rect.off{fill:var(--empty)}.gauge text{fill:var(--fg);font-size:12px}
details.finding{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}
summary{cursor:pointer}
.group{border-left:4px solid var(--line);padding-left:.75rem;margin:1rem 0}.group h4{margin:.25rem 0}
.phase{border-left:4px solid var(--bar);padding-left:1rem;margin:1rem 0}
.badge{border:1px solid var(--critical);color:var(--critical);border-radius:3px;padding:0 .3rem;font-size:.8rem}
@media print{details.finding{break-inside:avoid}}
${TIMELINE_STYLE}`;

// Hides the findings the chosen filters rule out, then the groups and sections left empty, and says how many are shown.
// Before printing, every finding opens, so the PDF holds the evidence too.
const SCRIPT = `
const sel=[...document.querySelectorAll('.filters select')];
const items=[...document.querySelectorAll('details.finding')];
const boxes=[...document.querySelectorAll('.group,.kind')];
function apply(){let n=0;for(const d of items){const ok=sel.every(s=>!s.value||(' '+d.dataset[s.name]+' ').includes(' '+s.value+' '));d.hidden=!ok;if(ok)n++;}
for(const b of boxes)b.hidden=!b.querySelector('details.finding:not([hidden])');
document.getElementById('shown').textContent=n+' of '+items.length+' findings shown';}
sel.forEach(s=>s.addEventListener('change',apply));apply();
addEventListener('beforeprint',()=>items.forEach(d=>d.open=true));
`;

const KIND_TITLES = { 'warning-sign': 'Warning signs', pitfall: 'Pitfalls', recommendation: 'Recommendations' } as const;

/** Four stages as four boxes, the reached ones filled: readable without colour too, by its text. */
function gauge(stage: string | null): string {
  const reached = stage ? STAGE_IDS.indexOf(stage as (typeof STAGE_IDS)[number]) : -1;
  const boxes = STAGE_IDS.map((s, i) => `<rect class="${i <= reached ? 'on' : 'off'}" x="${i * 62}" y="0" width="58" height="14" rx="2"/><text x="${i * 62}" y="28">${s}</text>`).join('');
  return `<svg class="gauge" role="img" aria-label="${e(stage ?? 'unknown')}" width="250" height="32" viewBox="0 0 250 32">${boxes}</svg>`;
}

/** What a page adds to a finding: the check view marks those that fail the gate. */
export type FindingBadge = (f: Finding) => string;

function findingHtml(f: Finding, badge?: FindingBadge): string {
  const evidence = f.evidence.map((x) => `<li><code>${e(x.fact)}</code> = ${e(formatValue(x.value))} <span class="muted">(${e(x.provenance)}${x.line ? `, line ${x.line}` : ''})</span></li>`).join('');
  return `<details class="finding" data-rule="${e(f.rule)}" data-severity="${e(f.severity)}" data-kind="${e(f.kind)}" data-status="${e(f.status)}" data-topic="${e(f.topics.join(' '))}">
<summary><span class="sev ${e(f.severity)}">${e(f.severity)}</span> ${e(f.title)} <code>${e(f.rule)}</code> <span class="muted">${e(f.kind)}, ${e(f.status)}${f.open_since && isOpen(f) ? `, open since ${e(f.open_since)}` : ''}</span>${badge?.(f) ?? ''}</summary>
<p>${e(f.message)}</p><p><strong>Recommendation.</strong> ${e(f.recommendation)}</p>
${evidence ? `<p>Evidence:</p><ul>${evidence}</ul>` : ''}
${f.sources.length ? `<p>Sources:</p><ul>${f.sources.map((s) => `<li>${e(citeSource(s))}: ${e(s.point)}</li>`).join('')}</ul>` : ''}
</details>`;
}

/**
 * The findings as the text report orders them: a section per kind, each
 * group of findings that share a cause as one entry (led by its first step,
 * its members inside), most severe first.
 */
function findingSections(a: Assessment, badge?: FindingBadge): string {
  const groups = a.groups ?? [];
  const grouped = new Set(groups.flatMap((g) => g.findings));
  const byRule = new Map(a.findings.map((f) => [f.rule, f]));
  const groupHtml = (g: FindingGroup) =>
    `<section class="group" data-group="${e(g.id)}"><h4><span class="sev ${e(g.severity)}">${e(g.severity)}</span> ${e(g.title)} <span class="muted">(${g.findings.length} findings, group <code>${e(g.id)}</code>)</span></h4><p><strong>First:</strong> ${e(g.lead)}</p>${g.findings.map((id) => findingHtml(byRule.get(id)!, badge)).join('\n')}</section>`;
  return KINDS.map((kind) => {
    const entries: (FindingGroup | Finding)[] = [...groups.filter((g) => g.kind === kind), ...a.findings.filter((f) => f.kind === kind && !grouped.has(f.rule))].sort(
      (x, y) => severityRank(y.severity) - severityRank(x.severity),
    );
    if (!entries.length) return '';
    return `<section class="kind" data-section="${kind}"><h3>${KIND_TITLES[kind]} (${entries.length})</h3>\n${entries.map((x) => ('lead' in x ? groupHtml(x) : findingHtml(x, badge))).join('\n')}</section>`;
  }).join('\n');
}

/** Rules that would fire but wait for a finding they require, as the text report lists them. */
function heldSection(a: Assessment): string {
  const held = a.held ?? [];
  if (!held.length) return '';
  return `<h3>Held back until what they need is in place (${held.length})</h3><ul id="held">${held.map((h) => `<li><code>${e(h.rule)}</code> ${e(h.title)}; waits for ${h.waiting_for.map((w) => `<code>${e(w)}</code>`).join(', ')}</li>`).join('')}</ul>`;
}

/** The waivers read, soonest to end first, with the days each has left. */
function waiversSection(a: Assessment): string {
  const waivers = a.waivers ?? [];
  if (!waivers.length) return '';
  const left = (n: number) => (n < 0 ? `expired ${-n} ${n === -1 ? 'day' : 'days'} ago` : n === 0 ? 'ends today' : `${n} ${n === 1 ? 'day' : 'days'} left`);
  const rows = waivers.map((w) => `<tr><td><code>${e(w.rule)}</code>${w.scope ? ` (<code>${e(w.scope)}</code>)` : ''}</td><td>${e(w.owner)}</td><td>${e(w.expires)}</td><td>${e(left(w.days_left))}</td><td>${e(w.reason)}</td></tr>`).join('');
  return `<h2>Waivers (${waivers.length})</h2><table id="waivers"><thead><tr><th>Rule</th><th>Owner</th><th>Expires</th><th>Days left</th><th>Reason</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** When each resource saturates at the current growth: one bar per resource, the shorter the sooner. */
function projectionChart(p: Assessment['roadmap']['projection']): string {
  const rows = p.resources.filter((r) => r.months !== null);
  if (!rows.length) return '';
  const bars = rows
    .map((r, i) => {
      const w = Math.max(2, Math.round((Math.min(r.months!, p.horizon_months) / p.horizon_months) * 300));
      return `<text x="0" y="${i * 24 + 14}">${e(r.name)}</text><rect class="on" x="230" y="${i * 24 + 3}" width="${w}" height="14"/><text x="${236 + w}" y="${i * 24 + 14}">${e(r.months)} months</text>`;
    })
    .join('');
  return `<h2>When resources saturate</h2><p class="muted">At ${e(p.growth_pct_per_month ?? 0)}% growth a month, over ${e(p.horizon_months)} months.</p><svg class="gauge" role="img" aria-label="months until each resource saturates" width="640" height="${rows.length * 24}" viewBox="0 0 640 ${rows.length * 24}">${bars}</svg>`;
}

/** The facts missing from the most not-evaluated rules: adding them lets the most rules run. */
function unlockingFacts(a: Assessment): string {
  const count = new Map<string, number>();
  for (const n of a.notEvaluated) for (const m of n.missing) count.set(m, (count.get(m) ?? 0) + 1);
  const top = [...count].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 5);
  return top.length ? `<p>Facts that would let the most rules run: ${top.map(([f, n]) => `<code>${e(f)}</code> (${n})`).join(', ')}.</p>` : '';
}

/** The day the timeline starts: the assessment's, else the one the caller gives. */
function startDay(a: Assessment, ctx: Pick<ReportContext, 'now'>): Date | null {
  if (a.assessedOn) return new Date(`${a.assessedOn}T12:00:00Z`);
  return ctx.now ?? null;
}

/** The roadmap: the timeline, then each phase as a list, which is also the chart's text alternative. */
function roadmapSection(a: Assessment, ctx: Pick<ReportContext, 'now'>): string {
  const phases = a.roadmap.phases.filter((p) => p.items.length);
  if (!phases.length) return '';
  const start = startDay(a, ctx);
  const from = start ? startMonths(phases, start) : new Map<string, string>();
  const lists = phases
    .map(
      (p) =>
        `<div class="phase" data-phase="${p.id}"><h3>${e(p.title)}</h3><ol>${p.items
          .map((i) => {
            const when = [from.has(i.rule) ? `from ${from.get(i.rule)}` : '', i.lead_time ? `lead time ${i.lead_time}` : '', i.months !== null ? `${i.months} months of runway` : ''].filter(Boolean).join(', ');
            return `<li>${e(i.title)} <code>${e(i.rule)}</code>${when ? ` <span class="muted">(${e(when)})</span>` : ''}${i.urgent ? ' <strong>urgent</strong>' : ''}</li>`;
          })
          .join('')}</ol></div>`,
    )
    .join('');
  return `<h2>Roadmap</h2><p>${e(a.roadmap.summary)}</p>${start ? roadmapTimeline(phases, start) : ''}${lists}`;
}

/** Everything the assessment page shows below its heading; the check page shows the same under its verdict. */
export function assessmentSections(a: Assessment, ctx: Pick<ReportContext, 'now'>, badge?: FindingBadge): string {
  const s = a.stage;
  const topics = [...new Set(a.findings.flatMap((f) => f.topics))].sort();
  const dims = DIMENSIONS.map((d) => {
    const fact = s.dimension_facts[d];
    return `<tr><th scope="row">${d}</th><td>${gauge(s.dimensions[d])}</td><td>${e(s.dimensions[d] ?? 'unknown')}</td><td class="muted">${fact ? `<code>${e(fact.fact)}</code> = ${e(formatValue(fact.value))}` : 'no fact decided it'}</td></tr>`;
  }).join('');
  const notEvaluated = a.notEvaluated.map((n) => `<li><code>${e(n.rule)}</code> needs ${n.missing.map((m) => `<code>${e(m)}</code>`).join(', ')}</li>`).join('');
  const c = a.completeness;
  return `<p id="stage">${e(stageSentence(s))}</p>
<table><thead><tr><th>Dimension</th><th></th><th>Stage</th><th>Decided by</th></tr></thead><tbody>${dims}</tbody></table>
${a.comparison ? `<h2>Since ${e(a.comparison.previous)}</h2><ul>${comparisonLines(a.comparison).map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : ''}
<h2>Findings (<span id="count">${a.findings.length}</span>)</h2>
<div class="filters">${htmlSelect('severity', 'Severity', SEVERITIES)}${htmlSelect('kind', 'Kind', KINDS)}${htmlSelect('topic', 'Topic', topics)}${htmlSelect('status', 'Status', FINDING_STATUSES)}</div>
<p id="shown" class="muted" aria-live="polite"></p>
${findingSections(a, badge)}
${heldSection(a)}
${waiversSection(a)}
${roadmapSection(a, ctx)}
${projectionChart(a.roadmap.projection)}
${notEvaluated ? `<h2>Not evaluated</h2>${unlockingFacts(a)}<ul>${notEvaluated}</ul>` : ''}
<p class="muted">Profile completeness: ${e(c.pct)}% of fields; ${e(c.rules_evaluated)} of ${e(c.rules_applicable)} rules for this stage evaluated.</p>`;
}

/** The page's own style and script, for pages that show the assessment's sections. */
export const ASSESSMENT_PAGE = { style: STYLE, script: SCRIPT };

/** One self-contained page: inline CSS, SVG and script, no request to anywhere. */
export function formatHtml(a: Assessment, ctx: Pick<ReportContext, 'now'> = {}): string {
  const title = `Scaling assessment: ${reportSubject(a)}`;
  return htmlPage({ title, body: `<h1>${e(title)}</h1>\n${assessmentSections(a, ctx)}`, ...ASSESSMENT_PAGE });
}
