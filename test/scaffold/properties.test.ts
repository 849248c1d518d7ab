// Hostile names and values: whatever the profile or --set says, a generated
// file parses as before, with the same keys and directives, or the value is
// refused with a user error. Nothing can add a key, a directive or a document.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { isUserError } from '../../src/util/errors.js';
import { profileWith, render } from '../helpers/scaffold.js';

const require = createRequire(import.meta.url);
const { HorizontalPodAutoscaler } = require('kubernetes-models/autoscaling/v2') as typeof import('kubernetes-models/autoscaling/v2');

const ALL = ['hpa', 'prometheus-alerts', 'github-actions', 'gitlab-ci', 'nginx', 'haproxy', 'pgbouncer', 'redis-cache', 'rds-read-replica', 'k6'];

/** Every key path of a parsed document, arrays collapsed: the document's shape. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [prefix + '[]', ...value.flatMap((v) => keyPaths(v, prefix + '[].'))];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [prefix + k, ...keyPaths(v, prefix + k + '.')]);
  return [];
}

/** A file's shape: YAML by its keys (one document only); text formats by the directive opening each non-comment line. */
function shape(path: string, text: string): string[] {
  if (path.endsWith('.yaml') || path.endsWith('.yml')) {
    const docs = parseAllDocuments(text);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.errors).toEqual([]);
    return [...new Set(keyPaths(docs[0]!.toJS()))].sort();
  }
  const comment = path.endsWith('.js') ? /^\s*\/\// : path.endsWith('.ini') ? /^\s*;/ : /^\s*#/;
  return text
    .split('\n')
    .filter((l) => l.trim() && !comment.test(l))
    .map((l) => (/ = host=/.test(l) ? '<database entry>' : l.trim().split(/\s+/)[0]!)); // PgBouncer keys [databases] by the name
}

async function shapes(names: string[], profile: Record<string, unknown>, settings: string[] = []) {
  const files = await render(names, profile, settings);
  return Object.fromEntries(Object.entries(files).map(([p, t]) => [p, shape(p, t)]));
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('a\nb: c', 'x\n---\nkind: Secret', '"; drop', '${jndi}', '}\nserver {', '\u2028x', '# a\r\nmaxmemory 1', 'acme"}\nresource "x" "y" {', '-- -'),
);

describe('hostile input', () => {
  it('any project name yields the same files, shapes and a valid HPA', async () => {
    const baseline = await shapes(ALL, profileWith());
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (name) => {
        let got: Record<string, string[]>;
        try {
          got = await shapes(ALL, profileWith({ project: { name } }));
        } catch (e) {
          if (isUserError(e)) return; // the profile refused it, with a message
          throw e;
        }
        expect(got).toEqual(baseline);
        accepted++;
        const hpa = (await render(['hpa'], profileWith({ project: { name } })))['hpa/hpa.yaml']!;
        const doc = parseAllDocuments(hpa)[0]!.toJS();
        expect(doc.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
        new HorizontalPodAutoscaler(doc).validate();
      }),
      { numRuns: 40 },
    );
    expect(accepted).toBeGreaterThan(20); // the property was exercised, not refused wholesale
  }, 120000);

  const params: [string, string][] = [
    ['hpa', 'name'],
    ['hpa', 'request_rate_metric'],
    ['pgbouncer', 'db_name'],
    ['pgbouncer', 'db_host'],
    ['pgbouncer', 'auth_file'],
    ['nginx', 'backend_host_pattern'],
    ['nginx', 'health_path'],
    ['haproxy', 'listen_addr'],
    ['redis-cache', 'bind'],
    ['rds-read-replica', 'source_db_identifier'],
    ['k6', 'base_url'],
    ['k6', 'path'],
    ['github-actions', 'branch'],
    ['prometheus-alerts', 'db_node_job'],
  ];
  for (const [template, param] of params) {
    it(`--set ${param}=<anything> for ${template} is refused or keeps the file's shape`, async () => {
      const profile = profileWith({ architecture: { autoscaling: 'custom-metrics' } });
      const baseline = await shapes([template], profile);
      await fc.assert(
        fc.asyncProperty(hostile, async (value) => {
          let got: Record<string, string[]>;
          try {
            got = await shapes([template], profile, [`${param}=${value}`]);
          } catch (e) {
            if (isUserError(e)) return;
            throw e;
          }
          expect(got).toEqual(baseline);
        }),
        { numRuns: 25 },
      );
    }, 60000);
  }

  it('absurd numbers give a user error, never a broken file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), async (peak, spike) => {
        try {
          const files = await render(['hpa', 'k6', 'nginx'], profileWith({ traffic: { peak_rps: peak, avg_rps: peak / 2, spike_factor: spike } }));
          const hpa = parseAllDocuments(files['hpa/hpa.yaml']!)[0]!.toJS();
          new HorizontalPodAutoscaler(hpa).validate();
          expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
        } catch (e) {
          if (!isUserError(e)) throw e;
        }
      }),
      { numRuns: 40 },
    );
  }, 60000);
});
