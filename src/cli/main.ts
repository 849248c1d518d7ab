import { Command, CommanderError, Help } from 'commander';
import { isUserError } from '../util/errors.js';
import { RuleEvaluationError } from '../engine/evaluate.js';
import { REPOSITORY_URL, TOOL_VERSION } from '../version.js';
import { outputWidth } from './io.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';
import { writeStdout } from '../util/stdout.js';

const ISSUES_URL = `${REPOSITORY_URL}/issues`;

type Register = (program: Command, run: Run) => void;

/**
 * Every command, in the order help lists them, with the import of the module
 * that registers it: a command's code loads only when the command is built.
 * The build carries what `check` and `assess` load inside dist/cli.cjs and
 * leaves the other commands' code in files of their own.
 */
const COMMANDS: [name: string, load: () => Promise<Register>][] = [
  ['assess', async () => (await import('./assess.js')).registerAssess],
  [
    'rules',
    async () => {
      const [{ registerRules }, { explainRule }] = await Promise.all([import('./rules.js'), import('./explain.js')]);
      return (program, run) => registerRules(program, run, explainRule);
    },
  ],
  ['explain', async () => (await import('./explain.js')).registerExplain],
  ['adr', async () => (await import('./adr/index.js')).registerAdr],
  ['check', async () => (await import('./check.js')).registerCheck],
  ['roadmap', async () => (await import('./roadmap.js')).registerRoadmap],
  ['scaffold', async () => (await import('./scaffold.js')).registerScaffold],
  ['collect', async () => (await import('./collect.js')).registerCollect],
  ['init', async () => (await import('./init.js')).registerInit],
  ['portfolio', async () => (await import('./portfolio.js')).registerPortfolio],
  ['ui', async () => (await import('./ui.js')).registerUi],
];

/**
 * The command tree; `run` receives each action's work. Given the arguments,
 * only the command they name is built: `check` runs on every CI build, and
 * building every command's options costs it about 2 ms, loading every
 * command's code more. Help, an unknown command or none at all get the whole
 * tree; `--version` alone gets none.
 */
export async function buildProgram(run: Run, argv?: readonly string[]): Promise<Command> {
  const program = new Command()
    .name('scale-advise')
    .description('An architecture advisor for growing systems: where you are, what to scale next, and what not to build yet.')
    .version(TOOL_VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (str) => writeStdout(str),
      outputError: (str, write) => write(`scale-advise: ${str.replace(/^error: /, '')}`),
      // Help wraps like every other text output: COLUMNS, the terminal, or 80.
      getOutHelpWidth: () => outputWidth(),
      getErrHelpWidth: () => outputWidth(),
    })
    // A long subcommand term (`adr link` takes four arguments) would squeeze every description
    // into a narrow column: list it by name, its own --help shows the arguments.
    .configureHelp({
      subcommandTerm(cmd) {
        const full = Help.prototype.subcommandTerm.call(this, cmd);
        return full.length > 30 ? `${cmd.name()}${cmd.options.length ? ' [options]' : ''} ...` : full;
      },
    });
  const named = argv?.find((a) => !a.startsWith('-'));
  const only = COMMANDS.find(([name]) => name === named);
  const isVersion = (a: string) => a === '-V' || a === '--version';
  const versionOnly = !!argv?.some(isVersion) && argv.every((a) => isVersion(a) || a === '--debug');
  const registers = await Promise.all((only ? [only] : versionOnly ? [] : COMMANDS).map(([, load]) => load()));
  for (const register of registers) register(program, run);
  program.addHelpText(
    'after',
    `
Exit codes: 0 ran (nothing at or above --fail-on or check's threshold),
1 open findings at or above it, 2 bad input (profile, rule, flag),
3 internal error.
Docs: docs/profile.md (the profile), docs/rules.md (the catalog),
docs/facts.md (facts), docs/sources.md (the articles), docs/stages.md (stage
models), docs/report.md (the JSON report), docs/history.md (changes since the
last report), docs/adr.md (decision records), docs/custom-rules.md (your own
rules), docs/check.md (the CI gate), docs/scaffold.md (config templates),
docs/roadmap.md (the plan), docs/what-if.md (load scenarios),
docs/detection.md (facts from the repository), docs/init.md (writing a
profile), docs/collect.md (live facts), docs/ui.md (the terminal dashboard),
docs/portfolio.md (many systems side by side).`,
  );
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/**
 * Run the CLI and resolve to the exit code. Never calls process.exit: the
 * caller sets process.exitCode so piped output is always flushed whole.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode = 0;
  const run: Run = async (fn) => {
    exitCode = await fn();
  };
  const program = await buildProgram(run, argv);
  // No command at all: the help, on stdout, as a successful run.
  if (argv.every((a) => a === '--debug')) {
    program.outputHelp();
    return EXIT.OK;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE; // commander has printed the message already
    }
    if (isUserError(e)) {
      process.stderr.write(e.problems.length > 1 ? `scale-advise: ${e.problems.length} problems:\n${e.message}\n` : `scale-advise: ${e.message}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return EXIT.USAGE;
    }
    const what = e instanceof RuleEvaluationError ? e.message : e instanceof Error ? e.message : String(e);
    process.stderr.write(`scale-advise: internal error: ${what}\nThis is a bug in scale-advise; please report it at ${ISSUES_URL} with the command you ran${debug ? '' : ' and the output of --debug'}.\n`);
    if (debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return EXIT.INTERNAL;
  }
}
