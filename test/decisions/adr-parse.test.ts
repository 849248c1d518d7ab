// Reading records as people and tools write them: adr-tools' Nygard files,
// hand-written ones, MADR 4 with front matter, MADR 2/log4brains bullets.
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/decisions/adr/parse.js';
import { statusOf } from '../../src/decisions/adr/status.js';
import { addressedRules } from '../../src/decisions/adr/addressed.js';
import type { AdrRecord } from '../../src/decisions/adr/types.js';

// As adr-tools 3.0.0 writes them (captured from `adr new -s 2`, `adr link`).
const ADR_TOOLS_SUPERSEDED = `# 2. Use MySQL

Date: 2024-01-02

## Status

Superseded by [3. Use Postgres](0003-use-postgres.md)

## Context

Addresses: db-read-replicas

The issue motivating this decision.

## Decision

The change.

## Consequences

What becomes easier.
`;

const ADR_TOOLS_NEW = `# 3. Use Postgres

Date: 2024-01-03

## Status

Accepted

Supersedes [2. Use MySQL](0002-use-mysql.md)

Amends [1. Record architecture decisions](0001-record-architecture-decisions.md)

## Context

Addresses: db-connection-pooling, db-read-replicas

## Decision

We will.

## Consequences

Some.
`;

const MADR4 = `---
status: "accepted"
date: 2024-05-01
decision-makers: [alice, bob]
consulted: carol
informed: everyone
scale-advise:
  addresses: [cache-missing]
---

# Put Redis in front of the catalogue

## Context and Problem Statement

The catalogue is read far more than written.

## Considered Options

* Redis
* Bigger database

## Decision Outcome

Chosen option: "Redis", because it is cheap.

### Consequences

* Good, because fast.

## More Information

* Supersedes [ADR-0004: Cache nothing](0004-cache-nothing.md)
`;

const LOG4BRAINS = `# Use Log4brains to manage the ADRs

- Status: draft
- Date: 2020-09-24
- Deciders: thomas

## Context and Problem Statement

We want to record decisions.
`;

describe('parseRecord', () => {
  it('reads an adr-tools record superseded by another', () => {
    const r = parseRecord(ADR_TOOLS_SUPERSEDED, '/x/doc/adr/0002-use-mysql.md');
    expect(r).toMatchObject({ number: 2, title: 'Use MySQL', status: 'superseded', date: '2024-01-02', format: 'nygard', addresses: ['db-read-replicas'] });
    expect(r.statusText).toBe('Superseded by [3. Use Postgres](0003-use-postgres.md)');
    expect(r.links).toEqual([{ type: 'Superseded by', target: 3, file: '0003-use-postgres.md', label: '3. Use Postgres', line: 7 }]);
    expect(r.sections).toEqual(['Status', 'Context', 'Decision', 'Consequences']);
  });

  it('reads the superseding record with its links and two addressed rules', () => {
    const r = parseRecord(ADR_TOOLS_NEW, '/x/doc/adr/0003-use-postgres.md');
    expect(r).toMatchObject({ number: 3, status: 'accepted', statusText: 'Accepted', addresses: ['db-connection-pooling', 'db-read-replicas'] });
    expect(r.links.map((l) => [l.type, l.target])).toEqual([
      ['Supersedes', 2],
      ['Amends', 1],
    ]);
  });

  it('reads MADR 4 front matter, its rule links and links under More Information', () => {
    const r = parseRecord(MADR4, '/x/docs/decisions/0005-put-redis-in-front.md');
    expect(r).toMatchObject({ number: 5, title: 'Put Redis in front of the catalogue', status: 'accepted', date: '2024-05-01', format: 'madr', addresses: ['cache-missing'] });
    expect(r.frontMatter['decision-makers']).toEqual(['alice', 'bob']);
    expect(r.links).toEqual([{ type: 'Supersedes', target: 4, file: '0004-cache-nothing.md', label: 'ADR-0004: Cache nothing', line: 32 }]);
  });

  it('reads MADR 2 / log4brains bullet metadata', () => {
    const r = parseRecord(LOG4BRAINS, '/x/docs/adr/20200924-use-log4brains.md');
    expect(r).toMatchObject({ status: 'draft', date: '2020-09-24', format: 'madr', title: 'Use Log4brains to manage the ADRs' });
  });

  it('reads a hand-written record: odd case, bold Addresses, headings without numbers, CRLF', () => {
    const text = '# Choose a queue\r\n\r\n## Status\r\n\r\nPROPOSED on 2024-02-02\r\n\r\n## Context\r\n\r\n**Addresses:** `async-slow-work-in-request`, cache-missing.\r\n\r\n```\r\nAddresses: not-a-rule-in-code\r\n```\r\n';
    const r = parseRecord(text, '/x/doc/adr/0007-choose-a-queue.md');
    expect(r).toMatchObject({ number: 7, title: 'Choose a queue', status: 'proposed', format: 'nygard' });
    expect(r.addresses).toEqual(['async-slow-work-in-request', 'cache-missing']);
  });

  it('tolerates broken front matter and a record without any heading', () => {
    const r = parseRecord('---\nstatus: {proposed | rejected\n---\nno heading here\n', '/x/0009-odd-one.md');
    expect(r.number).toBe(9);
    expect(r.title).toBe('odd one');
    expect(r.status).toBe('unknown');
  });

  it('reads MADR\'s unedited status placeholder as no status, not as "superseded"', () => {
    const r = parseRecord('---\nstatus: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"\n---\n\n# T\n', '/x/0001-t.md');
    expect(r.status).toBe('unknown');
  });
});

