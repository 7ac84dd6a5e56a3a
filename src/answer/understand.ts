import type { Party, ServiceId } from '../knowledge/schema.js';
import type { Lang } from '../views/types.js';
import { type KnowledgeIndex, vocabularyBucket } from './knowledge-index.js';
import type { CompiledLexicon, PartyCue } from './lexicon.js';
import type { CadenceFilter, Intent } from './lexicon-schema.js';
import { editDistance, stem, type Token, tokenize, typoBudget } from './text.js';

/** What a question asks, independent of how it will be answered. */
export interface QuestionAnalysis {
  lang: Lang;
  /** Services named (brands win over generic words like "site"). */
  services: ServiceId[];
  /** Whether a named service was named unambiguously (a product name or a specific alias), not by one everyday word. */
  servicesByName: boolean;
  /** Services only hinted at by words other sections use too ("mail archive", "server"). */
  hintedServices: ServiceId[];
  /** Stems of the words that named services: weak ranking evidence ("WordPress" is in one duty). */
  serviceStems: string[];
  /** Stems of the words that named CoreTech as the party ("CoreTech"). */
  partyStems: string[];
  /** Words of questions the page never answers ("cost", "meteo"). */
  offTopic: string[];
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
  /** Claimed by a service or foreign name: not available to cues, concepts or ranking. */
  used: boolean;
  /** Part of an alias that only hints at a service. */
  hint?: boolean;
  /** Length of the longest multi-word concept phrase covering this word. */
  phraseLength?: number;
}

