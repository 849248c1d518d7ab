// Dependency manifests across ecosystems, read into one list of
// (ecosystem, package name, file, line). Structured formats go through their
// parsers (JSON, TOML, XML); line-oriented ones (requirements.txt, go.mod,
// Gemfile, Gradle's dependency notation) are read a line at a time.
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export type Ecosystem = 'npm' | 'pypi' | 'go' | 'rubygems' | 'maven' | 'packagist' | 'nuget';

export interface Dependency {
  ecosystem: Ecosystem;
  name: string;
  /** relative POSIX path and 1-based line of the declaration */
  file: string;
  line: number;
}

/** The manifest a file name is, or null. */
export function manifestKind(path: string): string | null {
  const name = basename(path);
  if (name === 'package.json' || name === 'composer.json' || name === 'go.mod' || name === 'Gemfile' || name === 'pom.xml' || name === 'pyproject.toml') return name;
  if (/^requirements.*\.txt$/.test(name)) return 'requirements.txt';
  if (name === 'build.gradle' || name === 'build.gradle.kts') return 'build.gradle';
  if (name.endsWith('.csproj')) return 'csproj';
  return null;
}

/** 1-based line of the first line matching `pattern`, else 1. */
function lineOf(lines: string[], pattern: RegExp): number {
  const i = lines.findIndex((l) => pattern.test(l));
  return i < 0 ? 1 : i + 1;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** PEP 503 normalised name: case-insensitive, runs of -_. are one dash. */
export function normalizePypi(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The distribution name at the start of a PEP 508 requirement ("celery[redis]>=5"). */
function pep508Name(spec: string): string | null {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  return m ? normalizePypi(m[1]!) : null;
}

function fromKeys(eco: Ecosystem, file: string, lines: string[], groups: unknown[]): Dependency[] {
  const out: Dependency[] = [];
  for (const g of groups) {
    if (!g || typeof g !== 'object') continue;
    for (const name of Object.keys(g)) {
      out.push({ ecosystem: eco, name, file, line: lineOf(lines, new RegExp(`["']?${escape(name)}["']?\\s*[:=]`)) });
    }
  }
  return out;
}

async function readPyproject(text: string, file: string, lines: string[]): Promise<Dependency[]> {
  const { parse } = await import('smol-toml');
  const doc = parse(text) as Record<string, any>;
  const specs: string[] = [
    ...(doc.project?.dependencies ?? []),
    ...Object.values((doc.project?.['optional-dependencies'] ?? {}) as Record<string, string[]>).flat(),
    ...Object.values((doc['dependency-groups'] ?? {}) as Record<string, unknown[]>).flat().filter((s): s is string => typeof s === 'string'),
  ];
  const names = specs.map(pep508Name).filter((n): n is string => Boolean(n));
  const poetry = doc.tool?.poetry ?? {};
  for (const group of [poetry.dependencies, poetry['dev-dependencies'], ...Object.values(poetry.group ?? {}).map((g: any) => g?.dependencies)]) {
    if (group && typeof group === 'object') names.push(...Object.keys(group).filter((n) => n !== 'python').map(normalizePypi));
  }
  return names.map((name) => ({ ecosystem: 'pypi', name, file, line: lineOf(lines, new RegExp(escape(name).replace(/-/g, '[-_.]'), 'i')) }));
}

function readRequirements(file: string, lines: string[]): Dependency[] {
  const out: Dependency[] = [];
  lines.forEach((raw, i) => {
    const l = raw.replace(/#.*/, '').trim();
    if (!l || l.startsWith('-')) return; // options such as -r other.txt, -e .
    const name = pep508Name(l);
    if (name) out.push({ ecosystem: 'pypi', name, file, line: i + 1 });
  });
  return out;
}

function readGoMod(file: string, lines: string[]): Dependency[] {
  const out: Dependency[] = [];
  let inBlock = false;
  lines.forEach((raw, i) => {
    const l = raw.replace(/\/\/.*/, '').trim();
    if (/^require\s*\($/.test(l)) return void (inBlock = true);
    if (inBlock && l === ')') return void (inBlock = false);
    const m = inBlock ? /^(\S+)\s+v\S+/.exec(l) : /^require\s+(\S+)\s+v\S+/.exec(l);
    if (m) out.push({ ecosystem: 'go', name: m[1]!, file, line: i + 1 });
  });
  return out;
}

function readGemfile(file: string, lines: string[]): Dependency[] {
  const out: Dependency[] = [];
  lines.forEach((l, i) => {
    const m = /^\s*gem\s+['"]([^'"]+)['"]/.exec(l);
    if (m) out.push({ ecosystem: 'rubygems', name: m[1]!, file, line: i + 1 });
  });
  return out;
}

function readGradle(file: string, lines: string[]): Dependency[] {
  const out: Dependency[] = [];
  lines.forEach((l, i) => {
    if (!/\b(implementation|api|compile|runtimeOnly|compileOnly|testImplementation|kapt|annotationProcessor)\b/.test(l)) return;
    for (const m of l.matchAll(/['"]([\w.-]+):([\w.-]+)(?::[^'"]*)?['"]/g)) out.push({ ecosystem: 'maven', name: `${m[1]}:${m[2]}`, file, line: i + 1 });
  });
  return out;
}

const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

async function readXml(kind: 'pom.xml' | 'csproj', text: string, file: string, lines: string[]): Promise<Dependency[]> {
  const { XMLParser } = await import('fast-xml-parser');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text) as Record<string, any>;
  if (kind === 'pom.xml') {
    const project = doc.project ?? {};
    const deps = [...asList(project.dependencies?.dependency), ...asList(project.dependencyManagement?.dependencies?.dependency)];
    return deps
      .filter((d) => d && d.groupId && d.artifactId)
      .map((d) => ({ ecosystem: 'maven', name: `${d.groupId}:${d.artifactId}`, file, line: lineOf(lines, new RegExp(`<artifactId>\\s*${escape(String(d.artifactId))}\\s*</artifactId>`)) }));
  }
  const refs = asList(doc.Project?.ItemGroup).flatMap((g: any) => asList(g?.PackageReference));
  return refs
    .map((r: any) => String(r?.['@Include'] ?? ''))
    .filter(Boolean)
    .map((name) => ({ ecosystem: 'nuget', name, file, line: lineOf(lines, new RegExp(`Include="${escape(name)}"`)) }));
}

/** The dependencies one manifest declares. Throws on a file its parser rejects. */
export async function readManifest(root: string, file: string): Promise<Dependency[]> {
  const kind = manifestKind(file);
  if (!kind) return [];
  if (statSync(join(root, file)).size > MAX_MANIFEST_BYTES) throw new Error(`larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB`);
  const text = readFileSync(join(root, file), 'utf8');
  const lines = text.split(/\r?\n/);
  switch (kind) {
    case 'package.json': {
      const pkg = JSON.parse(text) as Record<string, unknown>;
      return fromKeys('npm', file, lines, [pkg.dependencies, pkg.devDependencies, pkg.optionalDependencies, pkg.peerDependencies]);
    }
    case 'composer.json': {
      const pkg = JSON.parse(text) as Record<string, unknown>;
      return fromKeys('packagist', file, lines, [pkg.require, pkg['require-dev']]);
    }
    case 'pyproject.toml':
      return readPyproject(text, file, lines);
    case 'requirements.txt':
      return readRequirements(file, lines);
    case 'go.mod':
      return readGoMod(file, lines);
    case 'Gemfile':
      return readGemfile(file, lines);
    case 'build.gradle':
      return readGradle(file, lines);
    case 'pom.xml':
    case 'csproj':
      return readXml(kind, text, file, lines);
    default:
      return [];
  }
}
