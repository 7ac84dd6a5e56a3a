// BM25 with every term counted once per document (documents are a sentence or two).
const K1 = 1.2;
const B = 0.4;
const B_FACT = 0.05;
const PARTY_MATCH = 1.5;
const PARTY_MISMATCH = 0.6;
/** Preference for the general sections when the question asks what something is. */
const DEFINITION_BOOST = 1.3;
/** Weight of a plain content word relative to a lexicon concept. */
const RESIDUAL_WEIGHT = 0.7;
/** Weight of a word that named the service (it selects the service; in the text it only breaks ties). */
const SERVICE_WORD_WEIGHT = 0.35;
const PARTY_WORD_WEIGHT = 0.8;
/** Preference for a service only hinted at ("mail archive" may be MailArchive or Email's archive). */
const HINTED_SERVICE_BOOST = 1.5;
/** Below this a "match" is a coincidence of one vague word. */
const MIN_SCORE = 0.9;
/** Share of a title hit's weight added on top of the body score. */
const TITLE_BOOST = 0.6;
/** A specific answer shows results scoring at least this share of the best one. */
const KEEP_RATIO = 0.5;
const MAX_SPECIFIC = 5;
/** When the party is open, the other party's best duty joins the top if it is this relevant. */
const OTHER_PARTY_RATIO = 0.4;
const COMPATIBLE = {
    daily: ['daily'],
    weekly: ['weekly'],
    monthly: ['monthly', 'at_least_monthly_bimonthly'],
    bimonthly: ['at_least_monthly_bimonthly'],
    periodic: ['periodic'],
};
export function decide(analysis, index, lexicon) {
    const allowedForeign = lexicon.lexicon.foreign_allowed_with.some((id) => analysis.concepts.has(id));
    if (analysis.foreign.length > 0 && !allowedForeign) {
        return { kind: 'abstain', reason: 'foreign', foreign: analysis.foreign };
    }
    if (analysis.offTopic.length > 0)
        return { kind: 'abstain', reason: 'off_topic', foreign: [] };
    const hasService = analysis.services.length > 0 || analysis.hintedServices.length > 0;
    // Services that bound a list: the named ones, else the hinted ones.
    const listServices = analysis.services.length > 0 ? analysis.services : analysis.hintedServices;
    const inDomain = hasService ||
        analysis.strongConcepts > 0 ||
        (analysis.cadence !== null && (analysis.party !== null || analysis.dutyWords > 0 || analysis.intents.has('who'))) ||
        (analysis.party !== null && analysis.dutyWords > 0);
    if (!inDomain)
        return { kind: 'abstain', reason: 'off_topic', foreign: [] };
    // A question about something we do not know ("backups on Synology", "the wifi password") is
    // not answered by the nearest duty: unknown names, or more unknown words than domain ones.
    // With no service named, an unknown word next to a single domain word is usually the real
    // subject ("a good password MANAGER", "the PRESIDENT of Italy"): better to say we don't know.
    const unknownSubject = analysis.unknown.length > analysis.strongConcepts || (analysis.unknown.length > 0 && analysis.strongConcepts <= 1);
    if (!hasService && (analysis.unknownNames.length > 0 || unknownSubject)) {
        return { kind: 'abstain', reason: 'off_topic', foreign: [] };
    }
    // "How much does a Stellar server cost?": a service, but nothing the page talks about.
    if (hasService && analysis.strongConcepts === 0 && analysis.unknown.length > 0) {
        return { kind: 'abstain', reason: 'off_topic', foreign: [] };
    }
    const query = queryTerms(analysis);
    const titleless = new Set([...analysis.serviceStems, ...analysis.partyStems].map((stem) => `w:${stem}`));
    if (asksWhatSomethingIs(analysis) && !query.has('c:definition'))
        query.set('c:definition', 0.6);
    const named = analysis.services;
    const inScope = index.docs.filter((doc) => doc.kind === 'fact' || named.length === 0 || named.includes(doc.duty.service));
    const scored = inScope.map((doc) => ({ doc, score: scoreDoc(doc, query, titleless, analysis, index) }));
    const byScore = (a, b) => b.score - a.score || a.doc.order - b.doc.order;
    const contentful = analysis.concepts.size > 0 || analysis.residual.length > 0 || analysis.intents.has('how_long');
    const listFilters = hasService || analysis.cadence !== null || analysis.party !== null;
    if (listFilters && (!contentful || analysis.intents.has('list'))) {
        const scope = scored.filter((s) => passesFilters(s.doc, analysis, listServices));
        const relevant = contentful ? scope.filter((s) => s.score > 0) : [];
        const results = relevant.length > 0 ? relevant.sort(byScore) : scope.sort(bySource);
        if (results.length > 0)
            return { kind: 'list', results };
    }
    const ranked = scored.filter((s) => s.score > 0).sort(byScore);
    const best = ranked[0];
    if (!best || best.score < MIN_SCORE) {
        // A service named with only vague words around it ("anything for RocketBox?"): list it.
        const scope = scored.filter((s) => passesFilters(s.doc, analysis, listServices)).sort(bySource);
        if (hasService && analysis.strongConcepts === 0 && scope.length > 0)
            return { kind: 'list', results: scope };
        return { kind: 'abstain', reason: 'no_match', foreign: [] };
    }
    // A cadence filter with no service is a list across services ("what must we check every day?").
    if (analysis.cadence !== null && !hasService) {
        const results = ranked.filter((s) => s.doc.kind === 'duty' && passesFilters(s.doc, analysis, listServices));
        if (results.length > 0)
            return { kind: 'list', results };
    }
    const kept = ranked.filter((s) => s.score >= best.score * KEEP_RATIO).slice(0, MAX_SPECIFIC);
    if (analysis.party === null && best.doc.kind === 'duty')
        ensureOtherParty(kept, ranked, best);
    return { kind: 'specific', results: kept };
}
/**
 * "Who handles backups on RocketWeb?" has two answers, one per party: put the other party's best
 * duty right after the best one when it is relevant enough.
 */
