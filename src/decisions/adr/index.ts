// Architecture Decision Records: find them, read them, write them.
export type { AdrFormat, AdrLink, AdrLocation, AdrRecord, AdrStatus } from './types.js';
export { ADR_FORMATS } from './types.js';
export { locateAdrDir, defaultDirFor, type ProfileAdrSettings } from './detect.js';
export { AdrStore } from './store.js';
export { parseRecord } from './parse.js';
export { statusOf } from './status.js';
export { slugify } from './slug.js';
export { addressedRules, type AddressingRecord } from './addressed.js';
export { newRecord, supersede, linkRecords, initRecords, type Created } from './operations.js';
export { writeIndex, renderIndex, GENERATED_MARKER } from './index-doc.js';
export { checkMadr } from './madr-check.js';
export { duplicateNumbers, numbersTakenOnBase, type DuplicateNumber } from './duplicates.js';
export { lintRecords, type LintInput, type LintProblem } from './lint.js';
export { renumberRecord, nextFreeNumber } from './renumber.js';
export { changeStatus, SETTABLE_STATUSES } from './lifecycle.js';
