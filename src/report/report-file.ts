import type { jsonReportObject } from './json.js';
import { parseYamlText, positionAt, type ParsedYaml } from '../profile/parse-yaml.js';
import { UserError } from '../util/errors.js';
import { readUserFile } from '../util/read-file.js';
import type { Position } from '../model.js';
import { TOOL_NAME } from '../version.js';

type WrittenReport = ReturnType<typeof jsonReportObject>;
type WrittenFinding = WrittenReport['findings'][number];
/** Keys added to schema_version 1 after its first reports were written: an older report lacks them. */
type LaterKeys = 'assessed_on' | 'waivers';

/** The JSON report as `assess --format json` and `check --format json` write it, and as older writers of the same version did. */
export type JsonReport = Omit<WrittenReport, LaterKeys | 'findings'> &
  Partial<Pick<WrittenReport, LaterKeys>> & { findings: (Omit<WrittenFinding, 'open_since'> & Partial<Pick<WrittenFinding, 'open_since'>>)[] };

/** The report layout this version writes and reads; another one is refused, never guessed at. */
export const REPORT_SCHEMA_VERSION = 1;

/** A report with many findings and their evidence is larger than a profile; this still refuses a runaway file. */
const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/** The words every refusal of a file that is not a readable report begins with, wherever it is reported. */
export const NOT_A_REPORT = 'not a scale-advise JSON report';

/** What was expected instead, and how to make one: under every such refusal. */
export const REPORT_EXPECTED = 'expected a report as `scale-advise assess --format json` or `scale-advise check --format json` writes it';

/**
 * A file that is not a scale-advise JSON report (another tool's JSON, broken
 * JSON, a report missing keys): the portfolio passes such a file over when it
 * meets one in a directory, and refuses it when it was named.
 */
export class NotAReportError extends UserError {
  constructor(file: string, position: Position | null, why: string) {
    super([{ file, position, message: `${NOT_A_REPORT}: ${why}`, hint: REPORT_EXPECTED }]);
    this.name = 'NotAReportError';
  }
}

/** JSON.parse's reading, or its complaint when the text is not plain JSON. */
function parseJson(text: string): { data: unknown } | { error: string } {
  try {
    return { data: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (e) {
    // "Unexpected token 'x', "…" is not valid JSON" / "… in JSON at position 7": the position is said as line:column instead
    const message = e instanceof Error ? e.message : String(e);
    return { error: message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '') };
  }
}

/**
 * Read a JSON report written earlier (a CI artefact). The YAML library, which
 * places errors at a line and column, reads it only when there is an error to
 * place: it is some forty times slower than JSON.parse on a report, and a
 * portfolio reads many.
 */
export function readJsonReport(path: string, display = path): JsonReport {
  const text = readUserFile(path, display, MAX_REPORT_BYTES);
  const fast = parseJson(text);
  let parsed: ParsedYaml | undefined;
  if ('error' in fast) {
    try {
      parsed = parseYamlText(text, display);
    } catch (e) {
      const first = e instanceof UserError ? e.problems[0] : undefined;
      throw new NotAReportError(display, first?.position ?? null, `invalid JSON (${fast.error})`);
    }
  }
  const data = ('data' in fast ? fast.data : parsed!.data) as Partial<JsonReport> | null;
  const where = (key: (string | number)[]) => positionAt((parsed ??= parseYamlText(text, display)), key);
  const notAReport = (key: (string | number)[], why: string) => new NotAReportError(display, where(key), why);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    const held = !text.trim() ? 'the file is empty' : `it holds ${data === null ? 'null' : Array.isArray(data) ? 'an array' : `a ${typeof data}`}, not an object with \`schema_version\`, \`stage\` and \`findings\``;
    throw notAReport([], held);
  }
  const tool = (data as { tool?: { name?: unknown } }).tool;
  const otherTool = typeof tool === 'object' && tool !== null && tool.name !== undefined && tool.name !== TOOL_NAME;
  if ('portfolio_version' in data) throw notAReport([], 'this is the output of `scale-advise portfolio --format json`, not a report of one system');
  if (typeof data.schema_version !== 'number' || otherTool) {
    throw notAReport(data.schema_version === undefined ? [] : otherTool ? ['tool', 'name'] : ['schema_version'], otherTool ? `written by ${JSON.stringify(tool!.name).slice(0, 40)}` : data.schema_version === undefined ? 'no `schema_version`' : '`schema_version` is not a number');
  }
  if (data.schema_version !== REPORT_SCHEMA_VERSION) {
    throw new UserError([
      {
        file: display,
        position: where(['schema_version']),
        message: `a report of schema_version ${JSON.stringify(data.schema_version)}; this scale-advise reads reports of schema_version ${REPORT_SCHEMA_VERSION}`,
        hint: 'write the report again with this version of scale-advise',
      },
    ]);
  }
  for (const [key, ok] of [
    ['stage', typeof data.stage === 'object' && data.stage !== null],
    ['findings', Array.isArray(data.findings)],
    ['not_evaluated', Array.isArray(data.not_evaluated)],
    ['completeness', typeof data.completeness === 'object' && data.completeness !== null],
    ['waivers', data.waivers === undefined || Array.isArray(data.waivers)],
  ] as const) {
    if (!ok) throw notAReport(key in data ? [key] : [], `\`${key}\` is ${key in data ? 'of the wrong type' : 'missing'}`);
  }
  // The dates the portfolio ages warning signs and waivers by: a day or nothing, never a guess.
  const days: [unknown, (string | number)[]][] = [
    [data.assessed_on, ['assessed_on']],
    ...data.findings!.map((f, i): [unknown, (string | number)[]] => [f?.open_since, ['findings', i, 'open_since']]),
    ...(data.waivers ?? []).map((w, i): [unknown, (string | number)[]] => [w?.expires ?? '', ['waivers', i, 'expires']]),
  ];
  (data.waivers ?? []).forEach((w, i) => {
    if (typeof w?.rule !== 'string' || typeof w.owner !== 'string') throw notAReport(['waivers', i], `\`waivers.${i}\` needs a \`rule\` and an \`owner\``);
  });
  for (const [value, at] of days) {
    if (value === undefined || value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))) continue;
    throw notAReport(at, `\`${at.join('.')}\` must be a day as YYYY-MM-DD; got ${JSON.stringify(value).slice(0, 40)}`);
  }
  return data as JsonReport;
}
