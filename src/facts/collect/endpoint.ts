// Server addresses as the user gives them, and as they may be shown: no user,
// password, token or query string ever leaves this module in a message or file.
import { UserError } from '../../util/errors.js';

export interface Endpoint {
  /** the URL to connect to, credentials removed */
  url: URL;
  /** what messages and files show: scheme, host, port and path only */
  display: string;
  username: string;
  password: string;
}

/** Parse a server URL without ever echoing it: it may hold a password. */
export function parseEndpoint(raw: string, flag: string, schemes: string[], example: string): Endpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`${flag} must be a URL such as ${example}`);
  }
  if (!schemes.includes(url.protocol.replace(/:$/, ''))) {
    throw new UserError(`${flag} must be a ${schemes.join(' or ')} URL such as ${example}; got a ${url.protocol.replace(/:$/, '')} URL`);
  }
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const path = url.pathname.replace(/\/+$/, '');
  return { url, display: `${url.protocol}//${url.host}${path}`, username, password };
}

/** Remove every occurrence of the secrets from a message from a server or a library. */
export function scrub(message: string, ...secrets: string[]): string {
  return secrets.filter((s) => s.length >= 3).reduce((m, s) => m.split(s).join('***'), message);
}

/** `30d`, `12h`, `90m`: a PromQL duration of one unit; returns milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const m = /^([1-9][0-9]*)(ms|s|m|h|d|w|y)$/.exec(text.trim());
  if (!m) throw new UserError(`${flag} must be a duration such as 30d, 12h or 90s; got "${text}"`);
  const unit = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3, y: 365 * 86400e3 }[m[2] as 'ms'];
  return Number(m[1]) * unit;
}
