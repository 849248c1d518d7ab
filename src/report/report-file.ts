import type { jsonReportObject } from './json.js';
import { parseYamlText, positionAt, type ParsedYaml } from '../profile/parse-yaml.js';
import { UserError } from '../util/errors.js';
import { readUserFile } from '../util/read-file.js';

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

/** JSON.parse's reading, or undefined when the text is not plain JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
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
  let parsed: ParsedYaml | undefined = fast === undefined ? parseYamlText(text, display) : undefined;
  const data = (fast === undefined ? parsed!.data : fast) as Partial<JsonReport> | null;
  const where = (key: (string | number)[]) => positionAt((parsed ??= parseYamlText(text, display)), key);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError([{ file: display, position: where([]), message: 'not a scale-advise JSON report: expected an object with `schema_version`, `stage` and `findings`', hint: 'write one with `scale-advise assess --format json`' }]);
  }
  if (data.schema_version !== REPORT_SCHEMA_VERSION) {
    const got = data.schema_version === undefined ? 'no `schema_version`' : `schema_version ${JSON.stringify(data.schema_version)}`;
    throw new UserError([
      {
        file: display,
        position: where(['schema_version']),
        message: `a report of ${got}; this scale-advise reads reports of schema_version ${REPORT_SCHEMA_VERSION}`,
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
    if (!ok) throw new UserError([{ file: display, position: where([key]), message: `not a scale-advise JSON report: \`${key}\` is missing or of the wrong type` }]);
  }
  // The dates the portfolio ages warning signs and waivers by: a day or nothing, never a guess.
  const days: [unknown, (string | number)[]][] = [
    [data.assessed_on, ['assessed_on']],
    ...data.findings!.map((f, i): [unknown, (string | number)[]] => [f?.open_since, ['findings', i, 'open_since']]),
    ...(data.waivers ?? []).map((w, i): [unknown, (string | number)[]] => [w?.expires ?? '', ['waivers', i, 'expires']]),
  ];
  (data.waivers ?? []).forEach((w, i) => {
    if (typeof w?.rule !== 'string' || typeof w.owner !== 'string') {
      throw new UserError([{ file: display, position: where(['waivers', i]), message: `not a scale-advise JSON report: \`waivers.${i}\` needs a \`rule\` and an \`owner\`` }]);
    }
  });
  for (const [value, at] of days) {
    if (value === undefined || value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))) continue;
    throw new UserError([{ file: display, position: where(at), message: `not a scale-advise JSON report: \`${at.join('.')}\` must be a day as YYYY-MM-DD; got ${JSON.stringify(value).slice(0, 40)}` }]);
  }
  return data as JsonReport;
}
