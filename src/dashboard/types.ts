import type { ParsedCommand } from '../commands/grammar.js';
import type { ScheduleOps } from '../commands/schedule-port.js';
import type { Actor, Conversation } from '../commands/types.js';
import type { Knowledge } from '../knowledge/model.js';
import type { ServiceId } from '../knowledge/schema.js';
import type { Store } from '../store/types.js';
import type {
  ConfirmationStatus,
  ConfirmationView,
  DutyRefView,
  Lang,
  OccurrenceState,
  OccurrenceView,
  Reply,
  SourceCitation,
} from '../views/types.js';

/**
 * The web dashboard as the core sees it: who is signed in, and the view models of its pages.
 * Plain data only; adapters/web renders them.
 */

/** A signed-in person: one workspace, one user, for the life of the session. */
export interface DashboardSession {
  workspaceId: string;
  userId: string;
  /** Decided per request by the same rule as chat (settings.admins or the platform fact). */
  isAdmin: boolean;
  /** Sent back with every state-changing form; a request without it is refused (403). */
  csrfToken: string;
  lang: Lang;
  timezone: string;
}

export interface SignedIn {
  /** The cookie value: random, shown once, stored only hashed. */
  sessionId: string;
  session: DashboardSession;
}

export interface PeriodFilters {
  service?: string;
  owner?: string;
  state?: string;
}

export interface PeriodRow {
  occurrence: OccurrenceView;
  /** The signed-in person may confirm it (owner, admin, or nobody owns it). */
  mayConfirm: boolean;
}

export interface PeriodPage {
  lang: Lang;
  timezone: string;
  filters: PeriodFilters;
  /** Services in use, each with its scheduled duties' current occurrences (after filtering). */
  services: { id: ServiceId; name: string; rows: PeriodRow[] }[];
  options: { services: { id: ServiceId; name: string }[]; owners: string[]; states: OccurrenceState[] };
}

export interface DutyPage {
  lang: Lang;
  timezone: string;
  duty: DutyRefView;
  /** Verbatim source text (English) and our Italian rendering. */
  text: string;
  textIt: string;
  source: SourceCitation;
  /** The source's own cadence ("at least monthly / bimonthly"). */
  sourceCadence: string;
  /** How this workspace schedules it, or why it does not. */
  schedule: string | null;
  notScheduled: string | null;
  current: OccurrenceView | null;
  history: ConfirmationView[];
  mayConfirm: boolean;
  snoozeOptions: { id: string; label: string }[];
}

export interface LedgerFilters {
  from?: string;
  to?: string;
  service?: string;
  person?: string;
  kind?: string;
  /** Keyset cursor: show entries before this seq. */
  before?: number;
}

export interface LedgerEntryView {
  seq: number;
  kind: string;
  actor: string;
  at: string;
  hash: string;
  dutyId: string | null;
  dutyTitle: string | null;
  occurrence: string | null;
  status: ConfirmationStatus | null;
  note: string | null;
  evidenceUrl: string | null;
  reason: string | null;
  /** Settings changes and other entries: their payload as compact JSON (shown as text). */
  detail: string | null;
}

export interface ChainStateView {
  ok: boolean;
  /** The first full verification since the server started is still running (ok is false until it ends). */
  checking: boolean;
  /** The first entry the verification names, when broken. */
  brokenAt: number | null;
  problems: string[];
  headSeq: number;
  headHash: string;
  /** When the whole chain was last re-verified (ISO). */
  checkedAt: string;
}

export interface LedgerPageView {
  lang: Lang;
  timezone: string;
  filters: LedgerFilters;
  /** A filter value that could not be read (e.g. a bad date), already phrased. */
  problem: string | null;
  entries: LedgerEntryView[];
  /** Cursor of the next (older) page, null on the last page. */
  next: number | null;
  chain: ChainStateView;
  options: { services: { id: ServiceId; name: string }[]; kinds: readonly string[] };
}

export interface SettingsPage {
  lang: Lang;
  title: string;
  lines: string[];
  yaml: string;
  /** Keys `settings set` accepts (admins edit through the same rules). */
  keys: readonly string[];
}

export interface DashboardConfirmInput {
  dutyId: string;
  occurrence: string;
  status: Exclude<ConfirmationStatus, 'reopened'>;
  note?: string | null;
  evidenceUrl?: string | null;
  reason?: string | null;
  snooze?: string | null;
  idempotencyKey: string;
}

/** What the dashboard offers the web adapter (through the facade). */
export interface DashboardService {
  /**
   * A one-time sign-in link for a person of a workspace (the operator's `dutybot dashboard link`);
   * null when the workspace does not exist. `baseUrl` overrides the public URL (local serving).
   */
  signInLink(
    workspaceId: string,
    userId: string,
    options?: { platformAdmin?: boolean; baseUrl?: string },
  ): Promise<{ url: string; expiresAt: Date } | null>;
  /** Uses a link: a new session the first time, null when used, expired or unknown. */
  signIn(token: string): Promise<SignedIn | null>;
  /** The session behind a cookie value (its idle timeout is extended), or null. */
  session(sessionId: string): Promise<DashboardSession | null>;
  signOut(sessionId: string): Promise<void>;
  period(session: DashboardSession, filters: PeriodFilters): Promise<PeriodPage>;
  duty(session: DashboardSession, dutyId: string): Promise<DutyPage | null>;
  ledger(session: DashboardSession, filters: LedgerFilters): Promise<LedgerPageView>;
  settings(session: DashboardSession): Promise<SettingsPage>;
  /** Done / skip / snooze through the same confirmation as chat buttons. */
  confirm(session: DashboardSession, input: DashboardConfirmInput): Promise<Reply>;
  /** `settings set key value` as the signed-in person (admins; the same rules as chat). */
  changeSetting(session: DashboardSession, key: string, value: string): Promise<Reply>;
  /** `assign <duty or service> @users` (or `none`) as the signed-in person. */
  assign(session: DashboardSession, target: string, users: string[]): Promise<Reply>;
  /** The whole ledger as CSV or JSON (admins, as `export`). */
  export(session: DashboardSession, format: 'csv' | 'json'): Promise<Reply>;
}

/** What the dashboard is built on, given by the composition (src/bot). */
export interface DashboardDeps {
  store: Store;
  knowledge: Knowledge;
  clock: () => Date;
  schedule: ScheduleOps;
  /** `DUTYBOT_PUBLIC_URL` without a trailing slash; links need it (or a `baseUrl`). */
  publicUrl: string | undefined;
  /** Runs a command value as the facade's `run` does (same rules, same ledger entries). */
  run(command: ParsedCommand, actor: Actor, conversation: Conversation): Promise<Reply>;
  /** Confirms as the facade's `confirm` does (buttons and forms). */
  confirm(input: DashboardConfirmInput & { actor: Actor; conversation: Conversation }): Promise<Reply>;
}
