import type { Lang } from '../views/types.js';

/**
 * Every sentence the command layer says, in English and Italian. Kept in one place so a
 * translator (or a reviewer) sees them all, and so both languages always have the same keys.
 */

const en = {
  usage: {
    done: 'done <duty> [note] [evidence-url]   e.g. done restore test 1backup -- restored mailbox X https://wiki/…',
    skip: 'skip <duty> <reason>   e.g. skip website backup -- site frozen for migration',
    snooze: 'snooze <duty> <duration>   e.g. snooze restore test 1backup 2d   (1h, 3h, 2d, 1w, tomorrow, next-week)',
    assign: 'assign <duty|service|fallback> @user [@user…] | none',
    history: 'history <duty>',
    settings: 'settings show | settings set <key> <value> | settings import <yaml>',
    export: 'export [csv|json] [from YYYY-MM-DD] [to YYYY-MM-DD]',
  },
  usageLine: (usage: string) => `Usage: ${usage}`,
  problems: {
    missing_duty: 'Which duty? Name it by id or with a few words.',
    missing_reason: 'A skip needs a reason, so the audit trail explains it.',
    missing_duration: 'How long? Add a duration such as 1h, 2d, tomorrow or next-week.',
    missing_target: 'Assign what? Name a duty, a service or "fallback".',
    missing_users: 'Assign to whom? Mention one or more people, or say "none" to clear.',
    bad_settings: 'That settings command is incomplete.',
    bad_export: 'I could not read that export request.',
  },
  unknownDuty: (ref: string) => `I don't know a customer duty called "${ref}".`,
  unknownDutyHint: 'Try `pending` to see your duties with their ids, or use words like "restore test 1backup".',
  ambiguous: (ref: string) => `"${ref}" could mean several duties; nothing was changed.`,
  ambiguousHint: 'Repeat the command with the duty id or more words (e.g. the service name).',
  notScheduled: (title: string, why: string) => `"${title}" is not scheduled in this workspace (${why}).`,
  whyNotScheduled: {
    provider: 'CoreTech does it, not your team',
    service: 'the service is not in use here — see `settings set services …`',
    cadence: 'it happens on an event or on request, or its review is switched off',
  },
  notScheduledHint: 'Ask about it instead, or change the cadence settings.',
  notDueYet: (title: string, due: string) => `"${title}" is not due yet: the next occurrence is due ${due}.`,
  notDueYetHint: 'Confirm it once it is due; a late confirmation is always accepted.',
  alreadyClosed: (title: string, status: string, by: string, at: string, next: string) =>
    `"${title}" is already ${status === 'done' ? 'done' : 'skipped'} for this period ({{user:${by}}}, ${at}); the next occurrence is due ${next}.`,
  alreadyClosedHint: 'To correct an earlier period, name it: e.g. `done <duty> for 2026-11`.',
  unknownOccurrence: (occ: string, title: string) => `"${occ}" is not an occurrence of "${title}".`,
  forbiddenConfirm: (title: string) => `Only the owners of "${title}" or an admin can confirm it.`,
  forbiddenConfirmHint: 'Ask an owner to confirm, or an admin to assign it to you (`assign <duty> @you`).',
  forbiddenAdmin: 'Only workspace admins can change settings, assign duties, export or verify the ledger.',
  forbiddenAdminHint: 'Ask a workspace admin, or one listed in `settings show` under admins.',
  badUrl: (url: string) => `"${url}" is not a valid evidence link: use a full http:// or https:// address.`,
  badUrlHint: 'Paste the link to the evidence (backup report, ticket, screenshot) as https://…',
  reasonRequired: 'A skip needs a reason, so the audit trail explains it.',
  reasonRequiredHint: 'e.g. skip website backup -- site frozen for migration',
  badDuration: (d: string) => `"${d}" is not a duration I understand.`,
  badDurationHint: 'Use 30m, 1h, 3h, 2d, 1w, tomorrow, next-week or an ISO date-time.',
  durationTooLong: 'A snooze can last at most 90 days.',
  durationPast: 'That moment is already past; pick a moment in the future.',
  badDate: (d: string) => `"${d}" is not a date: use YYYY-MM-DD or an ISO date-time.`,
  badDateHint: 'e.g. export csv from 2026-01-01 to 2026-03-31',
  emptyRange: (from: string, to: string) =>
    `Nothing to export between ${from} and ${to}: the start must come before the end.`,
  badSetting: (key: string, why: string) => `Setting "${key}" was not changed: ${why}`,
  unknownSetting: (key: string) => `There is no setting called "${key}".`,
  unknownSettingHint: (keys: string) => `Settings you can change: ${keys}.`,
  settingsImportBad: (why: string) => `The settings were not imported: ${why}`,
  unknownService: (s: string) => `I don't know a service called "${s}".`,
  unknownServiceHint:
    'Services: stellar, rocketweb, email, 1backup, mailarchive, rocketbox, rocketnews, sygma, sygma-connect.',
  done: (title: string, period: string) => `Recorded: "${title}" (${period}) is done.`,
  skipped: (title: string, period: string) => `Recorded: "${title}" (${period}) was skipped.`,
  snoozed: (title: string, until: string) => `Snoozed "${title}" until ${until}. I'll remind you then.`,
  duplicate: 'This was already recorded; nothing new was written.',
  assigned: (target: string, users: string) => `${target} is now assigned to ${users}.`,
  unassigned: (target: string) => `${target} has no owners now (reminders address the channel).`,
  settingUpdated: (key: string, value: string) => `Setting "${key}" is now ${value}.`,
  settingsImported: 'Settings imported and validated.',
  settingsImportedDiff: (changed: readonly string[], reset: readonly string[]) =>
    [
      changed.length + reset.length === 0 ? 'Settings imported: nothing changed.' : 'Settings imported.',
      ...(changed.length ? ['Changed:', ...changed.map((line) => `  ${line}`)] : []),
      ...(reset.length ? ['Reset to defaults:', ...reset.map((key) => `  ${key}`)] : []),
    ].join('\n'),
  pendingTitle: 'Your pending duties',
  pendingAllTitle: 'Pending duties in this workspace',
  settingsTitle: 'Workspace settings',
  auditOk: (n: number) => `The audit ledger is intact: ${n} entries verified, every hash links to the previous one.`,
  auditBroken: (n: number) => `The audit ledger has been tampered with (${n} problems found):`,
};

