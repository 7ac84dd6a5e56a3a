import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The parent side of the crash test: a recording "chat platform" on 127.0.0.1 that child
 * scheduler processes post to. `onIntent` lets the test act (kill the child) when a delivery is
 * announced, before it is posted.
 */
export class RecordingPlatform {
  readonly intents: string[] = [];
  readonly delivered: { key: string; worker: string }[] = [];
  readonly updates: unknown[] = [];
  onIntent: (key: string, count: number) => void = () => {};
  private server: Server | null = null;
  private seq = 0;

  async start(): Promise<number> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const data = JSON.parse(body || '{}') as { key?: string; worker?: string };
        if (req.url === '/intent' && data.key) {
          this.intents.push(data.key);
          this.onIntent(data.key, this.intents.length);
        } else if (req.url === '/deliver' && data.key) {
          this.delivered.push({ key: data.key, worker: data.worker ?? '?' });
        } else if (req.url === '/update') {
          this.updates.push(data);
        } else {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `p${++this.seq}` }));
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  deliveredKeys(): string[] {
    return this.delivered.map((d) => d.key);
  }
}
