// Dependency manifests of every ecosystem, and every library of the table.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectRepository } from '../../../src/facts/detect/index.js';
import { LIBRARIES, type LibraryEntry } from '../../../src/facts/detect/libraries.js';
import { copyFixture } from '../../helpers/git-repo.js';

const NOW = new Date('2026-06-15T12:00:00Z');

async function factsIn(dir: string) {
  const d = await detectRepository(dir, { now: NOW });
  return { d, facts: Object.fromEntries(d.facts.filter((f) => !f.id.startsWith('repository.')).map((f) => [f.id, [f.value, f.origin]])) };
}

describe('dependency manifests', () => {
  const cases: [string, Record<string, [unknown, string]>][] = [
    ['npm', {
      'architecture.cache': ['redis', 'package.json:5 (ioredis)'],
      'architecture.async_jobs': ['queue', 'package.json:6 (bullmq)'],
      'architecture.message_broker': ['redis', 'package.json:6 (bullmq)'],
      'architecture.circuit_breakers': [true, 'package.json:8 (opossum)'],
      'database.engine': ['postgresql', 'package.json:9 (pg)'],
      'observability.metrics': [true, 'package.json:12 (prom-client)'],
      'observability.tracing': [true, 'package.json:13 (@opentelemetry/sdk-node)'],
    }],
    ['pypi-requirements', {
      'architecture.cache': ['redis', 'requirements.txt:3 (django-redis)'],
      'architecture.async_jobs': ['queue', 'requirements.txt:4 (celery)'],
      'database.engine': ['postgresql', 'requirements.txt:5 (psycopg2-binary)'],
      'architecture.message_broker': ['kafka', 'requirements.txt:7 (confluent-kafka)'],
      'observability.metrics': [true, 'requirements.txt:8 (prometheus-client)'],
    }],
    ['pypi-pyproject', {
      'architecture.cache': ['redis', 'pyproject.toml:5 (redis)'],
      'database.engine': ['mysql', 'pyproject.toml:6 (pymysql)'],
      'observability.tracing': [true, 'pyproject.toml:7 (opentelemetry-sdk)'],
      'architecture.circuit_breakers': [true, 'pyproject.toml:11 (pybreaker)'],
    }],
    ['poetry', {
      'database.engine': ['mongodb', 'pyproject.toml:6 (pymongo)'],
      'observability.tracing': [true, 'pyproject.toml:7 (ddtrace)'],
      'observability.metrics': [true, 'pyproject.toml:7 (ddtrace)'],
    }],
    ['go', {
      'database.engine': ['postgresql', 'go.mod:5 (github.com/jackc/pgx/v5)'],
      'architecture.cache': ['redis', 'go.mod:8 (github.com/redis/go-redis/v9)'],
      'architecture.message_broker': ['kafka', 'go.mod:9 (github.com/segmentio/kafka-go)'],
      'architecture.circuit_breakers': [true, 'go.mod:10 (github.com/sony/gobreaker)'],
      'observability.metrics': [true, 'go.mod:11 (github.com/prometheus/client_golang)'],
      'observability.tracing': [true, 'go.mod:12 (go.opentelemetry.io/otel)'],
    }],
    ['ruby', {
      'database.engine': ['postgresql', 'Gemfile:4 (pg)'],
      'architecture.async_jobs': ['queue', 'Gemfile:5 (sidekiq)'],
      'architecture.message_broker': ['redis', 'Gemfile:5 (sidekiq)'],
      'architecture.cache': ['redis', 'Gemfile:6 (redis)'],
      'architecture.circuit_breakers': [true, 'Gemfile:7 (circuitbox)'],
      'observability.tracing': [true, 'Gemfile:8 (ddtrace)'],
      'observability.metrics': [true, 'Gemfile:8 (ddtrace)'],
    }],
    ['maven', {
      'database.engine': ['postgresql', 'pom.xml:8 (org.postgresql:postgresql)'],
      'architecture.circuit_breakers': [true, 'pom.xml:13 (io.github.resilience4j:resilience4j-circuitbreaker)'],
      'architecture.message_broker': ['kafka', 'pom.xml:18 (org.apache.kafka:kafka-clients)'],
    }],
    ['gradle', {
      'architecture.cache': ['redis', 'build.gradle.kts:4 (redis.clients:jedis)'],
      'database.engine': ['mysql', 'build.gradle.kts:5 (com.mysql:mysql-connector-j)'],
      'observability.metrics': [true, 'build.gradle.kts:6 (io.micrometer:micrometer-registry-prometheus)'],
      'observability.tracing': [true, 'build.gradle.kts:7 (io.opentelemetry:opentelemetry-api)'],
    }],
    ['composer', {
      'architecture.cache': ['redis', 'composer.json:5 (predis/predis)'],
      'observability.metrics': [true, 'composer.json:6 (promphp/prometheus_client_php)'],
      'observability.tracing': [true, 'composer.json:9 (open-telemetry/sdk)'],
    }],
    ['nuget', {
      'architecture.circuit_breakers': [true, 'Api.csproj:6 (Polly)'],
      'database.engine': ['postgresql', 'Api.csproj:7 (Npgsql)'],
      'architecture.cache': ['redis', 'Api.csproj:8 (StackExchange.Redis)'],
    }],
  ];
  it.each(cases)('reads %s and maps its libraries to facts with file:line', async (name, expected) => {
    const { facts } = await factsIn(copyFixture(`manifests/${name}`));
    expect(facts).toEqual(expected);
  });

  it('reads Groovy Gradle files as well as Kotlin ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-manifest-'));
    writeFileSync(join(dir, 'build.gradle'), "plugins { id 'java' }\n\ndependencies {\n    implementation 'org.apache.kafka:kafka-clients:3.7.0'\n    testImplementation group: 'junit', name: 'junit'\n}\n");
    expect((await factsIn(dir)).facts).toEqual({ 'architecture.message_broker': ['kafka', 'build.gradle:4 (org.apache.kafka:kafka-clients)'] });
  });

  it('notes a manifest its parser rejects, at its path, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-manifest-'));
    writeFileSync(join(dir, 'pyproject.toml'), '[project\nname = "x"\n');
    writeFileSync(join(dir, 'package.json'), '{"dependencies": {"pg": "8"}}');
    const { d, facts } = await factsIn(dir);
    expect(d.notes.join('\n')).toMatch(/pyproject\.toml could not be read/);
    expect(facts['database.engine']?.[0]).toBe('postgresql');
  });

  it('notes a second library that says otherwise, and keeps the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-manifest-'));
    writeFileSync(join(dir, 'package.json'), '{\n  "dependencies": {\n    "pg": "8",\n    "mysql2": "3"\n  }\n}\n');
    const { d, facts } = await factsIn(dir);
    expect(facts['database.engine']).toEqual(['postgresql', 'package.json:3 (pg)']);
    expect(d.notes).toContain('database.engine: package.json:4 (mysql2) suggests mysql; postgresql from package.json:3 (pg) is used');
  });
});

