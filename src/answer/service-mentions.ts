import type { ServiceId } from '../knowledge/schema.js';
import { generalLanguage } from './general-words.js';
import { DETERMINERS, INVERTING, OBJECT_PRONOUNS, PREPOSITIONS, THIRD_PERSON_POSSESSIVES } from './grammar.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { editDistance, typoBudget } from './text.js';
import { wordClasses } from './word-classes.js';
import { anyUsed, type Word } from './words.js';

export interface ServiceMentions {
  /** Services named unambiguously: the answer stays within them. */
  named: ServiceId[];
  /** Services named by words their siblings' duties also use ("mail vault", "server"): a preference only. */
  hinted: ServiceId[];
  /** Stems of the words that named them (still meaningful for ranking: "WordPress", "Plesk"). */
  stems: string[];
  /** False when the only service word was an everyday one promoted to a name ("our server"). */
  byName: boolean;
  /** Whether the hinted services were hinted at only by their parts ("root", "cartella"). */
  hintedByParts: boolean;
  /** How many words were read as parts of the services mentioned ("ROOT on Nebula"). */
  parts: number;
  /** How many were parts of another service than the one mentioned ("SSH on the web hosting"). */
  strayParts: number;
}

/**
 * Italian nouns of one stem and another gender are other words ("posto", a place; "posta", the
 * mail): masculine endings -o/-i against feminine -a/-e, the rest of the word alike.
 */
function otherGender(typed: string, read: string): boolean {
  const stemOf = (word: string) => word.slice(0, -1);
  if (typed.length < 3 || stemOf(typed) !== stemOf(read)) return false;
  const masculine = (word: string) => /[oi]$/.test(word);
  const feminine = (word: string) => /[ae]$/.test(word);
  return (masculine(typed) && feminine(read)) || (feminine(typed) && masculine(read));
}

