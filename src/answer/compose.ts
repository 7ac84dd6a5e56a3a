import type { Duty, Knowledge } from '../knowledge/model.js';
import type { FactRecord } from '../knowledge/schema.js';
import { scheduleOf } from '../occurrences/resolve.js';
import { type Owners, ownersOf } from '../occurrences/status.js';
import type { PeriodCadence } from '../occurrences/types.js';
import type { WorkspaceSettings } from '../settings/schema.js';
import { catalogue } from '../views/catalogue/index.js';
import { documentLabel, sectionCitation, sectionPartyLabel, sourceCitation } from '../views/citation.js';
import { cadenceName, scheduleLabel } from '../views/labels.js';
import { mention } from '../views/mentions.js';
import { dutyTitle, dutyTranslation } from '../views/occurrence-views.js';
import type { AnswerItemView, AnswerView, Lang } from '../views/types.js';
import type { IndexedDoc } from './knowledge-index.js';
import type { CompiledLexicon } from './lexicon.js';
import { shareSubject } from './pairing.js';
import {
  abstainSummary,
  bothParties,
  cadenceLabel,
  capitalize,
  emptyQuestionSummary,
  factLead,
  jobOf,
  listHeadline,
  noDutiesSentence,
  onService,
  partyLabel,
  retentionSentence,
  retentionShort,
} from './phrases.js';
import { plainFactFor } from './plain-facts.js';
import type { Decision } from './rank.js';
import { isRemindedList, remindedPeriods } from './reminded.js';
import { type AnswerEntry, mergeRepeatedDuties } from './repeated-duties.js';
import { settingAnswers, statesRetention } from './retention-question.js';
import { servicesInView } from './services-in-view.js';
import { asksForServices } from './services-question.js';
import type { QuestionAnalysis } from './understand.js';
import { unmentionedSubjects } from './unmentioned.js';

export type { Owners } from '../occurrences/status.js';

interface ComposeInput {
  question: string;
  lang: Lang;
  decision: Decision;
  analysis: QuestionAnalysis | null;
  knowledge: Knowledge;
  lexicon: CompiledLexicon;
  owners: Owners | undefined;
  settings: WorkspaceSettings;
}

/** At most this many services get examples of their own in an abstention. */
const MAX_SERVICES_OFFERED = 2;

/** The names of the page's services a question named, else hinted at ("the mail archiving"), in the page's order. */
function namedServices(analysis: QuestionAnalysis | null, knowledge: Knowledge): string[] {
  if (analysis === null) return [];
  const ids = servicesInView(analysis);
  if (ids.length > MAX_SERVICES_OFFERED) return [];
  return knowledge.services.filter((service) => ids.includes(service.id)).map((service) => service.name);
}

function ownersSuffix(ids: readonly string[]): string {
  return ids.length > 0 ? ` (${ids.map(mention).join(', ')})` : '';
}

