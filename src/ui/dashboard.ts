// The dashboard: the panes, the keys, the prompts of the actions, and the
// evaluation again (in memory) after each action. React and ink are ESM-only
// and heavy, so they are handed in by the caller (which imports them lazily)
// rather than imported here.
import type * as ReactModule from 'react';
import type * as InkModule from 'ink';
import type { Inputs } from '../load.js';
import type { Assessment, Finding } from '../model.js';
import { evaluate } from '../engine/assessment.js';
import { askAdr, askScaffold, askWaiver, type ActionContext } from './action-prompts.js';
import type { ActionResult } from './actions.js';
import { detailLines } from './detail-model.js';
import { describeFilters, filterValues, groupFindings, listRows, matchesFilters, nextValue, NO_FILTERS, type FilterKey, type Filters, type Grouping } from './list-model.js';
import { EMPTY_KEY_HELP, KEY_HELP, maxDetailOffset, paneComponents } from './panes.js';
import { promptComponent, promptKey, promptStart, type Prompt, type PromptState } from './prompts.js';
import { dashboardData, whatIfData } from './view-model.js';

export interface DashboardProps {
  inputs: Inputs;
  /** the assessment of `inputs` when the caller has it already */
  assessment?: Assessment;
  /** colours on; off for NO_COLOR and non-colour terminals */
  color: boolean;
  /** the size to lay out for when the output stream does not say (tests) */
  columns?: number;
  rows?: number;
  /** told each assessment after an action, so the exit code can follow the decisions made here */
  onAssessment?: (assessment: Assessment) => void;
}

/** header (3 lines), status line, key help or prompt (2 lines) */
const CHROME_ROWS = 6;
const FILTER_BY_DIGIT: Record<string, FilterKey> = { '1': 'topic', '2': 'kind', '3': 'status' };

