// isoDay builds YYYY-MM-DD from a date's UTC fields rather than with
// toISOString, whose first call costs start-up time; it must give what
// toISOString().slice(0, 10) gives, for every date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/util/iso-day.js';
import { checkProperty } from './run.js';

describe('isoDay', () => {
  it("gives toISOString's day for any valid date, years 0 to 9999 and beyond", () => {
    checkProperty(
      'isoDay: any date',
      fc.date({ min: new Date(-8_640_000_000_000_000), max: new Date(8_640_000_000_000_000), noInvalidDate: true }),
      (d) => {
        expect(isoDay(d)).toBe(d.toISOString().slice(0, 10));
      },
      500,
    );
    for (const iso of ['0000-01-01T00:00:00.000Z', '0999-12-31T23:59:59.999Z', '2026-02-28T23:59:59.999Z', '2028-02-29T12:00:00Z', '9999-12-31T23:59:59.999Z', '+010000-01-01T00:00:00Z', '-000001-12-31T00:00:00Z']) {
      const d = new Date(iso);
      expect(isoDay(d), iso).toBe(d.toISOString().slice(0, 10));
    }
  });

  it('throws as toISOString does on an invalid date', () => {
    expect(() => isoDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
