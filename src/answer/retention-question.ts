import type { IndexedDoc } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import type { QuestionAnalysis } from './understand.js';
import { wordClasses } from './word-classes.js';

/**
 * "What's the RETENTION of the Orbit backups?", "la CONSERVAZIONE dei backup quanto è?": the
 * retention named as a thing asks for it, a period or whoever sets it. A keeping verb does not
 * ("where are the backups KEPT?" asks for a place).
 */
export function namesRetention(analysis: QuestionAnalysis, lexicon: CompiledLexicon): boolean {
  const { retention } = lexicon.lexicon.concept_rules;
  return (
    retention !== undefined &&
    !analysis.intents.has('where') &&
    analysis.subjects.some(
      (s) => s.concepts.includes(retention) && s.verb !== true && wordClasses().namesAThing(s.word) !== false,
    )
  );
}

/**
 * Where the page states no period, the customer's duty to set the thing up answers a question
 * naming its retention ("what's the retention of the Orbit backups?": the customer configures
 * it), not one asking for an amount ("how long…", "how many days…").
 */
export function settingAnswers(analysis: QuestionAnalysis, lexicon: CompiledLexicon): boolean {
  return !analysis.intents.has('how_long') && namesRetention(analysis, lexicon);
}

/** Whether a duty or section speaks of a retention (the pack's `retention` rule). */
export function statesRetention(doc: IndexedDoc, lexicon: CompiledLexicon): boolean {
  const { retention } = lexicon.lexicon.concept_rules;
  return retention !== undefined && doc.terms.has(`c:${retention}`);
}
