// Facts from Prometheus, over its HTTP API with Node's fetch. Only the URL the
// user gave is contacted (redirects are refused), every request has a timeout,
// and credentials travel in headers, never in a message or a file.
import type { CollectedFact, NotCollected } from './file.js';
import type { Endpoint } from './endpoint.js';
import { scrub } from './endpoint.js';
import type { PromQuery } from './queries.js';
import { shapeValue } from './fact-schema.js';

export interface PrometheusOptions {
  endpoint: Endpoint;
  /** bearer token, from SCALE_ADVISE_PROMETHEUS_TOKEN */
  token?: string;
  queries: PromQuery[];
  start: Date;
  end: Date;
  timeoutMs: number;
  progress?: (done: number, total: number) => void;
}

export interface SourceResult {
  facts: (CollectedFact & { window: 'range' | 'instant' })[];
  failures: NotCollected[];
}

/** A failure of the whole server (unreachable, refused, not Prometheus): no query is worth trying. */
class ServerFailure extends Error {}

interface ApiResponse {
  status?: string;
  error?: string;
  errorType?: string;
  data?: { resultType?: string; result?: unknown } | string[];
}

const CONCURRENCY = 4;

export async function collectFromPrometheus(opts: PrometheusOptions): Promise<SourceResult> {
  const { endpoint } = opts;
  const secrets = [endpoint.password, opts.token ?? ''];
  const headers: Record<string, string> = { accept: 'application/json' };
  if (endpoint.username || endpoint.password) headers.authorization = `Basic ${Buffer.from(`${endpoint.username}:${endpoint.password}`).toString('base64')}`;
  else if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const where = `Prometheus at ${endpoint.display}`;

  const call = async (path: string, params: Record<string, string>): Promise<ApiResponse> => {
    const url = new URL(`${endpoint.url.pathname.replace(/\/+$/, '')}/api/v1/${path}`, endpoint.url);
    // queries go in a form body (they can be long); the other endpoints take GET only
    const post = path === 'query';
    if (!post) url.search = new URLSearchParams(params).toString();
    let res: Response;
    try {
      res = await fetch(url, {
        method: post ? 'POST' : 'GET',
        headers: post ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' } : headers,
        ...(post ? { body: new URLSearchParams(params) } : {}),
        redirect: 'error',
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (e) {
      // a server that answered before and is only slow on one query fails that fact alone
      if (isTimeout(e) && path === 'query' && reachable) throw new Error(`the query did not finish within ${opts.timeoutMs / 1000}s (raise --timeout, or shorten --range)`);
      throw new ServerFailure(scrub(networkReason(e, where, opts.timeoutMs), ...secrets));
    }
    if (res.status === 401 || res.status === 403) {
      throw new ServerFailure(`${where} refused the request (HTTP ${res.status}): check the user and password in the URL or SCALE_ADVISE_PROMETHEUS_TOKEN`);
    }
    let body: ApiResponse;
    try {
      body = (await res.json()) as ApiResponse;
    } catch (e) {
      if (isTimeout(e)) throw new Error(`${where} did not finish answering within ${opts.timeoutMs / 1000}s`);
      throw new ServerFailure(`${where} answered HTTP ${res.status} with something other than the Prometheus API's JSON: is this the Prometheus base URL?`);
    }
    if (body.status !== 'success') {
      throw new Error(scrub(`Prometheus rejected the query (${body.errorType ?? `HTTP ${res.status}`}): ${body.error ?? 'no reason given'}`, ...secrets));
    }
    return body;
  };

  const failures: NotCollected[] = [];
  const facts: SourceResult['facts'] = [];
  let reachable = false;
  try {
    await call('status/buildinfo', {});
    reachable = true;
  } catch (e) {
    const reason = e instanceof ServerFailure ? e.message : `${where} does not answer like Prometheus: ${(e as Error).message}`;
    return { facts, failures: [{ fact: null, source: 'prometheus', reason }] };
  }

  let knownMetrics: Promise<Set<string> | null> | undefined;
  const metricNames = () =>
    (knownMetrics ??= call('label/__name__/values', { start: String(opts.start.getTime() / 1000), end: String(opts.end.getTime() / 1000) }).then(
      (b) => new Set(Array.isArray(b.data) ? b.data : []),
      () => null,
    ));

  const range = { start: opts.start.toISOString(), end: opts.end.toISOString() };
  let done = 0;
  let serverDown: string | undefined;
  const runOne = async (q: PromQuery) => {
    if (serverDown) {
      failures.push({ fact: q.fact, source: 'prometheus', reason: serverDown });
      return;
    }
    try {
      // Prometheus stops evaluating at its own timeout, so a slow query does not keep working for nobody
      const body = await call('query', { query: q.query, time: String(opts.end.getTime() / 1000), timeout: `${Math.max(1, Math.floor(opts.timeoutMs / 1000))}s` });
      const raw = singleNumber(body);
      if (typeof raw === 'string') {
        failures.push({ fact: q.fact, source: 'prometheus', reason: await noDataReason(raw, q, metricNames) });
        return;
      }
      const value = shapeValue(q.fact, raw);
      if (value === undefined) {
        failures.push({ fact: q.fact, source: 'prometheus', reason: `the query gave ${raw}, which is not a value for ${q.fact}` });
        return;
      }
      facts.push({ id: q.fact, value, source: 'prometheus', url: endpoint.display, query: q.query, window: q.window, ...(q.window === 'range' ? { range } : { at: range.end }) });
    } catch (e) {
      if (e instanceof ServerFailure) serverDown = e.message;
      failures.push({ fact: q.fact, source: 'prometheus', reason: (e as Error).message });
    } finally {
      opts.progress?.(++done, opts.queries.length);
    }
  };
  const queue = [...opts.queries];
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let q = queue.shift(); q; q = queue.shift()) await runOne(q);
  }));
  return { facts, failures };
}

