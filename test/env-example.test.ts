import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every environment variable the code reads is listed in .env.example, with a comment. */
const root = join(import.meta.dirname, '..');
/** A variable name read as `env.NAME` or written as a string literal 'NAME'. */
const VARIABLE = /(?:env\.|['"`])((?:SLACK|MICROSOFT_APP|TEAMS|DUTYBOT)_[A-Z_]+|DATABASE_URL|PORT|HOST)\b/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('.env.example', () => {
  const example = readFileSync(join(root, '.env.example'), 'utf8').split('\n');
  const declared = new Map(
    example.flatMap((line, i) => (/^[A-Z_]+=/.test(line) ? [[line.split('=')[0]!, i] as const] : [])),
  );

  it('lists every variable the code reads', () => {
    const used = new Set<string>();
    for (const file of [...sources(join(root, 'src')), ...sources(join(root, 'adapters'))]) {
      const text = readFileSync(file, 'utf8');
      if (!/process\.env|env\b|Env\b/.test(text)) continue;
      for (const m of text.matchAll(VARIABLE)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((v) => !declared.has(v));
    expect(missing).toEqual([]);
  });

  it('explains each variable in a comment above it and sets no secret', () => {
    for (const [name, line] of declared) {
      expect(example[line - 1], name).toMatch(/^#|^[A-Z_]+=/);
      const value = example[line]!.split('=')[1];
      if (/SECRET|PASSWORD|TOKEN/.test(name)) expect(value, name).toBe('');
    }
  });
});
