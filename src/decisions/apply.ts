import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Finding } from '../model.js';
import type { ProfileData } from '../profile/types.js';
import { addressedRules } from './adr/addressed.js';
import { locateAdrDir } from './adr/detect.js';
import { AdrStore } from './adr/store.js';
import { applyWaivers } from './waivers.js';

export interface DecisionOptions {
  profilePath: string;
  profile: ProfileData;
  cwd: string;
  now: Date;
}

/**
 * Mark findings that a decision covers: `addressed` when an ADR (proposed,
 * accepted or rejected) links the rule, else `waived` / `expired-waiver`
 * from the profile's waivers. An ADR wins over a waiver: it is the record.
 */
export function applyDecisions(findings: Finding[], opts: DecisionOptions): Finding[] {
  const base = dirname(opts.profilePath);
  const location = locateAdrDir(base, { profile: { ...(opts.profile.adr ?? {}), base } });
  const addressed = existsSync(location.dir) ? addressedRules(new AdrStore(location)) : new Map();
  const marked = findings.map((f): Finding => {
    const record = addressed.get(f.rule);
    if (!record) return f;
    const path = relative(opts.cwd, join(location.dir, record.file)) || record.file;
    return { ...f, status: 'addressed', addressed_by: path.split('\\').join('/') };
  });
  return applyWaivers(marked, opts.profile.waivers ?? [], opts.now);
}
