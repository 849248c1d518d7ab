import { DIMENSIONS, FINDING_STATUSES, KINDS, SEVERITIES, STAGE_IDS, type Assessment, type Finding } from '../model.js';
import { formatValue } from '../engine/format-value.js';
import { citeSource } from '../util/cite.js';
import { comparisonLines } from './compare.js';
import { reportSubject, stageSentence } from './words.js';

/** Every value from the profile or the catalog goes through this before it reaches the page. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const e = escapeHtml;

// Colours chosen for WCAG AA contrast (4.5:1) on both the light and the dark background.
const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#555;--line:#ccc;--bar:#1f5fbf;--empty:#e4e4e4;--critical:#a30000;--high:#9a4a00;--medium:#6b5a00;--low:#2f6b2f;--info:#3d5a80}
@media (prefers-color-scheme:dark){:root{--bg:#141414;--fg:#eee;--muted:#bbb;--line:#444;--bar:#7fb0ff;--empty:#333;--critical:#ff8a8a;--high:#ffb366;--medium:#e6d25c;--low:#8fd18f;--info:#9ec1ff}}
body{font:15px/1.5 system-ui,sans-serif;background:var(--bg);color:var(--fg);max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid var(--line);margin-top:2rem}
.muted{color:var(--muted)}.sev{font-weight:600;text-transform:uppercase;font-size:.8rem}
.critical{color:var(--critical)}.high{color:var(--high)}.medium{color:var(--medium)}.low{color:var(--low)}.info{color:var(--info)}
.gauge rect.on{fill:var(--bar)}.gauge rect.off{fill:var(--empty)}.gauge text{fill:var(--fg);font-size:12px}
.filters{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}.filters label{display:flex;flex-direction:column;font-size:.85rem}
details.finding{border:1px solid var(--line);border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}
details.finding[hidden]{display:none}summary{cursor:pointer}code{overflow-wrap:anywhere}
.phase{border-left:4px solid var(--bar);padding-left:1rem;margin:1rem 0}
@media print{.filters{display:none}details.finding{break-inside:avoid}details.finding>*{display:block}}
`;

// Hides the findings the chosen filters rule out, and says how many are shown.
const SCRIPT = `
const sel=[...document.querySelectorAll('.filters select')];
const items=[...document.querySelectorAll('details.finding')];
function apply(){let n=0;for(const d of items){const ok=sel.every(s=>!s.value||(' '+d.dataset[s.name]+' ').includes(' '+s.value+' '));d.hidden=!ok;if(ok)n++;}document.getElementById('shown').textContent=n+' of '+items.length+' findings shown';}
sel.forEach(s=>s.addEventListener('change',apply));apply();
`;

/** Four stages as four boxes, the reached ones filled: readable without colour too, by its text. */
function gauge(stage: string | null): string {
  const reached = stage ? STAGE_IDS.indexOf(stage as (typeof STAGE_IDS)[number]) : -1;
  const boxes = STAGE_IDS.map((s, i) => `<rect class="${i <= reached ? 'on' : 'off'}" x="${i * 62}" y="0" width="58" height="14" rx="2"/><text x="${i * 62}" y="28">${s}</text>`).join('');
  return `<svg class="gauge" role="img" aria-label="${e(stage ?? 'unknown')}" width="250" height="32" viewBox="0 0 250 32">${boxes}</svg>`;
}

function select(name: string, label: string, values: readonly string[]): string {
  return `<label>${label}<select name="${name}"><option value="">all</option>${values.map((v) => `<option>${e(v)}</option>`).join('')}</select></label>`;
}

function findingHtml(f: Finding): string {
  const evidence = f.evidence.map((x) => `<li><code>${e(x.fact)}</code> = ${e(formatValue(x.value))} <span class="muted">(${e(x.provenance)}${x.line ? `, line ${x.line}` : ''})</span></li>`).join('');
  return `<details class="finding" data-severity="${e(f.severity)}" data-kind="${e(f.kind)}" data-status="${e(f.status)}" data-topic="${e(f.topics.join(' '))}">
<summary><span class="sev ${e(f.severity)}">${e(f.severity)}</span> ${e(f.title)} <code>${e(f.rule)}</code> <span class="muted">${e(f.kind)}, ${e(f.status)}</span></summary>
<p>${e(f.message)}</p><p><strong>Recommendation.</strong> ${e(f.recommendation)}</p>
${evidence ? `<p>Evidence:</p><ul>${evidence}</ul>` : ''}
${f.sources.length ? `<p>Sources:</p><ul>${f.sources.map((s) => `<li>${e(citeSource(s))}: ${e(s.point)}</li>`).join('')}</ul>` : ''}
</details>`;
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

/** One self-contained page: inline CSS, SVG and script, no request to anywhere. */
export function formatHtml(a: Assessment): string {
  const s = a.stage;
  const topics = [...new Set(a.findings.flatMap((f) => f.topics))].sort();
  const dims = DIMENSIONS.map((d) => {
    const fact = s.dimension_facts[d];
    return `<tr><th scope="row">${d}</th><td>${gauge(s.dimensions[d])}</td><td>${e(s.dimensions[d] ?? 'unknown')}</td><td class="muted">${fact ? `<code>${e(fact.fact)}</code> = ${e(formatValue(fact.value))}` : 'no fact decided it'}</td></tr>`;
  }).join('');
  const roadmap = a.roadmap.phases
    .filter((p) => p.items.length)
    .map((p) => `<div class="phase"><h3>${e(p.title)}</h3><ol>${p.items.map((i) => `<li>${e(i.title)} <code>${e(i.rule)}</code>${i.months !== null ? ` <span class="muted">(${e(i.months)} months of runway)</span>` : ''}${i.urgent ? ' <strong>urgent</strong>' : ''}</li>`).join('')}</ol></div>`)
    .join('');
  const notEvaluated = a.notEvaluated.map((n) => `<li><code>${e(n.rule)}</code> needs ${n.missing.map((m) => `<code>${e(m)}</code>`).join(', ')}</li>`).join('');
  const c = a.completeness;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Scaling assessment: ${e(reportSubject(a))}</title><style>${STYLE}</style></head><body>
<h1>Scaling assessment: ${e(reportSubject(a))}</h1>
<p id="stage">${e(stageSentence(s))}</p>
<table><thead><tr><th>Dimension</th><th></th><th>Stage</th><th>Decided by</th></tr></thead><tbody>${dims}</tbody></table>
${a.comparison ? `<h2>Since ${e(a.comparison.previous)}</h2><ul>${comparisonLines(a.comparison).map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : ''}
<h2>Findings (<span id="count">${a.findings.length}</span>)</h2>
<div class="filters">${select('severity', 'Severity', SEVERITIES)}${select('kind', 'Kind', KINDS)}${select('topic', 'Topic', topics)}${select('status', 'Status', FINDING_STATUSES)}</div>
<p id="shown" class="muted" aria-live="polite"></p>
${a.findings.map(findingHtml).join('\n')}
${roadmap ? `<h2>Roadmap</h2>${roadmap}` : ''}
${projectionChart(a.roadmap.projection)}
${notEvaluated ? `<h2>Not evaluated</h2>${unlockingFacts(a)}<ul>${notEvaluated}</ul>` : ''}
<p class="muted">Profile completeness: ${e(c.pct)}% of fields; ${e(c.rules_evaluated)} of ${e(c.rules_applicable)} rules for this stage evaluated.</p>
<script>${SCRIPT}</script>
</body></html>
`;
}
