import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { parsedCachePath } from '../knowledge/load.js';
import { packageRoot } from '../knowledge/package-root.js';
import { LexiconSchema } from './lexicon-schema.js';
import { stem, words } from './text.js';
/**
 * A multi-word phrase table matched longest-first, keyed by stemmed words (concepts: any
 * inflection matches) or by exact words (cues: "devo" is the customer, "deve" is anyone).
 */
export class PhraseTable {
    exact;
    entries = new Map();
    /** Every proper prefix of a key, so matching stops as soon as no phrase can continue. */
    prefixes = new Set();
    maxWords = 1;
    constructor(exact = false) {
        this.exact = exact;
    }
    add(phrase, value) {
        const stems = this.exact ? words(phrase) : words(phrase).map(stem);
        if (stems.length === 0)
            return;
        const key = stems.join(' ');
        const list = this.entries.get(key);
        if (list) {
            if (!list.includes(value))
                list.push(value);
        }
        else
            this.entries.set(key, [value]);
        for (let n = 1; n < stems.length; n++)
            this.prefixes.add(stems.slice(0, n).join(' '));
        if (stems.length > this.maxWords)
            this.maxWords = stems.length;
    }
    get(stems, start, length) {
        return this.entries.get(stems.slice(start, start + length).join(' '));
    }
    /** Phrases starting at `start`, longest first, with their length in words. */
    matchesAt(stems, start) {
        const found = [];
        let key = '';
        for (let end = start; end < stems.length && end - start < this.maxWords; end++) {
            key = end === start ? stems[end] : `${key} ${stems[end]}`;
            const values = this.entries.get(key);
            if (values)
                found.push({ length: end - start + 1, values });
            if (!this.prefixes.has(key))
                break;
        }
        return found.reverse();
    }
}
export class LexiconError extends Error {
    name = 'LexiconError';
}
/** `<package root>/knowledge/lexicon.yaml`. */
export function defaultLexiconPath() {
    return join(packageRoot(), 'knowledge', 'lexicon.yaml');
}
const compiledByPath = new Map();
/** Loads, validates and compiles the lexicon (cached per path). */
export function loadLexicon(path = defaultLexiconPath()) {
    const hit = compiledByPath.get(path);
    if (hit)
        return hit;
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new LexiconError(`${path}: cannot read the lexicon: ${error.message}`);
    }
    const raw = readCachedYaml(text, path);
    const result = LexiconSchema.safeParse(raw);
    if (!result.success) {
        const problems = result.error.issues.map((issue) => `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
        throw new LexiconError(problems.join('\n'));
    }
    const compiled = compileLexicon(result.data);
    compiledByPath.set(path, compiled);
    return compiled;
}
/**
 * Parsing YAML costs a cold process about 100-200 ms (the yaml lexer is not JIT-compiled yet), a
 * large slice of CLI start-up. Like the knowledge loader, keep the parsed data as JSON addressed by
 * a hash of the text (an edited file can never be served stale); zod still validates every load.
 * Any cache problem falls back to parsing. DUTYBOT_KNOWLEDGE_CACHE=off disables it.
 */
function readCachedYaml(text, path) {
    const cache = parsedCachePath(`lexicon\0${text}`);
    if (cache) {
        try {
            return JSON.parse(readFileSync(cache, 'utf8'));
        }
        catch {
            // absent or unreadable: parse the YAML
        }
    }
    let raw;
    try {
        raw = parse(text);
    }
    catch (error) {
        throw new LexiconError(`${path}: ${error.message}`);
    }
    if (cache) {
        try {
            mkdirSync(dirname(cache), { recursive: true });
            const temporary = `${cache}.${process.pid}.${Date.now()}.tmp`;
            writeFileSync(temporary, JSON.stringify(raw));
            renameSync(temporary, cache);
        }
        catch {
            // a read-only package directory only costs speed
        }
    }
    return raw;
}
export function compileLexicon(lexicon) {
    const cues = new PhraseTable(true);
    const concepts = new PhraseTable();
    const foreign = new PhraseTable();
    const offTopic = new PhraseTable();
    const conceptInfo = new Map();
    const conceptsByTopic = new Map();
    const vocabulary = new Set();
    const usedBy = { en: new Set(), it: new Set() };
    const note = (lang, phrase) => {
        for (const word of words(phrase)) {
            vocabulary.add(word);
            usedBy[lang].add(word);
        }
    };
    const addBilingual = (table, phrases, value) => {
        for (const lang of ['en', 'it']) {
            for (const phrase of phrases[lang]) {
                table.add(phrase, value);
                note(lang, phrase);
            }
        }
    };
    for (const [id, concept] of Object.entries(lexicon.concepts)) {
        conceptInfo.set(id, { id, weight: concept.weight, strong: concept.strong });
        addBilingual(concepts, concept, id);
        for (const topic of concept.topics)
            conceptsByTopic.set(topic, [...(conceptsByTopic.get(topic) ?? []), id]);
    }
    for (const [intent, phrases] of Object.entries(lexicon.intents)) {
        if (phrases)
            addBilingual(cues, phrases, { kind: 'intent', intent: intent });
    }
    const parties = lexicon.parties;
    addBilingual(cues, parties.customer, { kind: 'party', cue: 'customer' });
    addBilingual(cues, parties.customer_weak, { kind: 'party', cue: 'customer_weak' });
    addBilingual(cues, parties.provider, { kind: 'party', cue: 'provider' });
    addBilingual(cues, parties.demand, { kind: 'party', cue: 'demand' });
    for (const phrase of parties.customer_en_only)
        cues.add(phrase, { kind: 'party', cue: 'customer_en_only' });
    for (const [cadence, phrases] of Object.entries(lexicon.cadences)) {
        if (phrases)
            addBilingual(cues, phrases, { kind: 'cadence', cadence: cadence });
    }
    addBilingual(cues, lexicon.duty_words, { kind: 'duty' });
    for (const phrase of [...lexicon.out_of_scope_words.en, ...lexicon.out_of_scope_words.it]) {
        offTopic.add(phrase, phrase);
        for (const word of words(phrase))
            vocabulary.add(word);
    }
    for (const name of lexicon.foreign_products) {
        foreign.add(name, name);
        for (const word of words(name))
            vocabulary.add(word);
    }
    const stopWords = new Set([...lexicon.stop_words.en, ...lexicon.stop_words.it].flatMap(words));
    for (const word of stopWords)
        vocabulary.add(word);
    const markers = {
        en: new Set(lexicon.language_markers.en.flatMap(words)),
        it: new Set(lexicon.language_markers.it.flatMap(words)),
    };
    // A marker listed for both languages ("per", "a") proves nothing.
    for (const word of [...markers.en]) {
        if (markers.it.has(word)) {
            markers.en.delete(word);
            markers.it.delete(word);
        }
    }
    for (const lang of ['en', 'it'])
        for (const word of markers[lang])
            vocabulary.add(word);
    const onlyIn = {
        en: new Set([...usedBy.en].filter((w) => !usedBy.it.has(w))),
        it: new Set([...usedBy.it].filter((w) => !usedBy.en.has(w))),
    };
    return {
        lexicon,
        cues,
        concepts,
        conceptInfo,
        conceptsByTopic,
        foreign,
        offTopic,
        ambiguousAliases: new Set(lexicon.ambiguous_aliases.map((a) => words(a).map(stem).join(' '))),
        stopWords,
        markers,
        onlyIn,
        vocabulary,
    };
}
//# sourceMappingURL=lexicon.js.map