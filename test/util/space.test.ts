import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpace } from '../../src/util/space.js';

describe('collapseSpace', () => {
  it('tidies runs and odd whitespace to one space and trims', () => {
    expect(collapseSpace('  a \t b\n\nc\u00a0 d  ')).toBe('a b c d');
    expect(collapseSpace('already tidy text')).toBe('already tidy text');
  });

  it('gives what replace(/\\s+/g, " ").trim() gives, for any text', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', 'a', 'b c', '1) ', '$&');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(collapseSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});
