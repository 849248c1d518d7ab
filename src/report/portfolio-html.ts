// The portfolio as one self-contained page: a table per group, rows found by
// name or owner, filtered by stage, sorted by any column.
import { ABSENT, COLUMNS, groupTitle, portfolioFooter, type Portfolio, type PortfolioRow } from './portfolio.js';
import { escapeHtml as e, htmlPage, htmlSelect } from './html-page.js';
import { SEVERITIES } from '../model.js';

const STYLE = `
body{max-width:84rem}table.systems tbody th{white-space:nowrap}table.systems td.num.nonzero{font-weight:600}
table.systems{width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}table.systems thead th{border-bottom:2px solid var(--line);white-space:nowrap}
table.systems td{border-bottom:1px solid var(--line)}table.systems td.num{text-align:right}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
@media print{th button::after{content:""!important}}
`;

// Finds rows by name or owner and by stage, hides groups left empty, and sorts a table by the column whose header is clicked.
const SCRIPT = `
const q=document.getElementById('find'),stage=document.querySelector('.filters select');
const rows=[...document.querySelectorAll('table.systems tbody tr')];
function apply(){const t=q.value.trim().toLowerCase();let n=0;
for(const r of rows){const ok=(!t||r.dataset.find.includes(t))&&(!stage.value||r.dataset.stage===stage.value);r.hidden=!ok;if(ok)n++;}
for(const s of document.querySelectorAll('section.group'))s.hidden=!s.querySelector('tbody tr:not([hidden])');
document.getElementById('shown').textContent=n+' of '+rows.length+' rows shown';}
q.addEventListener('input',apply);stage.addEventListener('change',apply);apply();
for(const b of document.querySelectorAll('table.systems th button'))b.addEventListener('click',()=>{
const th=b.parentElement,head=th.parentElement,col=[...head.children].indexOf(th),num=th.dataset.type==='number';
const asc=th.getAttribute('aria-sort')!=='ascending';for(const h of head.children)h.removeAttribute('aria-sort');th.setAttribute('aria-sort',asc?'ascending':'descending');
const body=th.closest('table').tBodies[0];
const key=r=>r.cells[col].dataset.sort;
body.append(...[...body.rows].sort((x,y)=>{const a=key(x),c=key(y);const d=num?Number(a)-Number(c):a<c?-1:a>c?1:0;return asc?d:-d;}));});
`;

function rowHtml(r: PortfolioRow): string {
  const find = [r.system, r.owner ?? ''].join(' ').toLowerCase();
  const cells = COLUMNS.map((c, i) => {
    const text = c.cell(r);
    const sev = SEVERITIES.find((s) => s === c.head);
    const cls = [c.numeric ? 'num' : '', sev && text !== '0' ? `nonzero ${sev}` : ''].filter(Boolean).join(' ');
    const tag = i === 0 ? 'th scope="row"' : 'td';
    return `<${tag}${cls ? ` class="${cls}"` : ''} data-sort="${e(c.sort(r))}">${e(text)}</${tag.slice(0, 2)}>`;
  });
  return `<tr data-stage="${e(r.stage ?? ABSENT)}" data-find="${e(find)}">${cells.join('')}</tr>`;
}

/** One page to share: the portfolio's tables, with the same shell, colours and escaping as the assessment page. */
export function formatPortfolioHtml(p: Portfolio): string {
  const stages = [...new Set(p.groups.flatMap((g) => g.rows.map((r) => r.stage ?? ABSENT)))].sort();
  const head = `<thead><tr>${COLUMNS.map((c) => `<th scope="col"${c.numeric || c.head === 'Stage' ? ' data-type="number"' : ''}><button type="button">${e(c.head)}</button></th>`).join('')}</tr></thead>`;
  const tables = p.groups
    .map((g) => `<section class="group">${g.key !== null ? `<h2>${e(groupTitle(p, g))}</h2>` : ''}<table class="systems">${head}<tbody>${g.rows.map(rowHtml).join('\n')}</tbody></table></section>`)
    .join('\n');
  const body = `<h1>Scaling portfolio</h1>
<div class="filters"><label>Find a system or owner<input id="find" type="search" autocomplete="off"></label>${htmlSelect('stage', 'Stage', stages)}</div>
<p id="shown" class="muted" aria-live="polite"></p>
${tables}
<p class="muted">${e(portfolioFooter(p))} Click a column's heading to sort by it.</p>`;
  return htmlPage({ title: 'Scaling portfolio', body, style: STYLE, script: SCRIPT });
}
