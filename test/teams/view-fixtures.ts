import { mention } from '../../src/views/mentions.js';
import type {
  ConfirmationView,
  DigestView,
  HelpView,
  OccurrenceView,
  ReminderView,
  Reply,
  WelcomeView,
} from '../../src/views/types.js';

/**
 * One example of every view model the Teams adapter renders, in both languages, so the card
 * validation test covers every card shape (including closed, snoozed and error states).
 */

export const USER_ANNA = 'aad-anna';
export const USER_MARCO = 'aad-marco';
export const NAMES = new Map([
  [USER_ANNA, 'Anna Rossi'],
  [USER_MARCO, 'Marco Bianchi'],
]);

const duty = {
  id: 'rocketweb.customer.website-backup',
  service: 'rocketweb' as const,
  serviceName: 'RocketWeb - Web Hosting',
  title: 'Website backup',
};

export const confirmation: ConfirmationView = {
  dutyId: duty.id,
  occurrence: '2026-11',
  status: 'done',
  by: USER_ANNA,
  at: '2026-11-28T10:15:30.123Z',
  note: 'Backup checked, restore of index.php OK',
  evidenceUrl: 'https://tickets.example.com/T-42',
  reason: null,
  snoozedUntil: null,
  seq: 7,
  hash: 'a3f1c9e2b4d5a3f1c9e2b4d5a3f1c9e2b4d5a3f1c9e2b4d5a3f1c9e2b4d5abcd',
};

export const occurrence: OccurrenceView = {
  duty,
  occurrence: '2026-11',
  periodLabel: 'November 2026',
  state: 'due',
  dueAt: '2026-11-28T08:00:00.000Z',
  deadline: '2026-11-30T17:00:00.000Z',
  ownerIds: [USER_ANNA, 'aad-unknown'],
  channel: '19:general@thread.tacv2',
  cadenceLabel: 'at least monthly / bimonthly',
  missedBefore: 2,
  lastConfirmation: null,
};

export function reminderView(lang: 'en' | 'it' = 'en', closedBy: ConfirmationView | null = null): ReminderView {
  return {
    kind: 'reminder',
    lang,
    workspaceId: 'teams:tenant-1:19:general@thread.tacv2',
    occurrence,
    headline:
      lang === 'it'
        ? `Promemoria per ${mention('aad-anna')}: backup del sito di novembre 2026`
        : `Reminder for ${mention('aad-anna')}: website backup for November 2026`,
    quote: 'Make a backup of the website at least monthly / bimonthly (*files and databases*)',
    translation: lang === 'it' ? 'Fare un backup del sito almeno mensile / bimestrale' : null,
    source: { label: 'CoreTech GDPR V.1 of 16/04/2020 — RocketWeb - Web Hosting, Customer', section: 'RocketWeb' },
    closedBy,
    snoozeOptions: [
      { id: '1h', label: lang === 'it' ? '1 ora' : '1 hour' },
      { id: 'tomorrow', label: lang === 'it' ? 'domani' : 'tomorrow' },
      { id: 'next-week', label: lang === 'it' ? 'settimana prossima' : 'next week' },
    ],
  };
}

export const digest: DigestView = {
  lang: 'en',
  workspaceId: 'teams:tenant-1:19:general@thread.tacv2',
  channel: '19:general@thread.tacv2',
  title: 'Weekly GDPR duties digest',
  at: '2026-11-30T08:00:00Z',
  overdue: [{ ...occurrence, state: 'overdue' }],
  dueToday: [occurrence],
  upcoming: [{ ...occurrence, ownerIds: [], state: 'upcoming' }],
  doneSinceLast: [confirmation],
  services: [
    { service: 'rocketweb', serviceName: 'RocketWeb - Web Hosting', status: 'overdue', line: '1 overdue, 1 due today' },
    { service: 'email', serviceName: 'E-mail', status: 'ok', line: 'all confirmed' },
  ],
};

export const help: HelpView = {
  lang: 'en',
  intro: 'Ask who does what under the GDPR, or use a command:',
  commands: [
    { usage: 'pending', description: 'What is due or overdue' },
    { usage: 'done <duty> [note] [link]', description: 'Confirm a duty' },
  ],
  examples: ['who backs up the website?', 'done website backup all good https://example.com/r'],
};

