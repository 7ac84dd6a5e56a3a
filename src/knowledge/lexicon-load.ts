import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { type Lexicon, LexiconSchema } from '../knowledge/lexicon-schema.js';
import { displayName, formatZodIssues, KnowledgeError } from './load.js';
import { readParsedYaml, writeParsedYaml } from './yaml-cache.js';

/**
 * Reads and validates a pack's `lexicon.yaml`. Problems come back like the document file's: one
 * line each, naming the file, the YAML path, the line and the column. The parsed YAML goes through
 * the start-up cache (yaml-cache.ts); positions are worked out only when something is wrong.
 * @throws KnowledgeError when the file is missing, not YAML, or not a valid lexicon.
 */
export function readLexicon(path: string): Lexicon {
  const file = resolve(path);
  const shown = displayName(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new KnowledgeError(shown, [`${shown}: cannot read the lexicon: ${reason}`]);
  }
  const key = `lexicon\0${text}`;
  const cached = readParsedYaml(key);
  if (cached !== undefined) {
    const result = LexiconSchema.safeParse(cached);
    if (result.success) return result.data; // else: let the YAML itself say where the problem is
  }
  return validateLexiconText(text, file, (data) => writeParsedYaml(key, data));
}

/** Parses and validates lexicon YAML text, pointing at line and column on any problem. */
export function validateLexiconText(text: string, file: string, onParsed?: (data: unknown) => void): Lexicon {
  const shown = displayName(resolve(file));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const [first] = doc.errors;
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new KnowledgeError(shown, [`${shown}: YAML syntax error at line ${line}, column ${col}: ${first.message}`]);
  }
  const data: unknown = doc.toJS();
  const result = LexiconSchema.safeParse(data);
  if (!result.success)
    throw new KnowledgeError(shown, formatZodIssues(result.error.issues, { file: shown, doc, lineCounter }));
  onParsed?.(data);
  return result.data;
}
