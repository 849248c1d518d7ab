import type { Command } from 'commander';
import { factDictionary } from '../engine/catalog.js';
import { loadCatalogFor } from '../load.js';
import { findRule } from '../engine/rule-query.js';
import { formatNames, render } from '../report/index.js';
import { colorLevel, emit, outputWidth } from './io.js';
import { catalogOptions, outputOptions, type OutputFlags } from './options.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';

interface ExplainFlags extends Partial<OutputFlags> {
  format: string;
  rules?: string[];
  profile?: string;
}

export async function explainRule(id: string, flags: ExplainFlags): Promise<number> {
  const catalog = loadCatalogFor({ cwd: process.cwd(), profile: flags.profile, ruleDirs: flags.rules });
  const rule = findRule(catalog, id);
  const toFile = Boolean(flags.output && flags.output !== '-');
  const facts = new Map(factDictionary().map((f) => [f.id, f]));
  const text = await render('rule', flags.format, rule, { colorLevel: colorLevel(toFile), width: outputWidth(toFile), facts });
  emit(text, flags, process.cwd());
  return EXIT.OK;
}

export function registerExplain(program: Command, run: Run): void {
  catalogOptions(
    outputOptions(program.command('explain <id>').description('show one rule: its condition, the facts it reads, its advice, sources and an example'), formatNames('rule')),
  ).action((id: string, flags: ExplainFlags) => run(() => explainRule(id, flags)));
}
