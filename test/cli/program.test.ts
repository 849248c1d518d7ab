// The command tree is built for the command asked for only (start-up on every
// CI build); help and unknown commands get every command.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const names = async (argv?: string[]) => (await buildProgram(async () => {}, argv)).commands.map((c) => c.name());

describe('buildProgram', () => {
  it('builds only the command the arguments name, after the program flags', async () => {
    expect(await names(['check', '--format', 'sarif'])).toEqual(['check']);
    expect(await names(['--debug', 'assess'])).toEqual(['assess']);
    expect(await names(['adr', 'list'])).toEqual(['adr']);
  });

  it('builds no command for --version alone', async () => {
    expect(await names(['--version'])).toEqual([]);
    expect(await names(['-V', '--debug'])).toEqual([]);
    expect(await names(['--version', 'check'])).toEqual(['check']);
  });

  it('builds every command for help, an unknown command or none', async () => {
    const all = await names();
    expect(all).toEqual(expect.arrayContaining(['assess', 'check', 'roadmap', 'scaffold', 'adr', 'ui', 'portfolio', 'collect', 'init', 'rules', 'explain']));
    expect(await names(['--help'])).toEqual(all);
    expect(await names(['help', 'check'])).toEqual(all);
    expect(await names(['asess'])).toEqual(all);
    expect(await names([])).toEqual(all);
  });
});