export function analyzeQuestion(question: string, index: KnowledgeIndex, lexicon: CompiledLexicon): QuestionAnalysis {
  const words: Word[] = tokenize(question).map((token) => {
    const word = correctTypo(token.word, index, lexicon);
    return { ...token, word, stem: stem(word), used: false };
  });
  const stems = words.map((w) => w.stem);
  const surface = words.map((w) => w.word);
  const lang = detectLanguage(words, lexicon);

  markConceptPhrases(words, stems, lexicon);
  // Foreign names first: "WordPress.com" is not our WordPress hosting.
  const foreign = findForeign(words, stems, lexicon);
  const {
    named: services,
    hinted: hintedServices,
    stems: serviceStems,
    byName: servicesByName,
  } = findServices(words, stems, index, lexicon);

  // Cues: greedy, longest first, over words not already claimed by a name.
  const intents = new Set<Intent>();
  const partyCues = new Set<PartyCue>();
  const partyOrder: PartyCue[] = [];
  let cadence: CadenceFilter | null = null;
  let dutyWords = 0;
  const partyStems: string[] = [];
  const cueUsed = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.used) continue;
    const match = lexicon.cues.matchesAt(surface, i).find((m) => !anyUsed(words, i, m.length));
    if (!match) continue;
    const cues = match.values;
    // "report it TO CoreTech", "informare CoreTech": CoreTech as the object says nothing about who acts.
    const asObject = i > 0 && OBJECT_MARKERS.has(surface[i - 1]!);
    for (const cue of cues) {
      if (cue.kind === 'intent') intents.add(cue.intent);
      else if (cue.kind === 'party') {
        if (cue.cue === 'provider' && asObject) continue;
        if (cue.cue !== 'customer_en_only' || lang === 'en') {
          partyCues.add(cue.cue);
          partyOrder.push(cue.cue);
        }
      } else if (cue.kind === 'cadence') cadence ??= cue.cadence;
      else dutyWords++;
    }
    const namesProvider = cues.some((c) => c.kind === 'party' && c.cue === 'provider');
    for (let k = i; k < i + match.length; k++) {
      cueUsed[k] = true;
      // "CoreTech" is also a word of the texts: it tells "CoreTech's roles" from a bare definition.
      if (namesProvider && index.stems.has(stems[k]!)) partyStems.push(stems[k]!);
    }
    i += match.length - 1;
  }

  // Concepts: every phrase found, overlaps allowed, over words not claimed by a name.
  const concepts = new Map<string, number>();
  const conceptUsed = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    for (const { length, values } of lexicon.concepts.matchesAt(stems, i)) {
      if (anyUsed(words, i, length)) continue;
      for (const id of values) concepts.set(id, lexicon.conceptInfo.get(id)?.weight ?? 1);
      for (let k = i; k < i + length; k++) conceptUsed[k] = true;
    }
  }

  const residual: string[] = [];
  const hintStems: string[] = [];
  const unknown: string[] = [];
  const unknownNames: string[] = [];
  words.forEach((w, i) => {
    if (w.used || cueUsed[i] || conceptUsed[i] || lexicon.stopWords.has(w.word) || w.word.length < 2) return;
    if (/^\d+$/.test(w.word)) {
      // "ISO 27001", "2006": a number the page never mentions is a subject we do not know.
      if (w.word.length >= 3 && !index.vocabulary.has(w.word)) unknownNames.push(w.word);
      return;
    }
    // A word that hinted at a service ranks like a service word: a tie-breaker, not the subject.
    if (w.hint) {
      if (index.stems.has(w.stem)) hintStems.push(w.stem);
      return;
    }
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
    servicesByName,
    serviceStems: [...serviceStems.filter((s) => index.stems.has(s)), ...hintStems],
    partyStems,
    offTopic: findOffTopic(stems, lexicon),
    foreign,
    party: resolveParty(
      partyCues,
      partyOrder,
      words.some((w) => ALTERNATIVE.has(w.word)),
    ),
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

/** Words after which "CoreTech" is an object ("to CoreTech", "inform CoreTech", "a CoreTech"). */
const OBJECT_MARKERS = new Set([
  'to',
  'with',
  'inform',
  'tell',
  'notify',
  'report',
  'warn',
  'contact',
  'alert',
  'ask',
  'a',
  'ad',
  'al',
  'con',
  'verso',
  'informare',
  'informiamo',
  'avvisare',
  'avvisiamo',
  'segnalare',
  'segnaliamo',
  'comunicare',
  'contattare',
  'chiedere',
  'dire',
]);

const ALTERNATIVE = new Set(['or', 'o', 'oppure', 'versus', 'vs']);

/**
 * Who the question is about. "we/dobbiamo/the customer" → customer; "CoreTech/il fornitore" →
 * provider. When both are named, an alternative ("us or CoreTech?") asks about both; otherwise the
 * one named first is the subject ("what must we do if CoreTech reports…", "will CoreTech tell
 * us…"), except that CoreTech asking something of us is about us ("what does CoreTech expect from
 * us"). A possessive alone does not decide: "our server sends spam" is about what CoreTech does,
 * "who checks our backups?" about both; "our duties" is a customer phrase of its own.
 */
function resolveParty(cues: ReadonlySet<PartyCue>, order: readonly PartyCue[], alternative: boolean): Party | null {
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
  /** False when the only service word was an everyday one promoted to a name ("our server"). */
  byName: boolean;
}

function findServices(
  words: Word[],
  stems: string[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): ServiceMentions {
  const found: { service: ServiceId; brand: boolean; ambiguous: boolean; words: number; stem: string }[] = [];
  const nameStems: string[] = [];
  // Generic names ("WordPress", "Plesk", "VM") still rank duties that mention them; a product's own
  // name ("1Backup") does not: every duty in scope belongs to it, and a few merely repeat it.
  const claim = (i: number, n: number, hintOnly: boolean, brand: boolean) => {
    for (let k = i; k < i + n; k++) {
      // A hint ("server", "mail archive") is also an ordinary word of the texts: it stays
      // available to cues, concepts and ranking.
      if (hintOnly) words[k]!.hint = true;
      else {
        words[k]!.used = true;
        if (!brand) nameStems.push(stems[k]!);
      }
    }
  };
  // An alias is ambiguous when the same words appear in another service's duties ("mail archive"
  // in the Email section, "Sygma panel" in Stellar's), unless it is a one-word product name.
  const ambiguous = (i: number, n: number, service: ServiceId, brand: boolean) => {
    if (lexicon.ambiguousAliases.has(stems.slice(i, i + n).join(' '))) return true;
    if (n === 1 && brand) return false;
    const users = index.phraseServices.get(stems.slice(i, i + n).join(' '));
    return users !== undefined && [...users].some((s) => s !== service);
  };
  for (let i = 0; i < words.length; i++) {
    let matched = false;
    const longest = Math.min(index.aliasMaxWords + 1, words.length - i);
    for (let n = longest; n >= 1 && !matched; n--) {
      if (anyUsed(words, i, n)) continue;
      const hits =
        n === 1
          ? (index.wordAliases.get(words[i]!.word) ?? index.wordAliases.get(words[i]!.word.replace(/s$/, '')))
          : index.aliases.get(stems.slice(i, i + n).join(''));
      if (!hits) continue;
      // A longer concept phrase wins over a one-word generic alias inside it ("mass mailings" is not "mail").
      if (!hits.some((h) => h.brand) && words.slice(i, i + n).some((w) => (w.phraseLength ?? 0) > n)) continue;
      const marked = hits.map((hit) => ({
        ...hit,
        ambiguous: ambiguous(i, n, hit.service, hit.brand),
        words: n,
        stem: stems[i]!,
      }));
      found.push(...marked);
      claim(
        i,
        n,
        marked.every((m) => m.ambiguous),
        marked.some((m) => m.brand),
      );
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
          found.push({ service: brand.service, brand: true, ambiguous: false, words: n, stem: stems[i]! });
          claim(i, n, false, true);
          i += n - 1;
          matched = true;
          break;
        }
      }
    }
  }
  // A single everyday word that is the question's only service word ("our server", "il sito") does
  // name that service; next to other service words it only hints.
  const only = found.length > 0 && found.every((f) => f.service === found[0]!.service) ? found[0]! : null;
  let promoted = false;
  if (only?.ambiguous && only.words === 1 && !lexicon.ambiguousAliases.has(only.stem)) {
    only.ambiguous = false;
    promoted = true;
  }
  const clear = found.filter((f) => !f.ambiguous);
  const brands = clear.filter((f) => f.brand);
  const named = [...new Set((brands.length > 0 ? brands : clear).map((f) => f.service))];
  // Once a service is named, a generic hint ("the 1Backup servers") points nowhere else.
  const hinted = named.length > 0 ? [] : [...new Set(found.filter((f) => f.ambiguous).map((f) => f.service))];
  return { named, hinted, stems: nameStems, byName: named.length > 0 && !promoted };
}

/** Marks words covered by multi-word concept phrases, which take precedence over one-word aliases. */
function markConceptPhrases(words: Word[], stems: readonly string[], lexicon: CompiledLexicon): void {
  for (let i = 0; i < words.length; i++) {
    const longest = lexicon.concepts.matchesAt(stems, i)[0];
    if (!longest || longest.length < 2) continue;
    for (let k = i; k < i + longest.length; k++) {
      words[k]!.phraseLength = Math.max(words[k]!.phraseLength ?? 0, longest.length);
    }
  }
}

function anyUsed(words: readonly Word[], start: number, length: number): boolean {
  for (let k = start; k < start + length; k++) if (words[k]!.used) return true;
  return false;
}

function findOffTopic(stems: readonly string[], lexicon: CompiledLexicon): string[] {
  const found: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    for (const { values } of lexicon.offTopic.matchesAt(stems, i)) found.push(...values);
  }
  return found;
}

