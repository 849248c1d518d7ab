import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/util/errors.js';
import { readUserFile } from '../../src/util/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'sa-read-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readUserFile', () => {
  it('reads files of every size whole, multi-byte characters included', () => {
    expect(readUserFile(file('empty', ''))).toBe('');
    const text = 'é€😀 line\n'.repeat(20_000); // about 260 KB, several buffer sizes over
    expect(readUserFile(file('big', text))).toBe(text);
  });

  it('takes exactly the limit and refuses one byte more, with the file named', () => {
    expect(readUserFile(file('ten', '0123456789'), 'ten.yaml', 10)).toBe('0123456789');
    let error: unknown;
    try {
      readUserFile(file('eleven', '0123456789a'), 'eleven.yaml', 10);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).problems[0]).toMatchObject({ file: 'eleven.yaml', message: expect.stringContaining('the limit is 10 bytes') });
  });
});
