import type { CadenceFilter, Intent } from '../knowledge/lexicon-schema.js';
import type { Party, ServiceId } from '../knowledge/schema.js';
import type { Lang } from '../views/types.js';
import { expandAbbreviation } from './abbreviations.js';
import { openSentencesAtCapitals } from './capital-sentences.js';
import { conceptMatchesAt } from './concept-matches.js';
import { qualityBase } from './derivation.js';
import { asksHowLongWorkTakes } from './duration-of-work.js';
import { elidedConcepts } from './ellipsis.js';
import { readFigures } from './figures.js';
import { fillerWords } from './filler.js';
import { generalLanguage } from './general-words.js';
import {
  ADVERBS_BEFORE_VERB,
  CALENDAR_WORDS,
  CARDINALS,
  CONDITIONALS,
  DETERMINERS,
  detachEnclitic,
  GENITIVES,
  HOW,
  INDEFINITE_ARTICLES,
  ITALIAN_CLITICS,
  NEGATIONS,
  REFLEXIVE_PRONOUNS,
  WHO,
} from './grammar.js';
import { hyphenatedAsWords } from './hyphenated.js';
import { dutiesSaying, type KnowledgeIndex } from './knowledge-index.js';
import { detectLanguage } from './language.js';
import type { CompiledLexicon, PartyCue } from './lexicon.js';
import { offTopicMatchesAt } from './off-topic-matches.js';
import { resolveParty } from './party.js';
import { findServices } from './service-mentions.js';
import { storyWords } from './story-clauses.js';
import { stem, type Token, tokenize } from './text.js';
import { correctTypo, everydaySlip, unstretched } from './typos.js';
import { asksWhereInside } from './where-inside.js';
import { wordClasses } from './word-classes.js';
import { anyUsed, markConceptPhrases, opensCause, type Word } from './words.js';

/** What a question asks, independent of how it will be answered. */
export interface QuestionAnalysis {
  lang: Lang;
  /** Services named (brands win over generic words like "site"). */
  services: ServiceId[];
  /** Whether a named service was named unambiguously (a product name or a specific alias), not by one everyday word. */
  servicesByName: boolean;
  /** Services only hinted at by words other sections use too ("mail vault", "server"). */
  hintedServices: ServiceId[];
  /** Whether those were hinted at only by their parts ("root"): a hint, not a subject of the page. */
  hintedByParts: boolean;
  /** Words read as parts of the services mentioned ("ROOT on Nebula"): no subject of the page either. */
  parts: number;
  /** Words that are parts of another service than the one asked about ("SSH on the web hosting"). */
  strayParts: number;
  /** Stems of the words that named services: weak ranking evidence ("WordPress" is in one duty). */
  serviceStems: string[];
  /** Stems of naming words that run through the whole section ("posta", "e-mail"): a whisper of evidence. */
  commonServiceStems: string[];
  /** Stems of the words that named Acme as the party ("Acme"). */
  partyStems: string[];
  /** Words of questions the page never answers ("cost", "meteo"). */
  offTopic: string[];
  /** Other providers' products named ("AWS", "Dropbox"). */
  foreign: string[];
  /** Who the question is about; null when both parties or unclear. */
  party: Party | null;
  /** Both parties named together ("Acme and the customer", "noi e Acme"): who does what. */
  bothParties: boolean;
  /** Both parties named as alternatives ("are WE the controller OR is Acme?", "noi o Acme?"): which one. */
  partiesWeighed: boolean;
  intents: ReadonlySet<Intent>;
  cadence: CadenceFilter | null;
  /** Every cadence asked about, first one first ("weekly or daily checks"). */
  cadences: readonly CadenceFilter[];
  /** Concept ids found, with their query weight. */
  concepts: ReadonlyMap<string, number>;
  /** Concepts said only by a service hint's own words ("mail archiving" → archiving). */
  hintConcepts: readonly string[];
  /** Stems of remaining content words that occur in the knowledge. */
  residual: string[];
  /** Content words neither the knowledge nor the lexicon knows (after typo correction). */
  unknown: string[];
  /** Unknown words written like names ("Synology", "S3"). */
  unknownNames: string[];
  strongConcepts: number;
  dutyWords: number;
  /** The question opens with "why"/"perché": it asks for a cause. */
  asksWhy: boolean;
  /** A day or a part of one is named ("yesterday", "stanotte", "on Monday"): when something happens. */
  namesADay: boolean;
  /**
   * The message relays news from the provider the page's report duties say nothing of ("the
   * provider says our invoice is late"): only a duty on that subject answers it, never a section.
   */
  relaysProviderNews: boolean;
  /**
   * The words that carry the question's subject (not names, cues, stop words): each must be
   * grounded in the answer, by its stem or by a concept it says (see grounding.ts).
   */
  subjects: SubjectWord[];
}

/** A content word of the question and the concepts its phrases say. */
export interface SubjectWord {
  word: string;
  stem: string;
  concepts: readonly string[];
  /** Typed otherwise and corrected to a known word: a guess only an answer saying it confirms. */
  corrected: boolean;
  /** Read as a verb where it stands ("vanno TENUTE riservate"), though it may name a thing elsewhere. */
  verb?: true;
  /**
   * An everyday word no lexicon knows, in a clause telling what happened before the clause that
   * asks ("a remote control SESSION looked suspicious, should we tell Acme?"): context, which no
   * answer needs to say (story-clauses.ts).
   */
  story?: true;
  /** Part of a hyphenated whole no one knows ("PEN-testing"): said by the answer, or not known. */
  compoundPart?: true;
}

