import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../src/knowledge/package-root.js';

/**
 * Wall time of answering a whole question set through the CLI batch mode
 * (`dutybot ask --json` reading stdin), next to a bare `node -e ''` start-up in the same run,
 * so the figure separates our cost from Node's.
 */
function wall(command: string, args: string[], input: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchCli(): Promise<string[]> {
  const root = packageRoot();
  const set = parse(readFileSync(join(root, 'test/questions/questions.yaml'), 'utf8')) as
    | { questions?: { q?: string; question?: string }[] }
    | { q?: string; question?: string }[];
  const items = Array.isArray(set) ? set : (set.questions ?? []);
  const base = items.map((i) => i.question ?? i.q ?? '').filter(Boolean);
  const questions = Array.from({ length: 200 }, (_, i) => base[i % base.length]!);
  const input = `${questions.join('\n')}\n`;
  const cli = join(root, 'dist/adapters/server/main.js');
  const runs = 5;
  const bare: number[] = [];
  const batch: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(wall(process.execPath, ['-e', ''], ''));
    batch.push(wall(process.execPath, [cli, 'ask', '--json'], input));
  }
  return [
    `cli batch: ${questions.length} questions through \`dutybot ask --json\`: median ${median(batch).toFixed(0)} ms wall (incl. start-up), over ${runs} runs`,
    `cli batch: bare \`node -e ''\` start-up: median ${median(bare).toFixed(0)} ms wall — target: batch of 200 < 1000 ms`,
  ];
}
