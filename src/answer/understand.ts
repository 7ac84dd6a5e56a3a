import type { Party, ServiceId } from '../knowledge/schema.js';
import type { Lang } from '../views/types.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon, PartyCue } from './lexicon.js';
import type { CadenceFilter, Intent } from './lexicon-schema.js';
import { editDistance, stem, type Token, tokenize, typoBudget } from './text.js';

/** What a question asks, independent of how it will be answered. */
export interface QuestionAnalysis {
  lang: Lang;
  /** Services named (brands win over generic words like "site"). */
  services: ServiceId[];
  /** Services only hinted at by words other sections use too ("mail archive", "server"). */
  hintedServices: ServiceId[];
  /** Stems of the words that named services: weak ranking evidence ("WordPress" is in one duty). */
  serviceStems: string[];
  /** Other providers' products named ("AWS", "Dropbox"). */
  foreign: string[];
  /** Who the question is about; null when both parties or unclear. */
  party: Party | null;
  intents: ReadonlySet<Intent>;
  cadence: CadenceFilter | null;
  /** Concept ids found, with their query weight. */
  concepts: ReadonlyMap<string, number>;
  /** Stems of remaining content words that occur in the knowledge. */
  residual: string[];
  /** Content words neither the knowledge nor the lexicon knows (after typo correction). */
  unknown: string[];
  /** Unknown words written like names ("Synology", "S3"). */
  unknownNames: string[];
  strongConcepts: number;
  dutyWords: number;
}

interface Word extends Token {
  stem: string;
  /** What already claimed this word: a service, a foreign name, a cue or a concept. */
  used: boolean;
}

