import type { OccurrenceState } from '../occurrences/types.js';
import type { ConfirmationStatus } from '../store/types.js';

/** Defined by the layers that compute them; re-exported because every view speaks of them. */
export type { ConfirmationStatus, OccurrenceState };

/**
 * View models: what the core returns and what adapters render (text, Block Kit, Adaptive Cards).
 * Plain data only — no platform types. User ids are platform user ids; adapters turn them into
 * mentions. Every view carries `lang` so adapters can pick labels; user-facing sentences that
 * depend on business rules are already composed by the core (in `lang`).
 */
import type { Party, ServiceId } from '../knowledge/schema.js';

export type Lang = 'en' | 'it';

/** Who performs a duty, as shown to users. */
export interface Performer {
  party: Party;
  /** "CoreTech" or "your team" / "il vostro team". */
  label: string;
  /** Internal owners (platform user ids) for customer duties, when assigned. */
  ownerIds: string[];
}

export interface SourceCitation {
  /** e.g. "CoreTech GDPR V.1 of 16/04/2020 — RocketWeb - Web Hosting, Customer". */
  label: string;
  section: string;
}

/** One duty or fact that answers a question. */
export interface AnswerItemView {
  id: string;
  kind: 'duty' | 'fact';
  service: ServiceId | null;
  serviceName: string | null;
  performer: Performer | null;
  /** Localized cadence phrase, e.g. "every day", "at least monthly / bimonthly". */
  cadenceLabel: string | null;
  retentionDays: number | null;
  /** Verbatim source text (English). */
  quote: string;
  /** Italian rendering when lang is 'it'. */
  translation: string | null;
  source: SourceCitation;
  /** Errata notes that concern this item, localized. */
  errata: string[];
}

export interface AnswerView {
  lang: Lang;
  question: string;
  /** One or two sentences answering plainly (who, how often). */
  summary: string;
  items: AnswerItemView[];
  abstained: boolean;
  /** For abstentions and vague questions: example questions the bot can answer. */
  suggestions: string[];
  /** Set when a language model suggested the match: the small-print note saying so, in `lang`. */
  modelSuggestion?: string;
}

export interface DutyRefView {
  id: string;
  service: ServiceId;
  serviceName: string;
  title: string;
}

export interface OccurrenceView {
  duty: DutyRefView;
  /** Occurrence key, e.g. "2026-11-28", "2026-W48", "2026-11", "2026-Q4". */
  occurrence: string;
  /** Human label of the period, localized, e.g. "November 2026". */
  periodLabel: string;
  state: OccurrenceState;
  /** ISO instants. */
  dueAt: string;
  deadline: string;
  ownerIds: string[];
  channel: string | null;
  cadenceLabel: string;
  /** Older occurrences of the same duty left unconfirmed (for catch-up notes). */
  missedBefore: number;
  lastConfirmation: ConfirmationView | null;
  /** Open since before dutybot was installed (never shown as overdue). */
  openBeforeInstall?: boolean;
}

export interface ConfirmationView {
  dutyId: string;
  /** The duty's title in the view's language, where the view lists several duties (digests). */
  dutyTitle?: string;
  occurrence: string;
  status: ConfirmationStatus;
  by: string;
  /** ISO instant. */
  at: string;
  note: string | null;
  evidenceUrl: string | null;
  reason: string | null;
  snoozedUntil: string | null;
  /** Audit chain position and hash. */
  seq: number;
  hash: string;
  /** Recorded by an admin for a period that ended before the workspace existed: every surface marks it. */
  backfill?: true;
}

