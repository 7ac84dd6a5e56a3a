import { renderAnswerText } from '../views/answer-text.js';
import { composeView } from './compose.js';
import { indexFor } from './knowledge-index.js';
import { loadLexicon } from './lexicon.js';
import { decide } from './rank.js';
import { analyzeQuestion } from './understand.js';
/** Long pastes are cut: nobody asks a 2,000-character question, and the cost must stay bounded. */
const MAX_QUESTION_LENGTH = 500;
export function answer(question, knowledge, context = {}) {
    return answerWith(loadLexicon(), question, knowledge, context);
}
/** Same as `answer` with an explicit lexicon (tests, alternative vocabularies). */
export function answerWith(lexicon, question, knowledge, context = {}) {
    const asked = question.trim().slice(0, MAX_QUESTION_LENGTH);
    const index = indexFor(knowledge, lexicon);
    const analysis = asked ? analyzeQuestion(asked, index, lexicon) : null;
    const lang = context.lang ?? analysis?.lang ?? 'en';
    const decision = analysis
        ? decide(analysis, index, lexicon)
        : { kind: 'abstain', reason: 'off_topic', foreign: [] };
    const view = composeView({ question: asked, lang, decision, analysis, knowledge, lexicon, owners: context.owners });
    const matches = decision.kind === 'abstain'
        ? []
        : decision.results.map(({ doc, score }) => doc.kind === 'duty'
            ? {
                id: doc.id,
                kind: 'duty',
                service: doc.duty.service,
                party: doc.duty.party,
                text: doc.duty.text,
                cadence: doc.duty.cadence,
                score: round(score),
            }
            : { id: doc.id, kind: 'fact', service: null, party: null, text: doc.fact.text.join(' '), cadence: null, score: round(score) });
    return { question: asked, lang, text: renderAnswerText(view), matches, view };
}
function round(score) {
    return Math.round(score * 1000) / 1000;
}
/** The stable JSON shape of `dutybot ask --json`. */
export function toJsonContract(a) {
    return {
        question: a.question,
        answer: a.text,
        lang: a.lang,
        matches: a.matches.map(({ id, service, party, text, cadence }) => ({ id, service, party, text, cadence })),
    };
}
//# sourceMappingURL=answer.js.map