type Messages = typeof en;

const it: Messages = {
  usage: {
    done: 'fatto <dovere> [nota] [link-evidenza]   es. fatto test di ripristino 1backup -- ripristinata casella X https://wiki/…',
    skip: 'salta <dovere> <motivo>   es. salta backup sito -- sito congelato per migrazione',
    snooze:
      'rimanda <dovere> <durata>   es. rimanda test di ripristino 1backup 2d   (1h, 3h, 2d, 1w, domani, settimana-prossima)',
    assign: 'assegna <dovere|servizio|fallback> @utente [@utente…] | nessuno',
    history: 'storico <dovere>',
    settings: 'impostazioni mostra | impostazioni imposta <chiave> <valore> | impostazioni importa <yaml>',
    export: 'esporta [csv|json] [dal AAAA-MM-GG] [al AAAA-MM-GG]',
  },
  usageLine: (usage) => `Uso: ${usage}`,
  problems: {
    missing_duty: 'Quale dovere? Indicalo con il suo id o con qualche parola.',
    missing_reason: 'Per saltare serve un motivo, così il registro di audit lo spiega.',
    missing_duration: 'Per quanto? Aggiungi una durata come 1h, 2d, domani o settimana-prossima.',
    missing_target: 'Assegnare cosa? Indica un dovere, un servizio o "fallback".',
    missing_users: 'Assegnare a chi? Menziona una o più persone, oppure scrivi "nessuno" per togliere.',
    bad_settings: 'Il comando impostazioni è incompleto.',
    bad_export: 'Non ho capito la richiesta di esportazione.',
  },
  unknownDuty: (ref) => `Non conosco un dovere del cliente chiamato "${ref}".`,
  unknownDutyHint:
    'Prova `pendenti` per vedere i tuoi doveri con i loro id, o usa parole come "test di ripristino 1backup".',
  ambiguous: (ref) => `"${ref}" può indicare più doveri; non ho modificato nulla.`,
  ambiguousHint: "Ripeti il comando con l'id del dovere o con più parole (es. il nome del servizio).",
  notScheduled: (title, why) => `"${title}" non è pianificato in questo workspace (${why}).`,
  whyNotScheduled: {
    provider: 'lo fa CoreTech, non il vostro team',
    service: 'il servizio non è in uso qui — vedi `impostazioni imposta services …`',
    cadence: 'avviene a seguito di un evento o su richiesta, oppure la sua revisione è disattivata',
  },
  notScheduledHint: 'Chiedimi informazioni, oppure cambia le impostazioni di cadenza.',
  notDueYet: (title, due) => `"${title}" non è ancora in scadenza: la prossima occorrenza scade ${due}.`,
  notDueYetHint: 'Confermalo quando è in scadenza; una conferma in ritardo è sempre accettata.',
  alreadyClosed: (title, status, by, at, next) =>
    `"${title}" è già ${status === 'done' ? 'fatto' : 'saltato'} per questo periodo ({{user:${by}}}, ${at}); la prossima occorrenza scade ${next}.`,
  alreadyClosedHint: 'Per correggere un periodo precedente, indicalo: es. `fatto <dovere> per 2026-11`.',
  unknownOccurrence: (occ, title) => `"${occ}" non è un'occorrenza di "${title}".`,
  forbiddenConfirm: (title) => `Solo i responsabili di "${title}" o un amministratore possono confermarlo.`,
  forbiddenConfirmHint:
    'Chiedi a un responsabile di confermare, o a un amministratore di assegnartelo (`assegna <dovere> @te`).',
  forbiddenAdmin:
    'Solo gli amministratori del workspace possono cambiare impostazioni, assegnare doveri, esportare o verificare il registro.',
  forbiddenAdminHint:
    'Chiedi a un amministratore del workspace, o a uno elencato in `impostazioni mostra` alla voce admins.',
  badUrl: (url) => `"${url}" non è un link di evidenza valido: usa un indirizzo completo http:// o https://.`,
  badUrlHint: "Incolla il link all'evidenza (report di backup, ticket, screenshot) come https://…",
  reasonRequired: 'Per saltare serve un motivo, così il registro di audit lo spiega.',
  reasonRequiredHint: 'es. salta backup sito -- sito congelato per migrazione',
  badDuration: (d) => `"${d}" non è una durata che capisco.`,
  badDurationHint: 'Usa 30m, 1h, 3h, 2d, 1w, domani, settimana-prossima o una data-ora ISO.',
  durationTooLong: 'Si può rimandare al massimo di 90 giorni.',
  durationPast: 'Quel momento è già passato; scegline uno futuro.',
  badDate: (d) => `"${d}" non è una data: usa AAAA-MM-GG o una data-ora ISO.`,
  badDateHint: 'es. esporta csv dal 2026-01-01 al 2026-03-31',
  emptyRange: (from, to) => `Niente da esportare tra ${from} e ${to}: l'inizio deve precedere la fine.`,
  badSetting: (key, why) => `L'impostazione "${key}" non è stata cambiata: ${why}`,
  unknownSetting: (key) => `Non esiste un'impostazione chiamata "${key}".`,
  unknownSettingHint: (keys) => `Impostazioni modificabili: ${keys}.`,
  settingsImportBad: (why) => `Le impostazioni non sono state importate: ${why}`,
  unknownService: (s) => `Non conosco un servizio chiamato "${s}".`,
  unknownServiceHint:
    'Servizi: stellar, rocketweb, email, 1backup, mailarchive, rocketbox, rocketnews, sygma, sygma-connect.',
  done: (title, period) => `Registrato: "${title}" (${period}) è fatto.`,
  skipped: (title, period) => `Registrato: "${title}" (${period}) è stato saltato.`,
  snoozed: (title, until) => `Ho rimandato "${title}" fino a ${until}. Te lo ricorderò allora.`,
  duplicate: 'Era già registrato; non ho scritto nulla di nuovo.',
  assigned: (target, users) => `${target} ora è assegnato a ${users}.`,
  unassigned: (target) => `${target} non ha più responsabili (i promemoria si rivolgono al canale).`,
  settingUpdated: (key, value) => `L'impostazione "${key}" ora vale ${value}.`,
  settingsImported: 'Impostazioni importate e validate.',
  settingsImportedDiff: (changed, reset) =>
    [
      changed.length + reset.length === 0 ? 'Impostazioni importate: nulla è cambiato.' : 'Impostazioni importate.',
      ...(changed.length ? ['Cambiate:', ...changed.map((line) => `  ${line}`)] : []),
      ...(reset.length ? ['Riportate ai valori predefiniti:', ...reset.map((key) => `  ${key}`)] : []),
    ].join('\n'),
  pendingTitle: 'I tuoi doveri in sospeso',
  pendingAllTitle: 'Doveri in sospeso in questo workspace',
  settingsTitle: 'Impostazioni del workspace',
  auditOk: (n) => `Il registro di audit è integro: ${n} voci verificate, ogni hash è collegato al precedente.`,
  auditBroken: (n) => `Il registro di audit è stato manomesso (${n} problemi trovati):`,
};

/** One entry per language: a third language is one more object typed `Messages`. */
const MESSAGES: Readonly<Record<Lang, Messages>> = { en, it };

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
