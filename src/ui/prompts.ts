// The dashboard's prompts, shown in place of the key help: a yes/no
// question, a line of text (ink-text-input), and a choice from a short list.
// Esc cancels each. React, ink and the text input are handed in by the
// caller, which imports them lazily.
import type * as ReactModule from 'react';
import type * as InkModule from 'ink';
import type TextInputComponent from 'ink-text-input';

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

export type TextInputType = typeof TextInputComponent;

export function promptComponent(React: typeof ReactModule, ink: typeof InkModule, TextInput: TextInputType): (props: { prompt: Prompt; color: boolean }) => ReactModule.ReactElement {
  const h = React.createElement;
  const { Box, Text, useInput } = ink;
  const accent = (color: boolean) => (color ? { color: 'cyan' } : {});

  function Confirm({ prompt, color }: { prompt: ConfirmPrompt; color: boolean }) {
    useInput((input, key) => {
      if (input === 'y' || input === 'Y') prompt.yes();
      else if (input === 'n' || input === 'N' || key.escape) prompt.no();
    });
    return h(Box, { flexDirection: 'column' }, h(Text, { wrap: 'truncate-end', bold: true, ...accent(color) }, `${prompt.question} (y/n)`), h(Text, { dimColor: color }, 'y: yes   n or Esc: no'));
  }

  function Field({ prompt, color }: { prompt: TextPrompt; color: boolean }) {
    const [value, setValue] = React.useState(prompt.initial);
    // the text as typed so far, even when Enter arrives before React has drawn the last keys
    const typed = React.useRef(prompt.initial);
    const change = (v: string) => {
      typed.current = v;
      setValue(v);
    };
    const [problem, setProblem] = React.useState<string | null>(null);
    useInput((_input, key) => {
      if (key.escape) prompt.cancel();
    });
    return h(
      Box,
      { flexDirection: 'column' },
      h(Box, null, h(Text, { bold: true, ...accent(color) }, `${prompt.label}: `), h(TextInput, { value, onChange: change, onSubmit: () => setProblem(prompt.submit(typed.current)) })),
      h(Text, { wrap: 'truncate-end', ...(problem && color ? { color: 'red' } : { dimColor: color }) }, problem ?? 'Enter: next   Esc: cancel'),
    );
  }

  function Choice({ prompt, color }: { prompt: ChoicePrompt; color: boolean }) {
    const [at, setAt] = React.useState(0);
    useInput((input, key) => {
      if (key.escape) prompt.cancel();
      else if (key.return) prompt.choose(at);
      else if (key.downArrow || input === 'j') setAt((i) => Math.min(prompt.options.length - 1, i + 1));
      else if (key.upArrow || input === 'k') setAt((i) => Math.max(0, i - 1));
      else if (/^[1-9]$/.test(input) && Number(input) <= prompt.options.length) prompt.choose(Number(input) - 1);
    });
    const options = prompt.options.map((o, i) => (i === at ? `[${i + 1} ${o}]` : ` ${i + 1} ${o} `)).join(' ');
    return h(Box, { flexDirection: 'column' }, h(Text, { wrap: 'truncate-end', bold: true, ...accent(color) }, `${prompt.label}: ${options}`), h(Text, { dimColor: color }, 'j/k or 1-9: choose   Enter: take it   Esc: cancel'));
  }

  return function PromptView({ prompt, color }) {
    if (prompt.kind === 'confirm') return h(Confirm, { prompt, color });
    if (prompt.kind === 'text') return h(Field, { prompt, color, key: prompt.label });
    return h(Choice, { prompt, color });
  };
}