export function composeView(input: ComposeInput): AnswerView {
  const { question, lang, decision, knowledge, lexicon } = input;
  if (decision.kind === 'abstain') {
    if (decision.reason === 'empty')
      return {
        lang,
        question,
        summary: emptyQuestionSummary(lang, knowledge.document.provider),
        items: [],
        abstained: true,
        suggestions: [...lexicon.lexicon.suggestions[lang]],
      };
    // "A folder on Orbit…": say what the page does not cover, and offer what it says of Orbit.
    const services = namedServices(input.analysis, knowledge);
    const examples = catalogue(lang).answer.serviceExamples;
    return {
      lang,
      question,
      summary: abstainSummary(
        knowledge,
        decision.foreign,
        lang,
        unmentionedSubjects(input.analysis, question, knowledge),
        services,
      ),
      items: [],
      abstained: true,
      suggestions:
        services.length > 0
          ? services.flatMap((service) => examples(knowledge.document.provider, service))
          : [...lexicon.lexicon.suggestions[lang]],
    };
  }
  if (decision.kind === 'none') {
    return {
      lang,
      question,
      summary: noneSummary(input),
      items: [],
      abstained: false,
      suggestions: [...lexicon.lexicon.suggestions[lang]].slice(0, 3),
    };
  }
  const docs = decision.results.map((r) => r.doc);
  const entries = mergeRepeatedDuties(docs);
  const asked = decision.kind === 'list' ? remindedPeriods(input.analysis) : null;
  const periods = asked !== null && isRemindedList(docs, asked, input.settings) ? asked : null;
  const items = withoutRepeatedNotes(
    entries.map((entry) => {
      const item = itemView(entry, input);
      return periods === null ? item : { ...item, cadenceLabel: scheduledCadence(entry, input) ?? item.cadenceLabel };
    }),
  );
  if (periods !== null)
    return { lang, question, summary: remindedSummary(docs, periods, input), items, abstained: false, suggestions: [] };
  const summary = asksForServices(input.analysis, lexicon)
    ? servicesSummary(input)
    : decision.kind === 'list'
      ? listSummary(docs, input)
      : specificSummary(entries, decision.sentences, input);
  // A question over every service is broad: offer sharper ones.
  const services = new Set(decision.results.flatMap((r) => (r.doc.kind === 'duty' ? [r.doc.duty.service] : [])));
  const broad = (input.analysis?.services.length ?? 0) === 0 && services.size > 1;
  return {
    lang,
    question,
    summary,
    items,
    abstained: false,
    suggestions: broad ? [...lexicon.lexicon.suggestions[lang]].slice(0, 3) : [],
  };
}

/**
 * A note on the page (an erratum) belongs to each item it concerns, but one answer says it once:
 * "where are the data centres?" shows the data-centre section and Orbit's backup abroad, and
 * the note that links them under the first only.
 */
function withoutRepeatedNotes(items: AnswerItemView[]): AnswerItemView[] {
  const said = new Set<string>();
  return items.map((item) => {
    const errata = item.errata.filter((note) => !said.has(note));
    for (const note of errata) said.add(note);
    return errata.length === item.errata.length ? item : { ...item, errata };
  });
}

function itemView(entry: AnswerEntry, input: ComposeInput): AnswerItemView {
  const { lang, knowledge, lexicon, owners } = input;
  const doc = entry.doc;
  const notes = (ids: readonly string[]) =>
    [...new Set(ids)].flatMap((id) => {
      const erratum = knowledge.errata.find((e) => e.id === id);
      return erratum ? [erratum.note[lang]] : [];
    });
  if (doc.kind === 'duty') {
    const duty = doc.duty;
    const services = servicesOf(entry, lang);
    return {
      id: duty.id,
      kind: 'duty',
      service: duty.service,
      serviceName: services,
      performer: {
        party: duty.party,
        label: partyLabel(duty.party, lang, knowledge.document.provider),
        ownerIds: [...new Set(entry.duties.flatMap((d) => ownersOf(d, owners)))],
      },
      cadenceLabel: cadenceLabel(duty, lang, lexicon),
      retentionDays: duty.retention_days ?? null,
      quote: duty.text,
      translation: dutyTranslation(duty, lang),
      source:
        entry.duties.length > 1
          ? {
              label: `${documentLabel(knowledge, lang)} — ${services}, ${sectionPartyLabel(knowledge, duty, lang)}`,
              section: services,
            }
          : sourceCitation(knowledge, duty, lang),
      errata: notes(entry.duties.flatMap((d) => d.errata)),
    };
  }
  const fact = doc.fact;
  return {
    id: fact.id,
    kind: 'fact',
    service: null,
    serviceName: null,
    performer: null,
    cadenceLabel: null,
    retentionDays: null,
    quote: fact.text.join(' '),
    translation: lang === 'it' ? fact.text_it.join(' ') : null,
    source: sectionCitation(knowledge, fact.section, lang),
    errata: notes(fact.errata),
  };
}

/** "Monthly website backup (at least once a month)", with the retention when there is one. */
function dutyClause(duty: Duty, input: ComposeInput, withRetention: boolean): string {
  const details = [cadenceLabel(duty, input.lang, input.lexicon)];
  if (withRetention && duty.retention_days !== undefined) details.push(retentionShort(duty.retention_days, input.lang));
  return `${dutyTitle(duty, input.lang)} (${details.join(', ')})`;
}

