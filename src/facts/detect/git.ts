// Facts from the git history. The log is streamed line by line from the git
// CLI, so memory stays flat however long the history is: counters, the set
// of recent authors, and the next commit expected on the first-parent chain.
import { isoDay } from '../../util/iso-day.js';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Fact } from '../../model.js';
import { detectedFact } from './types.js';

const DAY_MS = 86_400_000;
export const ACTIVE_WINDOW_DAYS = 90;
export const RELEASE_WINDOW_DAYS = 180;
/** Automation commits; they are not engineers. */
const BOT = /\[bot\]|(^|[.+-])(dependabot|renovate|github-actions)([.+@-]|$)/i;

export interface GitRepository {
  toplevel: string;
  gitDir: string;
  shallow: boolean;
}

export interface HistoryOptions {
  now: Date;
  /** restrict the history to this folder (a profile in a monorepo's subfolder) */
  subfolder?: boolean;
  onProgress?: (commits: number) => void;
}

/** Run git and hand each output line to `onLine`; resolves to the exit code and stderr. */
export function streamGit(cwd: string, args: string[], onLine: (line: string) => void): Promise<{ code: number | null; stderr: string; missing?: boolean }> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    let stderr = '';
    let settled = false;
    let code: number | null = null;
    let pending = 2; // the last line is read and the process has exited
    const finish = () => {
      if (--pending === 0 && !settled) {
        settled = true;
        resolve({ code, stderr });
      }
    };
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
    lines.on('line', onLine);
    lines.on('close', finish);
    child.on('close', (c) => {
      code = c;
      finish();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      resolve({ code: null, stderr: e.message, missing: e.code === 'ENOENT' });
    });
  });
}

/** The repository holding `dir`, or a sentence saying why there is none. */
export async function findRepository(dir: string): Promise<GitRepository | string> {
  const out: string[] = [];
  const r = await streamGit(dir, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository'], (l) => out.push(l));
  if (r.missing) return 'git is not installed, so the history was not read';
  if (r.code !== 0 || out.length < 3) return 'not inside a git repository, so there is no history to read';
  return { toplevel: out[0]!, gitDir: out[1]!, shallow: out[2] === 'true' };
}

const commitCount = (n: number) => `${n} commit${n === 1 ? '' : 's'}`;
const perWeek = (n: number, days: number) => Math.round((n / (days / 7)) * 10) / 10;

export async function detectFromHistory(root: string, repo: GitRepository, opts: HistoryOptions): Promise<{ facts: Fact[]; notes: string[] }> {
  const now = opts.now.getTime();
  const since = now - ACTIVE_WINDOW_DAYS * DAY_MS;
  const facts: Fact[] = [];
  const notes: string[] = [];
  let commits = 0;
  let recent = 0;
  let oldest = Infinity;
  let head: string | null = null;
  let nextOnMainline: string | null = null;
  let mainlineMerges = 0;
  const authors = new Set<string>();
  const bots = new Set<string>();
  const args = ['log', '--format=%H %ct %P%x09%aE', 'HEAD', ...(opts.subfolder ? ['--', '.'] : [])];
  const r = await streamGit(root, args, (line) => {
    const tab = line.indexOf('\t');
    const [sha, ct, ...parents] = line.slice(0, tab).split(' ');
    const at = Number(ct) * 1000;
    if (!sha || !Number.isFinite(at)) return;
    commits++;
    if (opts.onProgress && commits % 10_000 === 0) opts.onProgress(commits);
    if (head === null) head = nextOnMainline = sha;
    if (at < oldest) oldest = at;
    // The first-parent chain from HEAD is the default branch's own history.
    if (sha === nextOnMainline) {
      nextOnMainline = parents[0] ?? null;
      if (parents.length > 1 && at >= since) mainlineMerges++;
    }
    if (at >= since) {
      recent++;
      const email = line.slice(tab + 1).toLowerCase();
      (BOT.test(email) ? bots : authors).add(email);
    }
  });
  if (r.code !== 0) {
    notes.push(/does not have any commits|unknown revision|bad default revision/.test(r.stderr) ? 'the repository has no commits yet' : `git log failed: ${r.stderr.trim().split('\n')[0]}`);
    return { facts, notes };
  }
  if (!commits || !head) {
    notes.push(opts.subfolder ? 'no commits touch this folder' : 'the repository has no commits yet');
    return { facts, notes };
  }
  const short = (head as string).slice(0, 7);
  const range = `git log --since=${isoDay(new Date(since))} ${short}${opts.subfolder ? ' -- .' : ''}`;
  const tooShallow = repo.shallow && oldest > since;
  if (tooShallow) {
    notes.push(
      `the clone is shallow and its history starts on ${isoDay(new Date(oldest))}, inside the ${ACTIVE_WINDOW_DAYS}-day window: ` +
        'contributors, commits per week and release cadence were not judged (`git fetch --unshallow` gives the full history)',
    );
  } else {
    // Nobody committing for 90 days says the repository is quiet, not that the team has no one.
    if (authors.size) facts.push(detectedFact('team.engineers', authors.size, `${range}: ${authors.size === 1 ? '1 person' : `${authors.size} people`} committed${bots.size ? ` (${bots.size} bot${bots.size === 1 ? '' : 's'} not counted)` : ''}`));
    else notes.push(`nobody committed in the last ${ACTIVE_WINDOW_DAYS} days, so the team's size was not judged`);
    facts.push(detectedFact('repository.active_contributors_90d', authors.size, range));
    facts.push(detectedFact('repository.commits_per_week', perWeek(recent, ACTIVE_WINDOW_DAYS), `${range}: ${commitCount(recent)}`));
    const cadence = await releaseCadence(root, now, mainlineMerges, range);
    if (cadence) facts.push(cadence);
  }
  if (repo.shallow) {
    if (!tooShallow) notes.push(`the clone is shallow (history from ${isoDay(new Date(oldest))}): the repository's age is unknown`);
  } else {
    const months = Math.max(0, Math.round(((now - oldest) / DAY_MS / 30.44) * 10) / 10);
    facts.push(detectedFact('repository.age_months', months, `git log ${short}: first commit on ${isoDay(new Date(oldest))}, ${commitCount(commits)}`));
  }
  return { facts, notes };
}

/** Releases per week from recent tags; without tags, from merge commits on the default branch. */
async function releaseCadence(root: string, now: number, mainlineMerges: number, range: string): Promise<Fact | null> {
  const since = now - RELEASE_WINDOW_DAYS * DAY_MS;
  const tags: { name: string; at: number }[] = [];
  await streamGit(root, ['for-each-ref', '--format=%(creatordate:unix) %(refname:short)', 'refs/tags'], (l) => {
    const [ts, name] = l.split(' ');
    const at = Number(ts) * 1000;
    if (name && at >= since && at <= now) tags.push({ name, at });
  });
  if (tags.length >= 2) {
    tags.sort((a, b) => a.at - b.at);
    return detectedFact('delivery.deploys_per_week', perWeek(tags.length, RELEASE_WINDOW_DAYS), `git tags ${tags[0]!.name}..${tags[tags.length - 1]!.name}: ${tags.length} tags since ${isoDay(new Date(since))}`);
  }
  if (mainlineMerges > 0) {
    return detectedFact('delivery.deploys_per_week', perWeek(mainlineMerges, ACTIVE_WINDOW_DAYS), `${range} --first-parent --merges: ${mainlineMerges} merges to the default branch`);
  }
  return null;
}
