/**
 * Every sentence and label the core shows people, in English. `it.ts` (and any further language)
 * is typed `Catalogue`, so the compiler refuses a translation with a missing key. Adapters keep
 * only their own chrome (button texts, modal titles) next to their renderers.
 */

import { mention } from '../mentions.js';

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
    // Everything open whose deadline has not passed: a quarterly duty is open for months, not "due today".
    dueToday: 'Open now',
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
    openBeforeInstall: 'open since before dutybot was installed',
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
    reopened: 'reopened',
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
    moreForOthers: (n: number, command: string) => `${n} more assigned to others — \`${command}\``,
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
    `Hi! I'm dutybot: I turn ${f.provider}'s ${f.title} shared-responsibility document (${f.version} of ${f.date}) into reminders and a ledger for your team.`,
    f.examples.question
      ? `Ask me questions ("${f.examples.question}") or type \`${f.prefix}help\`.`
      : `Ask me questions or type \`${f.prefix}help\`.`,
  ],

  /** The setup the welcome walks an installer through (src/bot/welcome.ts): what is set, what is missing, how to set it. */
  setup: {
    addedBy: (installer: string) =>
      `${installer} added me here. An admin of this workspace now sets the services you use, their owners and the channel for the reminders:`,
    lead: 'Before the first reminder, set the services you use, their owners and the channel for the reminders:',
    services: (f: SetupFacts) =>
      f.servicesChosen === null
        ? `⬜ Services: all ${f.allServices} ${f.provider} services until you choose yours: \`${f.prefix}settings set services ${f.examples.services}\``
        : `✅ Services: ${f.servicesChosen} of ${f.allServices} chosen (change: \`${f.prefix}settings set services …\`)`,
    owners: (f: SetupFacts) =>
      f.ownersAssigned
        ? `✅ Owners: assigned (more: \`${f.prefix}assign ${f.examples.service} @someone\`)`
        : `⬜ Owners: nobody yet, so reminders address the whole channel: \`${f.prefix}assign ${f.examples.service} @someone\``,
    channel: (f: SetupFacts) =>
      f.channel === 'missing'
        ? '⬜ Reminders channel: not chosen yet, and no reminder is posted until it is. Pick it below, or add me to a channel.'
        : `✅ Reminders channel: this one (another: \`${f.prefix}settings set default_channel <channel>\`)`,
    timing: (f: SetupFacts) =>
      `Reminders go out at ${f.time} (${f.zone}) on working days${f.digestDay ? `, with a digest on ${f.digestDay}s` : ''}. Duties already open when reminders start are not reminded one by one: see them with \`${f.prefix}pending all\` and in the digest.`,
    personal: (workspace: string | null) =>
      workspace
        ? `This is your personal chat with me. Here I act on ${workspace}: ask questions, see \`pending\`, mark duties \`done\`. Reminders go to the team's channel; its admins choose services, owners and channels.`
        : 'This is your personal chat with me: ask questions about the duties, or add me to your team so I can remind it (an admin there chooses services, owners and channels).',
  },

  /** Sentences of answers (`src/answer`). */
  answer: {
    yourTeam: 'your team',
    retentionSentence: (days: number) => `Kept for ${days} days.`,
    retentionShort: (days: number) => `kept ${days} days`,
    noRetentionStated: (services: string) => `The document states no retention period for ${services}.`,
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
    alsoMentioned: (names: string) => `It names ${names} only in passing.`,
    abstainMentioned: (source: string, names: string) =>
      `I don't know that: the ${source} shared-responsibility page, the only source I answer from, names ${names} only in passing and says nothing of what you asked.`,
    abstainUnmentioned: (source: string, things: string) =>
      `I don't know that: the ${source} shared-responsibility page, the only source I answer from, doesn't cover ${things}.`,
    /** A word the person typed, named back as theirs. */
    quoted: (word: string) => `“${word}”`,
    abstainUnknown: (source: string) =>
      `I don't know that: it isn't covered by the ${source} shared-responsibility page, which is the only source I answer from.`,
    abstainOffer: (provider: string) =>
      `I can tell you who does what on ${provider}'s services, how often, and how long data is kept, for example:`,
    abstainOfferServices: (services: string) =>
      `On ${services} I can tell you who does what and how often, for example:`,
    /** Examples offered for a service the question named: both parties' duties there. */
    serviceExamples: (provider: string, service: string) => [
      `What do we have to do for ${service}?`,
      `What does ${provider} do for ${service}?`,
    ],
    emptyQuestion: (provider: string) =>
      `Ask me about the GDPR duties shared between ${provider} and your team, for example:`,
    more: (n: number) => (n === 1 ? ' One related item below.' : ` ${n} related items below.`),
  },

  /** What the bot understands, for `help` / `aiuto`: the same text on every surface. */
  help: {
    intro: (d: DocumentFacts) =>
      `I'm dutybot: I know ${d.provider}'s ${d.title} shared-responsibility document (${d.version} of ${d.date}) and I remind the team of the customer's duties. Ask me a question or use a command.`,
    commands: [
      { usage: '<question>', description: 'who does what, and how often, for every service of the document' },
      { usage: 'pending [all]', description: 'your duties that are due or overdue (all: the whole workspace)' },
      { usage: 'done <duty> [note] [link]', description: 'record a duty as done, with a note and an evidence link' },
      { usage: 'skip <duty> <reason>', description: 'record a skipped duty (a reason is required)' },
      {
        usage: 'reopen <duty> for <period> -- <reason>',
        description: 'undo a done or skip, on the record, so the period can be confirmed again (owners, admins)',
      },
      { usage: 'snooze <duty> <duration>', description: 'remind later (1h, 2d, tomorrow, next-week)' },
      { usage: 'assign <duty|service> @person', description: 'choose the internal owners (admins)' },
      { usage: 'history <duty>', description: 'the confirmations recorded for a duty' },
      { usage: 'digest', description: 'overdue, open now, upcoming, recently done' },
      { usage: 'settings show|set|import', description: 'services, time zone, channels, times (admins to change)' },
      { usage: 'export [csv|json] [from …] [to …]', description: 'the ledger for an auditor (admins)' },
      {
        usage: 'audit [head | verify --against <head>]',
        description: 'check the ledger has not been tampered with; state its head to note elsewhere (admins)',
      },
      { usage: 'dashboard', description: 'a private, one-time sign-in link to the web dashboard' },
    ],
    /** The pack's own example questions, then a confirmation naming one of its duties. */
    examples: (e: ExampleFacts) => [
      ...e.questions,
      `done ${e.duty} -- all checked https://wiki.example.com/evidence-42`,
    ],
  },
  /** Refusals about who and where: owners, channels, buttons bound to their message. */
  binding: {
    notAPerson: (names: string) =>
      `${names}: owners must be people, mentioned one by one — not @channel, @here, @everyone or a user group. Nothing was changed.`,
    notAPersonHint: 'Mention each owner, e.g. `assign <service> @marta @luca`.',
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

  /** The confirmation ledger's own sentences: closings, reopenings, periods, backfills, the chain head. */
  ledger: {
    /** A duty's occurrence named in ledger sentences: "Website backup" (November 2026). */
    occurrenceOf: (title: string, period: string) => `"${title}" (${period})`,
    alreadyClosed: (occurrence: string, status: string, by: string, at: string) =>
      `${occurrence} was already ${status === 'done' ? 'done' : 'skipped'} by ${mention(by)} on ${at}; nothing was written.`,
    alreadyClosedHint: (period: string) =>
      `To change it, an owner or admin reopens it first: \`reopen <duty> for ${period} -- <reason>\`.`,
    reopened: (occurrence: string) =>
      `Reopened ${occurrence}; it can now be confirmed again. The reopening is in the ledger.`,
    notClosed: (occurrence: string) => `${occurrence} is not closed, so there is nothing to reopen.`,
    reopenNeedsPeriod:
      'Which period? A reopen names it, e.g. `reopen website backup for 2026-11 -- recorded by mistake`.',
    forbiddenReopen: (title: string) => `Only the owners of "${title}" or an admin can reopen it.`,
    badPeriod: (typed: string, title: string, format: string, example: string) =>
      `"${typed}" is not a period of "${title}": it is confirmed per period written ${format}, e.g. ${example}. Nothing was written.`,
    badPeriodHint:
      'Periods are written 2026-11-30 (day), 2026-W49 (week), 2026-11 (month), 2026-B6 (two months), 2026-Q4 (quarter).',
    /** How each cadence writes its periods. */
    periodFormat: {
      daily: 'YYYY-MM-DD',
      weekly: 'YYYY-Www',
      monthly: 'YYYY-MM',
      bimonthly: 'YYYY-Bn (n = 1–6)',
      quarterly: 'YYYY-Qn (n = 1–4)',
    },
    beforeInstall: (period: string, title: string, since: string) =>
      `${period} of "${title}" had already ended when dutybot was set up here (${since}); nothing was written.`,
    beforeInstallHint: (period: string) =>
      `An admin can record it as a backfill: \`done <duty> for ${period} --backfill -- <reason>\`.`,
    backfillNotNeeded: (period: string) =>
      `${period} was still open when dutybot was set up here: confirm it without --backfill.`,
    backfillForbidden: 'Only a workspace admin can record a backfill.',
    backfillNeedsReason: 'A backfill needs a reason after `--`, so the ledger says why it was recorded late.',
    backfillNeedsReasonHint: 'e.g. done website backup for 2026-10 --backfill -- copied from the October paper log',
    /** The marker every surface shows next to a backfilled entry. */
    backfillMarker: 'backfill',
    tooLong: (field: string, length: number, max: number) =>
      `${field} is too long (${length} characters; at most ${max}). Nothing was written.`,
    tooLongHint: 'Shorten it, or put the details in the linked evidence.',
    fields: { note: 'The note', reason: 'The reason', evidenceUrl: 'The evidence link' },
    head: (seq: number, hash: string) => `Ledger head: ${seq} entries, #${seq} ${hash}`,
    againstOk: (seq: number) => `The ledger still extends the head you noted (entry #${seq}).`,
    againstBroken: (why: string) => `The ledger does not extend the head you noted: ${why}.`,
    againstMissing: (seq: number, count: number) => `entry #${seq} no longer exists (the ledger has ${count} entries)`,
    againstDiffers: (seq: number) => `entry #${seq} now has a different hash`,
    againstUnknownHash: (count: number) => `no entry of the ledger (${count} entries) has that hash`,
    badHead: (typed: string) =>
      `"${typed}" is not a ledger head: use the hash from a digest or \`audit head\`, optionally as <seq>:<hash>.`,
  },

  /** Citing the provider document: every part comes from the knowledge data. */
  source: {
    document: (provider: string, title: string, version: string, date: string) =>
      `${provider} ${title} ${version}, ${date}`,
    customerSection: 'Customer',
  },

  /** Replies of the command layer (`src/commands`): usage, refusals, confirmations. */
  commands: {
    usage: {
      done: 'done <duty> [note] [evidence-url]   e.g. done restore test -- restored mailbox X https://wiki/…',
      skip: 'skip <duty> <reason>   e.g. skip website backup -- site frozen for migration',
      reopen: 'reopen <duty> for <period> -- <reason>   e.g. reopen website backup for 2026-11 -- recorded by mistake',
      snooze: 'snooze <duty> <duration>   e.g. snooze restore test 2d   (1h, 3h, 2d, 1w, tomorrow, next-week)',
      assign: 'assign <duty|service|fallback> @user [@user…] | none',
      history: 'history <duty>',
      settings: 'settings show | settings set <key> <value> | settings import <yaml>',
      export: 'export [csv|json] [from YYYY-MM-DD] [to YYYY-MM-DD]',
    },
    usageLine: (usage: string) => `Usage: ${usage}`,
    problems: {
      missing_duty: 'Which duty? Name it by id or with a few words.',
      missing_reason: 'A skip needs a reason, so the ledger explains it.',
      missing_duration: 'How long? Add a duration such as 1h, 2d, tomorrow or next-week.',
      missing_target: 'Assign what? Name a duty, a service or "fallback".',
      missing_users: 'Assign to whom? Mention one or more people, or say "none" to clear.',
      bad_settings: 'That settings command is incomplete.',
      bad_export: 'I could not read that export request.',
    },
    unknownDuty: (ref: string) => `I don't know a customer duty called "${ref}".`,
    unknownDutyHint: 'Try `pending` to see your duties with their ids, or use a few words of the duty and its service.',
    ambiguous: (ref: string) => `"${ref}" could mean several duties; nothing was changed.`,
    ambiguousHint: 'Repeat the command with the duty id or more words (e.g. the service name).',
    notScheduled: (title: string, why: string) => `"${title}" is not scheduled in this workspace (${why}).`,
    whyNotScheduled: {
      provider: 'the provider does it, not your team',
      service: 'the service is not in use here — see `settings set services …`',
      cadence: 'it happens on an event or on request, or its review is switched off',
    },
    notScheduledHint: 'Ask about it instead, or change the cadence settings.',
    notDueYet: (title: string, due: string) => `"${title}" is not due yet: the next occurrence is due ${due}.`,
    notDueYetHint: 'Confirm it once it is due; a late confirmation is always accepted.',
    alreadyClosed: (title: string, status: string, by: string, at: string, next: string) =>
      `"${title}" is already ${status === 'done' ? 'done' : 'skipped'} for this period (${mention(by)}, ${at}); the next occurrence is due ${next}.`,
    alreadyClosedHint: 'To correct an earlier period, name it: e.g. `done <duty> for 2026-11`.',
    unknownOccurrence: (occ: string, title: string) => `"${occ}" is not an occurrence of "${title}".`,
    forbiddenConfirm: (title: string) => `Only the owners of "${title}" or an admin can confirm it.`,
    forbiddenConfirmHint: 'Ask an owner to confirm, or an admin to assign it to you (`assign <duty> @you`).',
    forbiddenAdmin: 'Only workspace admins can change settings, assign duties, export or verify the ledger.',
    forbiddenAdminHint: 'Ask a workspace admin, or one listed in `settings show` under admins.',
    badUrl: (url: string) => `"${url}" is not a valid evidence link: use a full http:// or https:// address.`,
    badUrlHint: 'Paste the link to the evidence (backup report, ticket, screenshot) as https://…',
    reasonRequired: 'A skip needs a reason, so the ledger explains it.',
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
    auditOk: (n: number) => `The ledger is intact: ${n} entries verified, every hash links to the previous one.`,
    auditBroken: (n: number) => `The ledger has been tampered with (${n} problems found):`,
  },
  /** Store behaviour rules (Slack Marketplace, Teams Store): ways forward, links, personal messages. */
  storeRules: {
    /** After a link that leaves the chat app (evidence, public pages). */
    opensInBrowser: 'opens in your browser',
    /** Under an answer that found nothing: never a dead end (`prefix`: `/duty ` on Slack's command). */
    typeHelp: (prefix: string) => `Type \`${prefix}help\` to see everything I can do.`,
    personalOff:
      'Done: I will not message you personally in this workspace any more. Reminders in channels still come. Type `start reminders to me` to undo.',
    personalOn: 'Done: I will message you personally again in this workspace when something needs you.',
    /** The help entry of the command above. */
    helpCommand: {
      usage: 'stop reminders to me | start reminders to me',
      description: 'turn my personal messages to you off or on (channel reminders are not affected)',
    },
    /** A channel set in the settings that dutybot was not invited to: it never posts there uninvited. */
    notInvited: (channel: string) =>
      `I am not in ${channel}, and I only post where I was invited, so the setting was not changed.`,
    notInvitedHint: 'Add me to that channel first (e.g. mention me there and invite me), then set it again.',
    /** Links to the operator's public pages (App Home, Teams welcome). */
    support: 'Support',
    privacy: 'Privacy policy',
    /** Heads a personal message (one chat for every team): which team it comes from. */
    personalFrom: (team: string) => `From the team “${team}”`,
  },

  /**
   * The public web pages (adapters/web/public): landing, after install, privacy policy, terms,
   * support. Operator facts (name, contact, data location, retention) come in as arguments.
   */
  publicPages: {
    /** This language's name in itself, for the language switch on every page. */
    languageName: 'English',
    nav: { landing: 'Home', privacy: 'Privacy', terms: 'Terms', support: 'Support' },
    languageNav: 'Language',
    /** Shown under every page when DUTYBOT_OPERATOR_NAME is set (nothing is shown without it). */
    operatedBy: (operator: string) => `This dutybot server is run by ${operator}.`,
    contactLabel: 'Contact',
    noContact:
      'The operator has not published a contact address: ask the admin who installed dutybot in your Slack workspace or Teams tenant.',
    landing: {
      title: 'GDPR duties, in Slack and Teams',
      lead: "dutybot turns your hosting provider's GDPR shared-responsibility document into answers, reminders and a tamper-evident ledger of confirmations, where your team already talks: Slack and Microsoft Teams.",
      whatHeading: 'What it does',
      what: [
        'Answers "who does what, and how often" for every service the document covers, citing it.',
        "Reminds the owners of the customer's duties when they are due, follows up, and escalates when they are not done.",
        'Records each done, skipped or reopened duty, with its note and evidence link, in a hash-chained ledger an auditor can verify and export.',
        'Sends a weekly digest of what is overdue, open, upcoming and done.',
      ],
      dependsHeading: 'What it needs',
      depends: [
        "dutybot is for teams that use a hosting provider's services: every duty comes from that provider's GDPR shared-responsibility document, loaded on this server.",
        'After the install, a workspace admin chooses the services the team uses, the channel for reminders and the owners of the duties; until then reminders cover every service and address the channel.',
      ],
      languages: 'Complete in English and Italian: each workspace picks its language.',
      slackHeading: 'In Slack',
      slack: [
        'Mention @dutybot in a channel, write to it in a direct message, or use the /duty command (for example /duty pending).',
        'Reminders arrive in the chosen channel with Done, Snooze and Skip buttons; the App Home shows your pending duties.',
      ],
      teamsHeading: 'In Microsoft Teams',
      teams: [
        'Mention dutybot in a team channel or chat with it personally; type help for the commands.',
        'Reminders arrive as cards with Done, Snooze and Skip.',
      ],
      installHeading: 'Install',
      installSlack: 'Add to Slack',
      installSlackNote: 'Slack shows the permissions dutybot asks for before anything is installed.',
      installTeams:
        'Microsoft Teams: a Teams admin uploads the dutybot app package (a .zip file prepared by the operator) in the Teams admin center under Manage apps → Upload, or in Teams under Apps → Manage your apps → Upload an app.',
      installTeamsAsk: 'To receive the Teams app package, write to the contact below.',
      noInstall: 'This server offers no self-service install: the operator installs dutybot for your team.',
    },
    installed: {
      title: "You're set",
      lead: 'dutybot is installed. Next steps:',
      steps: [
        'dutybot has sent a welcome message to the person who installed it: it lists the current settings.',
        'Add dutybot to the channel for reminders: /invite @dutybot in Slack, or add the app to a team in Teams.',
        'Choose the services your team uses: settings set services followed by their ids (services lists them)',
        'Assign owners: assign <service> @someone',
        'Ask a question, for example: who handles the backups?',
      ],
      commandNote:
        'In Slack, write the commands after /duty (for example /duty help); in Teams, write them to dutybot.',
      openSlack: 'Open dutybot in Slack',
    },
    privacy: {
      title: 'Privacy policy',
      controller: (operator: string) =>
        `This dutybot server is run by ${operator}, who decides how it is used and answers for the data below. The hosting provider whose document dutybot explains receives nothing from it.`,
      controllerUnnamed:
        'The organisation that runs this dutybot server decides how it is used and answers for the data below. The hosting provider whose document dutybot explains receives nothing from it.',
      dataLocation: (place: string) => `The data is stored in: ${place}.`,
      dataLocationUnknown: "The data is stored in the operator's database; the contact below can say where it is.",
      storedHeading: 'What is stored',
      stored: [
        'Ledger entries: for each duty recorded as done, skipped or reopened, the duty, the period, the user id of who recorded it, the time, and the note, reason and evidence link typed with it. Snoozes are kept the same way.',
        'Notes and evidence links: the text and links people add to a confirmation, exactly as typed.',
        'User ids: the Slack or Teams ids of the people who use dutybot, are assigned duties or are named admins; never names, e-mail addresses or passwords.',
        'Settings of the workspace: services, time zone, reminder channel and times, owners, admins, language, and whether the language model may be used.',
        'Messages waiting to be sent (reminders, follow-ups, digests) and a record of which were delivered.',
        'Installation credentials (Slack bot tokens), encrypted at rest (see Security).',
        'Logs: the server writes operational logs (errors, deliveries, workspace, channel and user ids) to its error stream. They never contain tokens or secrets.',
      ],
      receivedHeading: 'What is received and not kept',
      received: [
        'Questions asked to dutybot are answered and not stored.',
        'Slack and Teams send dutybot the direct messages written to it and the channel messages that mention it; it reads them to answer and keeps only what a command records.',
        'User profiles are read to check who is an admin and which workspace a person belongs to; names, emails and pictures are not stored. Platform event ids are kept for a short time, so that an event delivered twice is handled once.',
      ],
      llmHeading: 'Language model',
      llmOn: (host: string) =>
        `When dutybot's built-in engine cannot answer a question, this server may send the question and the list of services your team uses to the language model at ${host}. The model only picks passages of the provider's document; the reply is always dutybot's own text. No ledger entry, note, user id or token is sent.`,
      llmOff:
        "This server uses no language model: every answer comes from dutybot's built-in engine, and no question leaves the server.",
      llmOptOut:
        'A workspace admin turns the language model off for the workspace with the command settings set llm off; the operator turns it off for every workspace with DUTYBOT_LLM=off.',
      retentionHeading: 'How long data is kept',
      retentionInstalled:
        "While dutybot is installed, the ledger and settings are kept: the ledger is your team's record of its GDPR duties.",
      retentionUninstall: (days: number) =>
        `When a workspace uninstalls dutybot, its credentials are deleted at once. Its ledger and settings are kept for ${days} days, so that a re-install restores everything and an admin can still export them; then they are deleted, with everything else kept for that workspace.`,
      retentionTombstone:
        'The ledger is deleted as a whole, never entry by entry. What remains is a tombstone with the workspace id, the number of entries, the final hash of the chain and the date, so the deletion itself can be audited.',
      retentionLogs: "Logs are kept as long as the operator's log collection keeps them.",
      rightsHeading: 'Access, export and deletion',
      rights: [
        'A workspace admin can export the whole ledger at any time with the command export csv or export json.',
        'To ask for access to the data about you, a copy, a correction or the deletion of a workspace, write to the contact below; no account is needed. A deletion on request removes the workspace at once, with the same tombstone.',
        'Ledger entries are never edited: a mistaken confirmation is reopened, and the reopening is itself recorded.',
      ],
      securityHeading: 'Security',
      security: [
        'Installation tokens are encrypted at rest with AES-256-GCM, under a key the operator keeps outside the database (DUTYBOT_ENCRYPTION_KEY). Tokens never appear in logs, exports or web pages.',
        "Requests from Slack are checked against Slack's signature; requests from Teams against Microsoft's signed tokens.",
        'Text typed by people is shown as text on every surface, never as markup or as a mention.',
      ],
    },
    terms: {
      title: 'Terms of use',
      provider: (operator: string) =>
        `dutybot is provided by ${operator} to help your team keep the duties that your hosting provider's GDPR shared-responsibility document gives to its customers.`,
      providerUnnamed:
        "dutybot is provided by the organisation that runs this server to help your team keep the duties that your hosting provider's GDPR shared-responsibility document gives to its customers.",
      items: [
        'dutybot explains a document and reminds you of it; it is not legal advice. The document itself and your agreements with your provider decide what you must do.',
        'What your team records (confirmations, skips, notes and evidence links) are your own statements; dutybot keeps them unchanged in its ledger.',
        "Use dutybot for its purpose only: do not try to reach other workspaces' data or to disrupt the service.",
        'The service is provided as it is, without a guarantee of availability; reminders also depend on Slack and Microsoft Teams delivering them.',
        'Your data is handled as the privacy policy says. These terms may change; the version on this page is the current one.',
      ],
    },
    support: {
      title: 'Support',
      lead: 'No account is needed: write to the contact below, or ask dutybot itself.',
      inChat: 'In a chat with dutybot, type help (aiuto in Italian) for the commands, with examples.',
      include:
        'Please say which Slack workspace or Teams team you write about and what you typed; never send passwords or tokens.',
      faqHeading: 'Common questions',
      faq: [
        {
          question: 'Reminders do not arrive.',
          answer: 'dutybot must be in the reminder channel: invite it there, and ask an admin to check settings show.',
        },
        {
          question: 'A duty was confirmed by mistake.',
          answer:
            'Its owner or an admin reopens it: reopen <duty> for <period> -- <reason>. The reopening is recorded.',
        },
        {
          question: 'How do I get our data, or have it deleted?',
          answer: 'An admin exports the ledger with export csv; for a deletion, write to the contact below.',
        },
      ],
    },
  },

  /** The web dashboard (issue 14): the chat command that hands out a sign-in link, and the pages. */
  dashboard: {
    linkReady: (minutes: number) =>
      `Your dashboard sign-in link: it works once, for ${minutes} minutes. Do not share it; anyone who opens it is signed in as you.`,
    linkSentPrivately: 'I sent your dashboard sign-in link in a personal chat: only you can see it.',
    askInPersonalChat:
      'A sign-in link is personal: ask me `dashboard` in a personal chat with me and I will send it there.',
    notConfigured:
      'The dashboard is not configured on this server: the operator turns it on by setting DUTYBOT_PUBLIC_URL.',
    outsiders: 'The dashboard is for members of this workspace only.',
    open: 'Open the dashboard',
    product: 'Compliance dashboard',
    nav: {
      period: 'This period',
      ledger: 'Ledger',
      settings: 'Settings',
      export: 'Export',
      calendar: 'Calendar',
      signOut: 'Sign out',
    },
    signedInAs: (user: string, role: string) => `Signed in as ${user} (${role})`,
    roleAdmin: 'admin: sees and edits everything',
    roleMember: 'member: reads everything, confirms own duties',
    signIn: {
      title: 'Sign in to the dashboard',
      how: 'Ask the bot for a sign-in link: /duty dashboard in Slack, dashboard in Teams or in the terminal chat. A link works once, for 10 minutes.',
      refused: 'This sign-in link has already been used or has expired. Ask the bot for a new one.',
      signedOut: 'You are signed out.',
    },
    notFound: 'Page not found',
    notFoundText: 'There is no such page in this workspace.',
    csrfRefused: 'This form is out of date (its security token is missing or wrong). Reload the page and try again.',
    period: {
      title: 'This period',
      intro: 'Each scheduled duty of the services in use, with its current occurrence.',
      filters: 'Filter',
      service: 'Service',
      owner: 'Owner',
      state: 'State',
      any: 'any',
      unowned: 'nobody assigned',
      apply: 'Apply filters',
      nothing: 'No duty matches these filters.',
    },
    table: {
      duty: 'Duty',
      period: 'Period',
      state: 'State',
      owners: 'Owners',
      confirmed: 'Confirmed by',
      when: 'When',
      evidence: 'Evidence',
      note: 'Note',
      reason: 'Reason',
      due: 'Due',
      deadline: 'Deadline',
      seq: '#',
      kind: 'Kind',
      actor: 'By',
      detail: 'Details',
      hash: 'Hash',
    },
    duty: {
      sourceText: 'As the source states it (English)',
      italian: 'In Italian',
      sourceCadence: 'Cadence in the source',
      schedule: 'How this workspace schedules it',
      notScheduled: (why: string) => `Not scheduled here: ${why}.`,
      current: 'Current occurrence',
      history: 'Occurrence history',
      noHistory: 'No confirmations recorded yet.',
      confirm: 'Confirm this occurrence',
      readOnly: 'You can read this duty; only its owners and the admins confirm it.',
    },
    confirm: {
      done: 'Mark done',
      note: 'Note (optional)',
      evidence: 'Evidence link (optional, https://…)',
      skip: 'Skip',
      reason: 'Reason (required)',
      snooze: 'Snooze',
      until: 'For how long',
    },
    ledger: {
      title: 'Ledger',
      intro: 'Every entry of the hash-chained ledger, newest first.',
      from: 'From (YYYY-MM-DD)',
      to: 'To (YYYY-MM-DD)',
      person: 'Person (user id)',
      kind: 'Kind',
      chainOk: 'Chain verified',
      chainChecking: 'Verifying the whole chain (the first time since the server started): reload in a moment.',
      chainBroken: (seq: number | null) => (seq === null ? 'Chain broken' : `Chain broken at entry #${seq}`),
      head: (seq: number, hash: string) => `Head: entry #${seq}, hash ${hash}`,
      checkedAt: (at: string) => `Whole chain last verified ${at}; newer entries are checked link by link.`,
      older: 'Older entries',
      newest: 'Newest entries',
      none: 'No entry matches these filters.',
      badDate: (value: string) => `"${value}" is not a date: use YYYY-MM-DD.`,
    },
    settings: {
      title: 'Settings',
      readOnly: 'Only admins change settings; you can read them.',
      change: 'Change a setting',
      key: 'Setting',
      value: 'New value',
      save: 'Save',
      assign: 'Assign owners',
      target: 'Duty or service',
      users: 'User ids (comma-separated), or none',
      assignSave: 'Assign',
      yaml: 'As YAML (what settings import accepts)',
    },
    export: {
      title: 'Export',
      intro: 'The whole ledger, as the export command writes it.',
      csv: 'Download CSV',
      json: 'Download JSON',
      adminsOnly: 'Only admins export the ledger.',
    },
  },

  /** Answers shaped for the workspace: one item for a duty several services repeat, the schedule's own view. */
  composedAnswer: {
    /** "MailBox, MailVault and Remotix". */
    serviceList: (...names: string[]) =>
      names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`,
    or: ' or ',
    /** What the workspace's reminders will ask for: the schedule, not the source's words. */
    reminded: (who: string, count: number, cadence: string) =>
      `${who} has ${count} ${plural(count, 'duty', 'duties')} to do ${cadence}: the ones this workspace's reminders will ask for ${cadence} (services in use, cadence settings applied).`,
    remindedNone: (cadence: string) =>
      `This workspace sends no reminder ${cadence}: no duty of the services in use is scheduled ${cadence} (cadence settings applied).`,
    /** "What services does Acme offer?" */
    services: (provider: string, count: number, list: string) =>
      `${provider}'s page covers ${count} services: ${list}.`,
  },

  /** Calendar feeds (ICS): the feed's name and each event's description lines. */
  calendar: {
    workspaceFeed: (workspace: string) => `GDPR duties — ${workspace}`,
    personFeed: (workspace: string, user: string) => `GDPR duties of ${user} — ${workspace}`,
    service: 'Service',
    period: 'Period',
    owners: 'Owners',
    noOwners: 'nobody assigned yet',
    state: 'State',
    deadline: 'Deadline',
    dutyPage: 'Duty page',
    /** The dashboard page that lists, creates and revokes feeds. */
    page: {
      title: 'Calendar feeds',
      intro:
        'Subscribe to a feed in your calendar app (Google Calendar, Outlook, Apple Calendar): every occurrence of the next 12 months, and the open ones, at the reminder time. The address is secret: anyone who has it sees the feed, until it is revoked.',
      createMine: 'Create a feed of my duties',
      createWorkspace: 'Create a feed of every duty (admins)',
      created: 'Your new feed address (shown only now; copy it into your calendar app):',
      feedAddress: 'Feed address',
      none: 'No calendar feeds yet.',
      id: 'Feed',
      person: 'Duties of',
      everyone: 'everyone',
      createdAt: 'Created',
      createdBy: 'By',
      state: 'State',
      live: 'active',
      revokedAt: (when: string) => `revoked ${when}`,
      revoke: 'Revoke',
      revokeLabel: (id: string) => `Revoke feed ${id}`,
      revoked: (id: string) => `Feed ${id} revoked: its address no longer works.`,
      notRevoked: (id: string) => `There is no active feed ${id} you may revoke.`,
      adminsOnly: 'Only admins create a feed of every duty.',
    },
  },
  /** The auditor pack: one zip an auditor verifies offline (dashboard export page). */
  auditorPack: {
    link: 'Download the auditor pack (zip)',
    about:
      'The whole ledger (CSV and JSON), the chain verification report, the knowledge pack and its source document, the settings in force, and a README telling an auditor how to re-verify the chain offline from the CSV alone.',
    adminsOnly: 'Only admins download the auditor pack.',
  },
};

