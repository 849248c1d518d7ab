// The page every HTML report shares: escaping, the colours (light, dark and
// print), and a shell that allows no request to anywhere. The assessment, the
// check and the portfolio pages add only their own parts.

/** Every value from the profile, the catalog or a report file goes through this before it reaches the page. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Text colours have WCAG AA contrast (4.5:1) on both the light and the dark background; bars and lines 3:1.
const BASE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#555;--line:#ccc;--bar:#1f5fbf;--empty:#e4e4e4;--critical:#a30000;--high:#9a4a00;--medium:#6b5a00;--low:#2f6b2f;--info:#3d5a80;--now:#1f5fbf;--next:#7140b8;--later:#4f6d33}
@media (prefers-color-scheme:dark){:root{--bg:#141414;--fg:#eee;--muted:#bbb;--line:#444;--bar:#7fb0ff;--empty:#333;--critical:#ff8a8a;--high:#ffb366;--medium:#e6d25c;--low:#8fd18f;--info:#9ec1ff;--now:#7fb0ff;--next:#c6a6ff;--later:#a5d47f}}
body{font:15px/1.5 system-ui,sans-serif;background:var(--bg);color:var(--fg);max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid var(--line);margin-top:2rem}
[hidden]{display:none!important}
.muted{color:var(--muted)}.sev{font-weight:600;text-transform:uppercase;font-size:.8rem}
.critical{color:var(--critical)}.high{color:var(--high)}.medium{color:var(--medium)}.low{color:var(--low)}.info{color:var(--info)}
.filters{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}.filters label{display:flex;flex-direction:column;font-size:.85rem}
table{border-collapse:collapse}th,td{padding:.2rem .5rem;text-align:left;vertical-align:top}code{overflow-wrap:anywhere}
@media print{body{max-width:none;margin:0}.filters,#shown{display:none}svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;

export interface HtmlPage {
  title: string;
  /** the page's own markup, already escaped */
  body: string;
  /** rules for this page's own parts */
  style?: string;
  script?: string;
}

/** One self-contained page: inline CSS, SVG and script; the Content-Security-Policy refuses any request. */
export function htmlPage(p: HtmlPage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(p.title)}</title><style>${BASE_STYLE}${p.style ?? ''}</style></head><body>
${p.body}
${p.script ? `<script>${p.script}</script>` : ''}
</body></html>
`;
}

/** A filter drop-down: "all" first, then each value. */
export function htmlSelect(name: string, label: string, values: readonly string[]): string {
  return `<label>${label}<select name="${escapeHtml(name)}"><option value="">all</option>${values.map((v) => `<option>${escapeHtml(v)}</option>`).join('')}</select></label>`;
}
