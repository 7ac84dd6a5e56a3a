import { vocabularyBucket } from './knowledge-index.js';
import { editDistance, stem, tokenize, typoBudget } from './text.js';
export function analyzeQuestion(question, index, lexicon) {
    const words = tokenize(question).map((token) => {
        const word = correctTypo(token.word, index, lexicon);
        return { ...token, word, stem: stem(word), used: false };
    });
    const stems = words.map((w) => w.stem);
    const surface = words.map((w) => w.word);
    const lang = detectLanguage(words, lexicon);
    markConceptPhrases(words, stems, lexicon);
    // Foreign names first: "WordPress.com" is not our WordPress hosting.
    const foreign = findForeign(words, stems, lexicon);
    const { named: services, hinted: hintedServices, stems: serviceStems } = findServices(words, stems, index, lexicon);
    // Cues: greedy, longest first, over words not already claimed by a name.
    const intents = new Set();
    const partyCues = new Set();
    const partyOrder = [];
    let cadence = null;
    let dutyWords = 0;
    const partyStems = [];
    const cueUsed = new Array(words.length).fill(false);
    for (let i = 0; i < words.length; i++) {
        if (words[i].used)
            continue;
        const match = lexicon.cues.matchesAt(surface, i).find((m) => !anyUsed(words, i, m.length));
        if (!match)
            continue;
        const cues = match.values;
        for (const cue of cues) {
            if (cue.kind === 'intent')
                intents.add(cue.intent);
            else if (cue.kind === 'party') {
                if (cue.cue !== 'customer_en_only' || lang === 'en') {
                    partyCues.add(cue.cue);
                    partyOrder.push(cue.cue);
                }
            }
            else if (cue.kind === 'cadence')
                cadence ??= cue.cadence;
            else
                dutyWords++;
        }
        const namesProvider = cues.some((c) => c.kind === 'party' && c.cue === 'provider');
        for (let k = i; k < i + match.length; k++) {
            cueUsed[k] = true;
            // "CoreTech" is also a word of the texts: it tells "CoreTech's roles" from a bare definition.
            if (namesProvider && index.stems.has(stems[k]))
                partyStems.push(stems[k]);
        }
        i += match.length - 1;
    }
    // Concepts: every phrase found, overlaps allowed, over words not claimed by a name.
    const concepts = new Map();
    const conceptUsed = new Array(words.length).fill(false);
    for (let i = 0; i < words.length; i++) {
        for (const { length, values } of lexicon.concepts.matchesAt(stems, i)) {
            if (anyUsed(words, i, length))
                continue;
            for (const id of values)
                concepts.set(id, lexicon.conceptInfo.get(id)?.weight ?? 1);
            for (let k = i; k < i + length; k++)
                conceptUsed[k] = true;
        }
    }
    const residual = [];
    const hintStems = [];
    const unknown = [];
    const unknownNames = [];
    words.forEach((w, i) => {
        if (w.used || cueUsed[i] || conceptUsed[i] || lexicon.stopWords.has(w.word) || w.word.length < 2)
            return;
        if (/^\d+$/.test(w.word))
            return;
        // A word that hinted at a service ranks like a service word: a tie-breaker, not the subject.
        if (w.hint) {
            if (index.stems.has(w.stem))
                hintStems.push(w.stem);
            return;
        }
        if (index.stems.has(w.stem))
            residual.push(w.stem);
        else if (!index.vocabulary.has(w.word)) {
            unknown.push(w.word);
            if (w.capitalized || /\d/.test(w.word))
                unknownNames.push(w.word);
        }
    });
    let strongConcepts = 0;
    for (const id of concepts.keys())
        if (lexicon.conceptInfo.get(id)?.strong)
            strongConcepts++;
    return {
        lang,
        services,
        hintedServices,
        serviceStems: [...serviceStems.filter((s) => index.stems.has(s)), ...hintStems],
        partyStems,
        offTopic: findOffTopic(stems, lexicon),
        foreign,
        party: resolveParty(partyCues, partyOrder, words.some((w) => ALTERNATIVE.has(w.word))),
        intents,
        cadence,
        concepts,
        residual,
        unknown,
        unknownNames,
        strongConcepts,
        dutyWords,
    };
}
const ALTERNATIVE = new Set(['or', 'o', 'oppure', 'versus', 'vs']);
/**
 * Who the question is about. "we/dobbiamo/the customer" → customer; "CoreTech/il fornitore" →
 * provider. When both are named, an alternative ("us or CoreTech?") asks about both; otherwise the
 * one named first is the subject ("what must we do if CoreTech reports…", "will CoreTech tell
 * us…"), except that CoreTech asking something of us is about us ("what does CoreTech expect from
 * us"). A possessive alone does not decide: "our server sends spam" is about what CoreTech does,
 * "who checks our backups?" about both; "our duties" is a customer phrase of its own.
 */
