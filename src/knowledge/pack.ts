import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from './package-root.js';

/**
 * Where a knowledge pack's files are. A pack is a folder holding one provider's document as data
 * (any `*.yaml` name, e.g. `acme-gdpr.yaml`), its question vocabulary (`lexicon.yaml`) and the
 * verbatim source the document file points at. dutybot ships one pack, `knowledge/`; the
 * DUTYBOT_KNOWLEDGE variable (or the CLI's `--knowledge`, which sets it) selects another.
 */

/** The vocabulary file's fixed name inside a pack. */
export const LEXICON_FILE = 'lexicon.yaml';

/** The environment variable naming the pack folder in use. */
export const PACK_ENV = 'DUTYBOT_KNOWLEDGE';

/** The pack folder in use: DUTYBOT_KNOWLEDGE when set, else `<package root>/knowledge`. */
export function defaultPackDir(): string {
  const chosen = process.env[PACK_ENV]?.trim();
  return chosen ? resolve(chosen) : join(packageRoot(), 'knowledge');
}

/** A pack that cannot be read as one: no folder, or not exactly one document file in it. */
export class PackLayoutError extends Error {
  override readonly name = 'PackLayoutError';
}

/**
 * The document file of `path`: the path itself when it is a file, else the one YAML file of the
 * folder that is not the lexicon.
 * @throws PackLayoutError when the folder is missing or holds no (or several) document files.
 */
export function packDocumentFile(path: string): string {
  const target = resolve(path);
  let isFolder: boolean;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // A missing file is reported by whoever reads it, with its own wording.
    return target;
  }
  if (!isFolder) return target;
  const documents = readdirSync(target)
    .filter((name) => /\.ya?ml$/.test(name) && name !== LEXICON_FILE)
    .sort();
  if (documents.length === 1) return join(target, documents[0]!);
  throw new PackLayoutError(
    documents.length === 0
      ? `${target}: not a knowledge pack: no document file (*.yaml besides ${LEXICON_FILE})`
      : `${target}: not a knowledge pack: several document files (${documents.join(', ')}); keep one`,
  );
}

/** The lexicon beside a pack's document file. */
export function lexiconFileOf(documentFile: string): string {
  return join(resolve(documentFile, '..'), LEXICON_FILE);
}
