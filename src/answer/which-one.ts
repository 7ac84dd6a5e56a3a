import { extractTerms, type IndexedDoc, type KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { normalize, tokenize } from './text.js';
import type { Word } from './words.js';

/**
 * "WHICH blacklists EXACTLY do they check?", "CHE antivirus usano DI PRECISO?": asked which one,
 * by its name, of a thing the page speaks of. The page answers only where it names one ("which
 * standard exactly for the passwords?" → ISO 27002); a duty that only says the thing exists ("check
 * the main public Black Lists") does not. Both marks are needed: an interrogative right before the
 * thing, and a word asking for precision; "what does Acme do exactly?" asks for its duties.
 * Returns the concepts of the thing asked about (none known: an empty list), or null.
 */
export function asksWhichOne(
  words: readonly Word[],
  /** The message as typed, filler included: "di PRECISO" is set aside as a manner of asking. */
  typed: readonly Word[],
  /** The concepts the word at a position says, or null when it names none of the page's things. */
  thingAt: (at: number) => readonly string[] | null,
): readonly string[] | null {
  if (!typed.some((w) => PRECISELY.has(w.typed))) return null;
  for (let at = 0; at + 1 < words.length; at++) {
    const thing = WHICH.has(words[at]!.typed) ? thingAt(at + 1) : null;
    if (thing !== null) return thing;
  }
  return null;
}

/**
 * Whether a duty or section names one of a thing by name: words written with a capital inside their
 * sentence, or with digits ("ISO 27002", "Netherlands"), other than the provider's own name, which
 * most duties say, and other than the thing itself written with capitals ("Black Lists").
 */
export function namesAnInstance(
  doc: IndexedDoc,
  thing: readonly string[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): boolean {
  const provider = new Set(tokenize(index.knowledge.document.provider).map((t) => t.word));
  const texts = doc.kind === 'duty' ? [doc.duty.text, doc.duty.text_it] : [...doc.fact.text, ...doc.fact.text_it];
  return texts.some((text) =>
    namedRuns(text).some((run) => {
      if (run.every((word) => provider.has(word))) return false;
      const says = new Set<string>();
      extractTerms(run.join(' '), lexicon, says);
      return /\d/.test(run.join('')) || !thing.some((id) => says.has(`c:${id}`));
    }),
  );
}

/** Runs of words written with a capital inside their sentence, or with digits. */
function namedRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const token of tokenize(text)) {
    if (token.capitalized || /\d/.test(token.word)) run.push(normalize(token.word));
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Interrogatives before a noun, English and Italian ("which", "quale", "che"). */
const WHICH: ReadonlySet<string> = new Set(['which', 'what', 'quale', 'quali', 'qual', 'che']);
/** Words asking for precision ("exactly", "di PRECISO", "nello SPECIFICO"), in each language. */
const PRECISELY: ReadonlySet<string> = new Set([
  ...['exactly', 'precisely', 'specifically', 'exact', 'specific'],
  ...['esattamente', 'precisamente', 'specificamente', 'preciso', 'precisa', 'precisione', 'specifico'],
]);
