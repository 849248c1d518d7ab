// Renders records from Handlebars templates: the shipped ones under
// templates/adr/, or the user's in the ADR directory (adr-tools'
// `templates/template.md` for Nygard, `adr-template.md` for MADR).
// Handlebars is imported here, lazily, so commands that never write a
// record never load it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importHandlebars } from '../../util/handlebars.js';
import { UserError } from '../../util/errors.js';
import { packagePath } from '../../util/paths.js';
import { codeSpan, escapeMarkdown } from './markdown.js';
import { oneLine } from './slug.js';
import type { AdrFormat } from './types.js';
import type { RecordData } from './content.js';

export interface TemplateChoice {
  path: string;
  /** `handlebars`, or `adr-tools` for a template with NUMBER/TITLE/DATE/STATUS placeholders */
  kind: 'handlebars' | 'adr-tools';
  user: boolean;
}

/** Where a user's own template lives in the ADR directory, per format. */
export function userTemplatePath(dir: string, format: AdrFormat): string {
  return format === 'madr' ? join(dir, 'adr-template.md') : join(dir, 'templates', 'template.md');
}

/**
 * The template to render with. A user template with Handlebars
 * expressions wins; a Nygard one without them is an adr-tools template and
 * is filled the way adr-tools fills it. MADR's stock `adr-template.md`,
 * which MADR's setup copies into the directory, has only prose
 * placeholders, so it is left to the user and the shipped template is used.
 */
export function chooseTemplate(dir: string, format: AdrFormat): TemplateChoice {
  const user = userTemplatePath(dir, format);
  if (existsSync(user)) {
    const text = readFileSync(user, 'utf8');
    if (text.includes('{{')) return { path: user, kind: 'handlebars', user: true };
    if (format === 'nygard') return { path: user, kind: 'adr-tools', user: true };
  }
  return { path: packagePath('templates', 'adr', `${format}.md.hbs`), kind: 'handlebars', user: false };
}

type Renderer = (data: RecordData) => string;

async function compileHandlebars(path: string, source: string): Promise<Renderer> {
  const Handlebars = await importHandlebars();
  const hb = Handlebars.create();
  hb.registerHelper('md', (v: unknown) => escapeMarkdown(v === undefined || v === null ? '' : String(v)));
  hb.registerHelper('code', (v: unknown) => codeSpan(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)));
  hb.registerHelper('line', (v: unknown) => oneLine(v === undefined || v === null ? '' : String(v)));
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
  // Markdown is not HTML: escaping is done per value by the helpers above, never by entity encoding.
  let template: ReturnType<typeof hb.compile>;
  try {
    hb.parse(source); // compile() defers syntax errors to the first render
    template = hb.compile(source, { noEscape: true, strict: false });
  } catch (e) {
    throw new UserError([{ file: path, position: null, message: `invalid template: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }]);
  }
  return (data) => {
    try {
      return template(data);
    } catch (e) {
      throw new UserError([{ file: path, position: null, message: `template failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }]);
    }
  };
}

/** adr-tools fills NUMBER, TITLE, DATE and STATUS, the first of each on a line. */
function adrToolsRenderer(source: string): Renderer {
  return (data) => {
    let out = source
      .split('\n')
      .map((l) =>
        l
          .replace('NUMBER', String(data.number))
          .replace('TITLE', oneLine(data.title))
          .replace('DATE', data.date)
          .replace('STATUS', data.status),
      )
      .join('\n');
    if (data.reviewBy) out = out.replace(/^Date: .*$/m, (line) => `${line}\n\nReview-by: ${data.reviewBy}`);
    // The rules a record addresses still have to reach the gate.
    if (data.addresses.length) out = out.replace(/^## Context[ \t]*\n/m, (h) => `${h}\nAddresses: ${data.addresses.join(', ')}\n`);
    return out;
  };
}

export async function loadRenderer(dir: string, format: AdrFormat): Promise<{ render: Renderer; template: TemplateChoice }> {
  const template = chooseTemplate(dir, format);
  let source: string;
  try {
    source = readFileSync(template.path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read the template ${template.path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (template.kind === 'adr-tools') return { render: adrToolsRenderer(source), template };
  const render = await compileHandlebars(template.path, source);
  return { render: (d) => normalise(render(d)), template };
}

/** One trailing newline and no runs of blank lines left by empty template branches. */
function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n');
}