/** The provider document as the knowledge data names it; the date already formatted. */
export interface DocumentFacts {
  provider: string;
  title: string;
  version: string;
  date: string;
}

/** The pack's examples, as the welcome and help show them (src/views/examples.ts). */
export interface ExampleFacts {
  /** A comma list of service ids, for `settings set services`. */
  services: string;
  /** One service id, for `assign`. */
  service: string;
  /** Words naming one customer duty, for `done`. */
  duty: string;
  /** The pack's example questions in the reply language. */
  questions: readonly string[];
  /** The first of them, or null when the pack has none. */
  question: string | null;
}

export interface WelcomeFacts extends DocumentFacts {
  examples: ExampleFacts;
  /** What precedes a command on this surface ("/duty " on Slack, "" elsewhere). */
  prefix: string;
}

/** What the setup checklist states about a workspace (src/bot/welcome.ts computes it). */
export interface SetupFacts {
  provider: string;
  examples: ExampleFacts;
  prefix: string;
  time: string;
  zone: string;
  digestDay: string | null;
  /** How many services were chosen; null while the workspace still has every service (the default). */
  servicesChosen: number | null;
  allServices: number;
  ownersAssigned: boolean;
  /** Reminders go to the channel the welcome is in, or nowhere yet (welcomed in a DM). */
  channel: 'here' | 'missing';
}

export type Catalogue = typeof en;
