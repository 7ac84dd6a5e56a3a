import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { packageRoot } from '../knowledge/package-root.js';
/**
 * The engine's question set (`test/questions/questions.yaml`) and its scoring rule, shared by the
 * test suite and the benchmark. A question is correct when its first match is an accepted id (or,
 * for a question with two answers, the first matches are exactly the expected set) and the reply
 * is in the expected language; an out-of-scope question is correct only with no match at all.
 */
const ExpectationSchema = z.union([
    z.literal('abstain'),
    z.object({
        /** Accepted ids for the first match; with `set`, the exact set of the first N matches. */
        top: z.array(z.string().min(1)).min(1),
        set: z.boolean().default(false),
        /** Ids that must appear somewhere among the matches (list questions). */
        includes: z.array(z.string().min(1)).default([]),
    }),
]);
export const QuestionSchema = z.object({
    q: z.string().trim().min(1),
    lang: z.enum(['en', 'it']),
    expect: ExpectationSchema,
});
export function defaultQuestionSetPath() {
    return join(packageRoot(), 'test', 'questions', 'questions.yaml');
}
export function loadQuestionSet(path = defaultQuestionSetPath()) {
    return z.array(QuestionSchema).parse(parse(readFileSync(path, 'utf8')));
}
export function judge(question, answer) {
    const ids = answer.matches.map((m) => m.id);
    const fail = (problem) => ({ ok: false, problem });
    if (question.expect === 'abstain') {
        if (ids.length > 0 || !answer.view.abstained)
            return fail(`expected no match, got ${ids.slice(0, 3).join(', ')}`);
        return { ok: true, problem: null };
    }
    if (answer.lang !== question.lang)
        return fail(`replied in ${answer.lang}, expected ${question.lang}`);
    if (ids.length === 0)
        return fail('abstained');
    const expected = question.expect;
    if (expected.set) {
        const head = new Set(ids.slice(0, expected.top.length));
        if (!expected.top.every((id) => head.has(id))) {
            return fail(`top ${expected.top.length} were ${[...head].join(', ')}, expected ${expected.top.join(', ')}`);
        }
    }
    else if (!expected.top.includes(ids[0])) {
        return fail(`top was ${ids[0]}, expected one of ${expected.top.slice(0, 4).join(', ')}`);
    }
    const missing = expected.includes.filter((id) => !ids.includes(id));
    if (missing.length > 0)
        return fail(`missing ${missing.join(', ')}`);
    return { ok: true, problem: null };
}
/** Scores every question; in-scope questions count per language, out-of-scope ones together. */
export function scoreQuestionSet(questions, ask) {
    const score = {
        en: { correct: 0, total: 0 },
        it: { correct: 0, total: 0 },
        abstain: { correct: 0, total: 0 },
        failures: [],
    };
    for (const question of questions) {
        const verdict = judge(question, ask(question.q));
        const bucket = question.expect === 'abstain' ? score.abstain : score[question.lang];
        bucket.total++;
        if (verdict.ok)
            bucket.correct++;
        else
            score.failures.push({ question, problem: verdict.problem ?? 'wrong' });
    }
    return score;
}
export function percent(part) {
    return part.total === 0 ? 100 : Math.round((1000 * part.correct) / part.total) / 10;
}
//# sourceMappingURL=question-set.js.map