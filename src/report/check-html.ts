// The gate's view as a page: the verdict, the remarks on decisions, then the
// assessment with each finding's status and those that fail the gate marked.
import type { CheckReport } from '../decisions/check.js';
import { failsGate } from '../decisions/check.js';
import { checkNotes, noteText, verdictText } from './check-notes.js';
import { escapeHtml as e, htmlPage } from './html-page.js';
import { ASSESSMENT_PAGE, assessmentSections } from './html.js';
import type { ReportContext } from './index.js';
import { reportSubject } from './words.js';

const STYLE = `.verdict{font-weight:600;font-size:1.1rem}.verdict.failed{color:var(--critical)}.verdict.passed{color:var(--low)}`;

export function formatCheckHtml({ assessment: a, outcome }: CheckReport, ctx: Pick<ReportContext, 'now'> = {}): string {
  const title = `Scaling check: ${reportSubject(a)}`;
  const notes = checkNotes(outcome);
  const failing = outcome.failing.map((f) => `<li><span class="sev ${e(f.severity)}">${e(f.severity)}</span> <code>${e(f.rule)}</code> ${e(f.title)} <span class="muted">(${e(f.status)})</span></li>`).join('');
  const body = `<h1>${e(title)}</h1>
<p id="verdict" class="verdict ${outcome.exitCode ? 'failed' : 'passed'}">${e(verdictText(outcome))}</p>
${failing ? `<h2>Open at or above the threshold (${outcome.failing.length})</h2><ul id="failing">${failing}</ul>` : ''}
${notes.length ? `<h2>Decisions to look at (${notes.length})</h2><ul id="notes">${notes.map((n) => `<li><strong>${n.level}</strong> ${e(noteText(n))}</li>`).join('')}</ul>` : ''}
${assessmentSections(a, ctx, (f) => (failsGate(outcome, f) ? ' <span class="badge">fails the check</span>' : ''))}`;
  return htmlPage({ title, body, style: ASSESSMENT_PAGE.style + STYLE, script: ASSESSMENT_PAGE.script });
}
