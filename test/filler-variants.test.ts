import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CALENDAR_WORDS } from '../src/answer/grammar.js';
import { defaultLexiconPath, loadLexicon } from '../src/answer/lexicon.js';
import { loadQuestionSet } from '../src/answer/question-set.js';
import { stem, tokenize, words } from '../src/answer/text.js';
import { BLIND_FILLER_LISTS, blindVariants, loadBlindFillers } from './questions/blind-fillers.js';
import { FILLERS, FUNCTION_WORDS, fillerVariant } from './questions/filler.js';

/** Every string of a parsed YAML document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * The words of the single-quoted string literals of the engine's code (its word lists), and the
 * calendar words it reads (grammar.ts builds them partly from the settings' weekday names).
 */
function codeWords(): Set<string> {
  const folder = join(import.meta.dirname, '..', 'src', 'answer');
  const found = new Set<string>(CALENDAR_WORDS);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(folder, file), 'utf8');
    for (const match of source.matchAll(/'([^'\n]*)'/g)) for (const word of words(match[1]!)) found.add(word);
  }
  return found;
}

/** Words a filler shows the engine (mention markup is removed before analysis, as in answer.ts). */
function fillerWords(text: string): string[] {
  const shown = text.replace(/<@[^>]*>/g, ' ').replace(/<at>(.*?)<\/at>/gi, ' $1 ');
  return tokenize(shown)
    .map((t) => t.word)
    .filter((word) => !FUNCTION_WORDS.has(word));
}

describe('filler-variant generator (test/questions/filler.ts)', () => {
  it('keeps its fillers out of the engine vocabulary: lexicon.yaml and the word lists in src/answer', () => {
    const lexicon = loadLexicon();
    const yamlWords = new Set(strings(parse(readFileSync(defaultLexiconPath(), 'utf8'))).flatMap(words));
    const yamlStems = new Set([...yamlWords].map(stem));
    const code = codeWords();
    const leaks: string[] = [];
    for (const lang of ['en', 'it'] as const) {
      for (const filler of FILLERS[lang]) {
        for (const word of fillerWords(filler.text)) {
          if (yamlWords.has(word) || yamlStems.has(stem(word)) || lexicon.vocabulary.has(word) || code.has(word))
            leaks.push(`${lang}: "${word}" (in "${filler.text}")`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('function words it shares with the engine are only articles, pronouns and prepositions', () => {
    for (const word of FUNCTION_WORDS) expect(word.length, word).toBeLessThanOrEqual(6);
  });

  it('wraps each question with fillers in its own language, deterministically, keeping the expectation', () => {
    const questions = loadQuestionSet().slice(0, 200);
    const variants = questions.map(fillerVariant);
    variants.forEach((variant, i) => {
      const plain = questions[i]!;
      expect(variant.q).not.toBe(plain.q);
      expect(variant.q).toContain(plain.q);
      expect(variant.expect).toEqual(plain.expect);
      expect(fillerVariant(plain)).toEqual(variant);
    });
    // Both places and every filler get used.
    expect(variants.some((v, i) => v.q.startsWith(questions[i]!.q))).toBe(true);
    expect(variants.some((v, i) => v.q.endsWith(questions[i]!.q))).toBe(true);
  });
});

describe('blind filler lists', () => {
  it('parse as lang, place and text, sixty per language (a hundred in the fourth), and make one variant per filler chosen', () => {
    for (const name of BLIND_FILLER_LISTS) {
      const fillers = loadBlindFillers(name);
      const perLanguage = name === 'blind-fillers-4.tsv' ? 100 : 60;
      for (const lang of ['en', 'it'] as const)
        expect(fillers.filter((f) => f.lang === lang)).toHaveLength(perLanguage);
      const question = { q: 'who checks the backups on RocketWeb?', lang: 'en' as const, expect: 'abstain' as const };
      const variants = blindVariants([question], fillers);
      expect(variants).toHaveLength(3);
      for (const v of variants) expect(v.q).toContain(question.q);
    }
  });
});
