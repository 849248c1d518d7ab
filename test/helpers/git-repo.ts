// Fixture repositories made with real git commands: authors, dates, tags,
// merges, shallow clones. Dates are fixed, so nothing depends on today.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const DAY = 86_400_000;

export interface Author {
  name: string;
  email: string;
}

export class GitRepo {
  readonly dir: string;
  private n = 0;
  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'sa-git-'));
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return this.gitAt(new Date(0), ...args);
  }

  /** Run git with author and committer dates set to `at`. */
  gitAt(at: Date, ...args: string[]): string {
    const iso = at.toISOString();
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: iso,
        GIT_COMMITTER_DATE: iso,
        GIT_COMMITTER_NAME: 'Fixture',
        GIT_COMMITTER_EMAIL: 'fixture@example.com',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
  }

  write(path: string, text: string): this {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
    return this;
  }

  /** A commit by `author` at `at`, touching one file. */
  commit(author: Author, at: Date, message = `change ${++this.n}`): this {
    this.write(`work/${this.n}.txt`, message);
    this.gitAt(at, 'add', '-A');
    this.gitAt(at, '-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '-q', '--author', `${author.name} <${author.email}>`, '-m', message);
    return this;
  }

  tag(name: string, at: Date): this {
    this.gitAt(at, '-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', 'tag', '-a', name, '-m', name);
    return this;
  }
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

const FIXTURES = new URL('../fixtures/detect/', import.meta.url).pathname;

/** A copy of a test/fixtures/detect folder, outside any repository. */
export function copyFixture(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sa-detect-')), name.replace(/\//g, '-'));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
