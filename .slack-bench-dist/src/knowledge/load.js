import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { packageRoot } from './package-root.js';
import { KnowledgeFileSchema } from './schema.js';
/**
 * A knowledge file that cannot be read, parsed or validated. The message is meant for people:
 * it names the file and, for every problem, where it is (YAML path, line and column). It never
 * carries a stack trace, so the CLI and the bots can show `error.message` as it is.
 */
export class KnowledgeError extends Error {
    file;
    problems;
    name = 'KnowledgeError';
    constructor(
    /** The file as shown in messages (relative to the working directory when inside it). */
    file, 
    /** One line per problem, each already prefixed with the file. */
    problems) {
        super(problems.length === 1 ? problems[0] : `${file}: ${problems.length} problems\n${problems.join('\n')}`);
        this.file = file;
        this.problems = problems;
    }
}
/** `<package root>/knowledge/coretech-gdpr.yaml`, wherever the process was started from. */
export function defaultKnowledgePath() {
    return join(packageRoot(), 'knowledge', 'coretech-gdpr.yaml');
}
const cache = new Map();
/**
 * Loads, validates and indexes a knowledge file (default: the CoreTech GDPR file shipped with dutybot).
 * Synchronous because it runs once at start-up; cached per absolute path so repeated calls are free.
 * @throws KnowledgeError with a readable message when the file is missing, not YAML, or not valid.
 */
export function loadKnowledge(path = defaultKnowledgePath()) {
    const file = resolve(path);
    const hit = cache.get(file);
    if (hit)
        return hit;
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (error) {
        const reason = error.code === 'ENOENT' ? 'file not found' : error.message;
        throw new KnowledgeError(displayName(file), [`${displayName(file)}: cannot read the knowledge file: ${reason}`]);
    }
    const shown = displayName(file);
    let record;
    const cached = readParsedCache(text);
    if (cached !== undefined) {
        const result = KnowledgeFileSchema.safeParse(cached);
        if (result.success)
            record = result.data; // else: a stale or damaged entry; the YAML decides
    }
    if (!record) {
        const parsed = readYaml(text, shown);
        record = validateData(parsed, shown);
        writeParsedCache(text, parsed.data);
    }
    const knowledge = buildKnowledge(record, file);
    cache.set(file, knowledge);
    return knowledge;
}
/** Forgets cached files (for tools that edit a knowledge file and reload it in the same process). */
export function clearKnowledgeCache() {
    cache.clear();
}
/**
 * Parses and validates knowledge YAML text; `file` is used for messages and `Knowledge.file`.
 * Exposed separately so the linter and tests can validate text without touching any cache.
 */