/** One manifest naming one library, in its ecosystem's own file format. */
function manifestFor(entry: LibraryEntry, name: string): [string, string] {
  const [group, artifact] = name.split(':');
  switch (entry.ecosystem) {
    case 'npm':
      return ['package.json', JSON.stringify({ dependencies: { [name]: '1.0.0' } }, null, 2)];
    case 'pypi':
      return ['requirements.txt', `${name}==1.0\n`];
    case 'go':
      return ['go.mod', `module example.com/m\n\ngo 1.22\n\nrequire ${name} v1.0.0\n`];
    case 'rubygems':
      return ['Gemfile', `source "https://rubygems.org"\ngem "${name}"\n`];
    case 'maven':
      return ['pom.xml', `<project><dependencies><dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId></dependency></dependencies></project>\n`];
    case 'packagist':
      return ['composer.json', JSON.stringify({ require: { [name]: '^1.0' } }, null, 2)];
    case 'nuget':
      return ['App.csproj', `<Project><ItemGroup><PackageReference Include="${name}" Version="1.0.0" /></ItemGroup></Project>\n`];
  }
}

describe('the library table', () => {
  // A name with a wildcard stands for its family: try one concrete member.
  const rows = LIBRARIES.flatMap((entry) => entry.names.map((n) => [entry.ecosystem, n.replace(/\*$/, n.endsWith('/*') || n.endsWith(':*') ? 'client' : '-sdk'), entry] as const));
  it.each(rows)('%s %s gives its facts', async (_eco, name, entry) => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-lib-'));
    const [file, text] = manifestFor(entry, name);
    writeFileSync(join(dir, file), text);
    const { facts } = await factsIn(dir);
    expect(Object.fromEntries(Object.entries(facts).map(([id, [v]]) => [id, v]))).toEqual(entry.facts);
  });

  it('does not take a longer name for a listed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-lib-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { 'pg-format': '1', 'redis-commands': '1', 'kafkajs-lz4': '1' } }));
    expect((await factsIn(dir)).facts).toEqual({});
  });
});
