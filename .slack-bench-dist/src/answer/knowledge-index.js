import { stem, words } from './text.js';
const cache = new WeakMap();
export function indexFor(knowledge, lexicon) {
    let byLexicon = cache.get(knowledge);
    if (!byLexicon) {
        byLexicon = new WeakMap();
        cache.set(knowledge, byLexicon);
    }
    let index = byLexicon.get(lexicon);
    if (!index) {
        index = buildIndex(knowledge, lexicon);
        byLexicon.set(lexicon, index);
    }
    return index;
}
/** Compact key of a phrase: stems glued together, so spacing variants coincide. */
export function compactKey(phrase) {
    return words(phrase).map(stem).join('');
}
/**
 * Terms of a text: concept ids for every lexicon phrase found (overlaps allowed: "security
 * measures" is both `measures` and `security`) plus the stems of the remaining content words.
 */
export function extractTerms(text, lexicon, into) {
    const tokens = words(text);
    const stems = tokens.map(stem);
    const covered = new Array(tokens.length).fill(false);
    for (let i = 0; i < stems.length; i++) {
        for (const { length, values } of lexicon.concepts.matchesAt(stems, i)) {
            for (const id of values)
                into.add(`c:${id}`);
            for (let k = i; k < i + length; k++)
                covered[k] = true;
        }
    }
    tokens.forEach((token, i) => {
        if (!covered[i] && !lexicon.stopWords.has(token) && token.length > 1)
            into.add(`w:${stems[i]}`);
    });
}
/** Key of the typo-correction bucket holding words of this initial and length. */
export function vocabularyBucket(initial, length) {
    return `${initial}${length}`;
}
function buildIndex(knowledge, lexicon) {
    const docs = [];
    const surface = new Set(lexicon.vocabulary);
    const addSurface = (text) => {
        for (const word of words(text))
            surface.add(word);
    };
    const phraseServices = new Map();
    for (const duty of knowledge.duties) {
        for (const text of [duty.text, duty.text_it]) {
            const stems = words(text).map(stem);
            for (let i = 0; i < stems.length; i++) {
                for (let n = 1; n <= 4 && i + n <= stems.length; n++) {
                    const key = stems.slice(i, i + n).join(' ');
                    const set = phraseServices.get(key) ?? new Set();
                    set.add(duty.service);
                    phraseServices.set(key, set);
                }
            }
        }
    }
    for (const duty of knowledge.duties) {
        const terms = new Set();
        for (const text of [duty.text, duty.text_it, duty.title, duty.title_it]) {
            extractTerms(text, lexicon, terms);
            addSurface(text);
        }
        // The knowledge's own topic tags count as the concepts that name them.
        for (const topic of duty.topics)
            for (const id of lexicon.conceptsByTopic.get(topic) ?? [])
                terms.add(`c:${id}`);
        if (duty.retention_days !== undefined)
            terms.add('c:retention');
        const titleTerms = new Set();
        extractTerms(duty.title, lexicon, titleTerms);
        extractTerms(duty.title_it, lexicon, titleTerms);
        docs.push({ kind: 'duty', id: duty.id, duty, terms, titleTerms, length: terms.size, order: docs.length });
    }
    for (const fact of knowledge.facts) {
        const terms = new Set();
        // Not the section heading: several facts share one ("Definition of the GDPR") that says little about each.
        for (const text of [...fact.text, ...fact.text_it, fact.title.en, fact.title.it, ...fact.topics]) {
            extractTerms(text, lexicon, terms);
            addSurface(text);
        }
        const titleTerms = new Set();
        extractTerms(fact.title.en, lexicon, titleTerms);
        extractTerms(fact.title.it, lexicon, titleTerms);
        docs.push({ kind: 'fact', id: fact.id, fact, terms, titleTerms, length: terms.size, order: docs.length });
    }
    const documentFrequency = new Map();
    for (const doc of docs)
        for (const term of doc.terms)
            documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const idf = new Map();
    const total = docs.length;
    for (const [term, df] of documentFrequency)
        idf.set(term, Math.log(1 + (total - df + 0.5) / (df + 0.5)));
    const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);
    const aliases = new Map();
    let aliasMaxWords = 1;
    const brandKeys = [];
    const brandSet = new Set();
    for (const [service, names] of Object.entries(lexicon.lexicon.brands)) {
        for (const name of names) {
            const key = compactKey(name);
            brandSet.add(key);
            if (key.length >= 6)
                brandKeys.push({ key, service });
        }
    }
    const addAlias = (service, phrase) => {
        const key = compactKey(phrase);
        if (!key)
            return;
        const brand = [...brandSet].some((b) => key.includes(b));
        const list = aliases.get(key) ?? [];
        if (!list.some((a) => a.service === service))
            list.push({ service, brand });
        aliases.set(key, list);
        aliasMaxWords = Math.max(aliasMaxWords, words(phrase).length);
        addSurface(phrase);
    };
    for (const service of knowledge.services) {
        addAlias(service.id, service.id);
        addAlias(service.id, service.name);
        // "RocketWeb - Web Hosting": both halves are names people use.
        // A lone generic half ("Platform") would catch unrelated questions, so it must be two words or a brand.
        for (const part of service.name.split(' - ')) {
            if (words(part).length >= 2 || brandSet.has(compactKey(part)))
                addAlias(service.id, part);
        }
        for (const alias of [...service.aliases.en, ...service.aliases.it])
            addAlias(service.id, alias);
        const extra = lexicon.lexicon.service_aliases[service.id];
        for (const alias of [...(extra?.en ?? []), ...(extra?.it ?? [])])
            addAlias(service.id, alias);
        for (const brand of lexicon.lexicon.brands[service.id] ?? [])
            addAlias(service.id, brand);
    }
    // A generic word that names two services ("server") is not a service mention at all.
    for (const [key, list] of aliases)
        if (list.length > 1 && !list.some((a) => a.brand))
            aliases.delete(key);
    const stems = new Set();
    for (const doc of docs)
        for (const term of doc.terms)
            if (term.startsWith('w:'))
                stems.add(term.slice(2));
    const vocabularyBuckets = new Map();
    for (const word of surface) {
        if (word.length < 4)
            continue;
        const key = vocabularyBucket(word[0], word.length);
        const bucket = vocabularyBuckets.get(key) ?? [];
        bucket.push(word);
        vocabularyBuckets.set(key, bucket);
    }
    return {
        knowledge,
        docs,
        idf,
        averageLength,
        aliases,
        aliasMaxWords,
        brandKeys,
        stems,
        vocabulary: surface,
        vocabularyBuckets,
        phraseServices,
        corrections: new Map(),
    };
}
//# sourceMappingURL=knowledge-index.js.map