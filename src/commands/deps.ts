import type { Duty, Knowledge } from '../knowledge/model.js';
import type { ChannelDirectory } from '../ports/channel-directory.js';
import type { Platform, Store, WorkspaceRow } from '../store/types.js';
import type { ConfirmationStatus, Reply } from '../views/types.js';
import type { ScheduleOps } from './schedule-port.js';
import type { Actor, Conversation } from './types.js';

/** What every command module needs from the rest of the core, kept narrow on purpose. */
export interface ExecuteDeps {
  knowledge: Knowledge;
  store: Store;
  schedule: ScheduleOps;
  /** The platform's channel list (none for the terminal, where a channel is just a name). */
  channels?(platform: Platform): ChannelDirectory | undefined;
  /** Answers a free question for this workspace (owners feed the answer). */
  ask(question: string, workspace: WorkspaceRow | null): Reply | Promise<Reply>;
  /**
   * A one-time dashboard sign-in link for the actor, and how many minutes it works; null when the
   * dashboard is not configured (no public URL).
   */
  signInLink?(workspace: WorkspaceRow, actor: Actor): Promise<{ url: string; minutes: number } | null>;
}

export interface ExecuteInput {
  text: string;
  actor: Actor;
  conversation: Conversation;
  now: Date;
  idempotencyKey: string | null;
}

/** The input of a command that arrives already parsed (no text to read). */
export type ParsedCommandInput = Omit<ExecuteInput, 'text'>;

export interface ConfirmationRequest {
  duty: Duty;
  occurrence: string | null;
  status: ConfirmationStatus;
  note: string | null;
  evidenceUrl: string | null;
  reason: string | null;
  snooze: string | null;
  /** `--backfill`: a period that ended before the workspace existed (admins, with a reason). */
  backfill?: boolean;
  /** The duty and occurrence of the stored message the click came from, if any. */
  boundTo?: { dutyId: string; occurrence: string } | null;
}
