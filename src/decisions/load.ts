import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Profile } from '../profile/load.js';
import { displayPathFor } from '../profile/load.js';
import { addressedRules } from './adr/addressed.js';
import { duplicateNumbers } from './adr/duplicates.js';
import { locateAdrDir } from './adr/detect.js';
import { ADDRESSING_STATUSES } from './adr/status.js';
import { AdrStore } from './adr/store.js';
import { readBaseline, type BaselineEntry } from './baseline.js';
import type { AddressingDecision, DecisionInputs, ReviewDate } from './status.js';
import { checkWaivers, readWaiverFile, type WaiverSource } from './waivers.js';

export interface DecisionSources {
  profile: Profile;
  cwd: string;
  /** ids of every rule in the catalog, the user's included: waivers must name one */
  ruleIds: readonly string[];
  now: Date;
  /** a waiver file besides the profile's `waivers:` */
  waiversFile?: string;
  /** the baseline file to read; none when undefined (a missing file is an empty baseline) */
  baselineFile?: string;
  /** ignore every waiver and baseline entry (`check --no-waivers`) */
  audit?: boolean;
  maxWaiverDays?: number;
}

/** Read the decisions that cover findings: ADRs, waivers (checked), the baseline and review-by dates. */
export function loadDecisions(opts: DecisionSources): DecisionInputs {
  const base = dirname(opts.profile.path);
  const location = locateAdrDir(base, { profile: { ...(opts.profile.data.adr ?? {}), base } });
  const addressed = new Map<string, AddressingDecision>();
  const reviews: ReviewDate[] = [];
  let duplicates: DecisionInputs['duplicateNumbers'] = [];
  if (existsSync(location.dir)) {
    const records = new AdrStore(location).list();
    const pathOf = (file: string) => (relative(opts.cwd, join(location.dir, file)) || file).split('\\').join('/');
    for (const [rule, record] of addressedRules({ list: () => records })) {
      addressed.set(rule, { path: pathOf(record.file), number: record.number, title: record.title, status: record.status });
    }
    for (const r of records) {
      if (r.reviewBy && ADDRESSING_STATUSES.includes(r.status)) reviews.push({ path: pathOf(r.file), number: r.number, title: r.title, reviewBy: r.reviewBy });
    }
    duplicates = duplicateNumbers(records).map((d) => ({ number: d.number, paths: d.files.map(pathOf) }));
  }
  const sources: WaiverSource[] = [{ file: opts.profile.displayPath, waivers: opts.profile.data.waivers ?? [], positionOf: opts.profile.positionOf }];
  if (opts.waiversFile) {
    const path = resolve(opts.cwd, opts.waiversFile);
    sources.push(readWaiverFile(path, displayPathFor(path, opts.cwd)));
  }
  const waivers = checkWaivers(sources, opts.ruleIds, opts.now, opts.maxWaiverDays);
  let baseline: BaselineEntry[] = [];
  if (opts.baselineFile && existsSync(opts.baselineFile)) baseline = readBaseline(opts.baselineFile, displayPathFor(opts.baselineFile, opts.cwd));
  return { addressed, waivers, baseline, reviews, duplicateNumbers: duplicates, audit: opts.audit ?? false };
}