function resolveParty(cues, order, alternative) {
    const isCustomer = (cue) => cue === 'customer' || cue === 'customer_en_only';
    const customer = order.some(isCustomer);
    const provider = cues.has('provider');
    const weak = cues.has('customer_weak');
    if (provider && cues.has('demand') && (customer || weak))
        return 'customer';
    if (provider && customer) {
        if (alternative)
            return null;
        return order.find((cue) => cue === 'provider' || isCustomer(cue)) === 'provider' ? 'provider' : 'customer';
    }
    if (provider)
        return 'provider';
    if (customer)
        return 'customer';
    return null;
}
/**
 * Language by unambiguous function words ("chi", "il", "dobbiamo" vs "who", "the", "must"), then
 * by words only one language's vocabulary uses. Ties go to English, the product's default.
 */
function detectLanguage(words, lexicon) {
    let it = 0;
    let en = 0;
    for (const { word } of words) {
        if (lexicon.markers.it.has(word))
            it += 1;
        else if (lexicon.markers.en.has(word))
            en += 1;
        else if (lexicon.onlyIn.it.has(word))
            it += 0.5;
        else if (lexicon.onlyIn.en.has(word))
            en += 0.5;
    }
    return it > en ? 'it' : 'en';
}
function findServices(words, stems, index, lexicon) {
    const found = [];
    const nameStems = [];
    const claim = (i, n, hintOnly) => {
        for (let k = i; k < i + n; k++) {
            // A hint ("server", "mail archive") is also an ordinary word of the texts: it stays
            // available to cues, concepts and ranking.
            if (hintOnly)
                words[k].hint = true;
            else {
                words[k].used = true;
                nameStems.push(stems[k]);
            }
        }
    };
    // An alias is ambiguous when the same words appear in another service's duties ("mail archive"
    // in the Email section, "Sygma panel" in Stellar's), unless it is a one-word product name.
    const ambiguous = (i, n, service, brand) => {
        if (lexicon.ambiguousAliases.has(stems.slice(i, i + n).join(' ')))
            return true;
        if (n === 1 && brand)
            return false;
        const users = index.phraseServices.get(stems.slice(i, i + n).join(' '));
        return users !== undefined && [...users].some((s) => s !== service);
    };
    for (let i = 0; i < words.length; i++) {
        let matched = false;
        const longest = Math.min(index.aliasMaxWords + 1, words.length - i);
        for (let n = longest; n >= 1 && !matched; n--) {
            if (anyUsed(words, i, n))
                continue;
            const hits = index.aliases.get(stems.slice(i, i + n).join(''));
            if (!hits)
                continue;
            // A longer concept phrase wins over a one-word generic alias inside it ("mass mailings" is not "mail").
            if (!hits.some((h) => h.brand) && words.slice(i, i + n).some((w) => (w.phraseLength ?? 0) > n))
                continue;
            const marked = hits.map((hit) => ({ ...hit, ambiguous: ambiguous(i, n, hit.service, hit.brand) }));
            found.push(...marked);
            claim(i, n, marked.every((m) => m.ambiguous));
            i += n - 1;
            matched = true;
        }
        if (matched)
            continue;
        // Typos in product names: "rocketwb", "rocket wb", "sygma conect".
        for (let n = Math.min(3, words.length - i); n >= 1 && !matched; n--) {
            // A real word ("backups") is not a typo of a product name ("1backup").
            if (n === 1 && (index.vocabulary.has(words[i].word) || lexicon.stopWords.has(words[i].word)))
                continue;
            if (words.slice(i, i + n).some((w) => w.used || lexicon.stopWords.has(w.word)))
                continue;
            const key = stems.slice(i, i + n).join('');
            const budget = typoBudget(key.length);
            if (budget === 0)
                continue;
            for (const brand of index.brandKeys) {
                if (brand.key[0] === key[0] && editDistance(key, brand.key, budget) <= budget) {
                    found.push({ service: brand.service, brand: true, ambiguous: false });
                    claim(i, n, false);
                    i += n - 1;
                    matched = true;
                    break;
                }
            }
        }
    }
    const clear = found.filter((f) => !f.ambiguous);
    const brands = clear.filter((f) => f.brand);
    const named = [...new Set((brands.length > 0 ? brands : clear).map((f) => f.service))];
    const hinted = [...new Set(found.filter((f) => f.ambiguous).map((f) => f.service))].filter((s) => !named.includes(s));
    return { named, hinted, stems: nameStems };
}
/** Marks words covered by multi-word concept phrases, which take precedence over one-word aliases. */
function markConceptPhrases(words, stems, lexicon) {
    for (let i = 0; i < words.length; i++) {
        const longest = lexicon.concepts.matchesAt(stems, i)[0];
        if (!longest || longest.length < 2)
            continue;
        for (let k = i; k < i + longest.length; k++) {
            words[k].phraseLength = Math.max(words[k].phraseLength ?? 0, longest.length);
        }
    }
}
function anyUsed(words, start, length) {
    for (let k = start; k < start + length; k++)
        if (words[k].used)
            return true;
    return false;
}
function findOffTopic(stems, lexicon) {
    const found = [];
    for (let i = 0; i < stems.length; i++) {
        for (const { values } of lexicon.offTopic.matchesAt(stems, i))
            found.push(...values);
    }
    return found;
}
function findForeign(words, stems, lexicon) {
    const names = [];
    for (let i = 0; i < words.length; i++) {
        if (words[i].used)
            continue;
        const longest = lexicon.foreign.matchesAt(stems, i)[0];
        if (!longest)
            continue;
        names.push(...longest.values);
        for (let k = i; k < i + longest.length; k++)
            words[k].used = true;
        i += longest.length - 1;
    }
    return names;
}
/**
 * Replaces a word nobody knows by the closest known word within the typo budget ("bakup" →
 * "backup", "ripristno" → "ripristino"). Short words and foreign names are left alone.
 */
function correctTypo(word, index, lexicon) {
    if (index.vocabulary.has(word) || lexicon.foreign.entries.has(stem(word)))
        return word;
    const budget = typoBudget(word.length);
    if (budget === 0 || /\d/.test(word))
        return word;
    const memo = index.corrections.get(word);
    if (memo !== undefined)
        return memo ?? word;
    let best = null;
    let bestDistance = budget + 1;
    for (let length = word.length - budget; length <= word.length + budget; length++) {
        // Typos rarely hit the first letter; ordinary words we do not know ("manda") often are one
        // letter away from a domain word ("banda"): only same-initial candidates are considered.
        for (const candidate of index.vocabularyBuckets.get(vocabularyBucket(word[0], length)) ?? []) {
            const distance = editDistance(word, candidate, Math.min(budget, bestDistance));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
    }
    if (index.corrections.size < 10_000)
        index.corrections.set(word, best);
    return best ?? word;
}
//# sourceMappingURL=understand.js.map