import type { Command } from 'commander';
import { loadCatalog, withDetails, type Catalog } from '../engine/catalog.js';
import { KINDS, STAGE_IDS, type Rule, type RuleCore } from '../model.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { colorLevel, emit, outputWidth } from './io.js';
import { wrap } from '../util/wrap.js';
import topicsSchema from '../../schema/rule.schema.json' with { type: 'json' };

const TOPICS: string[] = topicsSchema.properties.topics.items.enum;

interface RulesFlags {
  topic?: string;
  kind?: string;
  stage?: string;
  format: string;
  rules?: string[];
  output?: string;
  force?: boolean;
}

function checkChoice(value: string | undefined, allowed: readonly string[], flag: string): void {
  if (value === undefined || allowed.includes(value)) return;
  const near = closest(value, allowed);
  throw new UserError(`${flag} must be one of: ${allowed.join(', ')}; got "${value}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

export function findRule(catalog: Catalog, id: string): Rule {
  const rule = catalog.rules.find((r) => r.id === id);
  if (rule) return withDetails(rule);
  const near = closest(id, catalog.rules.map((r) => r.id));
  throw new UserError(`unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''} (\`scale-advise rules\` lists them)`);
}

export function filterRules(rules: RuleCore[], f: { topic?: string; kind?: string; stage?: string }): RuleCore[] {
  return rules.filter(
    (r) =>
      (!f.topic || r.topics.includes(f.topic)) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.stage || r.stages.includes(f.stage as Rule['stages'][number])),
  );
}

export function registerRules(program: Command, run: (fn: () => Promise<number> | number) => Promise<void>, explain: (id: string, flags: { format: string; rules?: string[] }) => Promise<number>): void {
  program
    .command('rules [id]')
    .description('list the rule catalog (or show one rule, like explain)')
    .option('--topic <topic>', 'only rules tagged with this topic')
    .option('--kind <kind>', `only rules of this kind (${KINDS.join(', ')})`)
    .option('--stage <stage>', `only rules that apply at this stage (${STAGE_IDS.join(', ')})`)
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-r, --rules <dir>', 'add a directory of custom rules (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('-o, --output <file>', 'write the list to a file instead of stdout')
    .option('--force', 'replace the --output file if it exists')
    .action((id: string | undefined, flags: RulesFlags) =>
      run(async () => {
        if (id) return explain(id, flags);
        checkChoice(flags.topic, TOPICS, '--topic');
        checkChoice(flags.kind, KINDS, '--kind');
        checkChoice(flags.stage, STAGE_IDS, '--stage');
        checkChoice(flags.format, ['text', 'json'], '--format');
        const catalog = loadCatalog(flags.rules ?? [], process.cwd());
        const rules = filterRules(catalog.rules, flags);
        let text: string;
        if (flags.format === 'json') {
          text =
            JSON.stringify(
              rules.map((r) => ({ id: r.id, title: r.title, kind: r.kind, severity: r.severity, stages: r.stages, topics: r.topics })),
              null,
              2,
            ) + '\n';
        } else {
          const { Chalk } = await import('chalk'); // loaded only for text output
          const c = new Chalk({ level: colorLevel(Boolean(flags.output)) });
          const width = outputWidth(Boolean(flags.output));
          const lines = rules.map(
            (r) =>
              `${c.bold(r.id)} ${c.dim(`(${r.kind}, ${r.severity})`)}\n${wrap(r.title, width, '    ')}\n` +
              c.dim(wrap(`stages: ${r.stages.join(', ')} · topics: ${r.topics.join(', ')}`, width, '    ')),
          );
          text = `${lines.join('\n')}\n\n${wrap(`${rules.length} of ${catalog.rules.length} rules. \`scale-advise explain ID\` shows one in full.`, width, '')}\n`;
        }
        emit(text, flags, process.cwd());
        return 0;
      }),
    );
}