function findForeign(words: Word[], stems: string[], lexicon: CompiledLexicon): string[] {
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.used) continue;
    const longest = lexicon.foreign.matchesAt(stems, i)[0];
    if (!longest) continue;
    names.push(...longest.values);
    for (let k = i; k < i + longest.length; k++) words[k]!.used = true;
    i += longest.length - 1;
  }
  return names;
}

/**
 * Replaces a word nobody knows by the closest known word within the typo budget ("bakup" →
 * "backup", "ripristno" → "ripristino"). Short words and foreign names are left alone.
 */
function correctTypo(word: string, index: KnowledgeIndex, lexicon: CompiledLexicon): string {
  if (index.vocabulary.has(word) || lexicon.offTopicWords.has(word) || lexicon.foreign.entries.has(stem(word)))
    return word;
  const budget = typoBudget(word.length);
  if (budget === 0 || /\d/.test(word)) return word;
  const memo = index.corrections.get(word);
  if (memo !== undefined) return memo ?? word;
  let best: string | null = null;
  let bestDistance = budget + 1;
  for (let length = word.length - budget; length <= word.length + budget; length++) {
    // Typos rarely hit the first letter; ordinary words we do not know ("manda") often are one
    // letter away from a domain word ("banda"): only same-initial candidates are considered.
    for (const candidate of index.vocabularyBuckets.get(vocabularyBucket(word[0]!, length)) ?? []) {
      const distance = editDistance(word, candidate, Math.min(budget, bestDistance));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  if (index.corrections.size < 10_000) index.corrections.set(word, best);
  return best ?? word;
}