export function dashboardComponent(React: typeof ReactModule, ink: typeof InkModule): (props: DashboardProps) => ReactModule.ReactElement {
  const h = React.createElement;
  const { Box, Text, useApp, useInput, useStdout } = ink;
  const { Header, StatusLine, FindingList, Detail } = paneComponents(React, ink);
  const PromptView = promptComponent(React, ink);

  /**
   * State that the key handler reads and writes between renders: keys can
   * arrive faster than React draws, and each must see what the one before did.
   */
  function useLive<T>(initial: T): [T, () => T, (value: T) => void] {
    const ref = React.useRef(initial);
    const [value, setValue] = React.useState(initial);
    const set = React.useCallback((v: T) => {
      ref.current = v;
      setValue(v);
    }, []);
    return [value, () => ref.current, set];
  }

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

  return function Dashboard({ inputs: loaded, assessment: given, color, columns, rows, onAssessment }: DashboardProps) {
    const { exit } = useApp();
    const size = useSize({ ...(columns ? { columns } : {}), ...(rows ? { rows } : {}) });
    const [inputs, setInputs] = React.useState(loaded);
    const assessment = React.useMemo(() => (inputs === loaded && given ? given : evaluate(inputs)), [inputs]);
    const measured = React.useMemo(() => dashboardData(inputs, assessment), [assessment]);
    React.useEffect(() => {
      onAssessment?.(assessment);
    }, [assessment]);
    const [whatIf, setWhatIf] = React.useState(false);
    const data = React.useMemo(() => (whatIf ? whatIfData(inputs, measured, assessment.findings) : measured), [whatIf, measured]);
    const [grouping, setGrouping] = React.useState<Grouping>('severity');
    const [filters, setFilters] = React.useState<Filters>(NO_FILTERS);
    const [searching, isSearching, setSearching] = useLive(false);
    const [selectedRule, selectedNow, setSelectedRule] = useLive<string | null>(null);
    const [scroll, setScroll] = React.useState(0);
    const [prompt, promptNow, setPrompt] = useLive<Prompt | null>(null);
    const [field, fieldNow, setField] = useLive<PromptState>(promptStart(null));
    const [message, setMessage] = React.useState<string | null>(null);
    const ask = (p: Prompt | null) => {
      setPrompt(p);
      setField(promptStart(p));
    };

    const shown = data.findings.filter((f) => matchesFilters(f, filters));
    const groups = groupFindings(shown, grouping, data.phases, data.phaseOf);
    const ordered: Finding[] = groups.flatMap((g) => g.findings);
    const at = (rule: string | null) => Math.max(0, ordered.findIndex((f) => f.rule === rule));
    const selected = at(selectedRule);
    const current = ordered[selected];
    const listed = listRows(groups);

    const body = Math.max(4, size.rows - CHROME_ROWS);
    const listHeight = Math.max(3, Math.min(Math.floor(body * 0.4), listed.length || 1));
    const detailHeight = body - listHeight;
    const lines = current ? detailLines(current, data, size.columns) : [];
    const maxScroll = maxDetailOffset(detailHeight, lines.length);

    const select = (f: Finding | undefined) => {
      if (!f) return;
      setSelectedRule(f.rule);
      setScroll(0);
    };
    const context = (finding: Finding): ActionContext => ({
      inputs,
      finding,
      ask,
      say: setMessage,
      done: (result: ActionResult) => {
        setInputs(result.inputs);
        setMessage(result.message);
      },
    });

    // ink subscribes the handler in an effect, which can run after the next key has
    // arrived; reading the latest handler from a ref keeps fast typing on the current list
    const onKey = React.useRef<(input: string, key: InkModule.Key) => void>(() => {});
    onKey.current = (input, key) => {
      const open = promptNow();
      if (open) {
        const next = promptKey(open, fieldNow(), input, key);
        // an answer may have put up the next prompt, with its own start
        if (promptNow() === open) setField(next);
        return;
      }
      setMessage(null);
      if (isSearching()) return void search(input, key);
      const now = at(selectedNow());
      if (input === 'q') exit();
      else if (key.downArrow || input === 'j') select(ordered[Math.min(ordered.length - 1, now + 1)]);
      else if (key.upArrow || input === 'k') select(ordered[Math.max(0, now - 1)]);
      else if (key.pageDown || input === 'J') setScroll((s) => Math.min(maxScroll, s + Math.max(1, detailHeight - 3)));
      else if (key.pageUp || input === 'K') setScroll((s) => Math.max(0, s - Math.max(1, detailHeight - 3)));
      else if (input === 'g') setGrouping((g) => (g === 'severity' ? 'phase' : 'severity'));
      else if (input === 'x') setWhatIf((w) => !w);
      else if (input === '/') setSearching(true);
      else if (input === '0' || key.escape) setFilters(NO_FILTERS);
      else if (FILTER_BY_DIGIT[input]) {
        const k = FILTER_BY_DIGIT[input]!;
        setFilters((f) => ({ ...f, [k]: nextValue(filterValues(data.findings, k), f[k]) }));
      } else if (ordered[now] && input === 'a') askAdr(context(ordered[now]!));
      else if (ordered[now] && input === 's') askScaffold(context(ordered[now]!));
      else if (ordered[now] && input === 'w') askWaiver(context(ordered[now]!));
    };
    useInput((input, key) => onKey.current(input, key));

    /** `/`: the list narrows with each key typed; Enter keeps the search, Esc clears it. */
    function search(input: string, key: InkModule.Key) {
      if (key.return) setSearching(false);
      else if (key.escape) {
        setSearching(false);
        setFilters((f) => ({ ...f, query: '' }));
      } else if (key.backspace || key.delete) setFilters((f) => ({ ...f, query: f.query.slice(0, -1) }));
      else if (input && !key.ctrl && !key.meta && !key.tab) setFilters((f) => ({ ...f, query: f.query + input }));
    }

    let bottom: ReactModule.ReactElement;
    if (prompt) bottom = h(PromptView, { prompt, state: field, color });
    else if (searching) {
      bottom = h(
        Box,
        { flexDirection: 'column' },
        h(Text, { wrap: 'truncate-end' }, h(Text, { bold: true }, 'Search: '), filters.query, h(Text, { inverse: true }, ' ')),
        h(Text, { dimColor: color }, 'the list narrows as you type   Enter: keep   Esc: clear'),
      );
    } else {
      const help = data.findings.length ? KEY_HELP : [EMPTY_KEY_HELP];
      const first = message ?? help[0]!;
      bottom = h(Box, { flexDirection: 'column' }, h(Text, { wrap: 'truncate-end', ...(message ? { bold: true } : { dimColor: color }) }, first), ...(help.length > 1 || message ? [h(Text, { wrap: 'truncate-end', dimColor: color, key: 'k2' }, message ? help.at(-1)! : help[1]!)] : []));
    }

    let main: ReactModule.ReactElement;
    if (!data.findings.length) {
      main = h(Text, { ...(color ? { color: 'green' } : {}) }, data.whatIf ? `No findings, even at ${data.whatIf.label}.` : 'No findings: nothing in the catalog applies to this system at its stage.');
    } else if (!current) {
      main = h(Box, { height: body, flexDirection: 'column' }, h(Text, null, 'No finding matches the filters and search (0 or Esc: clear them).'));
    } else {
      main = h(
        React.Fragment,
        null,
        h(FindingList, { rows: listed, data, selected, height: listHeight, color }),
        h(Detail, { lines, offset: Math.min(scroll, maxScroll), height: detailHeight }),
      );
    }
    return h(
      Box,
      { flexDirection: 'column', width: size.columns },
      h(Header, { data, color }),
      h(StatusLine, { data, shown: shown.length, grouping: grouping === 'severity' ? 'severity' : 'roadmap phase', filters: describeFilters(filters), color }),
      main,
      bottom,
    );
  };
}
