// Changing the user's profile in place: read it, let an edit produce the new
// text, check that the result is still a valid profile, and only then write
// it (atomically). Shared by `collect --write-profile` and the dashboard's
// waivers, so neither can leave a broken profile behind.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import validateProfile from '../generated/profile-validator.js';
import { UserError } from '../util/errors.js';
import { fsProblem } from '../util/fs-errors.js';
import { writeFileSafely } from '../util/write.js';

/**
 * Apply `edit` to the profile's text; it returns the new text, or null when
 * nothing changes. `what` names the change for the message when the result
 * would not validate ("the collected values"). Returns whether it wrote.
 */
export function rewriteProfile(profilePath: string, displayPath: string, edit: (text: string) => string | null, what: string): boolean {
  let text: string;
  try {
    text = readFileSync(profilePath, 'utf8');
  } catch (e) {
    throw fsProblem(e, 'read', displayPath);
  }
  const changed = edit(text);
  if (changed === null || changed === text) return false;
  if (!validateProfile(parseDocument(changed).toJS())) {
    const first = validateProfile.errors?.[0];
    throw new UserError(`${displayPath}: ${what} would make the profile invalid (${first?.instancePath ?? ''} ${first?.message ?? ''}); nothing was written`);
  }
  writeFileSafely(profilePath, changed, true);
  return true;
}
