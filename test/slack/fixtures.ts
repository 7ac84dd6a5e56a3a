import { mention } from '../../src/views/mentions.js';
import type { ConfirmationView, DigestView, HomeView, OccurrenceView, ReminderView } from '../../src/views/types.js';

/** View models as the core builds them, in bulk, for rendering tests. */

export function occurrence(i: number, state: OccurrenceView['state'] = 'overdue'): OccurrenceView {
  return {
    duty: {
      id: `rocketweb.customer.synthetic-duty-number-${i}`,
      service: 'rocketweb',
      serviceName: 'RocketWeb - Web Hosting',
      title: `Synthetic duty ${i} with a deliberately long title to stress the layout of lists`,
    },
    occurrence: '2026-11',
    periodLabel: 'November 2026',
    state,
    dueAt: '2026-11-02T08:00:00.000Z',
    deadline: '2026-11-30T17:00:00.000Z',
    ownerIds: ['UOWNER1', 'UOWNER2'],
    channel: 'COPS',
    cadenceLabel: 'at least monthly / bimonthly',
    missedBefore: 0,
    lastConfirmation: null,
  };
}

export function confirmation(i: number): ConfirmationView {
  return {
    dutyId: `rocketweb.customer.synthetic-duty-number-${i}`,
    occurrence: '2026-10',
    status: 'done',
    by: 'UOWNER1',
    at: '2026-10-30T10:00:00.000Z',
    note: 'All good <script> & more',
    evidenceUrl: 'https://tickets.example.com/1',
    reason: null,
    snoozedUntil: null,
    seq: i,
    hash: 'a'.repeat(64),
  };
}

export function bigDigest(n: number): DigestView {
  return {
    lang: 'en',
    workspaceId: 'slack:T0001',
    channel: 'COPS',
    title: 'Weekly GDPR duties digest',
    at: '2026-11-30T08:00:00.000Z',
    overdue: Array.from({ length: n }, (_, i) => occurrence(i, 'overdue')),
    dueToday: Array.from({ length: n }, (_, i) => occurrence(i, 'due')),
    upcoming: Array.from({ length: n }, (_, i) => occurrence(i, 'upcoming')),
    doneSinceLast: Array.from({ length: n }, (_, i) => confirmation(i)),
    services: [
      { service: 'rocketweb', serviceName: 'RocketWeb - Web Hosting', status: 'overdue', line: `${n} overdue` },
      { service: 'email', serviceName: 'E-mail', status: 'ok', line: 'all done' },
    ],
  };
}

export function bigHome(n: number, admin: boolean): HomeView {
  return {
    lang: 'it',
    userId: 'UOWNER1',
    overdue: Array.from({ length: n }, (_, i) => occurrence(i, 'overdue')),
    due: Array.from({ length: n }, (_, i) => occurrence(i, 'due')),
    upcoming: Array.from({ length: n }, (_, i) => occurrence(i, 'upcoming')),
    settingsSummary: admin ? Array.from({ length: 30 }, (_, i) => `setting ${i}: value`) : null,
  };
}

export function reminder(overrides: Partial<ReminderView> = {}): ReminderView {
  return {
    kind: 'reminder',
    lang: 'en',
    workspaceId: 'slack:T0001',
    occurrence: occurrence(1, 'due'),
    headline: `Time for this month’s duty, ${mention('UOWNER1')} <b>&</b>`,
    quote: 'Make a personal backup of your website at least once a month',
    translation: null,
    source: {
      label: 'CoreTech GDPR V.1, 16/04/2020 — RocketWeb - Web Hosting, Customer',
      section: 'RocketWeb - Web Hosting',
    },
    closedBy: null,
    snoozeOptions: [
      { id: '1h', label: 'In 1 hour' },
      { id: 'tomorrow', label: 'Tomorrow' },
      { id: 'next-week', label: 'Next week' },
    ],
    ...overrides,
  };
}
