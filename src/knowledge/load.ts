import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Duty, Knowledge } from './model.js';
import { defaultPackDir, lexiconFileOf, packDocumentFile } from './pack.js';
import {
  type ExamplesRecord,
  type KnowledgeFile,
  KnowledgeFileSchema,
  type ServiceId,
  type ServiceRecord,
} from './schema.js';
import { readParsedYaml, writeParsedYaml } from './yaml-cache.js';

export { parsedCachePath } from './yaml-cache.js';

/**
 * A knowledge file that cannot be read, parsed or validated. The message is meant for people:
 * it names the file and, for every problem, where it is (YAML path, line and column). It never
 * carries a stack trace, so the CLI and the bots can show `error.message` as it is.
 */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
  constructor(
    /** The file as shown in messages (relative to the working directory when inside it). */
    readonly file: string,
    /** One line per problem, each already prefixed with the file. */
    readonly problems: readonly string[],
  ) {
    super(problems.length === 1 ? problems[0]! : `${file}: ${problems.length} problems\n${problems.join('\n')}`);
  }
}

/**
 * The document file of the pack in use (DUTYBOT_KNOWLEDGE, else the pack shipped in
 * `<package root>/knowledge/`), wherever the process was started from.
 */
export function defaultKnowledgePath(): string {
  return packDocumentFile(defaultPackDir());
}

const cache = new Map<string, Knowledge>();

/**
 * Loads, validates and indexes a pack's document file (default: the pack in use, see
 * `defaultKnowledgePath`); `path` may be the pack folder or its document file.
 * Synchronous because it runs once at start-up; cached per absolute path so repeated calls are free.
 * @throws KnowledgeError with a readable message when the file is missing, not YAML, or not valid.
 */
export function loadKnowledge(path: string = defaultKnowledgePath()): Knowledge {
  const file = packDocumentFile(path);
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new KnowledgeError(displayName(file), [`${displayName(file)}: cannot read the knowledge file: ${reason}`]);
  }
  const shown = displayName(file);
  let record: KnowledgeFile | undefined;
  const cached = readParsedYaml(text);
  if (cached !== undefined) {
    const result = KnowledgeFileSchema.safeParse(cached);
    if (result.success) record = result.data; // else: a stale or damaged entry; the YAML decides
  }
  if (!record) {
    const parsed = readYaml(text, shown);
    record = validateData(parsed, shown);
    writeParsedYaml(text, parsed.data);
  }
  const knowledge = buildKnowledge(record, file);
  cache.set(file, knowledge);
  return knowledge;
}

/** Forgets cached files (for tools that edit a knowledge file and reload it in the same process). */
export function clearKnowledgeCache(): void {
  cache.clear();
}

/**
 * Parses and validates knowledge YAML text; `file` is used for messages and `Knowledge.file`.
 * Exposed separately so the linter and tests can validate text without touching any cache.
 */
export function parseKnowledge(text: string, file: string): Knowledge {
  return buildKnowledge(validateKnowledgeText(text, file), resolve(file));
}

/** Parses and validates YAML text into the raw file record, or throws KnowledgeError. */
export function validateKnowledgeText(text: string, file: string): KnowledgeFile {
  const shown = displayName(resolve(file));
  return validateData(readYaml(text, shown), shown);
}

interface ParsedYaml {
  data: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

function readYaml(text: string, shown: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const [first, ...rest] = doc.errors;
  if (first) {
    // Only the first syntax error is reliable: the parser's later complaints usually cascade from it.
    const { line, col } = lineCounter.linePos(first.pos[0]);
    const more = rest.length > 0 ? ` (${rest.length} more error(s) after it, probably caused by this one)` : '';
    throw new KnowledgeError(shown, [
      `${shown}: YAML syntax error at line ${line}, column ${col}: ${first.message}${more}`,
    ]);
  }
  return { data: doc.toJS(), doc, lineCounter };
}

function validateData(parsed: ParsedYaml, shown: string): KnowledgeFile {
  if (parsed.data === null || parsed.data === undefined) {
    throw new KnowledgeError(shown, [`${shown}: the knowledge file is empty`]);
  }
  const result = KnowledgeFileSchema.safeParse(parsed.data);
  if (result.success) return result.data;
  throw new KnowledgeError(shown, formatZodIssues(result.error.issues, { file: shown, ...parsed }));
}

/** Where to point in messages: the YAML document and its line counter, when the text is at hand. */
export interface IssueLocator {
  file: string;
  doc?: Document;
  lineCounter?: LineCounter;
}

/**
 * One line per zod issue, e.g.
 * `knowledge/x.yaml: services[1].duties[3].cadence: Invalid option: expected one of "daily"|… (line 42, column 17)`.
 */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], where: IssueLocator): string[] {
  return issues.map((issue) => {
    const path = formatYamlPath(issue.path);
    const location = where.doc && where.lineCounter ? locate(where.doc, where.lineCounter, issue.path) : '';
    return `${where.file}: ${path}: ${humanMessage(issue)}${location}`;
  });
}

/** `['services', 1, 'duties', 3, 'cadence']` → `services[1].duties[3].cadence` (the root is `(root)`). */
export function formatYamlPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][\w-]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

function humanMessage(issue: z.core.$ZodIssue): string {
  // zod says "Invalid input: expected string, received undefined" for an absent field: say it plainly.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `required field is missing (expected ${issue.expected})`;
  }
  return issue.message;
}

/** " (line L, column C)" of the deepest node on `path` that exists in the document. */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return depth === path.length
        ? ` (line ${line}, column ${col})`
        : ` (in the entry at line ${line}, column ${col})`;
    }
  }
  return '';
}

function buildKnowledge(record: KnowledgeFile, file: string): Knowledge {
  const duties: Duty[] = [];
  for (const service of record.services) {
    const positions = { provider: 0, customer: 0 };
    for (const duty of service.duties) {
      duties.push(
        Object.freeze({ ...duty, service: service.id, serviceName: service.name, position: positions[duty.party]++ }),
      );
    }
  }
  return Object.freeze({
    document: Object.freeze(record.document),
    services: Object.freeze(record.services),
    duties: Object.freeze(duties),
    facts: Object.freeze(record.facts),
    errata: Object.freeze(record.errata),
    examples: record.examples ?? derivedExamples(record, duties),
    dutyById: new Map(duties.map((duty) => [duty.id, duty])),
    serviceById: new Map<ServiceId, ServiceRecord>(record.services.map((service) => [service.id, service])),
    file,
    lexiconFile: lexiconFileOf(file),
  });
}

/** Examples for a pack that gives none: its first services and first customer duty, no questions. */
function derivedExamples(record: KnowledgeFile, duties: readonly Duty[]): ExamplesRecord {
  const duty = duties.find((d) => d.party === 'customer') ?? duties[0]!;
  return {
    services: record.services.slice(0, 3).map((service) => service.id),
    duty: { en: `${duty.title.toLowerCase()} ${duty.service}`, it: `${duty.title_it.toLowerCase()} ${duty.service}` },
    questions: { en: [], it: [] },
  };
}

/** A path relative to the working directory when the file is under it, else the absolute path. */
export function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
