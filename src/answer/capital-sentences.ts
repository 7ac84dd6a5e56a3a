import { generalLanguage } from './general-words.js';
import { COPULAS, DETERMINERS, INVERTING, ITALIAN_AUXILIARIES, MODALS, PREPOSITIONS } from './grammar.js';
import type { Word } from './words.js';

/**
 * "…retain website backups Best regards, Andrea", "GDPR roles of Acme Cheers, Paolo", "…tasks for
 * Orbit Much appreciated, Elena": typed without a mark, a sentence after the question still opens
 * with its capital. An everyday word capitalized inside the message right after a word of the page
 * (a service's name, a word its texts use) opens a new sentence there, when it is no word people
 * ask with and no first name: a clause of its own, and no name ("Best" is not a product).
 *
 * Not after a determiner, a preposition or an auxiliary ("does Italian law…", "the Firewall"): a
 * capital there is a name inside the sentence. A word of the page capitalized ("…for Backup")
 * stays in its sentence.
 *
 * Marks the words in place: the opener loses its capital's reading as a name, and it and every
 * word after it move to a later clause.
 */
export function openSentencesAtCapitals(
  words: Word[],
  /** A word the page's texts or the pack's lexicon use. */
  knows: (word: Word) => boolean,
  /** A word people ask with: the lexicon's words and the services' names (its function words aside). */
  asksWith: (word: Word) => boolean,
  /** A function word of the pack's stop list. */
  isFunctionWord: (word: Word) => boolean,
): void {
  // Words after which a capital is a name inside the sentence ("the Firewall", "does Italian law").
  const insideTheSentence = (word: Word) =>
    [DETERMINERS, PREPOSITIONS, INVERTING, COPULAS, MODALS, ITALIAN_AUXILIARIES].some((words) => words.has(word.typed));
  for (let at = 1; at < words.length; at++) {
    const word = words[at]!;
    const previous = words[at - 1]!;
    if (!word.capitalized || word.acronym || word.mention || previous.segment !== word.segment) continue;
    if (!(previous.used || knows(previous)) || insideTheSentence(previous)) continue;
    if (asksWith(word) && !isFunctionWord(word)) continue;
    // Loaded only for such a capital: most questions never need the general lists.
    const general = generalLanguage();
    if (!general.isFrequent(word.typed) || general.isFirstName(word.typed)) continue;
    // The sentence it opens says nothing the question could be about: it asks nothing ("…for Orbit
    // Marketing covered?"), is no name in title case ("…cover Time Machine"), and holds no word
    // people ask with ("…Orbit Backup retention").
    const sentence = words.slice(at).filter((later) => later.segment === word.segment);
    if (sentence.at(-1)!.asks || sentence[1]?.capitalized) continue;
    if (sentence.slice(1).some((later) => later.used || (asksWith(later) && !isFunctionWord(later)))) continue;
    word.capitalized = false;
    for (const later of words.slice(at)) later.segment++;
  }
}
