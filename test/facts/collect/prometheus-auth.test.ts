// Credentials for Prometheus: basic auth from the URL or a bearer token from
// the environment travel in a header and nowhere else. The Prometheus here sits
// behind a small proxy that demands them, as a reverse proxy in front of one would.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END, PROMETHEUS, PROMTOOL, startPrometheus, type RunningPrometheus } from '../../helpers/prometheus.js';
import { toolAvailable } from '../../helpers/bounded-servers.js';
import { runCli } from '../../helpers/run-cli.js';

const HAVE = toolAvailable(PROMETHEUS) && toolAvailable(PROMTOOL);
const AT = ['--end', END.toISOString(), '--range', '2d'];
const PASSWORD = 'prom-Secret-7';
const TOKEN = 'tok-Secret-8';

describe.skipIf(!HAVE)('collect from a Prometheus that needs credentials', () => {
  let prom: RunningPrometheus;
  let proxy: Server;
  let url: string;
  beforeAll(async () => {
    prom = await startPrometheus();
    const accepted = new Set([`Basic ${Buffer.from(`reader:${PASSWORD}`).toString('base64')}`, `Bearer ${TOKEN}`]);
    proxy = createServer(async (req, res) => {
      if (!accepted.has(req.headers.authorization ?? '')) {
        res.writeHead(401, { 'www-authenticate': 'Basic' }).end('unauthorized');
        return;
      }
      const body = await new Promise<Buffer>((r) => {
        const parts: Buffer[] = [];
        req.on('data', (d: Buffer) => parts.push(d)).on('end', () => r(Buffer.concat(parts)));
      });
      const upstream = await fetch(prom.url + req.url, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'text/plain' }, ...(body.length ? { body: body.toString() } : {}) });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    url = `127.0.0.1:${(proxy.address() as { port: number }).port}`;
  }, 60000);
  afterAll(async () => {
    await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
    await prom?.stop();
  });

  const everything = (dir: string, out: { stdout: string; stderr: string }) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n') + out.stdout + out.stderr;

  it('user and password in the URL: collected, and written nowhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-auth-'));
    const r = await runCli(['collect', '--prometheus', `http://reader:${PASSWORD}@${url}`, ...AT], dir);
    expect(r.code, r.stderr).toBe(0);
    const all = everything(dir, r);
    expect(all).toContain('traffic.peak_rps');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain('reader');
  });

  it('a token from SCALE_ADVISE_PROMETHEUS_TOKEN works the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-auth-'));
    const r = await runCli(['collect', '--prometheus', `http://${url}`, ...AT], dir, { SCALE_ADVISE_PROMETHEUS_TOKEN: TOKEN });
    expect(r.code, r.stderr).toBe(0);
    expect(everything(dir, r)).not.toContain(TOKEN);
  });

  it('wrong credentials: exit 2, the refusal named, the password not shown', async () => {
    const r = await runCli(['collect', '--prometheus', `http://reader:wrong-Secret-9@${url}`, ...AT], mkdtempSync(join(tmpdir(), 'sa-auth-')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Prometheus at http://${url} refused the request (HTTP 401)`);
    expect(r.stderr).not.toContain('wrong-Secret-9');
  });
});