describe('statusOf', () => {
  const cases: [string, string][] = [
    ['Accepted', 'accepted'],
    ['accepted', 'accepted'],
    ['ACCEPTED', 'accepted'],
    ['Proposed', 'proposed'],
    ['rejected', 'rejected'],
    ['Deprecated', 'deprecated'],
    ['Superseded', 'superseded'],
    ['superseded by ADR-0123', 'superseded'],
    ['Superseded by [3. Use X](0003-use-x.md)', 'superseded'],
    ['draft', 'draft'],
    ['Approved', 'accepted'],
    ['in progress', 'draft'],
    ['', 'unknown'],
    ['42', 'unknown'],
  ];
  for (const [text, want] of cases) it(`"${text}" → ${want}`, () => expect(statusOf(text)).toBe(want));
});

describe('addressedRules', () => {
  const rec = (number: number, status: AdrRecord['status'], addresses: string[]): AdrRecord => ({
    number, title: `T${number}`, status, statusText: status, date: null, reviewBy: null, format: 'nygard', addresses, links: [], path: `/x/${number}.md`, file: `000${number}-t.md`, frontMatter: {}, sections: [], lines: { title: 1, status: null, date: null, reviewBy: null },
  });
  const store = (records: AdrRecord[]) => ({ list: () => records });

  it('counts proposed, accepted and rejected records; not superseded, deprecated, draft or unknown', () => {
    const m = addressedRules(store([
      rec(1, 'proposed', ['a']),
      rec(2, 'accepted', ['b']),
      rec(3, 'rejected', ['c']),
      rec(4, 'superseded', ['d']),
      rec(5, 'deprecated', ['e']),
      rec(6, 'draft', ['f']),
      rec(7, 'unknown', ['g']),
    ]));
    expect([...m.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(m.get('b')).toEqual({ number: 2, title: 'T2', status: 'accepted', file: '0002-t.md' });
  });

  it('prefers an accepted record, then the newest', () => {
    const m = addressedRules(store([rec(1, 'accepted', ['a']), rec(2, 'proposed', ['a']), rec(3, 'proposed', ['b']), rec(4, 'proposed', ['b'])]));
    expect(m.get('a')?.number).toBe(1);
    expect(m.get('b')?.number).toBe(4);
  });

  it('a superseded record stops addressing its rule once the superseding one is parsed', () => {
    const old = parseRecord(ADR_TOOLS_SUPERSEDED, '/x/doc/adr/0002-use-mysql.md');
    const m = addressedRules(store([old]));
    expect(m.has('db-read-replicas')).toBe(false);
  });
});

describe('review-by dates', () => {
  it('reads review-by from MADR front matter and a Review-by line in Nygard', () => {
    const madr = parseRecord('---\nstatus: accepted\nreview-by: 2027-03-01\n---\n# Use a queue\n\n## Context and Problem Statement\n\nx\n', '/d/0003-use-a-queue.md');
    expect(madr.reviewBy).toBe('2027-03-01');
    const nygard = parseRecord('# 2. Use Redis\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\nReview-by: 2026-07-01\n\n## Context\n\nx\n', '/d/0002-use-redis.md');
    expect(nygard.reviewBy).toBe('2026-07-01');
    expect(parseRecord('# 1. Record\n\n## Status\n\nAccepted\n', '/d/0001-record.md').reviewBy).toBeNull();
  });
});
