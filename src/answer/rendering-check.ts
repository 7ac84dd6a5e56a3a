import type { Lexicon } from '../knowledge/lexicon-schema.js';
import type { Knowledge } from '../knowledge/model.js';
import { compileLexicon } from './lexicon.js';
import { stem, words } from './text.js';

/**
 * A pack renders each duty twice, as the source says it and in the other language, and a question
 * in either language is matched against both through the lexicon's concepts. A concept only one
 * rendering says is a slip of one of the two files: a translation that brings a sense the source
 * lacks ("disponibilità a esportare", willingness, read as availability: monitoring), or a concept
 * whose phrases in one language miss the word the text uses ("tempestivamente" for "promptly").
 * Either way a question asked in one language ranks the duty differently from the same question
 * in the other. `dutybot knowledge lint` reports them as warnings, with the words that said it.
 */
export function renderingWarnings(knowledge: Knowledge, lexicon: Lexicon): string[] {
  const compiled = compileLexicon(lexicon);
  const conceptsSaid = (text: string) => {
    const said = new Map<string, string>();
    const typed = words(text);
    const stems = typed.map(stem);
    for (let i = 0; i < stems.length; i++)
      for (const { length, values } of compiled.concepts.matchesAt(stems, i))
        for (const concept of values) if (!said.has(concept)) said.set(concept, typed.slice(i, i + length).join(' '));
    return said;
  };
  // The same text repeated across services slips the same way: one line names them all.
  const dutiesByGap = new Map<string, string[]>();
  for (const duty of knowledge.duties) {
    const english = conceptsSaid(duty.text);
    const italian = conceptsSaid(duty.text_it);
    const onlyIn = (said: Map<string, string>, other: Map<string, string>, field: string) =>
      [...said]
        .filter(([concept]) => !other.has(concept))
        .map(([concept, phrase]) => `${concept} ("${phrase}") only in ${field}`);
    const gaps = [...onlyIn(english, italian, 'text'), ...onlyIn(italian, english, 'text_it')];
    if (gaps.length === 0) continue;
    const key = gaps.join(', ');
    dutiesByGap.set(key, [...(dutiesByGap.get(key) ?? []), duty.id]);
  }
  return [...dutiesByGap].map(
    ([gaps, duties]) => `${duties.join(', ')}: the two renderings say different concepts: ${gaps}`,
  );
}
