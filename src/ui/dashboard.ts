// The dashboard's components. React and ink are ESM-only and heavy, so they
// are handed in by the caller (which imports them lazily) rather than
// imported here: this module costs nothing to the commands that never draw it.
import type * as ReactModule from 'react';
import type * as InkModule from 'ink';
import type { Finding, Severity } from '../model.js';
import { evidenceLine, gaugeLines, listRows, sourceLine, visibleRows, type DashboardData } from './view-model.js';

export interface DashboardProps {
  data: DashboardData;
  /** colours on; off for NO_COLOR and non-colour terminals */
  color: boolean;
  /** the size to lay out for when the output stream does not say (tests) */
  columns?: number;
  rows?: number;
}

const SEVERITY_COLOR: Record<Severity, string> = { critical: 'red', high: 'red', medium: 'yellow', low: 'cyan', info: 'gray' };
/** header (3 lines + rule) and the key help line */
const CHROME_ROWS = 6;

export function dashboardComponent(React: typeof ReactModule, ink: typeof InkModule): (props: DashboardProps) => ReactModule.ReactElement {
  const h = React.createElement;
  const { Box, Text, useApp, useInput, useStdout } = ink;

  /** The terminal's size, following resizes. */
  function useSize(fallback: { columns?: number; rows?: number }): { columns: number; rows: number } {
    const { stdout } = useStdout();
    const read = () => ({ columns: stdout.columns || fallback.columns || 80, rows: stdout.rows || fallback.rows || 24 });
    const [size, setSize] = React.useState(read);
    React.useEffect(() => {
      const onResize = () => setSize(read());
      stdout.on('resize', onResize);
      return () => {
        stdout.off('resize', onResize);
      };
    }, [stdout]);
    return size;
  }

  function Header({ data, color }: { data: DashboardData; color: boolean }) {
    const gauge = gaugeLines(data.gauge);
    const { open, addressed, waived } = data.counts;
    return h(
      Box,
      { flexDirection: 'column' },
      h(Text, { bold: true, wrap: 'truncate-end' }, `${data.project}  ·  ${open} open · ${addressed} addressed · ${waived} waived  ·  profile ${data.completenessPct}% complete`),
      h(Text, { wrap: 'truncate-end' }, `Stage  ${gauge.stages}`),
      h(Text, { wrap: 'truncate-end', ...(color ? { color: 'green' } : {}) }, `       ${gauge.markers}`),
    );
  }

  function FindingList({ data, selected, height, color }: { data: DashboardData; selected: number; height: number; color: boolean }) {
    const rows = visibleRows(listRows(data.findings), selected, height);
    return h(
      Box,
      { flexDirection: 'column', height, overflow: 'hidden' },
      ...rows.map((row) => {
        if ('heading' in row) return h(Box, { key: `h-${row.heading}`, flexShrink: 0 }, h(Text, { bold: true, ...(color ? { color: SEVERITY_COLOR[row.heading] } : {}) }, `${row.heading.toUpperCase()} (${row.count})`));
        const f = data.findings[row.finding]!;
        const on = row.finding === selected;
        return h(Box, { key: f.rule, flexShrink: 0 }, h(Text, { wrap: 'truncate-end', inverse: on }, `${on ? '›' : ' '} ${f.title}  [${f.status}]`));
      }),
    );
  }

  function Detail({ finding, data, height }: { finding: Finding; data: DashboardData; height: number }) {
    // flexShrink 0: in a box of fixed height yoga would otherwise squeeze lines onto each other; overflow clips instead
    const line = (key: string, text: string, extra: Record<string, unknown> = {}) => h(Box, { key, flexShrink: 0 }, h(Text, { wrap: 'wrap', ...extra }, text));
    const requires = data.requires.get(finding.rule) ?? [];
    const parts = [
      line('title', `${finding.title} (${finding.rule})`, { bold: true }),
      line('meta', `${finding.severity} · ${finding.kind} · ${finding.status}${finding.addressed_by ? ` by ${finding.addressed_by}` : ''} · ${finding.topics.join(', ')}`),
      line('message', finding.message),
      ...(finding.evidence.length ? [line('ev', 'Evidence', { bold: true }), ...finding.evidence.map((e, i) => line(`ev${i}`, `  ${evidenceLine(e, data.profilePath)}`))] : []),
      line('rec-h', 'Recommendation', { bold: true }),
      line('rec', finding.recommendation),
      ...(requires.length ? [line('req', `Requires: ${requires.join(', ')}`)] : []),
      ...(finding.unlocks?.length ? [line('unl', `Unlocks: ${finding.unlocks.join(', ')}`)] : []),
      ...(finding.sources.length ? [line('src', 'Sources', { bold: true }), ...finding.sources.map((s, i) => line(`src${i}`, `  ${sourceLine(s)}`))] : []),
    ];
    return h(Box, { flexDirection: 'column', height, overflow: 'hidden', borderStyle: 'single', borderTop: true, borderBottom: false, borderLeft: false, borderRight: false }, ...parts);
  }

  return function Dashboard({ data, color, columns, rows }: DashboardProps) {
    const { exit } = useApp();
    const size = useSize({ ...(columns ? { columns } : {}), ...(rows ? { rows } : {}) });
    const [selected, setSelected] = React.useState(0);
    const last = data.findings.length - 1;
    useInput((input, key) => {
      if (input === 'q') exit();
      else if (key.downArrow || input === 'j') setSelected((s) => Math.min(last, s + 1));
      else if (key.upArrow || input === 'k') setSelected((s) => Math.max(0, s - 1));
    });
    const body = Math.max(4, size.rows - CHROME_ROWS);
    const listHeight = Math.max(3, Math.min(Math.floor(body * 0.4), listRows(data.findings).length));
    const help = h(Text, { dimColor: color }, data.findings.length ? '↑/↓ or j/k: move   q: quit' : 'q: quit');
    const current = data.findings[selected];
    return h(
      Box,
      { flexDirection: 'column', width: size.columns },
      h(Header, { data, color }),
      current
        ? h(
            React.Fragment,
            null,
            h(FindingList, { data, selected, height: listHeight, color }),
            h(Detail, { finding: current, data, height: body - listHeight }),
          )
        : h(Text, { ...(color ? { color: 'green' } : {}) }, 'No findings: nothing in the catalog applies to this system at its stage.'),
      help,
    );
  };
}
