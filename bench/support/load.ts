import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

/**
 * The HTTP load harness shared by the Slack and Teams benchmarks: N concurrent keep-alive clients
 * on loopback, bounded in count and time, recording each request's latency.
 */

/** The questions both chat benchmarks ask, so their figures compare like with like. */
export const BENCH_QUESTIONS = [
  'who does the backup on RocketWeb?',
  'how often should we test a restore on 1Backup?',
  'chi gestisce le password di Stellar?',
  'what must we do with CoreTech security reports?',
  'how long are email backups kept?',
  'who updates the website security components?',
] as const;

export interface RunResult {
  count: number;
  seconds: number;
  latencies: number[];
  failures: number;
}

/** Runs `request(n)` from `concurrency` clients until `total` are issued or `maxMs` passes. */
export async function runLoad(
  options: { concurrency: number; total: number; maxMs: number },
  request: (n: number) => Promise<boolean>,
): Promise<RunResult> {
  const latencies: number[] = [];
  let issued = 0;
  let failures = 0;
  const started = performance.now();
  const client = async () => {
    while (issued < options.total && performance.now() - started < options.maxMs) {
      const n = issued++;
      const t0 = performance.now();
      const ok = await request(n);
      latencies.push(performance.now() - t0);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return { count: latencies.length, seconds: (performance.now() - started) / 1000, latencies, failures };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function summarize(run: RunResult): { rps: number; p50: number; p99: number } {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return { rps: run.count / run.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Listens on an ephemeral loopback port; returns the server and the URL of `path`. */
export async function listen(app: express.Express, path: string): Promise<{ server: Server; url: string }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}` };
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
