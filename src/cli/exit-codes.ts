/**
 * The exit codes of spec/OUTPUT.md, in one place. bin/scale-advise.cjs
 * cannot import them and uses 3 (INTERNAL) for a missing build.
 */
export const EXIT = {
  /** ran; nothing open at or above the threshold */
  OK: 0,
  /** open findings at or above the threshold (check, --fail-on) */
  FINDINGS: 1,
  /** the user's input is wrong: file:line:column and what was expected */
  USAGE: 2,
  /** a bug in scale-advise */
  INTERNAL: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
