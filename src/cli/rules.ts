import type { Command } from 'commander';
import { loadCatalogFor } from '../load.js';
import { filterRules } from '../engine/rule-query.js';
import { KINDS, STAGE_IDS, TOPICS } from '../model.js';
import { formatNames, render } from '../report/index.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { wrap } from '../util/wrap.js';
import { colorLevel, emit, outputWidth } from './io.js';
import { catalogOptions, outputOptions, type OutputFlags } from './options.js';
import { registerRulesNew } from './rules-new.js';
import { registerRulesTest } from './rules-test.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';

interface RulesFlags extends OutputFlags {
  topic?: string;
  kind?: string;
  stage?: string;
  rules?: string[];
  profile?: string;
}

function checkChoice(value: string | undefined, allowed: readonly string[], flag: string): void {
  if (value === undefined || allowed.includes(value)) return;
  const near = closest(value, allowed);
  throw new UserError(`${flag} must be one of: ${allowed.join(', ')}; got "${value}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

export function registerRules(program: Command, run: Run, explain: (id: string, flags: { format: string; rules?: string[]; profile?: string }) => Promise<number>): void {
  const rules = catalogOptions(
    outputOptions(program.command('rules [id]').description('list the rule catalog (or show one rule, like explain)'), formatNames('rules')),
  )
    .option('--topic <topic>', 'only rules tagged with this topic (listed below)')
    .option('--kind <kind>', `only rules of this kind (${KINDS.join(', ')})`)
    .option('--stage <stage>', `only rules that apply at this stage (${STAGE_IDS.join(', ')})`)
    .addHelpText('after', () => `\nTopics (for --topic and a rule's \`topics:\`):\n${wrap(TOPICS.join(', '), outputWidth(), '  ')}\n`)
    .action((id: string | undefined, flags: RulesFlags) =>
      run(async () => {
        if (id) return explain(id, flags);
        checkChoice(flags.topic, TOPICS, '--topic');
        checkChoice(flags.kind, KINDS, '--kind');
        checkChoice(flags.stage, STAGE_IDS, '--stage');
        const catalog = loadCatalogFor({ cwd: process.cwd(), profile: flags.profile, ruleDirs: flags.rules });
        const toFile = Boolean(flags.output && flags.output !== '-');
        const text = await render('rules', flags.format, { rules: filterRules(catalog.rules, flags), total: catalog.rules.length }, { colorLevel: colorLevel(toFile), width: outputWidth(toFile) });
        emit(text, flags, process.cwd());
        return EXIT.OK;
      }),
    );
  registerRulesTest(rules, run);
  registerRulesNew(rules, run);
  for (const sub of rules.commands) sub.exitOverride();
}