/** The one number a query returned, or why there is none. */
function singleNumber(body: ApiResponse): number | string {
  const data = body.data as { resultType?: string; result?: unknown };
  let text: string | undefined;
  if (data?.resultType === 'scalar' && Array.isArray(data.result)) text = String(data.result[1]);
  else if (data?.resultType === 'vector' && Array.isArray(data.result)) {
    const series = data.result as { value?: [number, string] }[];
    if (series.length === 0) return 'empty';
    if (series.length > 1) return `the query returned ${series.length} series; it must return one (aggregate it, e.g. with sum() or max())`;
    text = series[0]?.value?.[1];
  } else return `the query returned a ${data?.resultType ?? 'strange'} result; it must return one number (an instant vector of one series, or a scalar)`;
  const n = Number(text);
  return Number.isFinite(n) ? n : 'nan';
}

async function noDataReason(kind: string, q: PromQuery, metricNames: () => Promise<Set<string> | null>): Promise<string> {
  if (kind !== 'empty' && kind !== 'nan') return kind;
  const known = q.metrics.length ? await metricNames() : null;
  const missing = known ? q.metrics.filter((m) => !known.has(m)) : [];
  if (missing.length) return `no data: Prometheus has no ${missing.join(', ')} in the range (is the exporter scraped? override the query with --queries)`;
  return kind === 'nan'
    ? 'no data: the query gave NaN (no samples in the range, or a division by zero)'
    : 'no data: the query matched no series in the range (check the label selectors; override the query with --queries)';
}

function isTimeout(e: unknown): boolean {
  const name = (e as Error)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Why a request never got an answer, in words. */
export function networkReason(e: unknown, where: string, timeoutMs: number): string {
  if (isTimeout(e)) return `${where} did not answer within ${timeoutMs / 1000}s (raise --timeout if it is just slow)`;
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (e as { code?: string })?.code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused: nothing listens on that port',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the host name could not be resolved',
    ECONNRESET: 'the connection was reset',
    EHOSTUNREACH: 'the host is unreachable',
    ETIMEDOUT: 'the connection timed out',
  };
  if (code && reasons[code]) return `cannot reach ${where}: ${reasons[code]}`;
  const msg = cause?.message ?? (e as Error)?.message ?? String(e);
  if (/redirect/i.test(msg)) return `${where} answered with a redirect; give the final URL (redirects are not followed, so only the address you give is contacted)`;
  return `cannot reach ${where}: ${msg}`;
}
