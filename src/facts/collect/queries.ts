// The PromQL behind each collected fact: the shipped defaults in
// rules/_collect/prometheus.yaml, overridden by the user's --queries file.
import { isMap } from 'yaml';
import { readYamlFile, positionAt, type ParsedYaml } from '../../profile/parse-yaml.js';
import { UserError, type Problem } from '../../util/errors.js';
import { packagePath } from '../../util/paths.js';
import { closest } from '../../util/suggest.js';
import { profileFactSchema } from './fact-schema.js';

export interface PromQuery {
  fact: string;
  /** the query as sent, placeholders filled in */
  query: string;
  /** `range`: the value describes the whole range; `instant`: read at its end */
  window: 'range' | 'instant';
  /** series the query needs, named when the query finds nothing */
  metrics: string[];
}

export interface QueryParams {
  range: string;
  peakQuantile: number;
  step: string;
}

interface QueryFileEntry {
  query?: unknown;
  window?: unknown;
  metrics?: unknown;
}

interface QueryFile {
  selectors?: Record<string, unknown>;
  queries?: Record<string, QueryFileEntry | string>;
}

const DEFAULTS = () => packagePath('rules', '_collect', 'prometheus.yaml');

function readQueryFile(path: string, display: string): { parsed: ParsedYaml; data: QueryFile } {
  const parsed = readYamlFile(path, display);
  if (parsed.data !== null && !isMap(parsed.doc.contents)) {
    throw new UserError([{ file: display, position: positionAt(parsed, []), message: 'a queries file is a mapping with `selectors:` and `queries:`' }]);
  }
  return { parsed, data: (parsed.data ?? {}) as QueryFile };
}

/** Check a queries file's shape; every mistake at once, each at its line. */
function checkQueryFile(parsed: ParsedYaml, data: QueryFile, display: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string, hint?: string, key = false) =>
    problems.push({ file: display, position: positionAt(parsed, path, key), message, ...(hint ? { hint } : {}) });
  for (const key of Object.keys(data)) if (key !== 'selectors' && key !== 'queries') at([key], `unknown key \`${key}\`; a queries file has \`selectors\` and \`queries\``, undefined, true);
  for (const [name, sel] of Object.entries(data.selectors ?? {})) {
    if (typeof sel !== 'string') at(['selectors', name], `selector \`${name}\` must be a string of label matchers, such as 'job="node"'`);
  }
  const facts = profileFactSchema();
  for (const [id, entry] of Object.entries(data.queries ?? {})) {
    const meta = facts.get(id);
    if (!meta || (meta.type !== 'number' && meta.type !== 'integer')) {
      const numeric = [...facts].filter(([, f]) => f.type === 'number' || f.type === 'integer').map(([k]) => k);
      const near = closest(id, numeric);
      at(['queries', id], `\`${id}\` is not a numeric profile fact`, near ? `did you mean \`${near}\`?` : 'docs/facts.md lists the facts', true);
      continue;
    }
    const query = typeof entry === 'string' ? entry : entry?.query;
    const hasQueryKey = typeof entry === 'object' && entry !== null && 'query' in entry;
    if (typeof query !== 'string' || !query.trim()) at(['queries', id, ...(hasQueryKey ? ['query'] : [])], `\`${id}\` needs a PromQL \`query\` (a string)`);
    if (typeof entry === 'object' && entry) {
      if (entry.window !== undefined && entry.window !== 'range' && entry.window !== 'instant') at(['queries', id, 'window'], '`window` must be `range` or `instant`');
      if (entry.metrics !== undefined && (!Array.isArray(entry.metrics) || entry.metrics.some((m) => typeof m !== 'string'))) {
        at(['queries', id, 'metrics'], '`metrics` must be a list of metric names');
      }
    }
  }
  return problems;
}

/** Fill in $range, $peak_quantile, $step and the selectors. Longest names first, so $app_node is not read as $app. */
function fill(query: string, values: Record<string, string>): string {
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  return names.reduce((q, name) => q.split(`$${name}`).join(values[name]!), query);
}

/**
 * The queries to run, one per fact: the defaults with the user's file laid
 * over them (a query given as a plain string keeps the default's metadata
 * only when it replaces nothing but the text).
 */
export function prometheusQueries(params: QueryParams, userFile?: { path: string; display: string }): PromQuery[] {
  const defaults = readQueryFile(DEFAULTS(), 'rules/_collect/prometheus.yaml').data;
  let user: QueryFile = {};
  if (userFile) {
    const { parsed, data } = readQueryFile(userFile.path, userFile.display);
    const problems = checkQueryFile(parsed, data, userFile.display);
    if (problems.length) throw new UserError(problems);
    user = data;
  }
  const selectors = { ...defaults.selectors, ...user.selectors } as Record<string, string>;
  const values = { ...selectors, range: params.range, peak_quantile: String(params.peakQuantile), step: params.step };
  const entries = { ...defaults.queries, ...user.queries };
  return Object.entries(entries).map(([fact, raw]) => {
    const base = defaults.queries?.[fact];
    const baseEntry = typeof base === 'object' && base ? base : {};
    const entry: QueryFileEntry = typeof raw === 'string' ? { query: raw } : raw;
    const replaced = user.queries?.[fact] !== undefined;
    return {
      fact,
      query: fill(String(entry.query), values),
      window: (entry.window ?? baseEntry.window ?? 'range') as 'range' | 'instant',
      // a replaced query may read other series: only its own list names them
      metrics: (entry.metrics ?? (replaced ? [] : baseEntry.metrics) ?? []) as string[],
    };
  });
}