export function analyzeQuestion(question: string, index: KnowledgeIndex, lexicon: CompiledLexicon): QuestionAnalysis {
  const known = (word: string) => index.vocabulary.has(word) || index.stems.has(stem(word));
  const tokens = hyphenatedAsWords(
    readFigures(tokenize(question), index),
    (word) => known(word) || lexicon.vocabulary.has(word),
    (word) => index.aliasWords.has(word),
  );
  /** Words read as chat shorthand for another word. */
  const expanded = new Set<Word>();
  const readToken = (asTyped: (typeof tokens)[number], lang?: Lang): Word => {
    // "Soooo", "grazieee": the word under the stretch, as if typed plainly.
    const stretch = known(asTyped.word)
      ? null
      : unstretched(asTyped.word, (candidate) => known(candidate) || generalLanguage().isFrequent(candidate));
    const token = stretch === null ? asTyped : { ...asTyped, word: stretch };
    const corrected = correctTypo(token.word, index, lexicon);
    // "pw", "bkp", "creds": chat shorthand for a word people ask with.
    const guessed =
      corrected === token.word && !known(corrected)
        ? (expandAbbreviation(corrected, index, lexicon, lang) ?? corrected)
        : corrected;
    // "dirLO a Acme", "segnalarLI": an Italian infinitive with a pronoun joined to it is the verb.
    // Never a name of that shape ("Carlo").
    const infinitive = guessed === token.word && !known(guessed) ? detachEnclitic(guessed)?.infinitive : undefined;
    const detached =
      infinitive !== undefined && known(infinitive) && !generalLanguage().isFirstName(guessed) ? infinitive : guessed;
    // "complessità" of the passwords: the quality of the page's "complex" passwords.
    const word = (detached === token.word && !known(detached) ? qualityBase(detached, known) : null) ?? detached;
    // "setence", "contorllano": an everyday word with one slip is that word, as if typed right.
    // Not a word capitalized inside the sentence, a name ("yo Priya"), nor an acronym.
    const plain = !token.capitalized && !token.acronym;
    const slip = word === token.word && plain && !known(word) ? everydaySlip(word, index, lexicon) : null;
    if (slip !== null) return wordRead(token, slip, slip, false);
    // "hosts" → "host" is the same word; "fiume" → "firme" is a guess, "dirlo" → "dire" is not.
    const reading = wordRead(token, word, token.word, stem(guessed) !== stem(token.word));
    if (guessed !== corrected) expanded.add(reading);
    return reading;
  };
  const read = inLanguageOfMessage(
    tokens.map((token) => readToken(token)),
    (w) => expanded.has(w),
    (at, lang) => readToken(tokens[at]!, lang),
    lexicon,
    index,
  );
  // "…, not our WordPress install": what the question is not about is not read at all.
  const typed = read.filter((_, i) => !inContrast(read, i));
  const typedStems = typed.map((w) => w.stem);
  markConceptPhrases(typed, typedStems, lexicon);
  // Foreign names first: "WordPress.com" is not our WordPress hosting.
  const foreign = findForeign(typed, typedStems, lexicon);
  const mentions = findServices(typed, typedStems, index, lexicon);
  // "…website backups Best regards, Anna": a capital after the question opens a sentence.
  openSentencesAtCapitals(
    typed,
    (w) => known(w.typed),
    (w) => lexicon.vocabulary.has(w.typed) || index.aliasWords.has(w.typed),
    (w) => lexicon.stopWords.has(w.typed),
  );
  const messageLang = detectLanguage(
    typed.filter((w) => !w.mention),
    lexicon,
    { bilingual: index.bilingualAliasWords },
  );
  // Greetings, names, thanks, urgency, "my manager asked": the question is read without them, so
  // "URGENT: why…" still opens with "why".
  const filler = fillerWords(typed, index, lexicon, messageLang);
  const words = typed.filter((_, i) => !filler[i]);
  // Where each remaining word stood in the message, to see words set aside as filler around it.
  const typedAt = typed.flatMap((_, i) => (filler[i] ? [] : [i]));
  const stems = words.map((w) => w.stem);
  const surface = words.map((w) => w.word);
  const lang = detectLanguage(words, lexicon, {
    message: typed.filter((w) => !w.mention),
    bilingual: index.bilingualAliasWords,
  });
  const { hinted: hintedServices, stems: serviceStems, byName: servicesByName } = mentions;
  let services = mentions.named;

  // Cues: greedy, longest first, over words not already claimed by a name.
  const intents = new Set<Intent>();
  const partyCues = new Set<PartyCue>();
  const partyOrder: PartyCue[] = [];
  const partySpans: { cue: PartyCue; start: number; end: number }[] = [];
  let cadence: CadenceFilter | null = null;
  const cadences: CadenceFilter[] = [];
  let dutyWords = 0;
  const partyStems: string[] = [];
  const cueUsed = new Array<boolean>(words.length).fill(false);
  const whosePhrase = new Array<boolean>(words.length).fill(false);
  const cadenceAt = new Set<number>();
  const dutyAt = new Set<number>();
  const intentAt = new Set<number>();
  let providerRequested = false;
  // Parties named only as the one told or asked ("report it TO Acme", "Acme avvisa IL CLIENTE").
  const toldAt: { cue: PartyCue; at: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.used) continue;
    const match = lexicon.cues.matchesAt(surface, i).find((m) => !anyUsed(words, i, m.length));
    if (!match) {
      // "se NOTIAMO qualcosa, a chi lo DICIAMO?": an Italian verb in the first person plural is "we".
      if (lang === 'it' && isWeVerb(surface[i]!, lexicon)) {
        partyCues.add('customer');
        partyOrder.push('customer');
        partySpans.push({ cue: 'customer', start: i, end: i + 1 });
        cueUsed[i] = true;
      }
      continue;
    }
    const cues = match.values;
    // "report it TO Acme", "informare Acme": Acme as the object says nothing about who acts.
    let before = i - 1;
    while (before > 0 && lexicon.objectMarkerAdverbs.has(surface[before]!)) before--;
    // "tocca AL cliente", "up TO the customer": after a word of duty, a preposition says whose
    // duty it is ("must TELL Acme" still makes Acme the one told).
    const afterDutyWord = before > 0 && dutyAt.has(before - 1) && lexicon.stopWords.has(surface[before]!);
    // Not the provider's though ("SPETTA A Acme aggiornare il sito?"): asked whether it is the
    // provider's duty, the answer is whoever's duty it is, which the ranking finds.
    const assigned = afterDutyWord && cues.every((c) => c.kind !== 'party' || c.cue !== 'provider');
    const asObject = before >= 0 && lexicon.objectMarkers.has(surface[before]!) && !assigned;
    // "can we ASK Acme TO export…", "chiedere A Acme DI…": the customer asks, Acme acts.
    if (before >= 0 && cues.some((c) => c.kind === 'party' && c.cue === 'provider')) {
      const marker = surface[before] === 'a' || surface[before] === 'ad' ? before - 1 : before;
      const then = surface[i + match.length];
      if (marker >= 0 && lexicon.requestMarkers.has(surface[marker]!) && (then === 'to' || then === 'di'))
        providerRequested = true;
    }
    for (const cue of cues) {
      if (cue.kind === 'intent') {
        intents.add(cue.intent);
        for (let k = i; k < i + match.length; k++) intentAt.add(k);
      } else if (cue.kind === 'party') {
        // "Acme AVVISA IL CLIENTE": the customer told something is not the one who acts either.
        if (asObject && cue.cue !== 'demand') {
          // "Spetta AD Acme?", "is it UP TO Acme?" ask whose duty it is: Acme is not only told there.
          const upTo = surface[before] === 'to' && surface[before - 1] === 'up';
          if (!afterDutyWord && !upTo) toldAt.push({ cue: cue.cue, at: i });
          continue;
        }
        // "the page OF Acme", "i server DI Acme": Acme owns a thing, it is not who acts. Its duties
        // ("i compiti di Acme") and an alternative ("nostro o di Acme?") still name it.
        // The word the genitive hangs on, past a cadence ("i compiti MENSILI di Acme").
        let head = before - 1;
        while (head > 0 && cadenceAt.has(head)) head--;
        const owns =
          before >= 1 &&
          GENITIVES.has(surface[before]!) &&
          !dutyAt.has(head) &&
          !lexicon.alternatives.has(surface[before - 1]!);
        if (cue.cue === 'provider' && owns) continue;
        if (cue.cue !== 'customer_en_only' || lang === 'en') {
          partyCues.add(cue.cue);
          partyOrder.push(cue.cue);
          partySpans.push({ cue: cue.cue, start: i, end: i + match.length });
        }
      } else if (cue.kind === 'cadence') {
        for (let k = i; k < i + match.length; k++) cadenceAt.add(k);
        cadence ??= cue.cadence;
        if (!cadences.includes(cue.cadence)) cadences.push(cue.cadence);
      } else {
        dutyWords++;
        for (let k = i; k < i + match.length; k++) dutyAt.add(k);
      }
    }
    const namesProvider = cues.some((c) => c.kind === 'party' && c.cue === 'provider');
    // "WHOSE JOB is it…", "is it OUR JOB": a phrase asking whose duty it is says no subject.
    const whose = (c: (typeof cues)[number]) =>
      c.kind === 'duty' || (c.kind === 'intent' && (c.intent === 'who' || c.intent === 'list'));
    const asksWhose = match.length > 1 && cues.some(whose) && cues.every((c) => whose(c) || c.kind === 'party');
    for (let k = i; k < i + match.length; k++) {
      if (asksWhose) whosePhrase[k] = true;
      cueUsed[k] = true;
      // "Acme" is also a word of the texts: it tells "Acme's roles" from a bare definition.
      if (namesProvider && index.stems.has(stems[k]!)) partyStems.push(stems[k]!);
    }
    i += match.length - 1;
  }

  // A question opening with "how"/"come" (and not "how often", "how long") asks for a procedure,
  // also after a heading or a greeting the page's words may read as one ("Sicurezza: come…",
  // "Salve, come…"). "How come…", "come mai…" ask for a cause, not for steps.
  const opensClause = (at: number) => at === 0 || words[at - 1]!.segment !== words[at]!.segment;
  surface.forEach((word, at) => {
    if (!opensClause(at)) return;
    if (HOW.has(word) && !intents.has('how_often') && !intents.has('how_long') && !opensCause(words, at))
      intents.add('how_to');
    // "Come migro il sito?", "come configuriamo i job?": "come" then a first-person verb asks for steps.
    if (word === 'come' && isFirstPersonVerb(surface[at + 1] ?? '', lexicon)) intents.add('procedure');
    // "Come si chiede un permesso?", "come si attiva…": the impersonal "come si" + verb asks the same.
    if (word === 'come' && surface[at + 1] === 'si' && (surface[at + 2]?.length ?? 0) >= 3) intents.add('procedure');
  });

  // "OUR duties", "compiti NOSTRI", "i nostri compiti": a possessive on a word of duty says whose
  // duties are asked for, which a possessive elsewhere ("our server") does not.
  for (const span of partySpans) {
    if (span.cue !== 'customer_weak' || partyCues.has('customer')) continue;
    if (dutyAt.has(span.start - 1) || dutyAt.has(span.end)) {
      partyCues.add('customer');
      partyOrder.push('customer');
    }
  }

  // Concepts: every phrase found, overlaps allowed, over words not claimed by a name.
  const concepts = new Map<string, number>();
  // Concepts said only by the words of a service hint ("mail VAULTING"): they name the service, not
  // what is asked about it.
  const fromQuestion = new Set<string>();
  const conceptUsed = new Array<boolean>(words.length).fill(false);
  const wordConcepts: string[][] = words.map(() => []);
  const keptAs = new Array<boolean>(words.length).fill(false);
  // A word of another concept that names no thing, or a phrase of one ("AL SICURO").
  const predicateAfter = (at: number) =>
    at < words.length &&
    !words[at]!.used &&
    conceptMatchesAt(surface, stems, at, lexicon, lang).some(
      ({ length, values }) =>
        values.some((id) => lexicon.conceptInfo.get(id)?.yieldsToLonger !== true) &&
        (length > 1 || wordClasses().namesAThing(words[at]!.typed) === false),
    );
  for (let i = 0; i < words.length; i++) {
    for (const { length, values } of conceptMatchesAt(surface, stems, i, lexicon, lang)) {
      if (anyUsed(words, i, length)) continue;
      if (whosePhrase.slice(i, i + length).every(Boolean)) continue;
      // "clients KEPT SEPARATE": a keeping word inside a longer phrase says that phrase's concept.
      const yields = values.every((id) => lexicon.conceptInfo.get(id)?.yieldsToLonger === true);
      if (yields && words.slice(i, i + length).every((w) => (w.phraseLength ?? 0) > length)) continue;
      // "KEPT safe", "TENUTE riservate": before a word of another concept that names no thing, a
      // keeping word is a verb, whatever else it may name ("tenuta" is an estate too): it keeps
      // its concept, but names no retention asked about (retention-question.ts).
      if (yields && predicateAfter(i + length)) for (let k = i; k < i + length; k++) keptAs[k] = true;
      const onlyHint = words.slice(i, i + length).every((w) => w.hint);
      for (const id of values) {
        concepts.set(id, lexicon.conceptInfo.get(id)?.weight ?? 1);
        if (!onlyHint) fromQuestion.add(id);
        for (let k = i; k < i + length; k++) wordConcepts[k]!.push(id);
      }
      for (let k = i; k < i + length; k++) conceptUsed[k] = true;
    }
  }
  // "Titolare o RESPONSABILE?": a word joined by "or" to a concept's word says the concept of the
  // complement they share (ellipsis.ts).
  words.forEach((w, i) => {
    const partner = i - 2;
    if (partner < 0 || wordConcepts[i]!.length > 0 || !lexicon.alternatives.has(words[i - 1]!.word)) return;
    for (const id of elidedConcepts(w.stem, words[partner]!.stem, wordConcepts[partner]!, lexicon)) {
      concepts.set(id, lexicon.conceptInfo.get(id)?.weight ?? 1);
      fromQuestion.add(id);
      wordConcepts[i]!.push(id);
      conceptUsed[i] = true;
    }
  });
  const hintConcepts = [...concepts.keys()].filter((id) => !fromQuestion.has(id));
  // "What does Acme do about SERVERS in public blacklists?": an everyday word taken for a service
  // yields to a subject only other services' duties speak of (blacklists are the e-mail service's).
  // About the customer's own server ("a virus on our server"), the word does name its service.
  const bothParties = namedTogether(partySpans, words, lexicon);
  const alternative = bothParties || words.some((w) => lexicon.alternatives.has(w.word));
  // "We deleted a file yesterday, does Acme still have a backup?": who the question is about is
  // named in the clause that asks, when it names one; a clause of context before it does not decide.
  const asking = askingClauseParties(partySpans, words);
  let party = providerRequested
    ? 'provider'
    : asking
      ? resolveParty(new Set(asking), asking, alternative)
      : resolveParty(partyCues, partyOrder, alternative);
  // "Va segnalato AD Acme?", "should this be reported TO Acme?": the page has two parties, and
  // one named only as the one told leaves the other as the one who acts.
  if (party === null && !alternative && providerToldAsking(toldAt, partyCues, words)) party = 'customer';
  // "Chi lo fa, NOI?", "who checks them, US?": after asking who, a party alone in a clause of its
  // own is a guess to confirm, not who the question is about; the answer says who.
  if (party !== null && !providerRequested && intents.has('who') && guessesWho(partySpans, words)) party = null;
  // "The provider told US about a problem…", "il fornitore CI ha scritto…": opening a statement and
  // speaking to us about something its reports speak of (a problem, its security), the provider
  // has reported it; the question is what we do about it. "The provider says hello", "…told us the
  // invoice is overdue" report nothing the page speaks of.
  const [reportsConcept] = lexicon.lexicon.concept_rules.provider_reports;
  const spoken =
    reportsConcept !== undefined ? providerSpeaking(partySpans, words, { typed, typedAt }, lexicon, lang) : null;
  // What the provider said, not the words saying it ("TELLS us": notify).
  const said = (telling: readonly number[]) =>
    new Map([...concepts].filter(([id]) => wordConcepts.some((ids, k) => ids.includes(id) && !telling.includes(k))));
  const speaking =
    spoken && reportsConcept && reportable(said(spoken.words), reportsConcept, index, lexicon) ? spoken : null;
  if (reportsConcept && speaking) {
    if (!concepts.has(reportsConcept))
      concepts.set(reportsConcept, lexicon.conceptInfo.get(reportsConcept)?.weight ?? 1);
    // How the provider reached us ("PINGED us", "ci ha SCRITTO") is the reporting, not a subject.
    for (const i of speaking.words) cueUsed[i] = true;
  }
  // "The provider reported a problem on our server, what now?": the provider is who reported, not who
  // acts. Unless the clause that asks names it: "if the provider notices a problem, what do THEY do?".
  const providerReports = lexicon.lexicon.concept_rules.provider_reports.some((id) => concepts.has(id));
  if (
    party === 'provider' &&
    providerReports &&
    !partyCues.has('customer') &&
    !asking?.includes('provider') &&
    (speaking?.byVerb === true ||
      speaking?.before === true ||
      surface.some((word) => lexicon.reportedMarkers.has(word)))
  )
    party = null;
  // "When the provider reports a problem, what must WE do?": it informs, we are asked what we do.
  if (party === 'provider' && providerReports && partyCues.has('customer')) party = 'customer';
  // "Is it OUR job to check the ANTIVIRUS?": when only the other party's duties speak of what is
  // asked, the answer is whose duty it is; the party asked about does not filter it away.
  if (party === 'customer' && services.length > 0 && otherPartyOnly(fromQuestion, party, services, index, lexicon))
    party = null;
  if (
    !servicesByName &&
    party !== 'customer' &&
    services.length > 0 &&
    elsewhereOnly(concepts, services, index, lexicon)
  ) {
    services = [];
  }

  // "Can Acme export our MAIL VAULT?": a hint yields to a subject only other services speak of.
  const asked = new Map([...concepts].filter(([id]) => !hintConcepts.includes(id)));
  const hinted =
    hintedServices.length > 0 && elsewhereOnly(asked, hintedServices, index, lexicon) ? [] : hintedServices;

  // "Weekly CHORES for us?", "daily errands on the site": asked about nothing else, an activity
  // the page does not name, right beside a cadence, is what falls due then: the schedule's duties.
  // Not a meeting, an audit or a payment, which are more than activities (word-classes.ts).
  const ours = party === 'customer' || partyCues.has('customer_weak');
  // A concept said only by words naming a service ("the Orbit BACKUP service") is nothing else asked.
  const asksNothingElse = [...asked.keys()].every((id) => !lexicon.conceptInfo.get(id)?.strong);
  if (cadence && asksNothingElse && (ours || services.length > 0 || hinted.length > 0)) {
    words.forEach((w, i) => {
      const unknownWord =
        !w.used && !cueUsed[i] && !w.hint && !index.stems.has(w.stem) && !index.vocabulary.has(w.word);
      const beside = cadenceAt.has(i - 1) || cadenceAt.has(i + 1);
      if (unknownWord && beside && !w.capitalized && wordClasses().namesAnActivity(w.typed)) {
        cueUsed[i] = true;
        intents.add('list');
      }
    });
  }

  const residual: string[] = [];
  const hintStems: string[] = [];
  const unknown: string[] = [];
  const unknownNames: string[] = [];
  const subjects: SubjectWord[] = [];
  const inStory = storyWords({
    words,
    typed,
    typedAt,
    lang,
    index,
    namesAService: mentions.named.length > 0 || mentions.hinted.length > 0,
    intentAt: (at) => intentAt.has(at),
    conceptAt: (at, strong) =>
      strong
        ? wordConcepts[at]!.some((id) => lexicon.conceptInfo.get(id)?.strong === true)
        : wordConcepts[at]!.length > 0,
  });
  // A word of the pack's stop list, or a pronoun pointing back at what is already named ("itself").
  const functionWord = (word: string) => lexicon.stopWords.has(word) || REFLEXIVE_PRONOUNS.has(word);
  words.forEach((w, i) => {
    // Each word of a hyphenated whole no one knows is a subject, "READ-ONLY" as "whole-VM".
    if (w.used || cueUsed[i] || w.hint || (functionWord(w.word) && !w.compoundPart) || w.word.length < 2) return;
    if (lexicon.genericStems.has(w.stem) && wordConcepts[i]!.length === 0) return;
    if (!/^\d+$/.test(w.word) && !CARDINALS.has(w.word))
      subjects.push({
        word: w.word,
        stem: w.stem,
        concepts: wordConcepts[i]!,
        corrected: w.corrected === true,
        ...(keptAs[i] ? { verb: true } : {}),
        ...(inStory[i] ? { story: true } : {}),
        ...(w.compoundPart ? { compoundPart: true } : {}),
      });
  });
  words.forEach((w, i) => {
    if (w.used || cueUsed[i] || conceptUsed[i] || functionWord(w.word) || w.word.length < 2) return;
    if (/^\d+$/.test(w.word) || CARDINALS.has(w.word)) {
      // "kept for 60 days": a number the texts state tells their duties apart ("35", "60").
      if (index.stems.has(w.stem)) residual.push(w.stem);
      else if (CARDINALS.has(w.word)) return;
      // "ISO 27001", "2006": a number the page never mentions is a subject we do not know.
      else if (w.word.length >= 3 && !index.vocabulary.has(w.word)) unknownNames.push(w.word);
      return;
    }
    // A word that hinted at a service ranks like a service word: a tie-breaker, not the subject.
    if (w.hint) {
      if (index.stems.has(w.stem)) hintStems.push(w.stem);
      return;
    }
    if (index.stems.has(w.stem)) residual.push(w.stem);
    else if (!index.vocabulary.has(w.word) && !inStory[i]) {
      unknown.push(w.word);
      if (w.capitalized || /\d/.test(w.word)) unknownNames.push(w.word);
    }
  });

  let strongConcepts = 0;
  for (const id of concepts.keys()) if (lexicon.conceptInfo.get(id)?.strong) strongConcepts++;

  const offTopic = findOffTopic(words, surface, lang, lexicon, (k) => words[k]!.used || conceptUsed[k]!);
  const workTakes = asksHowLongWorkTakes(words, intents.has('how_long'), lang);
  if (workTakes !== null) offTopic.push(workTakes);
  const places = new Set(lexicon.lexicon.concept_rules.places);
  const whereInside = asksWhereInside(
    words,
    lang,
    // A concept of the page, not a service: "where ON THE VM do we check the logs?" asks which logs.
    (at) => wordConcepts[at]!.length > 0 && !words[at]!.used && !wordConcepts[at]!.some((id) => places.has(id)),
  );
  if (whereInside !== null) offTopic.push(whereInside);
  return {
    lang,
    services,
    hintedServices: hinted,
    hintedByParts: hinted.length > 0 && mentions.hintedByParts,
    parts: mentions.parts,
    strayParts: mentions.strayParts,
    servicesByName,
    serviceStems: [...serviceStems.filter((s) => distinguishes(s, services, index)), ...hintStems],
    commonServiceStems: serviceStems.filter((s) => index.stems.has(s) && !distinguishes(s, services, index)),
    partyStems,
    offTopic,
    foreign,
    party,
    bothParties,
    partiesWeighed:
      alternative &&
      !bothParties &&
      partyCues.has('provider') &&
      (partyCues.has('customer') || partyCues.has('customer_en_only') || partyCues.has('customer_weak')),
    intents,
    cadence,
    cadences,
    concepts,
    hintConcepts,
    residual,
    unknown,
    unknownNames,
    strongConcepts,
    dutyWords,
    subjects,
    // At the start of a clause: after a heading or a greeting too ("Salve, PERCHÉ…").
    asksWhy: words.some((_, at) => opensClause(at) && opensCause(words, at)),
    // Read as typed: a day alone is set aside as filler ("IERI"), yet it says when. Only in the
    // clause asking, not in a sign-off ("…? have a nice WEEKEND").
    namesADay: typed.some((w) => CALENDAR_WORDS.has(w.typed) && w.segment === words[0]?.segment),
    relaysProviderNews: spoken !== null && speaking === null,
  };
}

