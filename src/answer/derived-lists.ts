import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readParsedYaml, writeParsedYaml } from '../knowledge/yaml-cache.js';

/**
 * Word lists derived from npm packages (general-words.ts, word-classes.ts), each list one string
 * of one word per line: deriving them means parsing megabytes of JSON, so they are kept in the
 * parsed-data cache (knowledge/yaml-cache.ts, filled by `npm run build`), addressed by the
 * packages' versions, a format name and the text of the module that derives them, so a new package
 * version, format or derivation is never served stale: an edit to how a list is derived needs no
 * version bumped by hand. A list read through another module's lists (word-classes.ts asks
 * general-words.ts which words are everyday) is not derived again when only that module changes:
 * bump its format name then.
 */
export function derivedLists<Field extends string>(
  format: string,
  packages: readonly string[],
  fields: readonly Field[],
  derive: () => Record<Field, string>,
  /** `import.meta.url` of the module that derives the lists. */
  deriver: string,
): Record<Field, string> {
  const require = createRequire(import.meta.url);
  const versions = packages.map(
    (name) =>
      (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version,
  );
  const derivation = createHash('sha256')
    .update(readFileSync(fileURLToPath(deriver)))
    .digest('hex')
    .slice(0, 16);
  const key = [format, ...versions, derivation].join('\0');
  const cached = readParsedYaml(key) as Partial<Record<Field, unknown>> | undefined;
  if (cached && fields.every((field) => typeof cached[field] === 'string')) return cached as Record<Field, string>;
  const lists = derive();
  writeParsedYaml(key, lists);
  return lists;
}