/** "Backup1 - Cloud Backup, MailVault - Mail Archiving and Remotix - Remote Control": every service an entry stands for. */
function servicesOf(entry: AnswerEntry, lang: Lang): string {
  return catalogue(lang).composedAnswer.serviceList(...entry.duties.map((d) => d.serviceName));
}

function specificSummary(
  entries: readonly AnswerEntry[],
  sentences: ReadonlyMap<string, number>,
  input: ComposeInput,
): string {
  const { lang } = input;
  const provider = input.knowledge.document.provider;
  const top = entries[0]!;
  if (top.doc.kind === 'fact') {
    const plain = plainFactFor(input.analysis, input.knowledge, input.lexicon);
    const lead = factSummary(top.doc.fact, sentences.get(top.doc.id) ?? 0, lang, provider);
    if (plain === null || !entries.some((e) => e.doc === plain)) return lead;
    const statement = plain.fact.plain![lang];
    return plain === top.doc ? statement : `${statement} ${lead}`;
  }
  const first = top.doc.duty;
  const secondEntry = entries[1];
  const secondDoc = secondEntry?.doc;
  const paired =
    secondDoc?.kind === 'duty' &&
    secondDoc.duty.party !== first.party &&
    shareSubject(top.doc, secondDoc, input.analysis, input.knowledge, input.lexicon);
  const second = paired && secondDoc?.kind === 'duty' ? secondDoc.duty : null;
  const sameService =
    second === null ||
    (second.service === first.service && secondEntry!.duties.length === 1 && top.duties.length === 1);
  const servicesNamed = (duty: Duty) => servicesOf(duty === first ? top : secondEntry!, lang);
  const where = (duty: Duty) => (sameService ? '' : ` (${servicesNamed(duty)})`);
  const prefix = sameService ? `${onService(servicesOf(top, lang), lang)} ` : '';
  const docs = entries;

  // Asked for a retention the page never states, the reply says so before who sets it up.
  const unstated =
    input.analysis !== null &&
    settingAnswers(input.analysis, input.lexicon) &&
    !entries.some((entry) => statesRetention(entry.doc, input.lexicon))
      ? `${catalogue(lang).answer.noRetentionStated(servicesOf(top, lang))} `
      : '';
  if (second === null) {
    const owners = ownersSuffix(ownersOf(first, input.owners));
    const head = `${prefix}${jobOf(first.party, owners, lang, provider)}: ${dutyClause(first, input, false)}${where(first)}.`;
    const retention = first.retention_days !== undefined ? ` ${retentionSentence(first.retention_days, lang)}` : '';
    return unstated + capitalize(head) + retention + moreNote(docs.length - 1, lang);
  }
  const part = (duty: Duty) => {
    const owners = ownersSuffix(ownersOf(duty, input.owners));
    return `${partyLabel(duty.party, lang, provider)}${owners} — ${dutyClause(duty, input, true)}${where(duty)}`;
  };
  const [providerDuty, customerDuty] = first.party === 'provider' ? [first, second] : [second, first];
  const intro = capitalize(`${prefix}${bothParties(lang)}`);
  return `${unstated}${intro}: ${part(providerDuty)}; ${part(customerDuty)}.${moreNote(docs.length - 2, lang)}`;
}

function moreNote(more: number, lang: Lang): string {
  if (more <= 0) return '';
  return catalogue(lang).answer.more(more);
}

const MAX_LABEL_WORDS = 5;
const MIN_DEFINITION_WORDS = 6;

/** "<title>: <the sentence that answers>", in the reply language when the rendering is aligned. */
function factSummary(fact: FactRecord, sentence: number, lang: Lang, provider: string): string {
  const title = fact.title[lang];
  // text_it is a sentence-by-sentence rendering only when it has as many sentences as the source.
  const sentences =
    lang === 'it' && fact.text_it.length === fact.text.length ? fact.text_it : lang === 'it' ? [] : fact.text;
  const chosen = sentences[sentence] ?? (lang === 'it' ? fact.text_it[0] : fact.text[0]);
  if (!chosen) return factLead(title, lang, provider);
  // A definition opening with its own label ("Titolare del trattamento: la persona…", "Responsible for
  // data processing: natural…") is labelled once, with our title.
  return `${title}: ${withoutLabel(chosen)}`;
}