function findOffTopic(
  words: readonly Word[],
  surface: readonly string[],
  lang: Lang,
  lexicon: CompiledLexicon,
  /** Whether a word names a service or a concept of the page. */
  onPage: (at: number) => boolean,
): string[] {
  const found: string[] = [];
  for (let i = 0; i < surface.length; i++) {
    for (const { length, values } of offTopicMatchesAt(words, surface, i, lexicon, onPage)) {
      // A longer domain phrase wins: "operating system LOGS" is a duty, "operating system" alone is not.
      if (words.slice(i, i + length).some((w) => (w.phraseLength ?? 0) > length)) continue;
      for (const value of values) if (value.lang === lang) found.push(value.phrase);
    }
  }
  return found;
}

/**
 * "Who patches the servers themselves, NOT OUR WordPress install?": a later clause opening with
 * "not" and a determiner names what the question is not about. Not an Italian clitic ("…, non LO
 * fa Acme?" asks again), which is written as an article.
 */
function inContrast(words: readonly Word[], at: number): boolean {
  const segment = words[at]!.segment;
  if (segment === words[0]!.segment) return false;
  const start = words.findIndex((w) => w.segment === segment);
  const determiner = words[start + 1]?.typed ?? '';
  return (
    NEGATIONS.has(words[start]!.typed) &&
    DETERMINERS.has(determiner) &&
    !ITALIAN_CLITICS.has(determiner) &&
    at > start + 1
  );
}

