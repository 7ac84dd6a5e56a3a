import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The engine knows no provider: nothing in src/ or adapters/ (code, comments, catalogue sentences)
 * names a provider, a service id or a product name of any knowledge pack, and the engine's code
 * refers to no concept of one pack's lexicon. Whatever a provider's document says lives in its pack.
 */
const root = join(import.meta.dirname, '..');
const packFolders = [
  join(root, 'knowledge'),
  ...readdirSync(join(root, 'test', 'fixtures', 'packs')).map((name) => join(root, 'test', 'fixtures', 'packs', name)),
];

interface PackWords {
  folder: string;
  /** Provider name, service ids, product names (lexicon brands): never said in the code. */
  names: string[];
  concepts: string[];
}

function packWords(folder: string): PackWords {
  const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
  const document = parse(readFileSync(join(folder, files.find((name) => name !== 'lexicon.yaml')!), 'utf8'));
  const lexicon = parse(readFileSync(join(folder, 'lexicon.yaml'), 'utf8'));
  const names = [
    document.document.provider as string,
    ...(document.services as { id: string }[]).map((service) => service.id),
    ...(Object.values(lexicon.brands) as string[][]).flat(),
  ];
  return {
    folder,
    names: [...new Set(names.map((name) => name.toLowerCase()))],
    concepts: Object.keys(lexicon.concepts),
  };
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) ? [path] : [];
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name as a whole word, its spaces also typed as a dash or nothing ("rocket web", "rocket-web", "rocketweb"). */
const nameRegExp = (names: readonly string[]) =>
  new RegExp(
    `(?<![\\p{L}\\d_-])(${names.map((n) => escapeRegExp(n).replace(/ /g, '[ -]?')).join('|')})(?![\\p{L}\\d_])`,
    'giu',
  );

/** Code without its comments, so a concept id is looked for only where it could steer the engine. */
function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** How engine code would name a pack's concept: a term `c:id`, a lookup by id, a comparison, a list of ids. */
function conceptReferences(code: string, concepts: readonly string[]): string[] {
  const ids = concepts.map(escapeRegExp).join('|');
  const patterns = [
    new RegExp(`c:(${ids})\\b`, 'g'),
    new RegExp(`(?:concepts|conceptInfo|conceptsByTopic|terms)\\.(?:has|get)\\(\\s*['"\`](${ids})['"\`]`, 'g'),
    new RegExp(`\\bid\\s*[!=]==\\s*['"\`](${ids})['"\`]`, 'g'),
    new RegExp(`\\[\\s*['"](${ids})['"]\\s*,\\s*['"](?:${ids})['"]`, 'g'),
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[0]));
}

const files = [...sources(join(root, 'src')), ...sources(join(root, 'adapters'))];

describe('the engine is provider-neutral', () => {
  const packs = packFolders.map(packWords);

  it('reads at least the shipped pack and one other', () => {
    expect(packs.length).toBeGreaterThanOrEqual(2);
    for (const pack of packs) expect(pack.names.length, pack.folder).toBeGreaterThan(3);
  });

  it('names no provider, service id or product name of any pack in src/ or adapters/', () => {
    const found: string[] = [];
    for (const pack of packs) {
      const pattern = nameRegExp(pack.names);
      for (const file of files) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            for (const match of line.matchAll(pattern))
              found.push(`${file.slice(root.length + 1)}:${i + 1}: ${match[0]}`);
          });
      }
    }
    expect(found).toEqual([]);
  });

  it("refers to no pack's concept in the engine's code", () => {
    const found: string[] = [];
    for (const pack of packs) {
      for (const file of files) {
        for (const reference of conceptReferences(codeOnly(readFileSync(file, 'utf8')), pack.concepts))
          found.push(`${file.slice(root.length + 1)}: ${reference}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the checks find what they look for', () => {
    const coretech = packs[0]!;
    expect('who handles backups on RocketWeb?').toMatch(nameRegExp(coretech.names));
    expect('rocket-web').toMatch(nameRegExp(coretech.names));
    expect('a rocketwebber').not.toMatch(nameRegExp(coretech.names));
    expect(conceptReferences(codeOnly("implied('c:retention', 1); // c:backup"), coretech.concepts)).toEqual([
      'c:retention',
    ]);
    expect(conceptReferences("const KEEPING = ['retention', 'guard'];", coretech.concepts)).toHaveLength(1);
  });
});
