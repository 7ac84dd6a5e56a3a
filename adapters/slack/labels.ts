import { type catalogue, surfaceLabels } from '../../src/views/catalogue/index.js';
import type { Lang } from '../../src/views/types.js';

/**
 * Words of the Slack user interface itself (buttons, modal titles, slash-command hints). Labels
 * every surface shares (section titles, field names) come from the core catalogue; sentences that
 * depend on business rules come already composed from the core.
 */
const EN = {
  done: 'Done',
  snooze: 'Snooze',
  snoozePlaceholder: 'Snooze…',
  skip: 'Skip',
  share: 'Share in channel',
  sharedBy: (user: string) => `Shared by ${user}`,
  retention: (days: number) => `kept for ${days} days`,
  closedDone: (by: string, at: string) => `✅ Done by ${by} on ${at}`,
  closedSkipped: (by: string, at: string) => `⏭️ Skipped by ${by} on ${at}`,
  closedSnoozed: (by: string, until: string) => `💤 Snoozed by ${by} until ${until}`,
  more: (n: number, what: string, hint: string) => `…and ${n} more ${what} — ${hint}`,
  morePlain: (n: number) => `…and ${n} more`,
  runPending: 'run /duty pending',
  runHistory: 'run /duty history <duty>',
  homeTitle: 'Your duties',
  homeNothing: 'Nothing assigned to you is due. 🎉',
  settings: 'Workspace settings',
  help: 'dutybot help',
  doneModalTitle: 'Mark as done',
  skipModalTitle: 'Skip this time',
  submit: 'Confirm',
  cancel: 'Cancel',
  notePlaceholder: 'What did you do? (optional)',
  evidenceLabel: 'Evidence link',
  evidencePlaceholder: 'https://… (ticket, report, screenshot)',
  reasonPlaceholder: 'Why is it skipped this time?',
  reasonRequired: 'A reason is required to skip a duty.',
  exportSent: (filename: string, entries: number) =>
    `I sent ${filename} (${entries} entries) to you in a direct message: exports never go into a channel.`,
  exportFailed: 'I could not deliver the export file to your direct messages. Please try again in a minute.',
  working: 'Working on it…',
  somethingWrong: 'Something went wrong on my side; please try again in a minute.',
  pickChannel: 'Where should I post the reminders? Pick a channel (or invite me to one).',
  pickChannelPlaceholder: 'Pick a channel…',
  channelAdopted: 'From now on I post the GDPR duty reminders for this workspace here.',
  channelPicked: (channel: string) => `Reminders will go to ${channel}.`,
  inviteMe: (channel: string) =>
    `Please invite me to ${channel} (type \`/invite @dutybot\` there) so I can post the reminders.`,
  /** A first `/duty` in a channel the bot is not in: it never posts there uninvited. */
  inviteMeHere:
    'I am not in this channel, so I will not post reminders here. To have them here, type `/invite @dutybot` in this channel; or pick a channel in the message I sent you.',
  adminCheckFailed:
    'I could not check your role with Slack just now, so nothing was recorded. Please try again in a minute.',
  historyTitle: (title: string) => `History — ${title}`,
};

const IT: typeof EN = {
  done: 'Fatto',
  snooze: 'Rimanda',
  snoozePlaceholder: 'Rimanda…',
  skip: 'Salta',
  share: 'Condividi nel canale',
  sharedBy: (user) => `Condiviso da ${user}`,
  retention: (days) => `conservati per ${days} giorni`,
  closedDone: (by, at) => `✅ Fatto da ${by} il ${at}`,
  closedSkipped: (by, at) => `⏭️ Saltato da ${by} il ${at}`,
  closedSnoozed: (by, until) => `💤 Rimandato da ${by} fino a ${until}`,
  more: (n, what, hint) => `…e altri ${n} ${what} — ${hint}`,
  morePlain: (n) => `…e altri ${n}`,
  runPending: 'usa /duty pending',
  runHistory: 'usa /duty history <attività>',
  homeTitle: 'Le tue attività',
  homeNothing: 'Nessuna attività assegnata a te è in scadenza. 🎉',
  settings: 'Impostazioni del workspace',
  help: 'Guida di dutybot',
  doneModalTitle: 'Segna come fatto',
  skipModalTitle: 'Salta questa volta',
  submit: 'Conferma',
  cancel: 'Annulla',
  notePlaceholder: 'Cosa hai fatto? (facoltativo)',
  evidenceLabel: 'Link di evidenza',
  evidencePlaceholder: 'https://… (ticket, report, screenshot)',
  reasonPlaceholder: 'Perché la salti questa volta?',
  reasonRequired: "Serve un motivo per saltare un'attività.",
  exportSent: (filename, entries) =>
    `Ti ho inviato ${filename} (${entries} voci) in un messaggio diretto: le esportazioni non vanno mai in un canale.`,
  exportFailed: 'Non sono riuscito a consegnarti il file di esportazione in privato. Riprova tra un minuto.',
  working: 'Ci sto lavorando…',
  somethingWrong: 'Qualcosa è andato storto da parte mia; riprova tra un minuto.',
  pickChannel: 'Dove devo pubblicare i promemoria? Scegliete un canale (o invitatemi in uno).',
  pickChannelPlaceholder: 'Scegli un canale…',
  channelAdopted: 'Da ora pubblico qui i promemoria dei doveri GDPR di questo workspace.',
  channelPicked: (channel) => `I promemoria andranno in ${channel}.`,
  inviteMe: (channel) =>
    `Invitatemi in ${channel} (scrivete \`/invite @dutybot\` lì) così posso pubblicare i promemoria.`,
  inviteMeHere:
    'Non sono in questo canale, quindi qui non pubblico promemoria. Per averli qui, scrivete `/invite @dutybot` in questo canale; oppure scegliete un canale nel messaggio che vi ho inviato.',
  adminCheckFailed:
    'Non sono riuscito a verificare il tuo ruolo su Slack, quindi non ho registrato nulla. Riprova tra un minuto.',
  historyTitle: (title) => `Storico — ${title}`,
};

export type SlackLabels = Readonly<typeof EN & ReturnType<typeof catalogue>['ui']>;

const CHROME: Record<Lang, typeof EN> = { en: EN, it: IT };

/** Built once per language and frozen (see `surfaceLabels`). */
export const labels: (lang: Lang) => SlackLabels = surfaceLabels(CHROME);