/** Finds the services a question names or hints at, claiming their words. */
export function findServices(
  words: Word[],
  stems: string[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): ServiceMentions {
  const found: { service: ServiceId; brand: boolean; ambiguous: boolean; words: number; stem: string; at: number }[] =
    [];
  const nameStems: string[] = [];
  const surfaces = words.map((w) => w.word);
  // Generic names ("WordPress", "Plesk", "VM") still rank duties that mention them; a product's own
  // name ("Backup1") does not: every duty in scope belongs to it, and a few merely repeat it.
  const claim = (i: number, n: number, hintOnly: boolean, brand: boolean, services: readonly ServiceId[] = []) => {
    for (let k = i; k < i + n; k++) {
      // A hint ("server", "mail vault") is also an ordinary word of the texts: it stays
      // available to cues, concepts and ranking.
      if (hintOnly) words[k]!.hint = true;
      else {
        words[k]!.used = true;
        // …nor do the words of a service's own name ("Web HOSTING"): the section repeats them.
        const ownName = services.length > 0 && services.every((s) => index.nameStems.get(s)?.has(stems[k]!));
        if (!brand && !ownName) nameStems.push(stems[k]!);
      }
    }
  };
  // An alias is ambiguous when the same words appear in another service's duties ("mail vault"
  // in the mail section, "Orbit panel" in Nebula's), unless it is a one-word product name.
  const ambiguous = (i: number, n: number, service: ServiceId, brand: boolean) => {
    if (lexicon.ambiguousAliases.has(joined(stems, i, n, ' '))) return true;
    if (n === 1 && brand) return false;
    const users = index.phraseServices.get(joined(stems, i, n, ' '));
    return users !== undefined && [...users].some((s) => s !== service);
  };
  const aliasAt = (i: number, n: number) => {
    if (anyUsed(words, i, n)) return undefined;
    // Words are glued to match spacing variants ("web space"), so "ma il" would read "mail": over
    // several words, a stop word counts only when it belongs to some alias ("e mail").
    if (n > 1) {
      for (let k = i; k < i + n; k++)
        if (lexicon.stopWords.has(words[k]!.word) && !index.aliasWords.has(words[k]!.word)) return undefined;
      return index.aliases.get(joined(stems, i, n, ''));
    }
    // "Tutto a POSTO": an everyday word read as another gender of a service's word ("posta") is
    // still that everyday word, never the service ("campaign" is one of the "campaigns", though).
    const w = words[i]!;
    if (otherGender(w.typed, w.word) && generalLanguage().isFrequent(w.typed)) return undefined;
    return index.wordAliases.get(w.word) ?? index.wordAliases.get(w.word.replace(/s$/, ''));
  };
  const reachOfOverlaps = (i: number, n: number, hits: readonly { service: ServiceId }[]) => {
    let reach = n;
    for (let j = i + 1; j < i + reach; j++) {
      for (let m = Math.min(index.aliasMaxWords, words.length - j); j + m > i + reach; m--) {
        if (aliasAt(j, m)?.some((more) => hits.some((hit) => hit.service === more.service))) {
          reach = j + m - i;
          break;
        }
      }
    }
    return reach;
  };
  for (let i = 0; i < words.length; i++) {
    let matched = false;
    const longest = Math.min(index.aliasMaxWords + 1, words.length - i);
    for (let n = longest; n >= 1 && !matched; n--) {
      const hits = aliasAt(i, n);
      if (!hits) continue;
      // "can I MAIL the password to…", "we MAIL them": a verb, not the service.
      if (n === 1 && readAsVerb(words, i)) continue;
      // A longer concept phrase wins over a one-word generic alias inside it ("mass mailings" is not "mail").
      if (!hits.some((h) => h.brand) && words.slice(i, i + n).some((w) => (w.phraseLength ?? 0) > n)) continue;
      const marked = hits.map((hit) => ({
        ...hit,
        ambiguous: ambiguous(i, n, hit.service, hit.brand),
        words: n,
        stem: stems[i]!,
        at: i,
      }));
      // "i server dell'ARCHIVIAZIONE della posta": an alias of the same service that starts inside
      // this one and reaches further ("archiviazione della posta") is the same mention, not the
      // start of another service's ("posta").
      const reach = reachOfOverlaps(i, n, hits);
      found.push(...marked);
      const hintOnly = marked.every((m) => m.ambiguous);
      claim(
        i,
        reach,
        hintOnly,
        marked.some((m) => m.brand),
        marked.map((m) => m.service),
      );
      if (!hintOnly) claimServiceNouns(words, i, reach, lexicon);
      i += reach - 1;
      matched = true;
    }
    if (matched) continue;
    // Typos in product names: "webspce", "web spce", "remotix conect".
    for (let n = Math.min(3, words.length - i); n >= 1 && !matched; n--) {
      // A real word ("backups") is not a typo of a product name ("backup1").
      const word = words[i]!.word;
      // Nor is a short word glued in front of a name ("my mail vault" is not "mailvault").
      if (n > 1 && word.length < 3) continue;
      if (n === 1 && ((index.vocabulary.has(word) && !index.aliasWords.has(word)) || lexicon.stopWords.has(word))) {
        continue;
      }
      if (words.slice(i, i + n).some((w) => w.used || lexicon.stopWords.has(w.word))) continue;
      const key = joined(surfaces, i, n, '');
      const budget = typoBudget(key.length);
      if (budget === 0) continue;
      const first = word;
      for (const brand of index.brandKeys) {
        if (brand.key[0] !== key[0] || editDistance(key, brand.key, budget) > budget) continue;
        // Over several words, the first must itself start the name ("rocket wb", not "1TB backup").
        if (n > 1 && editDistance(first, brand.key.slice(0, first.length), 1) > 1) continue;
        found.push({ service: brand.service, brand: true, ambiguous: false, words: n, stem: stems[i]!, at: i });
        claim(i, n, false, true);
        claimServiceNouns(words, i, n, lexicon);
        i += n - 1;
        matched = true;
        break;
      }
    }
  }
  // "Orbit REMOTE ACCESS": a brand right before another service's alias, when that service's name
  // carries the brand ("Orbit Connect"), is that other service named the long way.
  for (const brand of found.filter((f) => f.brand)) {
    const longer = found.find(
      (f) =>
        f.at === brand.at + brand.words &&
        f.service !== brand.service &&
        index.nameStems.get(f.service)?.has(brand.stem),
    );
    if (longer === undefined) continue;
    found.splice(found.indexOf(brand), 1);
    longer.brand = true;
    longer.ambiguous = false;
  }
  // A single everyday word that is the question's only service word ("our server", "il sito") does
  // name that service; next to other service words it only hints.
  const only = found.length > 0 && found.every((f) => f.service === found[0]!.service) ? found[0]! : null;
  let promoted = false;
  // "The data we put ON THEIR servers", "SUI LORO server": where things are kept, the provider's
  // own machines are its infrastructure, none of the services sold to us. ("Staff change THEIR
  // mail password" is the staff's.)
  if (only?.ambiguous && only.words === 1 && onTheirs(words, only.at)) {
    words[only.at]!.hint = false;
    return { named: [], hinted: [], stems: nameStems, byName: false, hintedByParts: false, parts: 0, strayParts: 0 };
  }
  if (only?.ambiguous && only.words === 1 && !lexicon.ambiguousAliases.has(only.stem)) {
    only.ambiguous = false;
    promoted = true;
  }
  const clear = found.filter((f) => !f.ambiguous);
  const brands = clear.filter((f) => f.brand);
  const named = [...new Set((brands.length > 0 ? brands : clear).map((f) => f.service))];
  const isPart = (f: (typeof found)[number]) => f.words === 1 && lexicon.serviceParts.has(stems[f.at]!);
  // "SSH access on the web hosting", "root on the file share": a part of a service other than the
  // one named (or hinted at by its own words) is a subject of its own, which the page does not
  // cover there.
  const mentioned = named.length > 0 ? named : found.filter((f) => !isPart(f)).map((f) => f.service);
  const strayParts = found.filter(
    (part) =>
      isPart(part) && mentioned.length > 0 && !found.some((f) => f.at === part.at && mentioned.includes(f.service)),
  );
  for (const part of strayParts) words[part.at]!.hint = false;
  const hints = found.filter((f) => f.ambiguous && !strayParts.some((part) => part.at === f.at));
  // Once a service is named, a generic hint ("the Backup1 servers") points nowhere else.
  const hinted = named.length > 0 ? [] : [...new Set(hints.map((f) => f.service))];
  // Named by its brand, a service is named by name, whatever generic word stands beside it ("the
  // server ORBIT", "i server ORBIT").
  return {
    named,
    hinted,
    stems: nameStems,
    byName: brands.length > 0 || (named.length > 0 && !promoted),
    hintedByParts: hinted.length > 0 && hints.every(isPart),
    parts: new Set(hints.filter(isPart).map((f) => f.at)).size,
    // Refused only in the clause that asks about the other service: "…? we have no SSH there"
    // says how the team works, not what it asks.
    strayParts: new Set(
      strayParts
        .filter((part) =>
          found.some(
            (f) => !isPart(f) && mentioned.includes(f.service) && words[f.at]!.segment === words[part.at]!.segment,
          ),
        )
        .map((f) => f.at),
    ).size,
  };
}

/**
 * "The newsletter SERVICE", "il SERVIZIO di posta": the noun next to a service's name is part of
 * the name. Left alone it would be a content word that turns a list question ("what do we need to
 * do for the newsletter service?") into a search for duties that happen to say "service".
 */
function claimServiceNouns(words: Word[], start: number, length: number, lexicon: CompiledLexicon): void {
  const nouns = lexicon.serviceHeads;
  const after = start + length;
  if (after < words.length && !words[after]!.used && nouns.has(words[after]!.word)) words[after]!.used = true;
  // "servizio di posta", "servizio newsletter": the noun before, possibly with a preposition.
  for (let k = start - 1; k >= Math.max(0, start - 2); k--) {
    const word = words[k]!;
    if (word.used) break;
    if (nouns.has(word.word)) {
      word.used = true;
      break;
    }
    if (!lexicon.stopWords.has(word.word)) break;
  }
}

/**
 * A word that can mean telling or passing something on (WordNet, see word-classes.ts) is a verb
 * when "we" or an asked "I" does it to an object: "can we MAIL the logins…", "can I MAIL it". A
 * modal alone proves nothing ("should MAIL passwords be changed?" asks about the thing), nor a
 * lone "i", which is an Italian article too ("i mail hanno l'antivirus?").
 */
function readAsVerb(words: readonly Word[], at: number): boolean {
  const previous = words[at - 1]?.word ?? '';
  const asked = previous === 'i' && INVERTING.has(words[at - 2]?.word ?? '');
  const next = words[at + 1]?.word ?? '';
  const object = DETERMINERS.has(next) || OBJECT_PRONOUNS.has(next);
  return (previous === 'we' || asked) && object && wordClasses().passesOn(words[at]!.word);
}

/** Whether the word follows "their"/"loro" after a preposition or an article ("on their", "sui loro", "i loro"): the provider's. */
function onTheirs(words: readonly Word[], at: number): boolean {
  const possessive = words[at - 1]?.typed ?? '';
  const before = words[at - 2]?.typed ?? '';
  return THIRD_PERSON_POSSESSIVES.has(possessive) && (PREPOSITIONS.has(before) || DETERMINERS.has(before));
}

/**
 * `parts.slice(at, at + count).join(separator)` without the array: names are looked up at every
 * position of every question, for every length.
 */
function joined(parts: readonly string[], at: number, count: number, separator: string): string {
  let text = parts[at]!;
  for (let k = at + 1; k < at + count; k++) text += separator + parts[k]!;
  return text;
}
