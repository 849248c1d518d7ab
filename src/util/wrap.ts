import { collapseSpace } from './space.js';

// A numbered step marker stays with the word after it, so no line ends in "2)".
const STEP_GLUE = /(^|\s)(\(?[1-9][0-9]?\))\s+/g;
const NBSP = '\u00a0';

/**
 * Word-wrap prose to a width, indenting every line; the first line may start
 * with its own prefix instead (a label, a bullet), counted in the width.
 * Runs of whitespace collapse, so pad labels in `firstIndent`, not in `text`.
 */
export function wrap(text: string, width: number, indent: string, firstIndent = indent): string {
  const room = Math.max(10, width - Math.max(indent.length, firstIndent.length));
  const words = collapseSpace(text)
    .replace(STEP_GLUE, `$1$2${NBSP}`)
    .split(' ')
    .flatMap((w) => splitLongWord(w, room));
  const lines: string[] = [];
  let line = '';
  const lead = () => (lines.length ? indent : firstIndent);
  for (const w of words) {
    if (line && (lead() + line + ' ' + w).length > width) {
      lines.push(lead() + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(lead() + line);
  return lines.join('\n').replaceAll(NBSP, ' ');
}

/** A word longer than a line (a long path) is cut after a `/` where one fits, else at the line's end. */
function splitLongWord(word: string, room: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while (rest.length > room) {
    const slash = rest.lastIndexOf('/', room - 1);
    const cut = slash > 0 ? slash + 1 : room;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}
