import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { Problem } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { positionAt, type ParsedYaml } from './parse-yaml.js';

type SchemaNode = Record<string, unknown>;

const schemaCache = new Map<string, SchemaNode>();
function loadSchema(path: string): SchemaNode {
  let s = schemaCache.get(path);
  if (!s) {
    s = JSON.parse(readFileSync(path, 'utf8')) as SchemaNode;
    schemaCache.set(path, s);
  }
  return s;
}

function decodePointer(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Follow a schema path like `#/properties/traffic/properties/peak_rps/type` from a base to the node owning the keyword. */
function walkSchemaPath(base: SchemaNode, schemaPath: string): SchemaNode | undefined {
  const parts = decodePointer(schemaPath.replace(/^#/, ''));
  parts.pop(); // the keyword itself
  let node: unknown = base;
  for (const p of parts) {
    if (node && typeof node === 'object') node = (node as Record<string, unknown>)[p];
    else return undefined;
  }
  return node && typeof node === 'object' ? (node as SchemaNode) : undefined;
}

/** The target of a local `$ref` (`#/$defs/component`), or undefined. */
function refTarget(root: SchemaNode, node: SchemaNode): SchemaNode | undefined {
  const ref = node.$ref;
  return typeof ref === 'string' && ref.startsWith('#') ? walkSchemaPath(root, `${ref}/$ref`) : undefined;
}

/**
 * The subschemas reached through a `$ref` on the way to the value at `segments`, deepest first.
 * A precompiled validator checks a referenced definition in a function of its own, and the
 * schema paths of its errors start at that definition (`#/additionalProperties` for an
 * unknown key in `architecture.components[0]`), not at the root.
 */
function refBases(root: SchemaNode, segments: (string | number)[]): SchemaNode[] {
  const bases: SchemaNode[] = [];
  let node: SchemaNode | undefined = root;
  const follow = () => {
    for (let target = node && refTarget(root, node); target && !bases.includes(target); target = refTarget(root, target)) {
      bases.push(target);
      node = target;
    }
  };
  for (const seg of segments) {
    follow();
    if (!node) break;
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    const extra: unknown = node.additionalProperties;
    node =
      typeof seg === 'number'
        ? (node.items as SchemaNode | undefined)
        : (properties?.[seg] ?? (extra && typeof extra === 'object' ? (extra as SchemaNode) : undefined));
  }
  follow();
  return bases.reverse();
}

/** The schema node owning an error's keyword: relative to the deepest `$ref` it resolves in, else to the root. */
function schemaNodeAt(root: SchemaNode, schemaPath: string, segments: (string | number)[]): SchemaNode | undefined {
  if (!schemaPath.startsWith('#/$defs/')) {
    for (const base of refBases(root, segments)) {
      const node = walkSchemaPath(base, schemaPath);
      if (node) return node;
    }
  }
  return walkSchemaPath(root, schemaPath);
}

function instanceSegments(instancePath: string): (string | number)[] {
  return decodePointer(instancePath).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function dotted(segments: (string | number)[]): string {
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

function valueAt(data: unknown, segments: (string | number)[]): unknown {
  let v: unknown = data;
  for (const s of segments) {
    if (v && typeof v === 'object') v = (v as Record<string | number, unknown>)[s];
    else return undefined;
  }
  return v;
}

function unitOf(node: SchemaNode | undefined): string {
  const unit = node?.['x-unit'];
  return typeof unit === 'string' ? ` (${unit})` : '';
}

function typeWords(t: unknown): string {
  const words: Record<string, string> = {
    integer: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
  };
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => words[String(x)] ?? String(x)).join(' or ');
}

/**
 * Turn ajv's errors into located, readable problems. Done once here, so
 * every caller (profile, rules, waivers) reports schema errors the same way.
 */
export function schemaErrorsToProblems(
  errors: ErrorObject[],
  parsed: ParsedYaml,
  schemaFile: string,
  what = 'field',
): Problem[] {
  const root = loadSchema(schemaFile);
  const seen = new Set<string>();
  const problems: Problem[] = [];
  // An `anyOf`/`oneOf` failure repeats its branches' errors; the branch errors say more.
  // A value outside an enum of strings also fails `type: string`; the enum's message names the choices, so it stands alone.
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const useful = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword) && !(e.keyword === 'type' && enumAt.has(e.instancePath)));
  for (const err of useful.length ? useful : errors) {
    const segs = instanceSegments(err.instancePath);
    const node = schemaNodeAt(root, err.schemaPath, segs);
    const here = segs.length ? `\`${dotted(segs)}\`` : 'the file';
    const actual = valueAt(parsed.data, segs);
    let message: string;
    let hint: string | undefined;
    let position = positionAt(parsed, segs);
    switch (err.keyword) {
      case 'additionalProperties': {
        const key = String((err.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys((node?.properties as SchemaNode | undefined) ?? {});
        const near = closest(key, known);
        message = `unknown ${what} \`${key}\`${segs.length ? ` in ${here}` : ''}`;
        hint = near
          ? `did you mean \`${near}\`?`
          : known.length
            ? `expected one of: ${known.join(', ')}; keys starting with x- are free-form`
            : undefined;
        position = positionAt(parsed, [...segs, key], true);
        break;
      }
      case 'required': {
        const missing = String((err.params as { missingProperty: string }).missingProperty);
        message = `${here} is missing the required ${what} \`${missing}\``;
        break;
      }
      case 'type': {
        const expected = (err.params as { type: unknown }).type;
        message = `${here} must be ${typeWords(expected)}${unitOf(node)}, got ${describeValue(actual)}`;
        if (typeof actual === 'string' && /^\s*-?\d+(\.\d+)?\s*[a-z%]+\s*$/i.test(actual))
          hint = 'units belong in the field name; write the bare number';
        else if (typeof actual === 'string' && /^(yes|no|on|off)$/i.test(actual)) hint = 'write true or false';
        break;
      }
      case 'enum': {
        const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
        message = `${here} must be one of: ${allowed.join(', ')}; got ${describeValue(actual)}`;
        const near = typeof actual === 'string' ? closest(actual, allowed) : undefined;
        if (near) hint = `did you mean \`${near}\`?`;
        break;
      }
      case 'const':
        message = `${here} must be ${JSON.stringify((err.params as { allowedValue: unknown }).allowedValue)}, got ${describeValue(actual)}`;
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const p = err.params as { comparison: string; limit: number };
        message = `${here} must be ${p.comparison} ${p.limit}${unitOf(node)}, got ${String(actual)}`;
        break;
      }
      case 'minItems':
      case 'maxItems':
        message = `${here} must have ${err.keyword === 'minItems' ? 'at least' : 'at most'} ${(err.params as { limit: number }).limit} item(s)`;
        break;
      case 'uniqueItems':
        message = `${here} lists the same item twice`;
        break;
      case 'pattern':
      case 'format':
        message = `${here} ${err.message ?? 'is malformed'}, got ${describeValue(actual)}`;
        if (node?.format === 'date' || /date/.test(String(node?.pattern ?? ''))) hint = 'write the date as YYYY-MM-DD';
        break;
      default:
        message = `${here} ${err.message ?? 'is invalid'}`;
    }
    const desc = typeof node?.description === 'string' && err.keyword !== 'additionalProperties' && err.keyword !== 'required' ? node.description : undefined;
    if (!hint && desc) hint = desc;
    const id = `${position?.line}:${position?.column}:${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({ file: parsed.file, position, message, hint });
  }
  return problems.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
}
