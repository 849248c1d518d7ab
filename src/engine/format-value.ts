/** How a fact's value reads inside a sentence. */
export function formatValue(v: unknown): string {
  if (typeof v === 'bigint') return formatValue(Number(v));
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    const rounded = Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
    return groupThousands(rounded);
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) {
    return v.map((x) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : formatValue(x))).join(', ');
  }
  if (v === null || v === undefined) return '?';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** 48000 → "48,000". Done by hand: toLocaleString loads ICU data, which costs start-up time. */
export function groupThousands(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/**
 * A span of months as a reader says it: "less than a week", "about 3 weeks",
 * "1 month", "3.7 months", "about 2.5 years". Used for facts counted in months
 * and by the roadmap, so a rule's message and the plan give the same figure
 * (both to a tenth of a month, as the projection computes it).
 */
export function formatMonths(months: number): string {
  if (months <= 0) return 'no time (the limit is already reached)';
  if (months < 0.25) return 'less than a week';
  if (months < 1) {
    const weeks = Math.round(months * 4.35);
    return weeks <= 1 ? 'about a week' : `about ${weeks} weeks`;
  }
  if (months < 24) {
    const m = Math.round(months * 10) / 10;
    return m === 1 ? '1 month' : `${m} months`;
  }
  if (months >= 120) return 'more than ten years';
  return `about ${Math.round(months / 6) / 2} years`;
}

/** formatMonths with "about" in front where it reads as an estimate: "about 3.7 months", "less than a week". */
export function aboutMonths(months: number): string {
  const s = formatMonths(months);
  return /^(about|less|more|no) /.test(s) ? s : `about ${s}`;
}
