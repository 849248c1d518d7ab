/** A warning on stderr: something was skipped or looks wrong, and the run goes on. */
export function warn(message: string): void {
  process.stderr.write(`scale-advise: warning: ${message}\n`);
}
