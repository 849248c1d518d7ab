/**
 * Plain code-unit order. Deterministic whatever the locale, and cheap:
 * String#localeCompare sets up an ICU collator on first use (~10 ms at start-up).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