export interface ReminderView {
  kind: 'reminder' | 'followup' | 'escalation';
  lang: Lang;
  workspaceId: string;
  occurrence: OccurrenceView;
  /** Localized sentence for the top of the message. */
  headline: string;
  /** Verbatim duty text and its translation (when lang is 'it'). */
  quote: string;
  translation: string | null;
  source: SourceCitation;
  /** Set when the occurrence has been confirmed: the reminder is then updated in place. */
  closedBy: ConfirmationView | null;
  /** Set while the occurrence is snoozed (who, until when); unlike closedBy the controls stay. */
  snoozedBy?: ConfirmationView | null;
  /** Snooze choices offered as buttons. */
  snoozeOptions: { id: string; label: string }[];
}

export interface DigestServiceLine {
  service: ServiceId;
  serviceName: string;
  status: 'ok' | 'due' | 'overdue';
  line: string;
}

export interface DigestView {
  lang: Lang;
  workspaceId: string;
  channel: string | null;
  title: string;
  /** ISO instant the digest was built for. */
  at: string;
  overdue: OccurrenceView[];
  dueToday: OccurrenceView[];
  upcoming: OccurrenceView[];
  doneSinceLast: ConfirmationView[];
  services: DigestServiceLine[];
  /**
   * "Ledger head: N entries, #N <hash>": each digest takes the chain head out of the database, so
   * a later rewrite of history is caught by `audit verify --against` with a head noted here.
   */
  ledgerHead?: string;
}

export interface HomeView {
  lang: Lang;
  userId: string;
  overdue: OccurrenceView[];
  due: OccurrenceView[];
  upcoming: OccurrenceView[];
  /** Only for admins. */
  settingsSummary: string[] | null;
  /** Set while reminders have nowhere to go (no home or default channel): ask for one. */
  askForChannel?: boolean;
}

export interface WelcomeView {
  lang: Lang;
  workspaceId: string;
  lines: string[];
  /** Welcomed outside any channel (e.g. after an OAuth install): the surface offers a channel picker. */
  askForChannel?: boolean;
}

export interface HelpView {
  lang: Lang;
  intro: string;
  commands: { usage: string; description: string }[];
  examples: string[];
}

export type ErrorCode =
  | 'bad_usage'
  | 'unknown_duty'
  | 'ambiguous_duty'
  | 'not_scheduled'
  | 'not_due_yet'
  | 'already_closed'
  | 'bad_value'
  | 'forbidden'
  | 'not_found';

/** The result of one user command (typed text, slash command, button or form). */
export type Reply =
  | { kind: 'answer'; lang: Lang; answer: AnswerView }
  | {
      kind: 'error';
      lang: Lang;
      code: ErrorCode;
      message: string;
      /** What to do instead. */
      hint: string | null;
      candidates: DutyRefView[];
    }
  | { kind: 'confirmed'; lang: Lang; message: string; confirmation: ConfirmationView; duplicate: boolean }
  | {
      kind: 'pending';
      lang: Lang;
      title: string;
      items: OccurrenceView[];
      /** "N more assigned to others — `pending all`" when the list leaves some out. */
      footer?: string | null;
    }
  | { kind: 'history'; lang: Lang; duty: DutyRefView; entries: ConfirmationView[] }
  | { kind: 'digest'; lang: Lang; digest: DigestView }
  | { kind: 'settings'; lang: Lang; title: string; lines: string[]; yaml: string }
  | { kind: 'updated'; lang: Lang; message: string }
  | { kind: 'export'; lang: Lang; format: 'csv' | 'json'; filename: string; content: string; entries: number }
  | { kind: 'audit'; lang: Lang; ok: boolean; message: string; problems: string[] }
  | { kind: 'help'; lang: Lang; help: HelpView }
  /**
   * A sign-in link to the web dashboard (null when the dashboard is not configured). It is
   * personal: every surface shows it to the requester only.
   */
  | { kind: 'dashboard'; lang: Lang; message: string; url: string | null };

/** Everything the scheduler asks a surface to post: a view model, rendered by the adapter. */
export type OutboundMessage =
  | { kind: 'reminder' | 'followup' | 'escalation'; view: ReminderView }
  | { kind: 'digest'; view: DigestView }
  | { kind: 'welcome'; view: WelcomeView };