export function analyzeQuestion(question: string, index: KnowledgeIndex, lexicon: CompiledLexicon): QuestionAnalysis {
  const words: Word[] = tokenize(question).map((token) => {
    const word = correctTypo(token.word, index, lexicon);
    return { ...token, word, stem: stem(word), used: false };
  });
  const stems = words.map((w) => w.stem);
  const lang = detectLanguage(words, lexicon);

  const { named: services, hinted: hintedServices, stems: serviceStems } = findServices(words, stems, index, lexicon);
  const foreign = findForeign(words, stems, lexicon);

  // Cues: greedy, longest first, over words not already claimed by a name.
  const intents = new Set<Intent>();
  const partyCues = new Set<PartyCue>();
  const partyOrder: PartyCue[] = [];
  let cadence: CadenceFilter | null = null;
  let dutyWords = 0;
  const cueUsed = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.used) continue;
    for (let n = Math.min(lexicon.cues.maxWords, words.length - i); n >= 1; n--) {
      if (words.slice(i, i + n).some((w) => w.used)) continue;
      const cues = lexicon.cues.get(stems, i, n);
      if (!cues) continue;
      for (const cue of cues) {
        if (cue.kind === 'intent') intents.add(cue.intent);
        else if (cue.kind === 'party') {
          if (cue.cue !== 'customer_en_only' || lang === 'en') {
            partyCues.add(cue.cue);
            partyOrder.push(cue.cue);
          }
        } else if (cue.kind === 'cadence') cadence ??= cue.cadence;
        else dutyWords++;
      }
      for (let k = i; k < i + n; k++) cueUsed[k] = true;
      i += n - 1;
      break;
    }
  }

  // Concepts: every phrase found, overlaps allowed, over words not claimed by a name.
  const concepts = new Map<string, number>();
  const conceptUsed = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(lexicon.concepts.maxWords, words.length - i); n >= 1; n--) {
      if (words.slice(i, i + n).some((w) => w.used)) continue;
      const ids = lexicon.concepts.get(stems, i, n);
      if (!ids) continue;
      for (const id of ids) concepts.set(id, lexicon.conceptInfo.get(id)?.weight ?? 1);
      for (let k = i; k < i + n; k++) conceptUsed[k] = true;
    }
  }

  const residual: string[] = [];
  const unknown: string[] = [];
  const unknownNames: string[] = [];
  words.forEach((w, i) => {
    if (w.used || cueUsed[i] || conceptUsed[i] || lexicon.stopWords.has(w.word) || w.word.length < 2) return;
    if (/^\d+$/.test(w.word)) return;
    if (index.stems.has(w.stem)) residual.push(w.stem);
    else if (!index.vocabulary.has(w.word)) {
      unknown.push(w.word);
      if (w.capitalized || /\d/.test(w.word)) unknownNames.push(w.word);
    }
  });

  let strongConcepts = 0;
  for (const id of concepts.keys()) if (lexicon.conceptInfo.get(id)?.strong) strongConcepts++;

  return {
    lang,
    services,
    hintedServices,
    serviceStems: serviceStems.filter((s) => index.stems.has(s)),
    foreign,
    party: resolveParty(partyCues, partyOrder, intents, words.some((w) => ALTERNATIVE.has(w.word))),
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
 * us"). Possessives ("our backups") decide only when nothing else does and the question is not a
 * "who" question ("who checks our backups?" is about both parties).
 */
function resolveParty(
  cues: ReadonlySet<PartyCue>,
  order: readonly PartyCue[],
  intents: ReadonlySet<Intent>,
  alternative: boolean,
): Party | null {
  const isCustomer = (cue: PartyCue) => cue === 'customer' || cue === 'customer_en_only';
  const customer = order.some(isCustomer);
  const provider = cues.has('provider');
  const weak = cues.has('customer_weak');
  if (provider && cues.has('demand') && (customer || weak)) return 'customer';
  if (provider && customer) {
    if (alternative) return null;
    return order.find((cue) => cue === 'provider' || isCustomer(cue)) === 'provider' ? 'provider' : 'customer';
  }
  if (provider) return 'provider';
  if (customer) return 'customer';
  if (weak && !intents.has('who')) return 'customer';
  return null;
}

/**
 * Language by unambiguous function words ("chi", "il", "dobbiamo" vs "who", "the", "must"), then
 * by words only one language's vocabulary uses. Ties go to English, the product's default.
 */
function detectLanguage(words: readonly Word[], lexicon: CompiledLexicon): Lang {
  let it = 0;
  let en = 0;
  for (const { word } of words) {
    if (lexicon.markers.it.has(word)) it += 1;
    else if (lexicon.markers.en.has(word)) en += 1;
    else if (lexicon.onlyIn.it.has(word)) it += 0.5;
    else if (lexicon.onlyIn.en.has(word)) en += 0.5;
  }
  return it > en ? 'it' : 'en';
}

interface ServiceMentions {
  /** Services named unambiguously: the answer stays within them. */
  named: ServiceId[];
  /** Services named by words their siblings' duties also use ("mail archive", "server"): a preference only. */
  hinted: ServiceId[];
  /** Stems of the words that named them (still meaningful for ranking: "WordPress", "Plesk"). */
  stems: string[];
}

function findServices(words: Word[], stems: string[], index: KnowledgeIndex, lexicon: CompiledLexicon): ServiceMentions {
  const found: { service: ServiceId; brand: boolean; ambiguous: boolean }[] = [];
  const nameStems: string[] = [];
  const claim = (i: number, n: number) => {
    for (let k = i; k < i + n; k++) {
      words[k]!.used = true;
      nameStems.push(stems[k]!);
    }
  };
  // An alias is ambiguous when the same words appear in another service's duties ("mail archive"
  // in the Email section, "Sygma panel" in Stellar's), unless it is a one-word product name.
  const ambiguous = (i: number, n: number, service: ServiceId, brand: boolean) => {
    if (n === 1 && brand) return false;
    const users = index.phraseServices.get(stems.slice(i, i + n).join(' '));
    return users !== undefined && [...users].some((s) => s !== service);
  };
  for (let i = 0; i < words.length; i++) {
    let matched = false;
    const longest = Math.min(index.aliasMaxWords + 1, words.length - i);
    for (let n = longest; n >= 1 && !matched; n--) {
      const hits = index.aliases.get(stems.slice(i, i + n).join(''));
      if (!hits) continue;
      for (const hit of hits) found.push({ ...hit, ambiguous: ambiguous(i, n, hit.service, hit.brand) });
      claim(i, n);
      i += n - 1;
      matched = true;
    }
    if (matched) continue;
    // Typos in product names: "rocketwb", "rocket wb", "sygma conect".
    for (let n = Math.min(3, words.length - i); n >= 1 && !matched; n--) {
      // A real word ("backups") is not a typo of a product name ("1backup").
      if (n === 1 && (index.vocabulary.has(words[i]!.word) || lexicon.stopWords.has(words[i]!.word))) continue;
      if (words.slice(i, i + n).some((w) => w.used || lexicon.stopWords.has(w.word))) continue;
      const key = stems.slice(i, i + n).join('');
      const budget = typoBudget(key.length);
      if (budget === 0) continue;
      for (const brand of index.brandKeys) {
        if (brand.key[0] === key[0] && editDistance(key, brand.key, budget) <= budget) {
          found.push({ service: brand.service, brand: true, ambiguous: false });
          claim(i, n);
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

function findForeign(words: Word[], stems: string[], lexicon: CompiledLexicon): string[] {
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.used) continue;
    for (let n = Math.min(lexicon.foreign.maxWords, words.length - i); n >= 1; n--) {
      const hit = lexicon.foreign.get(stems, i, n);
      if (!hit) continue;
      names.push(...hit);
      for (let k = i; k < i + n; k++) words[k]!.used = true;
      i += n - 1;
      break;
    }
  }
  return names;
}

/**
 * Replaces a word nobody knows by the closest known word within the typo budget ("bakup" →
 * "backup", "ripristno" → "ripristino"). Short words and foreign names are left alone.
 */
function correctTypo(word: string, index: KnowledgeIndex, lexicon: CompiledLexicon): string {
  if (index.vocabulary.has(word) || lexicon.foreign.entries.has(stem(word))) return word;
  const budget = typoBudget(word.length);
  if (budget === 0 || /\d/.test(word)) return word;
  const memo = index.corrections.get(word);
  if (memo !== undefined) return memo ?? word;
  let best: string | null = null;
  let bestDistance = budget + 1;
  for (let length = word.length - budget; length <= word.length + budget; length++) {
    for (const candidate of index.vocabularyByLength.get(length) ?? []) {
      const distance = editDistance(word, candidate, Math.min(budget, bestDistance));
      // Ties: prefer a candidate sharing the first letter (typos rarely hit it).
      if (
        distance < bestDistance ||
        (distance === bestDistance && best !== null && best[0] !== word[0] && candidate[0] === word[0])
      ) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  if (index.corrections.size < 10_000) index.corrections.set(word, best);
  return best ?? word;
}
