import { generalLanguage } from '../../src/answer/general-words.js';
import { loadLexicon } from '../../src/answer/lexicon.js';
import { wordClasses } from '../../src/answer/word-classes.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

/**
 * Run by `npm run build` (and so by `npm install`): fills the parsed-data cache
 * (node_modules/.cache/dutybot-knowledge, see src/knowledge/yaml-cache.ts) with the default pack
 * and the general-language lists, so no user pays for deriving them: about 1.5 s in a cold process
 * for the word classes alone, on the first question with an unknown word. Only speed is at stake:
 * any failure here is reported and ignored.
 */
try {
  const knowledge = loadKnowledge();
  loadLexicon(knowledge.lexiconFile);
  generalLanguage().isFrequent('warm');
  wordClasses().namesAThing('warm');
  // A rare Italian verb form: derives the separate list of those too (about 2 s in a cold process).
  wordClasses().namesAThing('cliccato');
  // A word no dictionary holds: derives the list of rare dictionary words the typo correction asks.
  wordClasses().isDictionaryWord('bakcup');
} catch (error) {
  process.stderr.write(
    `dutybot: could not prepare the answer caches (${(error as Error).message}); answers stay correct, only the first is slower\n`,
  );
}
