// The command tree is built for the command asked for only (start-up on every
// CI build); help and unknown commands get every command.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const names = (argv?: string[]) => buildProgram(async () => {}, argv).commands.map((c) => c.name());

describe('buildProgram', () => {
  it('builds only the command the arguments name, after the program flags', () => {
    expect(names(['check', '--format', 'sarif'])).toEqual(['check']);
    expect(names(['--debug', 'assess'])).toEqual(['assess']);
    expect(names(['adr', 'list'])).toEqual(['adr']);
  });

  it('builds every command for help, an unknown command or none', () => {
    const all = names();
    expect(all).toEqual(expect.arrayContaining(['assess', 'check', 'roadmap', 'scaffold', 'adr', 'ui', 'portfolio', 'collect', 'init', 'rules', 'explain']));
    expect(names(['--help'])).toEqual(all);
    expect(names(['help', 'check'])).toEqual(all);
    expect(names(['asess'])).toEqual(all);
    expect(names([])).toEqual(all);
  });
});