export function parseKnowledge(text, file) {
    return buildKnowledge(validateKnowledgeText(text, file), resolve(file));
}
/** Parses and validates YAML text into the raw file record, or throws KnowledgeError. */
export function validateKnowledgeText(text, file) {
    const shown = displayName(resolve(file));
    return validateData(readYaml(text, shown), shown);
}
function readYaml(text, shown) {
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
function validateData(parsed, shown) {
    if (parsed.data === null || parsed.data === undefined) {
        throw new KnowledgeError(shown, [`${shown}: the knowledge file is empty`]);
    }
    const result = KnowledgeFileSchema.safeParse(parsed.data);
    if (result.success)
        return result.data;
    throw new KnowledgeError(shown, formatZodIssues(result.error.issues, { file: shown, ...parsed }));
}
/*
 * Parsed-YAML cache. Parsing the 80 kB knowledge file costs about 100-160 ms in a cold process
 * (the yaml lexer is not yet JIT-compiled), a large slice of CLI start-up; JSON.parse of the same
 * data takes about 1 ms. The cache holds only the plain data of the YAML (zod still validates it
 * on every load, so schema changes need no invalidation) and is addressed by a hash of the YAML
 * text, so an edited file can never be served stale. Any cache problem silently falls back to YAML.
 * It lives in the package's node_modules/.cache (like other tools' caches), not in a shared /tmp
 * where another local user could plant a file under a predictable name.
 * Set DUTYBOT_KNOWLEDGE_CACHE=off to disable it.
 */
const PARSED_CACHE_FORMAT = 'dutybot-knowledge-yaml-v1';
/** Where the parsed form of `text` is cached, or undefined when the cache is disabled. */
export function parsedCachePath(text) {
    if (process.env.DUTYBOT_KNOWLEDGE_CACHE === 'off')
        return undefined;
    const digest = createHash('sha256').update(PARSED_CACHE_FORMAT).update('\0').update(text).digest('hex');
    return join(packageRoot(), 'node_modules', '.cache', 'dutybot-knowledge', `${digest}.json`);
}
function readParsedCache(text) {
    const path = parsedCachePath(text);
    if (!path)
        return undefined;
    try {
        return JSON.parse(readFileSync(path, 'utf8'));
    }
    catch {
        return undefined; // absent, unreadable or corrupt: parse the YAML instead
    }
}
function writeParsedCache(text, data) {
    const path = parsedCachePath(text);
    if (!path)
        return;
    try {
        mkdirSync(dirname(path), { recursive: true });
        // Write then rename, so a concurrent reader never sees half a file.
        const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
        writeFileSync(temporary, JSON.stringify(data));
        renameSync(temporary, path);
    }
    catch {
        // A read-only or full temp directory only costs speed.
    }
}
/**
 * One line per zod issue, e.g.
 * `knowledge/x.yaml: services[1].duties[3].cadence: Invalid option: expected one of "daily"|… (line 42, column 17)`.
 */
export function formatZodIssues(issues, where) {
    return issues.map((issue) => {
        const path = formatYamlPath(issue.path);
        const location = where.doc && where.lineCounter ? locate(where.doc, where.lineCounter, issue.path) : '';
        return `${where.file}: ${path}: ${humanMessage(issue)}${location}`;
    });
}
/** `['services', 1, 'duties', 3, 'cadence']` → `services[1].duties[3].cadence` (the root is `(root)`). */
export function formatYamlPath(path) {
    let out = '';
    for (const key of path) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else if (typeof key === 'string' && /^[A-Za-z_][\w-]*$/.test(key))
            out += out ? `.${key}` : key;
        else
            out += `[${JSON.stringify(String(key))}]`;
    }
    return out || '(root)';
}
function humanMessage(issue) {
    // zod says "Invalid input: expected string, received undefined" for an absent field: say it plainly.
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
        return `required field is missing (expected ${issue.expected})`;
    }
    return issue.message;
}
/** " (line L, column C)" of the deepest node on `path` that exists in the document. */
function locate(doc, lineCounter, path) {
    for (let depth = path.length; depth >= 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true);
        if (node?.range) {
            const { line, col } = lineCounter.linePos(node.range[0]);
            return depth === path.length
                ? ` (line ${line}, column ${col})`
                : ` (in the entry at line ${line}, column ${col})`;
        }
    }
    return '';
}
function buildKnowledge(record, file) {
    const duties = [];
    for (const service of record.services) {
        const positions = { provider: 0, customer: 0 };
        for (const duty of service.duties) {
            duties.push(Object.freeze({ ...duty, service: service.id, serviceName: service.name, position: positions[duty.party]++ }));
        }
    }
    return Object.freeze({
        document: Object.freeze(record.document),
        services: Object.freeze(record.services),
        duties: Object.freeze(duties),
        facts: Object.freeze(record.facts),
        errata: Object.freeze(record.errata),
        dutyById: new Map(duties.map((duty) => [duty.id, duty])),
        serviceById: new Map(record.services.map((service) => [service.id, service])),
        file,
    });
}
/** A path relative to the working directory when the file is under it, else the absolute path. */
function displayName(file) {
    const rel = relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
//# sourceMappingURL=load.js.map