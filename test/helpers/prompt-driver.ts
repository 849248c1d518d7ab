// Drives the init questionnaire the way a person would: waits for each
// question to appear, then types keys. Works over plain streams and tmux alike.
import { fieldInfo, QUESTIONS, type FieldInfo } from '../../src/init/questions.js';

export const KEYS = { enter: '\r', up: '\x1b[A', down: '\x1b[B', backspace: '\x7f' };

// eslint-disable-next-line no-control-regex
export const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

export async function waitFor(read: () => string, test: (text: string) => boolean, what: string, ms = 10_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const text = stripAnsi(read());
    if (test(text)) return text;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${text.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The questions init will ask, in order, when `known` fields are already answered. */
export function expectedQuestions(known: string[]): FieldInfo[] {
  return QUESTIONS.filter((id) => !known.includes(id)).map((id) => fieldInfo(id)!);
}

/** Keys that answer a question: text for a typed answer, a choice for a list; undefined skips. */
export function keysFor(field: FieldInfo, answer: string | boolean | number | undefined): string {
  if (field.enum || field.type === 'boolean') {
    const choices = field.enum ?? ['yes', 'no'];
    if (answer === undefined) return KEYS.up + KEYS.enter; // the list wraps: up from the first is "skip"
    const label = typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : String(answer);
    return KEYS.down.repeat(choices.indexOf(label)) + KEYS.enter;
  }
  return `${answer ?? ''}${KEYS.enter}`;
}
