// `init`: detect what the repository shows, ask what it cannot, write the profile.
import { existsSync } from 'node:fs';
import { readUserFile } from '../util/read-file.js';
import { parseDocument } from 'yaml';
import type { Fact } from '../model.js';
import validateProfile from '../generated/profile-validator.js';
import { UserError } from '../util/errors.js';
import { writeFileSafely } from '../util/write.js';
import { profileFromText } from '../profile/load.js';
import { addToProfile, newProfileText, presentFields, type ProfileEntry } from './document.js';
import { fieldInfo, QUESTIONS, type FieldInfo } from './questions.js';
import type { PromptStreams } from './ask.js';

export { SCHEMA_PATH } from './document.js';

export interface InitOptions {
  /** the profile to write, or with `update` to complete */
  target: string;
  displayPath: string;
  update: boolean;
  /** no questions: write what was detected */
  yes: boolean;
  detected: Fact[];
  streams?: PromptStreams;
}

export interface InitResult {
  detected: number;
  answered: number;
  /** questions left unanswered */
  skipped: number;
  text: string;
}

export async function runInit(opts: InitOptions): Promise<InitResult> {
  const exists = existsSync(opts.target);
  if (exists && !opts.update) {
    throw new UserError(`${opts.displayPath} already exists; \`scale-advise init --update\` adds the fields it lacks and keeps the rest`);
  }
  if (!exists && opts.update) throw new UserError(`${opts.displayPath} does not exist; \`scale-advise init\` writes a new one`);
  const existing = exists ? readUserFile(opts.target, opts.displayPath) : null;
  const doc = existing === null ? null : parseDocument(existing);
  if (doc?.errors.length) throw new UserError(`${opts.displayPath}: ${doc.errors[0]!.message}; fix the YAML before \`init --update\``);
  // A profile that is already invalid gets the messages assess would give, with their positions, before anything is added.
  if (existing !== null && !validateProfile(doc!.toJS())) profileFromText(existing, opts.target, opts.displayPath);
  const present = doc ? presentFields(doc) : new Set<string>();

  const entries: ProfileEntry[] = [];
  for (const f of opts.detected) {
    const field = fieldInfo(f.id);
    if (field && !present.has(f.id)) entries.push({ field, value: f.value, ...(f.origin ? { detected: f.origin } : {}) });
  }
  const known = new Set([...present, ...entries.map((e) => e.field.id)]);
  const toAsk = QUESTIONS.filter((id) => !known.has(id)).map((id) => fieldInfo(id)).filter((f): f is FieldInfo => Boolean(f));
  let answers = new Map<string, unknown>();
  if (!opts.yes && toAsk.length) {
    const { askFields } = await import('./ask.js');
    const out = opts.streams?.output ?? process.stdout;
    if (entries.length) {
      out.write('Found in the repository (written as found; edit the file to change them):\n');
      for (const e of entries) out.write(`  ${e.field.id}: ${JSON.stringify(e.value)}${e.detected ? `  (${e.detected})` : ''}\n`);
    }
    out.write(`${toAsk.length} questions follow; press Enter or choose "skip" to leave a field out.\n`);
    try {
      answers = await askFields(toAsk, opts.streams);
    } catch (e) {
      // Ctrl-C or a closed terminal at a prompt: the user stopped, nothing is written.
      if (e instanceof Error && e.name === 'ExitPromptError') throw new UserError('init was cancelled; nothing was written');
      throw e;
    }
  }
  for (const field of toAsk) if (answers.has(field.id)) entries.push({ field, value: answers.get(field.id) });
  // Sections in the schema's order, fields in the order asked.
  const order = (e: ProfileEntry) => {
    const i = QUESTIONS.indexOf(e.field.id);
    return i < 0 ? QUESTIONS.length : i;
  };
  entries.sort((a, b) => SECTION_ORDER.indexOf(a.field.section) - SECTION_ORDER.indexOf(b.field.section) || order(a) - order(b));
  const unanswered = toAsk.filter((f) => !answers.has(f.id));
  const text = doc && existing !== null ? addToProfile(existing, doc, entries) : newProfileText(entries, unanswered);
  const check = parseDocument(text).toJS();
  if (!validateProfile(check)) throw new Error(`init produced a profile its own schema rejects: ${JSON.stringify(validateProfile.errors?.[0])}`);
  writeFileSafely(opts.target, text, opts.update);
  return { detected: entries.length - answers.size, answered: answers.size, skipped: toAsk.length - answers.size, text };
}

const SECTION_ORDER = ['project', 'traffic', 'performance', 'database', 'architecture', 'delivery', 'observability', 'team', 'cost', 'security'];