/**
 * Whether a word that named a service still tells its duties apart: "WordPress" or "VM" appear in
 * one or two of them, but "posta" or "e-mail" run through the whole section, and counting them
 * would favour whichever duty repeats the service's name ("inform users about the good use of
 * e-mail") over the one actually asked about ("antivirus").
 */
function distinguishes(stem: string, services: readonly ServiceId[], index: KnowledgeIndex): boolean {
  if (!index.stems.has(stem)) return false;
  return services.every((service) => (index.serviceStemDuties.get(service)?.get(stem) ?? 0) <= SERVICE_WORD_MAX_DUTIES);
}

/**
 * Whether the strong concepts asked about appear, among these services' duties (any service's
 * when none is named), only in the other party's.
 */
function otherPartyOnly(
  concepts: ReadonlySet<string>,
  party: Party,
  services: readonly ServiceId[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): boolean {
  let other = false;
  for (const id of concepts) {
    if (!lexicon.conceptInfo.get(id)?.strong) continue;
    const duties = dutiesSaying(index, id).filter(
      (doc) => services.length === 0 || services.includes(doc.duty.service),
    );
    if (duties.length === 0) continue;
    if (duties.some((doc) => doc.duty.party === party)) return false;
    other = true;
  }
  return other;
}

/** Whether some strong concept asked about appears in duties, yet in none of these services'. */
function elsewhereOnly(
  concepts: ReadonlyMap<string, number>,
  services: readonly ServiceId[],
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): boolean {
  let elsewhere = false;
  let here = false;
  for (const id of concepts.keys()) {
    if (!lexicon.conceptInfo.get(id)?.strong) continue;
    const duties = dutiesSaying(index, id);
    if (duties.length === 0) continue;
    if (duties.every((doc) => !services.includes(doc.duty.service))) elsewhere = true;
    // "Who blocks a HACKED mailbox?": a subject the service's own duties speak of keeps it.
    // Only a subject few services have counts: "security" or "password" run through them all.
    else if (new Set(duties.map((doc) => doc.duty.service)).size <= FEW_SERVICES) here = true;
  }
  return elsewhere && !here;
}

/**
 * Whether Acme and the customer are named as one subject: a conjunction between the two names,
 * a few words apart at most ("what do Acme and the customer each do?", "di cosa si occupa
 * Acme e di cosa il cliente?"). Possessives count ("Acme and our team").
 */
function namedTogether(
  spans: readonly { cue: PartyCue; start: number; end: number }[],
  words: readonly Word[],
  lexicon: CompiledLexicon,
): boolean {
  const providers = spans.filter((s) => s.cue === 'provider');
  const customers = spans.filter((s) => s.cue !== 'provider' && s.cue !== 'demand');
  for (const p of providers) {
    for (const c of customers) {
      const [first, second] = p.start < c.start ? [p, c] : [c, p];
      const between = words.slice(first.end, second.start);
      // "Noi o È Acme?": an "è" typed with its accent is "is", not "and".
      const joins = (w: Word) => lexicon.conjunctions.has(w.word) && !w.accented;
      if (between.length <= MAX_WORDS_BETWEEN_PARTIES && between.some(joins)) return true;
    }
  }
  return false;
}

const MAX_WORDS_BETWEEN_PARTIES = 3;

/** Most services a concept may be found in and still tell one service's subjects apart. */
const FEW_SERVICES = 3;

/**
 * Whether the question names something the provider may report: a subject (a strong concept) the
 * page's duties on the topics of its reports speak of ("our site was HACKED", "a PROBLEM"), or what
 * every report duty speaks of ("dobbiamo INTERVENIRE?", "una SEGNALAZIONE"). Not "hello", nor "an
 * overdue invoice", nor a word as broad as "the server".
 */
function reportable(
  concepts: ReadonlyMap<string, number>,
  reportsConcept: string,
  index: KnowledgeIndex,
  lexicon: CompiledLexicon,
): boolean {
  const reportDuties = dutiesSaying(index, reportsConcept);
  const topics = new Set(reportDuties.flatMap((doc) => doc.duty.topics));
  const related = index.docs.filter((doc) => doc.kind === 'duty' && doc.duty.topics.some((topic) => topics.has(topic)));
  return [...concepts.keys()].some((id) => {
    if (id === reportsConcept) return false;
    const term = `c:${id}`;
    if (reportDuties.length > 0 && reportDuties.every((doc) => doc.terms.has(term))) return true;
    return lexicon.conceptInfo.get(id)?.strong === true && related.some((doc) => doc.terms.has(term));
  });
}

/** Most duties of a service a naming word may appear in and still rank them. */
const SERVICE_WORD_MAX_DUTIES = 2;

/**
 * "notiamo", "diciamo", "siamo": Italian verbs whose subject is "we". Not "abbiamo", the auxiliary
 * of what we have or did, which says nothing of whose duty is asked ("ABBIAMO la posta su Acme:
 * chi fa il backup?").
 */
function isWeVerb(word: string, lexicon: CompiledLexicon): boolean {
  return word.length >= 5 && word.endsWith('iamo') && !lexicon.stopWords.has(word);
}

/**
 * The provider opens a clause and speaks to us: within three words, "to us" ("the provider just
 * emailed US", "ci ha scritto"), or in English straight away with a verb of telling in the past
 * or third person ("the provider SAYS there's…", "the provider FLAGGED our server"). Returns the
 * words that say how it reached us and whether a verb of telling said it (then the provider is
 * who reported, never who is asked about; "the provider tells us IF…" may still ask what it does),
 * and whether it is said before the question, in a condition or a clause of its own ("SE Acme ci
 * manda un avviso dobbiamo intervenire?", "Acme ci ha scritto, che facciamo?": then it reported
 * too), or null when it does not speak.
 */
function providerSpeaking(
  spans: readonly { cue: PartyCue; start: number; end: number }[],
  words: readonly Word[],
  message: { typed: readonly Word[]; typedAt: readonly number[] },
  lexicon: CompiledLexicon,
  lang: Lang,
): { words: number[]; byVerb: boolean; before: boolean } | null {
  const lastSegment = words.at(-1)?.segment;
  for (const { cue, start, end } of spans) {
    // The provider opens its clause, or a condition does ("SE Acme ci manda un avviso…").
    const opener = start > 0 && words[start - 1]!.segment === words[start]!.segment ? start - 1 : null;
    const conditional =
      opener !== null && CONDITIONALS.has(words[opener]!.word) && words[opener - 1]?.segment !== words[opener]!.segment;
    if (cue !== 'provider' || (opener !== null && !conditional)) continue;
    const before = conditional || words[start]!.segment !== lastSegment;
    const marker = words.slice(end, end + 3).findIndex((w) => lexicon.recipientMarkers.has(w.word));
    // "the provider OR us?" weighs the two parties, it does not speak.
    const weighs = words.slice(end, end + Math.max(marker, 0)).some((w) => lexicon.alternatives.has(w.word));
    if (marker >= 0 && !weighs) {
      // As typed: a verb read through as filler ("TOLD us") still says how.
      const typedBetween = range(message.typedAt[end - 1]! + 1, message.typedAt[end + marker]!);
      const byVerb = lang === 'en' && typedBetween.some((i) => wordClasses().tells(message.typed[i]!.typed));
      return { words: range(end, end + marker), byVerb, before };
    }
    let verbAt = message.typedAt[end - 1]! + 1;
    // "Acme JUST emailed…": an adverb may stand between the provider and its verb.
    while (ADVERBS_BEFORE_VERB.has(message.typed[verbAt]?.typed ?? '')) verbAt++;
    const verb = message.typed[verbAt];
    if (lang !== 'en' || verb === undefined || verb.segment !== words[start]!.segment) continue;
    if (wordClasses().tells(verb.typed))
      return { words: message.typedAt[end] === verbAt ? [end] : [], byVerb: true, before };
    // "The provider SENT A NOTICE about…", "OPENED A TICKET": a verb and a message as its object.
    const [article, object] = [message.typed[verbAt + 1], message.typed[verbAt + 2]];
    if (
      article !== undefined &&
      object !== undefined &&
      INDEFINITE_ARTICLES.has(article.typed) &&
      object.segment === verb.segment &&
      wordClasses().namesAMessage(object.typed)
    ) {
      // The verb and its article say how; the message ("an ALERT about…") is what was said.
      const telling = [verbAt, verbAt + 1].flatMap((i) => {
        const at = message.typedAt.indexOf(i);
        return at >= 0 ? [at] : [];
      });
      return { words: telling, byVerb: true, before };
    }
  }
  return null;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** "migro", "configuriamo" (not "vengono", "gestisce"): Italian first-person verbs. */
function isFirstPersonVerb(word: string, lexicon: CompiledLexicon): boolean {
  if (word.length < 4 || lexicon.stopWords.has(word) || word === 'mai') return false;
  return word.endsWith('iamo') || (word.endsWith('o') && !word.endsWith('no'));
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
 * The party cues of the clause that asks (the last one ending with "?"), when the message has
 * clauses before it and that clause names a party as actor; otherwise null.
 */
function askingClauseParties(
  spans: readonly { cue: PartyCue; start: number; end: number }[],
  words: readonly Word[],
): PartyCue[] | null {
  const asked = words.findLast((w) => w.asks);
  if (asked === undefined || asked.segment === words[0]!.segment) return null;
  const cues = spans.filter((span) => words[span.start]!.segment === asked.segment).map((span) => span.cue);
  return cues.some((cue) => cue === 'provider' || cue === 'customer' || cue === 'customer_en_only') ? cues : null;
}

/**
 * Whether the provider is named only as the one told, in the clause that asks ("…, va segnalato A
 * Acme?"). Not the customer told ("una mail AL CLIENTE"): "cliente" is as often our own client.
 */
function providerToldAsking(
  told: readonly { cue: PartyCue; at: number }[],
  named: ReadonlySet<PartyCue>,
  words: readonly Word[],
): boolean {
  // A possessive ("la NOSTRA macchina") says whose thing it is, not who acts.
  if (named.has('provider') || named.has('customer') || named.has('customer_en_only')) return false;
  const asking = words.findLast((w) => w.asks)?.segment;
  return told.some(({ cue, at }) => cue === 'provider' && (asking === undefined || words[at]!.segment === asking));
}

/** The last clause is a party and nothing else, after a clause that asks who ("…chi lo fa, noi?"). */
function guessesWho(spans: readonly { cue: PartyCue; start: number; end: number }[], words: readonly Word[]): boolean {
  const last = words.at(-1)?.segment;
  if (last === undefined || last === words[0]!.segment) return false;
  const inLast = words.flatMap((w, i) => (w.segment === last ? [i] : []));
  const covered = (i: number) => spans.some((span) => span.start <= i && i < span.end);
  return inLast.every(covered) && words.some((w) => w.segment < last && WHO.has(w.word));
}

/**
 * Shorthand is read in the language of the message it is typed in: "plz" closing an English
 * question is no Italian "PubbLicaZione", while "creds" is "credenziali" in Italian as it is
 * "credentials" in English. A word read as shorthand for a word only the other language's
 * phrases use is read again, in the language the message's other words tell.
 */
function inLanguageOfMessage(
  read: Word[],
  isShorthand: (w: Word) => boolean,
  readIn: (at: number, lang: Lang) => Word,
  lexicon: CompiledLexicon,
  index: KnowledgeIndex,
): Word[] {
  const expanded = read.flatMap((w, at) => (isShorthand(w) ? [at] : []));
  if (expanded.length === 0) return read;
  const rest = read.filter((w, at) => !w.mention && !expanded.includes(at));
  const lang = detectLanguage(rest, lexicon, { bilingual: index.bilingualAliasWords });
  const otherOnly = lexicon.onlyIn[lang === 'en' ? 'it' : 'en'];
  for (const at of expanded) if (otherOnly.has(read[at]!.word)) read[at] = readIn(at, lang);
  return read;
}

/**
 * A token as read, every field written out in one order, the ones set later included: all words
 * share one shape. Built by spreading the token instead, words were slow objects to read and to
 * collect: in `npm run bench`, p99 1.59 -> 0.76 ms and 133 -> 104 kB allocated per answer (with
 * the fresh workspace's settings shared, settings/schema.ts). This runs for every word of every
 * question.
 */
function wordRead(token: Token, word: string, typed: string, corrected: boolean): Word {
  return {
    word,
    capitalized: token.capitalized,
    segment: token.segment,
    mention: token.mention,
    cased: token.cased,
    acronym: token.acronym,
    exclaims: token.exclaims,
    asks: token.asks,
    ...(token.compoundPart ? { compoundPart: true } : {}),
    ...(token.accented ? { accented: true } : {}),
    typed,
    stem: stem(word),
    used: false,
    hint: undefined,
    corrected,
    phraseLength: undefined,
  };
}
