import type { Duty, Knowledge } from '../knowledge/model.js';
import type { Party } from '../knowledge/schema.js';
import { documentLabel } from '../views/citation.js';
import { cadenceName } from '../views/labels.js';
import type { Lang } from '../views/types.js';
import type { CompiledLexicon } from './lexicon.js';

/** Every user-facing sentence fragment of an answer, in English and Italian. */

export function partyLabel(party: Party, lang: Lang): string {
  if (party === 'provider') return 'CoreTech';
  return lang === 'it' ? 'il vostro team' : 'your team';
}

/**
 * The cadence as people read it: the source's own words when it has any ("at least once a
 * month", "periodically"), otherwise the normalized cadence; in Italian a rendering of either.
 */
export function cadenceLabel(duty: Duty, lang: Lang, lexicon: CompiledLexicon): string {
  const fallback = cadenceName(duty.cadence, lang);
  const words = duty.cadence_words?.trim();
  if (!words) return fallback;
  const lower = words.charAt(0).toLowerCase() + words.slice(1);
  if (lang === 'en') return lower;
  return lexicon.lexicon.cadence_words_it[lower] ?? lexicon.lexicon.cadence_words_it[lower.toLowerCase()] ?? fallback;
}

export function retentionSentence(days: number, lang: Lang): string {
  return lang === 'it' ? `I backup sono conservati per ${days} giorni.` : `Backups are kept for ${days} days.`;
}

export function retentionShort(days: number, lang: Lang): string {
  return lang === 'it' ? `backup conservati ${days} giorni` : `backups kept ${days} days`;
}

export function onService(serviceName: string, lang: Lang): string {
  return lang === 'it' ? `Su ${serviceName}` : `On ${serviceName}`;
}

/** "this is CoreTech's job" / "è compito del vostro team (@U1)". */
export function jobOf(party: Party, owners: string, lang: Lang): string {
  if (lang === 'it') return party === 'provider' ? 'è compito di CoreTech' : `è compito del vostro team${owners}`;
  return party === 'provider' ? "this is CoreTech's job" : `this is your team's job${owners}`;
}

export function bothParties(lang: Lang): string {
  return lang === 'it' ? 'se ne occupano entrambe le parti' : 'both parties have a part';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function listHeadline(
  subject: Party | null,
  owners: string,
  count: number,
  cadence: string | null,
  scope: string | null,
  lang: Lang,
): string {
  if (lang === 'it') {
    const who =
      subject === 'provider'
        ? 'CoreTech'
        : subject === 'customer'
          ? `Il vostro team${owners}`
          : 'CoreTech e il vostro team';
    const verb = subject === null ? 'hanno' : 'ha';
    const noun = count === 1 ? 'compito' : 'compiti';
    const when = cadence ? ` da svolgere ${cadence}` : '';
    const where = scope ? ` su ${scope}` : ' su tutti i servizi';
    return `${who} ${verb} ${count} ${noun}${when}${where}:`;
  }
  const who =
    subject === 'provider' ? 'CoreTech' : subject === 'customer' ? `Your team${owners}` : 'CoreTech and your team';
  const verb = subject === null ? 'have' : 'has';
  const noun = count === 1 ? 'duty' : 'duties';
  const when = cadence ? ` to do ${cadence}` : '';
  const where = scope ? ` on ${scope}` : ' across all services';
  return `${who} ${verb} ${count} ${noun}${when}${where}:`;
}

/** "The CoreTech GDPR V.1, 16/04/2020 page gives CoreTech no duty to do every week." */
export function noDutiesSentence(
  subject: Party | null,
  cadence: string | null,
  scope: string | null,
  source: string,
  lang: Lang,
): string {
  if (lang === 'it') {
    const who =
      subject === 'provider'
        ? 'a CoreTech'
        : subject === 'customer'
          ? 'al vostro team'
          : 'né a CoreTech né al vostro team';
    const when = cadence ? ` da svolgere ${cadence}` : '';
    const where = scope ? ` su ${scope}` : '';
    return `La pagina ${source} non assegna ${who} nessun compito${when}${where}.`;
  }
  const who = subject === 'provider' ? 'CoreTech' : subject === 'customer' ? 'your team' : 'CoreTech or your team';
  const when = cadence ? ` to do ${cadence}` : '';
  const where = scope ? ` on ${scope}` : '';
  return `The ${source} page gives ${who} no duty${when}${where}.`;
}

export function factLead(title: string, lang: Lang): string {
  return lang === 'it'
    ? `${title} — ecco cosa dice la pagina GDPR di CoreTech:`
    : `${title} — here is what CoreTech's GDPR page says:`;
}

export function abstainSummary(knowledge: Knowledge, foreign: readonly string[], lang: Lang): string {
  const source = documentLabel(knowledge, lang);
  if (lang === 'it') {
    const about =
      foreign.length > 0
        ? `Non lo so: rispondo solo in base alla pagina ${source} sulla responsabilità condivisa, che non parla di ${foreign.join(', ')}.`
        : `Non lo so: la pagina ${source} sulla responsabilità condivisa, l'unica fonte da cui rispondo, non ne parla.`;
    return `${about} Posso dirti chi fa cosa sui servizi CoreTech, ogni quanto e per quanto tempo sono conservati i backup, per esempio:`;
  }
  const about =
    foreign.length > 0
      ? `I don't know that: I only answer from the ${source} shared-responsibility page, and it says nothing about ${foreign.join(', ')}.`
      : `I don't know that: it isn't covered by the ${source} shared-responsibility page, which is the only source I answer from.`;
  return `${about} I can tell you who does what on CoreTech's services, how often, and how long backups are kept, for example:`;
}

export function emptyQuestionSummary(lang: Lang): string {
  return lang === 'it'
    ? 'Fammi una domanda sulle responsabilità GDPR tra CoreTech e il vostro team, per esempio:'
    : 'Ask me about the GDPR duties shared between CoreTech and your team, for example:';
}