/** A definition's opening label (a few words before a colon) removed; "Document version: V.1" is all value and stays. */
function withoutLabel(sentence: string): string {
  const match = /^([^:.;]{1,60}):\s+(\S.*)$/su.exec(sentence);
  if (!match) return sentence;
  const [, label, rest] = match;
  const words = (text: string) => text.trim().split(/\s+/).length;
  return words(label!) <= MAX_LABEL_WORDS && words(rest!) >= MIN_DEFINITION_WORDS ? rest! : sentence;
}

function listSummary(docs: readonly IndexedDoc[], input: ComposeInput): string {
  const { lang, analysis } = input;
  const duties = docs.flatMap((d) => (d.kind === 'duty' ? [d.duty] : []));
  const parties = new Set(duties.map((d) => d.party));
  const subject = parties.size === 1 ? [...parties][0]! : null;
  const services = [...new Set(duties.map((d) => d.serviceName))];
  const scope = (analysis?.services.length ?? 0) > 0 ? services.join(', ') : null;
  const cadence = analysis?.cadence ? cadenceName(cadenceOf(analysis.cadence), lang) : null;
  // Owners are named in the headline only when one set of people owns the whole list.
  let owners = '';
  if (subject === 'customer') {
    const sets = new Set(duties.map((d) => ownersOf(d, input.owners).join(',')));
    if (sets.size === 1) owners = ownersSuffix(ownersOf(duties[0]!, input.owners));
  }
  return listHeadline(subject, owners, duties.length, cadence, scope, lang, input.knowledge.document.provider);
}

/** "every month (source: at least monthly / bimonthly)": how the workspace schedules the entry's first duty. */
function scheduledCadence(entry: AnswerEntry, input: ComposeInput): string | null {
  const schedule = entry.doc.kind === 'duty' ? scheduleOf(entry.doc.duty, input.settings) : null;
  return schedule ? scheduleLabel(schedule, input.lang) : null;
}

/** The schedule's own headline: what the reminders of the asked periods will ask for, and that it is so. */
function remindedSummary(docs: readonly IndexedDoc[], periods: readonly PeriodCadence[], input: ComposeInput): string {
  const { lang } = input;
  const c = catalogue(lang);
  const cadence = periods.map((p) => c.periodCadence[p]).join(c.composedAnswer.or);
  const duties = docs.flatMap((d) => (d.kind === 'duty' ? [d.duty] : []));
  if (duties.length === 0) return c.composedAnswer.remindedNone(cadence);
  const sets = new Set(duties.map((d) => ownersOf(d, input.owners).join(',')));
  const owners = sets.size === 1 ? ownersSuffix(ownersOf(duties[0]!, input.owners)) : '';
  return c.composedAnswer.reminded(c.answer.listWho.customer(owners), duties.length, cadence);
}

function servicesSummary(input: ComposeInput): string {
  const c = catalogue(input.lang).composedAnswer;
  const names = input.knowledge.services.map((service) => service.name);
  return c.services(input.knowledge.document.provider, names.length, c.serviceList(...names));
}

function noneSummary(input: ComposeInput): string {
  const { analysis, lang } = input;
  const party = analysis?.party ?? null;
  const cadence = analysis?.cadence ? cadenceName(cadenceOf(analysis.cadence), lang) : null;
  const names = (analysis?.services ?? []).map((id) => input.knowledge.serviceById.get(id)?.name ?? id);
  return noDutiesSentence(
    party,
    cadence,
    names.length > 0 ? names.join(', ') : null,
    documentLabel(input.knowledge, lang),
    lang,
    input.knowledge.document.provider,
  );
}

function cadenceOf(filter: NonNullable<QuestionAnalysis['cadence']>) {
  return filter === 'bimonthly' ? 'at_least_monthly_bimonthly' : filter;
}
