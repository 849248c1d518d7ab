// The dashboard's prompts, shown in place of the key help: a yes/no
// question, a line of text, and a choice from a short list. Esc cancels each.
// Keys reach them through the dashboard's one input handler (promptKey), so
// nothing typed is lost while a prompt is being drawn.
import type * as ReactModule from 'react';
import type * as InkModule from 'ink';

/** y runs `yes`; n or Esc runs `no`. */
export interface ConfirmPrompt {
  kind: 'confirm';
  question: string;
  yes: () => void;
  no: () => void;
}

/** Enter submits; `submit` returns a problem to show (the prompt stays) or null. */
export interface TextPrompt {
  kind: 'text';
  label: string;
  initial: string;
  submit: (value: string) => string | null;
  cancel: () => void;
}

export interface ChoicePrompt {
  kind: 'choice';
  label: string;
  options: string[];
  choose: (index: number) => void;
  cancel: () => void;
}

export type Prompt = ConfirmPrompt | TextPrompt | ChoicePrompt;

/** What the user has typed or chosen in the prompt so far, and the problem with the last answer. */
export interface PromptState {
  value: string;
  at: number;
  problem: string | null;
}

export function promptStart(prompt: Prompt | null): PromptState {
  return { value: prompt?.kind === 'text' ? prompt.initial : '', at: 0, problem: null };
}

/** Printable text from a key or a paste: no control characters. */
const printable = (input: string) => input.replace(/[\u0000-\u001F\u007F]/g, '');

/** A key in a prompt: the prompt's state after it. A key that answers the prompt calls its callback. */
export function promptKey(prompt: Prompt, state: PromptState, input: string, key: InkModule.Key): PromptState {
  if (prompt.kind === 'confirm') {
    if (input === 'y' || input === 'Y') prompt.yes();
    else if (input === 'n' || input === 'N' || key.escape) prompt.no();
    return state;
  }
  if (prompt.kind === 'text') {
    if (key.escape) prompt.cancel();
    else if (key.return) return { ...state, problem: prompt.submit(state.value.trim()) };
    else if (key.backspace || key.delete) return { ...state, value: state.value.slice(0, -1) };
    else if (!key.ctrl && !key.meta && printable(input)) return { ...state, value: state.value + printable(input), problem: null };
    return state;
  }
  const last = prompt.options.length - 1;
  if (key.escape) prompt.cancel();
  else if (key.return) prompt.choose(state.at);
  else if (key.downArrow || key.rightArrow || input === 'j') return { ...state, at: Math.min(last, state.at + 1) };
  else if (key.upArrow || key.leftArrow || input === 'k') return { ...state, at: Math.max(0, state.at - 1) };
  else if (/^[1-9]$/.test(input) && Number(input) <= prompt.options.length) prompt.choose(Number(input) - 1);
  return state;
}

export function promptComponent(React: typeof ReactModule, ink: typeof InkModule): (props: { prompt: Prompt; state: PromptState; color: boolean }) => ReactModule.ReactElement {
  const h = React.createElement;
  const { Box, Text } = ink;
  const lines = (color: boolean, first: ReactModule.ReactNode, second: string, problem = false) =>
    h(Box, { flexDirection: 'column' }, h(Text, { wrap: 'truncate-end' }, first), h(Text, { wrap: 'truncate-end', ...(problem && color ? { color: 'red' } : { dimColor: color }) }, second));
  const label = (color: boolean, text: string) => h(Text, { bold: true, ...(color ? { color: 'cyan' } : {}) }, text);

  return function PromptView({ prompt, state, color }) {
    if (prompt.kind === 'confirm') return lines(color, label(color, `${prompt.question} (y/n)`), 'y: yes   n or Esc: no');
    if (prompt.kind === 'text') {
      return lines(color, h(Text, null, label(color, `${prompt.label}: `), state.value, h(Text, { inverse: true }, ' ')), state.problem ?? 'Enter: next   Esc: cancel', Boolean(state.problem));
    }
    const options = prompt.options.map((o, i) => (i === state.at ? `[${i + 1} ${o}]` : ` ${i + 1} ${o} `)).join(' ');
    return lines(color, h(Text, null, label(color, `${prompt.label}: `), options), 'j/k or 1-9: choose   Enter: take it   Esc: cancel');
  };
}
