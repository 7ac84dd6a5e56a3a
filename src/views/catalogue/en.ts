/**
 * Every sentence and label the core shows people, in English. `it.ts` (and any further language)
 * is typed `Catalogue`, so the compiler refuses a translation with a missing key. Adapters keep
 * only their own chrome (button texts, modal titles) next to their renderers.
 */

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const en = {
  /** Intl locale for month and weekday names (luxon). */
  locale: 'en-GB',

  /** Labels every surface shows around the view models (plain text, Slack, Teams). */
  ui: {
    overdue: 'Overdue',
    dueToday: 'Due today',
    upcoming: 'Upcoming',
    doneSinceLast: 'Confirmed since the last digest',
    services: 'Services',
    owners: 'Owners',
    noOwner: 'nobody assigned yet',
    by: 'by',
    until: 'until',
    note: 'Note',
    evidence: 'Evidence',
    reason: 'Reason',
    due: 'Due',
    deadline: 'Deadline',
    period: 'Period',
    source: 'Source',
    who: 'Who',
    howOften: 'How often',
    translation: 'In Italian',
    tryAsking: 'Try asking',
    errata: 'Note on the source',
    didYouMean: 'Did you mean',
    concerning: 'Duty',
    commands: 'Commands',
    examples: 'Examples',
    noHistory: 'No confirmations recorded yet.',
    nothingPending: 'Nothing pending. 🎉',
    auditOk: 'Audit chain intact',
    auditBroken: 'Audit chain broken',
    exported: (n: number, format: string) => `Exported ${n} ledger entries as ${format}.`,
    closed: (status: string, by: string, at: string) => `✔ ${status} by ${by}, ${at}`,
    missedShort: (n: number) => `(${n} earlier ${plural(n, 'occurrence', 'occurrences')} left unconfirmed)`,
  },

  states: {
    upcoming: 'upcoming',
    due: 'due',
    overdue: 'overdue',
    done: 'done',
    skipped: 'skipped',
    snoozed: 'snoozed',
  },

  /** How a scheduled duty recurs in the workspace. */
  periodCadence: {
    daily: 'every working day',
    weekly: 'every week',
    monthly: 'every month',
    bimonthly: 'every two months',
    quarterly: 'every quarter',
  },
  review: {
    daily: 'daily review',
    weekly: 'weekly review',
    monthly: 'monthly review',
    bimonthly: 'bimonthly review',
    quarterly: 'quarterly review',
  },
  /** The source document's cadence, as answers and "(source: …)" notes word it. */
  sourceCadence: {
    daily: 'every day',
    weekly: 'every week',
    monthly: 'every month',
    at_least_monthly_bimonthly: 'at least monthly / bimonthly',
    periodic: 'periodically',
    ongoing: 'on an ongoing basis',
    on_event: 'whenever it happens',
    on_request: "at the customer's request",
    as_configured: 'as configured, based on your needs',
    one_off: 'once, when setting up',
  },
  schedule: {
    onWeekday: (day: string) => `, on ${day}`,
    onDayOfMonth: (day: number) => `, on the ${ordinal(day)}`,
    source: (cadence: string) => ` (source: ${cadence})`,
  },
  period: {
    week: (week: number, year: number) => `week ${week}, ${year}`,
    quarter: (quarter: number, year: number, from: string, to: string) => `Q${quarter} ${year} (${from}–${to})`,
  },
  snooze: { '1h': 'In 1 hour', tomorrow: 'Tomorrow', 'next-week': 'Next week' },
  missedNote: (n: number) => (n === 1 ? '1 earlier occurrence was missed.' : `${n} earlier occurrences were missed.`),

  /** Reminder, follow-up and escalation headlines; `who` is mentions or `everyone`. */
  reminder: {
    everyone: 'Everyone here',
    review: (who: string, title: string, period: string, deadline: string) =>
      `${who}: periodic review — please confirm “${title}” is still in place (${period}, by ${deadline}).`,
    overdue: (who: string, title: string, period: string, deadline: string) =>
      `${who}: “${title}” for ${period} is overdue (deadline ${deadline}).`,
    due: (who: string, title: string, period: string, deadline: string) =>
      `${who}: “${title}” is due for ${period} (by ${deadline}).`,
    backFromSnooze: (text: string) => `Back from snooze — ${text}`,
    followup: (who: string, title: string, period: string, since: string) =>
      `${who}, a nudge: “${title}” for ${period} is still open (due since ${since}).`,
    escalation: (title: string, period: string, days: number, owners: string) =>
      `Escalation: “${title}” for ${period} is still open after ${days} working days. ${owners}`,
    escalationOwners: (owners: string) => `Owners: ${owners}.`,
    escalationNobody: 'Nobody is assigned: use `assign` to set an owner.',
    skipped: (title: string, period: string, by: string, when: string) =>
      `“${title}” for ${period}: skipped by ${by} on ${when}.`,
    skipReason: (reason: string) => ` Reason: ${reason}`,
    done: (title: string, period: string, by: string, when: string) =>
      `“${title}” for ${period}: done by ${by} on ${when}.`,
  },

  pending: {
    mine: 'Your duties',
    all: 'Workspace duties',
    nothing: (scope: string) => `${scope}: nothing pending.`,
    open: (scope: string, open: number, snoozed: number) =>
      `${scope}: ${open} open${snoozed > 0 ? `, ${snoozed} snoozed` : ''}.`,
  },

  /** `settings show` and the App Home summary: values explained in the reply language. */
  settings: {
    where: (homeChannel: string | null) =>
      homeChannel
        ? `${homeChannel} (where the bot was added)`
        : '(none yet: add the bot to a channel — until then no reminders are sent)',
    defaultChannel: '(the default channel)',
    platformAdmins: '(platform admins only)',
    digestOn: (weekday: string, time: string) => `every ${weekday} at ${time}`,
    digestOff: 'off',
    escalation: (follow: number, escalate: number, channel: string) =>
      `follow-up after ${follow} working ${plural(follow, 'day', 'days')}, escalate after ${escalate} → ${channel}`,
    cadence: (monthly: string, periodic: string, ongoing: string, configured: string) =>
      `at least monthly → ${monthly}, periodic → ${periodic}, ongoing review → ${ongoing}, as configured → ${configured}`,
  },

  /** The first message in a new workspace; facts come from the settings and the document. */
  welcome: (f: WelcomeFacts) => [
    `Hi! I'm dutybot: I turn ${f.provider}'s ${f.title} shared-responsibility document (${f.version} of ${f.date}) into reminders and an audit ledger for your team.`,
    `${f.inChannel ? "From now on I'll remind you here" : "Pick the channel for the reminders, or add me to a channel: from then on I'll remind it"} of the customer duties of every ${f.provider} service, at ${f.time} (${f.zone}) on working days${f.digestDay ? `, with a digest on ${f.digestDay}s` : ''}.`,
    `Narrow it to the services you use: \`${f.prefix}settings set services rocketweb,email,1backup\``,
    `Assign owners: \`${f.prefix}assign rocketweb @someone\` (until someone is assigned, reminders address the channel).`,
    `Duties already open today are not reminded one by one: see them with \`${f.prefix}pending all\` and in the digest.`,
    `Ask me questions ("who handles backups on RocketWeb?") or type \`${f.prefix}help\`.`,
  ],

  /** Sentences of answers (`src/answer`). */
  answer: {
    yourTeam: 'your team',
    retentionSentence: (days: number) => `Backups are kept for ${days} days.`,
    retentionShort: (days: number) => `backups kept ${days} days`,
    onService: (service: string) => `On ${service}`,
    providerJob: (provider: string) => `this is ${provider}'s job`,
    teamJob: (owners: string) => `this is your team's job${owners}`,
    bothParties: 'both parties have a part',
    listWho: {
      customer: (owners: string) => `Your team${owners}`,
      both: (provider: string) => `${provider} and your team`,
    },
    listHeadline: (who: string, both: boolean, count: number, cadence: string | null, scope: string | null) =>
      `${who} ${both ? 'have' : 'has'} ${count} ${plural(count, 'duty', 'duties')}${cadence ? ` to do ${cadence}` : ''}${scope ? ` on ${scope}` : ' across all services'}:`,
    noDutiesWho: {
      provider: (provider: string) => provider,
      customer: (_provider: string) => 'your team',
      both: (provider: string) => `${provider} or your team`,
    },
    noDuties: (source: string, who: string, cadence: string | null, scope: string | null) =>
      `The ${source} page gives ${who} no duty${cadence ? ` to do ${cadence}` : ''}${scope ? ` on ${scope}` : ''}.`,
    factLead: (title: string, provider: string) => `${title} — here is what ${provider}'s GDPR page says:`,
    abstainForeign: (source: string, foreign: string) =>
      `I don't know that: I only answer from the ${source} shared-responsibility page, and it says nothing about ${foreign}.`,
    abstainUnknown: (source: string) =>
      `I don't know that: it isn't covered by the ${source} shared-responsibility page, which is the only source I answer from.`,
    abstainOffer: (provider: string) =>
      `I can tell you who does what on ${provider}'s services, how often, and how long backups are kept, for example:`,
    emptyQuestion: (provider: string) =>
      `Ask me about the GDPR duties shared between ${provider} and your team, for example:`,
    more: (n: number) => (n === 1 ? ' One related item below.' : ` ${n} related items below.`),
  },

  /** What the bot understands, for `help` / `aiuto`: the same text on every surface. */
  help: {
    intro: (d: DocumentFacts) =>
      `I'm dutybot: I know ${d.provider}'s ${d.title} shared-responsibility document (${d.version} of ${d.date}) and I remind the team of the customer's duties. Ask me a question or use a command.`,
    commands: [
      { usage: '<question>', description: 'who does what, and how often, for every CoreTech service' },
      { usage: 'pending [all]', description: 'your duties that are due or overdue (all: the whole workspace)' },
      { usage: 'done <duty> [note] [link]', description: 'record a duty as done, with a note and an evidence link' },
      { usage: 'skip <duty> <reason>', description: 'record a skipped duty (a reason is required)' },
      { usage: 'snooze <duty> <duration>', description: 'remind later (1h, 2d, tomorrow, next-week)' },
      { usage: 'assign <duty|service> @person', description: 'choose the internal owners (admins)' },
      { usage: 'history <duty>', description: 'the confirmations recorded for a duty' },
      { usage: 'digest', description: 'overdue, due today, upcoming, recently done' },
      { usage: 'settings show|set|import', description: 'services, time zone, channels, times (admins to change)' },
      { usage: 'export [csv|json] [from …] [to …]', description: 'the audit ledger for an auditor (admins)' },
      { usage: 'audit', description: 'check the audit ledger has not been tampered with (admins)' },
    ],
    examples: [
      'who handles backups on RocketWeb?',
      'how long are email backups kept?',
      'done restore test 1backup -- restored mailbox info@ https://wiki.example.com/restore-42',
    ],
  },
  /** Refusals about who and where: owners, channels, buttons bound to their message. */
  binding: {
    notAPerson: (names: string) =>
      `${names}: owners must be people, mentioned one by one — not @channel, @here, @everyone or a user group. Nothing was changed.`,
    notAPersonHint: 'Mention each owner, e.g. `assign rocketweb @marta @luca`.',
    otherMessage: 'That button does not match the message it was clicked on, so nothing was recorded.',
    otherMessageHint: 'Use the buttons of the reminder itself, or type `done <duty>`.',
    unknownChannel: (channel: string) =>
      `${channel} is not a channel of this workspace (or I cannot see it), so the setting was not changed.`,
    channelCheckFailed: (channel: string) =>
      `I could not check ${channel} with the platform just now, so the setting was not changed. Please try again in a minute.`,
    unknownChannelHint: 'Pick a channel of this workspace and add me to it, then try again.',
    noLongerSupported: (prefix: string) =>
      `This button or form is no longer supported: nothing was done. Type \`${prefix}pending\` to see your duties.`,
  },
  digest: {
    title: (week: string) => `GDPR duties digest — ${week}`,
    noDuties: 'no scheduled duties.',
    overdue: (n: number) => `${n} overdue`,
    due: (n: number) => `${n} due`,
    allInOrder: (closed: number, total: number) => `all in order (${closed}/${total} confirmed)`,
    missed: (n: number) => `${n} earlier occurrences missed`,
  },

  /** Citing the provider document: every part comes from the knowledge data. */
  source: {
    document: (provider: string, title: string, version: string, date: string) =>
      `${provider} ${title} ${version}, ${date}`,
    customerSection: 'Customer',
  },
};

/** The provider document as the knowledge data names it; the date already formatted. */
export interface DocumentFacts {
  provider: string;
  title: string;
  version: string;
  date: string;
}

export interface WelcomeFacts extends DocumentFacts {
  time: string;
  zone: string;
  /** Weekday name of the digest, null when the digest is off. */
  digestDay: string | null;
  /** What precedes a command on this surface ("/duty " on Slack, "" elsewhere). */
  prefix: string;
  /** Welcomed in a channel (reminders go there) or elsewhere (a DM, the App Home: one must be picked). */
  inChannel: boolean;
}

export type Catalogue = typeof en;
