import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readParsedYaml, writeParsedYaml } from '../knowledge/yaml-cache.js';

/**
 * Word lists derived from npm packages (general-words.ts, word-classes.ts), each list one string
 * of one word per line: deriving them means parsing megabytes of JSON, so they are kept in the
 * parsed-data cache (knowledge/yaml-cache.ts, filled by `npm run build`), addressed by the
 * packages' versions and a format name, so a new package version or format is never served stale.
 */
export function derivedLists<Field extends string>(
  format: string,
  packages: readonly string[],
  fields: readonly Field[],
  derive: () => Record<Field, string>,
): Record<Field, string> {
  const require = createRequire(import.meta.url);
  const versions = packages.map(
    (name) =>
      (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version,
  );
  const key = [format, ...versions].join('\0');
  const cached = readParsedYaml(key) as Partial<Record<Field, unknown>> | undefined;
  if (cached && fields.every((field) => typeof cached[field] === 'string')) return cached as Record<Field, string>;
  const lists = derive();
  writeParsedYaml(key, lists);
  return lists;
}
