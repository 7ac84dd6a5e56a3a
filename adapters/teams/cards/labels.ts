import { type catalogue, surfaceLabels } from '../../../src/views/catalogue/index.js';
import type { Lang } from '../../../src/views/types.js';

/**
 * Card chrome only (button titles, input labels). Labels every surface shares (section titles,
 * field names such as "Owners" or "Due") come from the core catalogue; sentences that depend on
 * business rules come composed from the core in the view's language.
 */
const EN = {
  done: 'Done',
  snooze: 'Snooze',
  skip: 'Skip',
  confirmDone: 'Confirm done',
  confirmSnooze: 'Snooze it',
  confirmSkip: 'Skip this occurrence',
  noteInput: 'Note (optional)',
  notePlaceholder: 'What was done, anything worth keeping',
  evidenceUrl: 'Evidence link (optional)',
  evidencePlaceholder: 'https://… (report, ticket, screenshot)',
  evidenceInvalid: 'Enter a full link starting with https:// or http://',
  snoozeFor: 'Snooze for',
  snoozeRequired: 'Choose when to be reminded again',
  reasonInput: 'Reason (required)',
  reasonPlaceholder: 'Why this occurrence is skipped',
  reasonRequired: 'A reason is required to skip',
  doneBy: 'Done by',
  skippedBy: 'Skipped by',
  snoozedBy: 'Snoozed by',
  on: 'on',
  ledger: 'Ledger entry',
  retention: 'Retention',
  days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
  nothing: 'Nothing here.',
  entries: (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'}`,
  exportTruncated:
    'The export is longer than a Teams message can hold; run `dutybot export` from the terminal for the full file.',
};

export type Labels = Readonly<typeof EN & ReturnType<typeof catalogue>['ui']>;

const IT: typeof EN = {
  done: 'Fatto',
  snooze: 'Rimanda',
  skip: 'Salta',
  confirmDone: 'Conferma fatto',
  confirmSnooze: 'Rimanda',
  confirmSkip: 'Salta questa scadenza',
  noteInput: 'Nota (facoltativa)',
  notePlaceholder: 'Cosa è stato fatto, dettagli utili',
  evidenceUrl: 'Link alla prova (facoltativo)',
  evidencePlaceholder: 'https://… (report, ticket, screenshot)',
  evidenceInvalid: 'Inserisci un link completo che inizi con https:// o http://',
  snoozeFor: 'Rimanda di',
  snoozeRequired: 'Scegli quando ricordarlo di nuovo',
  reasonInput: 'Motivo (obbligatorio)',
  reasonPlaceholder: 'Perché questa scadenza viene saltata',
  reasonRequired: 'Per saltare serve un motivo',
  doneBy: 'Fatto da',
  skippedBy: 'Saltato da',
  snoozedBy: 'Rimandato da',
  on: 'il',
  ledger: 'Voce del registro',
  retention: 'Conservazione',
  days: (n: number) => `${n} ${n === 1 ? 'giorno' : 'giorni'}`,
  nothing: 'Niente da segnalare.',
  entries: (n: number) => `${n} ${n === 1 ? 'voce' : 'voci'}`,
  exportTruncated:
    "L'esportazione è più lunga di quanto un messaggio Teams possa contenere: esegui `dutybot export` dal terminale per il file completo.",
};

const CHROME: Record<Lang, typeof EN> = { en: EN, it: IT };

/** Built once per language and frozen (see `surfaceLabels`). */
export const labels: (lang: Lang) => Labels = surfaceLabels(CHROME);