function ensureOtherParty(kept, ranked, best) {
    if (best.doc.kind !== 'duty')
        return;
    const party = best.doc.duty.party;
    const other = ranked.find((s) => s.doc.kind === 'duty' && s.doc.duty.party !== party);
    if (!other || other.score < best.score * OTHER_PARTY_RATIO)
        return;
    const at = kept.indexOf(other);
    if (at === 1)
        return;
    if (at > 1)
        kept.splice(at, 1);
    kept.splice(1, 0, other);
    if (kept.length > MAX_SPECIFIC)
        kept.length = MAX_SPECIFIC;
}
function queryTerms(analysis) {
    const terms = new Map();
    for (const [id, weight] of analysis.concepts)
        terms.set(`c:${id}`, weight);
    for (const stem of analysis.residual)
        if (!terms.has(`w:${stem}`))
            terms.set(`w:${stem}`, RESIDUAL_WEIGHT);
    // Words that named the service still tell duties apart ("WordPress", "Plesk", "VM").
    for (const stem of analysis.serviceStems)
        if (!terms.has(`w:${stem}`))
            terms.set(`w:${stem}`, SERVICE_WORD_WEIGHT);
    // "CoreTech" named as the party tells "CoreTech's roles" from a bare definition.
    for (const stem of analysis.partyStems)
        if (!terms.has(`w:${stem}`))
            terms.set(`w:${stem}`, PARTY_WORD_WEIGHT);
    // "How long…" asks for a retention period even when it says neither "kept" nor "retention".
    if (analysis.intents.has('how_long') && !terms.has('c:retention'))
        terms.set('c:retention', 1);
    return terms;
}
function scoreDoc(doc, query, 
/** Terms that get no title bonus: a service's or CoreTech's name in a title says nothing about the duty. */
titleless, analysis, index) {
    let sum = 0;
    let title = 0;
    for (const [term, weight] of query) {
        if (!doc.terms.has(term))
            continue;
        const value = (index.idf.get(term) ?? 0) * weight;
        sum += value;
        if (doc.titleTerms.has(term) && !titleless.has(term))
            title += value;
    }
    if (sum === 0)
        return 0;
    // Facts are whole sections, so their length says little about relevance: barely normalized.
    const b = doc.kind === 'fact' ? B_FACT : B;
    let score = (sum * (K1 + 1)) / (1 + K1 * (1 - b + (b * doc.length) / index.averageLength)) + TITLE_BOOST * title;
    if (doc.kind === 'fact') {
        // The general sections describe CoreTech: a question about CoreTech may be answered by them.
        if (analysis.party === 'provider')
            score *= PARTY_MATCH;
        if (asksWhatSomethingIs(analysis))
            score *= DEFINITION_BOOST;
        if (analysis.services.length > 0)
            score *= 0.35;
        if (analysis.cadence !== null)
            score *= 0.4;
        // A general question ("where are the data centres?") prefers the general section.
        if (analysis.services.length === 0)
            score *= 1.2;
        return score;
    }
    const duty = doc.duty;
    if (analysis.hintedServices.includes(duty.service))
        score *= HINTED_SERVICE_BOOST;
    if (analysis.party !== null)
        score *= duty.party === analysis.party ? PARTY_MATCH : PARTY_MISMATCH;
    if (analysis.cadence !== null) {
        const compatible = COMPATIBLE[analysis.cadence];
        if (compatible[0] === duty.cadence)
            score *= 1.8;
        else if (compatible.includes(duty.cadence))
            score *= 1.5;
        else
            score *= 0.5;
    }
    if (analysis.intents.has('how_long'))
        score *= duty.retention_days !== undefined ? 1.6 : 0.7;
    return score;
}
/** "What is a sub-processor?", "cos'è il GDPR?": asked without a service or a customer duty in view. */
function asksWhatSomethingIs(analysis) {
    return (analysis.intents.has('definition') &&
        analysis.services.length === 0 &&
        analysis.hintedServices.length === 0 &&
        analysis.party !== 'customer');
}
function passesFilters(doc, analysis, services) {
    if (doc.kind !== 'duty')
        return false;
    const duty = doc.duty;
    if (services.length > 0 && !services.includes(duty.service))
        return false;
    if (analysis.party !== null && duty.party !== analysis.party)
        return false;
    if (analysis.cadence !== null && !COMPATIBLE[analysis.cadence].includes(duty.cadence))
        return false;
    return true;
}
function bySource(a, b) {
    return a.doc.order - b.doc.order;
}
//# sourceMappingURL=rank.js.map