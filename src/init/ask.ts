// The questionnaire. Prompts come from @inquirer/prompts, loaded only here;
// tests and the CLI hand in the streams (a terminal, or a script of keys).
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { checkAnswer, parseAnswer, type FieldInfo } from './questions.js';

export interface PromptStreams {
  input?: Readable;
  output?: Writable;
}

const SKIP = '\u0000skip';

function label(field: FieldInfo): string {
  return `${field.key}${field.unit ? ` (${field.unit})` : ''}: ${field.description}`;
}

/**
 * Ask each field in turn, section by section, and return the answers given.
 * An empty answer (or "skip") leaves the field out of the profile.
 */
export async function askFields(fields: FieldInfo[], streams: PromptStreams = {}): Promise<Map<string, unknown>> {
  // The bundled CLI runs as a script in which a bare import() has no loader; its bin supplies one.
  const hook = (globalThis as { __scaleAdviseImport?: (s: string) => Promise<unknown> }).__scaleAdviseImport;
  const { input, select } = (hook ? await hook('@inquirer/prompts') : await import('@inquirer/prompts')) as typeof import('@inquirer/prompts');
  const out = streams.output ?? process.stdout;
  // A prompt ends the output stream it is given when it is done; a stream of our own must outlive it.
  const context = () => {
    if (!streams.output) return streams.input ? { input: streams.input } : {};
    const perPrompt = new PassThrough();
    perPrompt.pipe(streams.output, { end: false });
    return { ...(streams.input ? { input: streams.input } : {}), output: perPrompt };
  };
  const answers = new Map<string, unknown>();
  let section = '';
  for (const field of fields) {
    if (field.section !== section) {
      section = field.section;
      out.write(`\n${section}\n`);
    }
    let value: unknown;
    if (field.enum || field.type === 'boolean') {
      const choices = field.enum
        ? field.enum.map((v) => ({ name: v, value: v as unknown }))
        : [
            { name: 'yes', value: true as unknown },
            { name: 'no', value: false as unknown },
          ];
      value = await select({ message: label(field), choices: [...choices, { name: 'skip (leave it out)', value: SKIP }] }, context());
      if (value === SKIP) value = undefined;
    } else {
      const text = await input(
        {
          message: `${label(field)} (Enter to skip)`,
          validate: (t: string) => {
            const v = parseAnswer(field, t);
            return v === undefined ? true : (checkAnswer(field, v) ?? true);
          },
        },
        context(),
      );
      value = parseAnswer(field, text);
    }
    if (value !== undefined) answers.set(field.id, value);
  }
  return answers;
}
