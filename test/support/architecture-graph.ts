import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real import graph, read by dependency-cruiser with the rules in .dependency-cruiser.cjs, and
 * the table ARCHITECTURE.md shows of it. The architecture test fails when a rule is broken or when
 * the table no longer matches the code; `npm run architecture` redraws the table.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START = '<!-- architecture-graph:start (npm run architecture redraws this table) -->';
const END = '<!-- architecture-graph:end -->';

interface CruiseJson {
  modules: { source: string; dependencies: { resolved: string; coreModule: boolean }[] }[];
  summary: {
    violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[];
    ruleSetUsed: { forbidden: { name: string; comment?: string }[] };
  };
}

export interface ArchitectureReport {
  /** One line per broken rule: `rule: from → to` (a cycle lists its modules). */
  violations: string[];
  /** ARCHITECTURE.md's table drawn from the graph. */
  table: string;
}

export function cruiseArchitecture(): ArchitectureReport {
  const output = execFileSync(
    join(ROOT, 'node_modules/.bin/depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'adapters', 'bench', 'test'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(output) as CruiseJson;
  const violations = result.summary.violations.map((v) =>
    v.cycle?.length
      ? `${v.rule.name}: ${v.from} → ${v.cycle.map((c) => c.name).join(' → ')}`
      : `${v.rule.name}: ${v.from} → ${v.to}`,
  );
  return { violations, table: drawTable(result) };
}

/** `src/answer/rank.ts` → `src/answer`; `adapters/slack/x.ts` → `adapters/slack`; else the top folder. */
function folderOf(path: string): string {
  const parts = path.split('/');
  if ((parts[0] === 'src' || parts[0] === 'adapters') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  if (parts[0] === 'src') return `src/${(parts[1] ?? '').replace(/\.ts$/, '')}`;
  return parts[0] ?? path;
}

function drawTable(result: CruiseJson): string {
  const layerOrder = result.summary.ruleSetUsed.forbidden
    .filter((rule) => rule.name.startsWith('layer-'))
    .map((rule) => `src/${rule.name.slice('layer-'.length)}`);
  const edges = new Map<string, Set<string>>();
  for (const module of result.modules) {
    const from = folderOf(module.source);
    if (!/^(src|adapters)\//.test(from)) continue;
    const targets = edges.get(from) ?? new Set<string>();
    edges.set(from, targets);
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || !/^(src|adapters)\//.test(dependency.resolved)) continue;
      const to = folderOf(dependency.resolved);
      if (to !== from) targets.add(to);
    }
  }
  const rank = (folder: string): number => {
    const index = layerOrder.indexOf(folder);
    return index >= 0 ? index : layerOrder.length;
  };
  const folders = [...edges.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const rows = folders.map((folder) => {
    const imports = [...(edges.get(folder) ?? [])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return `| \`${folder}\` | ${imports.length ? imports.map((i) => `\`${i}\``).join(', ') : '—'} |`;
  });
  return ['| folder (bottom layer first) | imports |', '|---|---|', ...rows].join('\n');
}

/** The table block as it stands in ARCHITECTURE.md, or null when the markers are missing. */
export function documentedTable(markdown: string): string | null {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) return null;
  return markdown.slice(start + START.length, end).trim();
}

export function architecturePath(): string {
  return join(ROOT, 'ARCHITECTURE.md');
}

/** `npm run architecture`: redraw the table in ARCHITECTURE.md and list any broken rule. */
function main(): void {
  const { violations, table } = cruiseArchitecture();
  const path = architecturePath();
  const markdown = readFileSync(path, 'utf8');
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) {
    process.stderr.write(`ARCHITECTURE.md has no ${START} … ${END} block to redraw\n`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(path, `${markdown.slice(0, start + START.length)}\n${table}\n${markdown.slice(end)}`);
  process.stdout.write(`ARCHITECTURE.md: table redrawn (${table.split('\n').length - 2} folders)\n`);
  for (const line of violations) process.stdout.write(`broken rule — ${line}\n`);
  if (violations.length) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
