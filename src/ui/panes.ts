// The dashboard's panes: the header (name, counts, stage gauge), the line
// that says what the list shows, the findings list, the detail pane and the
// key help. React and ink are handed in by the caller.
import type * as ReactModule from 'react';
import type * as InkModule from 'ink';
import type { Severity } from '../model.js';
import { STAGE_NAMES } from '../model.js';
import type { DetailLine } from './detail-model.js';
import { visibleRows, type ListRow } from './list-model.js';
import { gaugeLines, WHAT_IF_FACTOR, type DashboardData } from './view-model.js';

const SEVERITY_COLOR: Record<Severity, string> = { critical: 'red', high: 'red', medium: 'yellow', low: 'cyan', info: 'gray' };

export const KEY_HELP = [
  '↑/↓ j/k: move  PgUp/PgDn J/K: scroll detail  g: group  /: search  q: quit',
  '1/2/3: topic/kind/status filter  0: clear  a: ADR  s: scaffold  w: waive  x: 10x',
];
export const EMPTY_KEY_HELP = 'x: 10x what-if  q: quit';

/** Lines of content the detail pane shows at `height` (a border above; a scroll line when the content is taller). */
export function detailRoom(height: number, lines: number): number {
  const room = Math.max(1, height - 1);
  return lines > room ? Math.max(1, room - 1) : room;
}

/** The furthest the detail pane scrolls: the last line at the bottom. */
export function maxDetailOffset(height: number, lines: number): number {
  return Math.max(0, lines - detailRoom(height, lines));
}

export function paneComponents(React: typeof ReactModule, ink: typeof InkModule) {
  const h = React.createElement;
  const { Box, Text } = ink;
  const tint = (color: boolean, name: string) => (color ? { color: name } : {});

  function Header({ data, color }: { data: DashboardData; color: boolean }) {
    const gauge = gaugeLines(data.gauge);
    const { open, addressed, waived } = data.counts;
    return h(
      Box,
      { flexDirection: 'column' },
      h(Text, { bold: true, wrap: 'truncate-end' }, `${data.project}  ·  ${open} open · ${addressed} addressed · ${waived} waived  ·  profile ${data.completenessPct}% complete`),
      h(Text, { wrap: 'truncate-end' }, `Stage  ${gauge.stages}`),
      h(Text, { wrap: 'truncate-end', ...tint(color, 'green') }, `       ${gauge.markers}`),
    );
  }

  /** How many findings the list shows, how they are grouped and filtered, and the what-if view. */
  function StatusLine({ data, shown, grouping, filters, color }: { data: DashboardData; shown: number; grouping: string; filters: string; color: boolean }) {
    const total = data.findings.length;
    const count = shown === total ? `${total} finding${total === 1 ? '' : 's'}` : `${shown} of ${total} findings match`;
    const parts = [count, `by ${grouping}`, ...(filters ? [filters] : [])];
    const w = data.whatIf;
    const stage = (id: string | null) => (id ? STAGE_NAMES[id as keyof typeof STAGE_NAMES] : 'no stage');
    const appear = w ? [...w.marks.values()].filter((m) => m === 'appears').length : 0;
    const what = w ? `${WHAT_IF_FACTOR}x WHAT-IF: ${stage(w.stage.from)} → ${stage(w.stage.to)}, +${appear} appear, −${w.marks.size - appear} go  ·  ` : '';
    return h(Text, { wrap: 'truncate-end', ...(w ? { bold: true, ...tint(color, 'magenta') } : { dimColor: color }) }, `${what}${parts.join(' · ')}`);
  }

  function FindingList({ rows, data, selected, height, color }: { rows: ListRow[]; data: DashboardData; selected: number; height: number; color: boolean }) {
    return h(
      Box,
      { flexDirection: 'column', height, overflow: 'hidden' },
      ...visibleRows(rows, selected, height).map((row) => {
        if ('heading' in row) {
          return h(Box, { key: `h-${row.heading}`, flexShrink: 0 }, h(Text, { bold: true, wrap: 'truncate-end', ...(row.severity ? tint(color, SEVERITY_COLOR[row.severity]) : {}) }, `${row.heading} (${row.steps !== undefined ? `${row.steps} step${row.steps === 1 ? '' : 's'}, ${row.count} finding${row.count === 1 ? '' : 's'}` : row.count})`));
        }
        const f = row.finding;
        const on = row.index === selected;
        const mark = data.whatIf?.marks.get(f.rule);
        const sign = mark === 'appears' ? '+ ' : mark === 'disappears' ? '− ' : '';
        return h(Box, { key: f.rule, flexShrink: 0 }, h(Text, { wrap: 'truncate-end', inverse: on }, `${on ? '›' : ' '} ${sign}${f.title}  [${f.status}]`));
      }),
    );
  }

  /** The detail lines from `offset`, with a last line saying what is below when they do not fit. */
  function Detail({ lines, offset, height }: { lines: DetailLine[]; offset: number; height: number }) {
    const room = detailRoom(height, lines.length);
    const shown = lines.slice(offset, offset + room);
    const parts = shown.map((l, i) => h(Box, { key: `d${offset + i}`, flexShrink: 0 }, h(Text, { wrap: 'truncate-end', bold: Boolean(l.bold) }, l.text || ' ')));
    if (room < height - 1) {
      const below = Math.max(0, lines.length - offset - shown.length);
      parts.push(h(Box, { key: 'more', flexShrink: 0 }, h(Text, { dimColor: true, wrap: 'truncate-end' }, below ? `↓ ${below} more line${below === 1 ? '' : 's'} (PgDn or J)` : `↑ top: PgUp or K`)));
    }
    return h(Box, { flexDirection: 'column', height, overflow: 'hidden', borderStyle: 'single', borderTop: true, borderBottom: false, borderLeft: false, borderRight: false }, ...parts);
  }

  return { Header, StatusLine, FindingList, Detail };
}
