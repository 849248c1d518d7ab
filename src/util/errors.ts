import type { Position } from '../model.js';

/** One problem in something the user wrote, located as precisely as we can. */
export interface Problem {
  file: string;
  position: Position | null;
  message: string;
  /** e.g. "did you mean `peak_rps`?" */
  hint?: string;
}

/**
 * The user's input is wrong (exit code 2). Carries every problem found,
 * so a profile with three mistakes is fixed in one round, not three.
 */
export class UserError extends Error {
  readonly problems: Problem[];
  readonly exitCode = 2;
  constructor(problems: Problem[] | string) {
    const list = typeof problems === 'string' ? [{ file: '', position: null, message: problems }] : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserError';
    this.problems = list;
  }
}

export function formatLocation(file: string, position: Position | null): string {
  if (!file) return '';
  return position ? `${file}:${position.line}:${position.column}` : file;
}

export function formatProblem(p: Problem): string {
  const where = formatLocation(p.file, p.position);
  const head = where ? `${where}: ${p.message}` : p.message;
  return p.hint ? `${head} (${p.hint})` : head;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
