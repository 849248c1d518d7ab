import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ProfileData } from '../profile/types.js';
import { addressedRules } from './adr/addressed.js';
import { locateAdrDir } from './adr/detect.js';
import { AdrStore } from './adr/store.js';
import type { AddressingDecision, DecisionInputs } from './status.js';

export interface DecisionSources {
  profilePath: string;
  profile: ProfileData;
  cwd: string;
}

/** Read the decisions that cover findings: the ADR directory's records and the profile's waivers. */
export function loadDecisions(opts: DecisionSources): DecisionInputs {
  const base = dirname(opts.profilePath);
  const location = locateAdrDir(base, { profile: { ...(opts.profile.adr ?? {}), base } });
  const addressed = new Map<string, AddressingDecision>();
  if (existsSync(location.dir)) {
    for (const [rule, record] of addressedRules(new AdrStore(location))) {
      const path = relative(opts.cwd, join(location.dir, record.file)) || record.file;
      addressed.set(rule, { path: path.split('\\').join('/'), number: record.number, title: record.title });
    }
  }
  return { addressed, waivers: opts.profile.waivers ?? [] };
}