export const welcome: WelcomeView = {
  lang: 'en',
  workspaceId: 'teams:tenant-1:19:general@thread.tacv2',
  lines: ['Hi, I am dutybot.', `I remind ${mention('aad-anna')} and the team of GDPR duties.`],
};

export function everyReply(): Reply[] {
  return [
    {
      kind: 'answer',
      lang: 'en',
      answer: {
        lang: 'en',
        question: 'who backs up the website?',
        summary: `Your team backs up the website at least monthly / bimonthly; owner ${mention('aad-anna')}.`,
        items: [
          {
            id: duty.id,
            kind: 'duty',
            service: 'rocketweb',
            serviceName: duty.serviceName,
            performer: { party: 'customer', label: 'your team', ownerIds: [USER_ANNA] },
            cadenceLabel: 'at least monthly / bimonthly',
            retentionDays: 30,
            quote: 'Make a backup of the website',
            translation: null,
            source: { label: 'CoreTech GDPR V.1 of 16/04/2020', section: 'RocketWeb - Web Hosting' },
            errata: ['The source says "bimonthly" without saying which meaning.'],
          },
          {
            id: 'gdpr-definition',
            kind: 'fact',
            service: null,
            serviceName: null,
            performer: null,
            cadenceLabel: null,
            retentionDays: null,
            quote: 'The GDPR is the EU regulation 2016/679.',
            translation: null,
            source: { label: 'CoreTech GDPR V.1 of 16/04/2020', section: 'Definition of the GDPR' },
            errata: [],
          },
        ],
        abstained: false,
        suggestions: [],
      },
    },
    {
      kind: 'answer',
      lang: 'it',
      answer: {
        lang: 'it',
        question: 'che tempo fa?',
        summary: 'Non trovo nulla nella pagina GDPR di CoreTech su questo.',
        items: [],
        abstained: true,
        suggestions: ['chi fa il backup del sito?', 'ogni quanto si aggiornano le password?'],
      },
    },
    {
      kind: 'error',
      lang: 'en',
      code: 'ambiguous_duty',
      message: 'Which duty do you mean?',
      hint: 'Use the duty id or more words.',
      candidates: [duty, { ...duty, id: 'stellar.customer.backup', title: 'Server backup' }],
    },
    {
      kind: 'error',
      lang: 'it',
      code: 'forbidden',
      message: `Solo ${mention('aad-anna')} o un amministratore può confermarlo.`,
      hint: null,
      candidates: [],
    },
    {
      kind: 'confirmed',
      lang: 'en',
      message: 'Website backup for November 2026 confirmed.',
      confirmation,
      duplicate: false,
    },
    {
      kind: 'confirmed',
      lang: 'it',
      message: 'Rimandato.',
      confirmation: {
        ...confirmation,
        status: 'snoozed',
        snoozedUntil: '2026-11-29T08:00:00Z',
        note: null,
        evidenceUrl: null,
      },
      duplicate: false,
    },
    { kind: 'pending', lang: 'en', title: 'Pending duties', items: [occurrence, { ...occurrence, state: 'overdue' }] },
    { kind: 'pending', lang: 'it', title: 'Niente in sospeso', items: [] },
    {
      kind: 'history',
      lang: 'en',
      duty,
      entries: [confirmation, { ...confirmation, status: 'skipped', reason: 'Site offline' }],
    },
    { kind: 'history', lang: 'it', duty, entries: [] },
    { kind: 'digest', lang: 'en', digest },
    {
      kind: 'settings',
      lang: 'en',
      title: 'Settings',
      lines: ['Language: en', 'Time zone: Europe/Rome'],
      yaml: 'language: en\ntimezone: Europe/Rome\n',
    },
    { kind: 'updated', lang: 'it', message: 'Impostazioni aggiornate.' },
    {
      kind: 'export',
      lang: 'en',
      format: 'csv',
      filename: 'dutybot-ledger.csv',
      content: `seq,duty,status\n${'1,rocketweb.customer.website-backup,done\n'.repeat(500)}`,
      entries: 500,
    },
    { kind: 'audit', lang: 'en', ok: true, message: 'Checked 12 entries.', problems: [] },
    { kind: 'audit', lang: 'en', ok: false, message: 'Checked 12 entries.', problems: ['entry 4 was edited'] },
    { kind: 'help', lang: 'en', help },
  ];
}
