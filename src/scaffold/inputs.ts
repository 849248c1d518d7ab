// The one door a template's computation reads through: facts and parameters
// it declared in its manifest, each use noted for the generated file's header.
import type { Fact, FactSet } from '../model.js';
import { UserError, type Problem } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import type { Note, ParamSpec, ParamValue, TemplateManifest } from './types.js';

/** A number as a person writes it: no float noise (0.1 + 0.2 → 0.3), no exponent for small values. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(12));
  return Math.abs(rounded) < 1e-6 && rounded !== 0 ? rounded.toFixed(12).replace(/0+$/, '') : String(rounded);
}

/** Round to `digits` decimals without float noise. */
export function round(n: number, digits: number): number {
  return Number(n.toFixed(digits));
}

function where(fact: Fact): string {
  if (fact.position) return `line ${fact.position.line}`;
  if (fact.origin) return fact.origin;
  return fact.provenance;
}

/** Check one `--set` value against its declaration; returns the typed value. */
export function checkParam(template: string, name: string, spec: ParamSpec, raw: string): ParamValue {
  const bad = (expected: string) =>
    new UserError([{ file: `--set ${name}`, position: null, message: `${template}: \`${name}\` must be ${expected}; got ${JSON.stringify(raw)}` }]);
  if (spec.type === 'number' || spec.type === 'integer') {
    const n = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(n) || (spec.type === 'integer' && !Number.isInteger(n))) throw bad(`a${spec.type === 'integer' ? 'n integer' : ' number'}`);
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      throw bad(`between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}`);
    }
    return n;
  }
  if (spec.enum && !spec.enum.includes(raw)) throw bad(`one of ${spec.enum.join(', ')}`);
  if (spec.pattern && !new RegExp(`^(?:${spec.pattern})$`).test(raw)) throw bad(spec.pattern_hint ?? `a string matching ${spec.pattern}`);
  return raw;
}

/** Parse `--set key=value` pairs; a key no selected template declares is an error, with a suggestion. */
export function parseSettings(pairs: string[], manifests: TemplateManifest[]): Map<string, string> {
  const known = [...new Set(manifests.flatMap((m) => Object.keys(m.params)))].sort();
  const out = new Map<string, string>();
  const problems: Problem[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq) : '';
    if (!key) {
      problems.push({ file: '--set', position: null, message: `expected key=value, got ${JSON.stringify(pair)}` });
      continue;
    }
    if (!known.includes(key)) {
      const near = closest(key, known);
      problems.push({
        file: '--set',
        position: null,
        message: `no selected template takes a parameter \`${key}\`; known: ${known.join(', ') || 'none'}`,
        ...(near ? { hint: `did you mean \`${near}\`?` } : {}),
      });
      continue;
    }
    out.set(key, pair.slice(eq + 1));
  }
  if (problems.length) throw new UserError(problems);
  return out;
}

/** Facts a template requires that are absent. */
export function missingFacts(manifest: TemplateManifest, facts: FactSet): string[] {
  return manifest.reads.required.filter((id) => !facts.has(id));
}

export class TemplateInputs {
  readonly notes: Note[] = [];
  private readonly seen = new Set<string>();
  private readonly params = new Map<string, ParamValue>();

  constructor(
    readonly manifest: TemplateManifest,
    private readonly facts: FactSet,
    settings: ReadonlyMap<string, string>,
    private readonly profileName: string,
  ) {
    for (const [name, raw] of settings) {
      const spec = manifest.params[name];
      if (spec) this.params.set(name, checkParam(manifest.name, name, spec, raw));
    }
  }

  private note(key: string, note: Note): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push(note);
  }

  private declared(id: string): void {
    const { required, optional } = this.manifest.reads;
    if (!required.includes(id) && !optional.includes(id)) throw new Error(`template ${this.manifest.name} reads ${id}, which its manifest does not list`);
  }

  /** A fact's value, or undefined when the profile does not give it (noted as missing). */
  fact(id: string): unknown {
    this.declared(id);
    const f = this.facts.get(id);
    if (!f) {
      this.note(`fact:${id}`, { kind: 'missing', text: `${id} is not in ${this.profileName}` });
      return undefined;
    }
    this.note(`fact:${id}`, { kind: 'fact', text: `${id} = ${typeof f.value === 'number' ? fmt(f.value) : JSON.stringify(f.value)} (${this.profileName}, ${where(f)})` });
    return f.value;
  }

  /** A required numeric fact (its presence is checked before rendering). */
  num(id: string): number {
    const v = this.fact(id);
    if (typeof v !== 'number') throw new Error(`template ${this.manifest.name}: fact ${id} is not a number`);
    return v;
  }

  /** A numeric fact that may be absent. */
  optionalNum(id: string): number | undefined {
    const v = this.fact(id);
    return typeof v === 'number' ? v : undefined;
  }

  param(name: string): ParamValue | undefined {
    const spec = this.manifest.params[name];
    if (!spec) throw new Error(`template ${this.manifest.name} uses parameter ${name}, which its manifest does not declare`);
    const set = this.params.get(name);
    const value = set ?? spec.default;
    if (value !== undefined) {
      this.note(`param:${name}`, { kind: 'param', text: `${name} = ${typeof value === 'number' ? fmt(value) : value} (${set === undefined ? 'default' : '--set'})` });
    }
    return value;
  }

  numParam(name: string): number {
    const v = this.param(name);
    if (typeof v !== 'number') throw new Error(`template ${this.manifest.name}: parameter ${name} has no numeric default`);
    return v;
  }

  strParam(name: string): string {
    const v = this.param(name);
    if (v === undefined) throw new Error(`template ${this.manifest.name}: parameter ${name} has no default`);
    return String(v);
  }

  /** Record a computed value with the arithmetic that gave it; returns the value. */
  computed<T extends number | string>(label: string, value: T, how: string): T {
    this.note(`computed:${label}`, { kind: 'computed', text: `${label} ${typeof value === 'number' ? fmt(value) : value} = ${how}` });
    return value;
  }

  /** A remark on a choice the template made (no arithmetic). */
  remark(text: string): void {
    this.note(`remark:${text}`, { kind: 'computed', text });
  }

  /** A computed value that must stay in range: an absurd profile gives an error, never a broken file. */
  bounded(label: string, value: number, min: number, max: number): number {
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new UserError(`${this.manifest.name}: computed ${label} ${fmt(value)} is outside ${min}–${max}; check the facts and parameters it comes from (${this.notes.map((n) => n.text).slice(-3).join('; ')})`);
    }
    return value;
  }
}

/** A DNS-1123 label for Kubernetes and other names: lower case, digits and dashes, at most 63 characters. */
export const DNS_LABEL = '[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?';

/** Turn any project name into a DNS-1123 label; `app` when nothing usable is left. */
export function toDnsLabel(name: string): string {
  const label = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
  return label || 'app';
}

/** The app's name: `--set name=...` (validated), else project.name made into a DNS label. */
export function appName(inputs: TemplateInputs): string {
  const set = inputs.param('name');
  if (typeof set === 'string') return set;
  const project = inputs.fact('project.name');
  const label = toDnsLabel(typeof project === 'string' ? project : '');
  return inputs.computed('name', label, typeof project === 'string' ? 'project.name as a DNS-1123 label' : 'no project.name; the placeholder "app"');
}
