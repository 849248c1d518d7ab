// The ADR parser reads whatever a team has in its decision directory: any
// Markdown, any front matter. It never throws, and what it returns is
// well-formed: a number, a known status, a title, and rule ids that look
// like rule ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/decisions/adr/parse.js';
import { RULE_ID_PATTERN } from '../../src/generated/vocabulary.js';
import { checkProperty } from './run.js';

const STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'unknown'];

const LINES = [
  '# 1. Record architecture decisions', '# 12. Use read replicas', '# Use PostgreSQL', '## Status', '## Context', '## Decision', '## Consequences',
  '## Context and Problem Statement', '## Considered Options', '## Decision Outcome', '## More Information', 'Accepted', 'Proposed', 'Superseded by [3. Use X](0003-use-x.md)',
  'Supersedes [1. Record](0001-record.md)', 'Amends [2. Y](0002-y.md)', 'Date: 2026-11-23', 'Addresses: db-read-replicas, cache-missing', 'Addresses: [x](y)', 'Review-by: 2027-05-01',
  '---', 'status: accepted', 'status: [a, b]', 'date: 2026-13-45', 'scale-advise:', '  addresses: [db-read-replicas]', '  addresses: 7', 'decision-makers: ', 'review-by: 2027-01-01',
  '```', '<!-- comment -->', '* [x] item', '| a | b |', '[link]()', '\t', '', '\r', '\ufeff',
];

const markdown = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }), { maxLength: 30 })
  .map((lines) => lines.join('\n'));
const fileName = fc.oneof(fc.constantFrom('0001-record.md', '0000-use-madr.md', '2026-11-23-use-x.md', 'README.md', '9999-x.md'), fc.string({ minLength: 1, maxLength: 20 }).map((s) => `${s.replace(/[\\/]/g, '_')}.md`));

describe('ADR parser, property-based', () => {
  it('parses any Markdown and front matter into a well-formed record', () => {
    checkProperty(
      'adr: arbitrary markdown',
      fc.tuple(markdown, fileName),
      ([text, file]) => {
        const r = parseRecord(text, `/adr/${file}`);
        expect(Number.isInteger(r.number) && r.number >= 0).toBe(true);
        expect(STATUSES).toContain(r.status);
        expect(typeof r.title).toBe('string');
        expect(['nygard', 'madr']).toContain(r.format);
        for (const id of r.addresses) expect(id).toMatch(new RegExp(RULE_ID_PATTERN));
        for (const l of r.links) expect(Number.isInteger(l.target)).toBe(true);
      },
      2000,
    );
  });
});
