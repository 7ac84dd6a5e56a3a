import { isLang } from '../views/catalogue/index.js';
import type { WelcomeView } from '../views/types.js';
import { type NoticePayload, readNotice } from './failure-notice.js';

/**
 * What an outbox row stores. Messages are rendered at delivery time from the ledger's current
 * state (so a reminder confirmed before it went out is posted already closed, a digest shows the
 * state when it is read, and retries after a long outage are not stale); the row only says what
 * the message is about.
 */
export type DeliveryPayload =
  | { kind: 'reminder' }
  | { kind: 'followup'; threadKey: string }
  | { kind: 'escalation'; workingDays: number }
  | { kind: 'digest' }
  | { kind: 'update'; targetKey: string }
  /** Welcome messages are composed once, at install time, and stored whole. */
  | { kind: 'welcome'; view: WelcomeView }
  /** Telling the admins a delivery failed for good (see failure-notice.ts). */
  | NoticePayload;

export function readPayload(raw: Record<string, unknown>): DeliveryPayload | null {
  switch (raw.kind) {
    case 'reminder':
    case 'digest':
      return { kind: raw.kind };
    case 'followup':
      return typeof raw.threadKey === 'string' ? { kind: 'followup', threadKey: raw.threadKey } : null;
    case 'escalation':
      return typeof raw.workingDays === 'number' ? { kind: 'escalation', workingDays: raw.workingDays } : null;
    case 'update':
      return typeof raw.targetKey === 'string' ? { kind: 'update', targetKey: raw.targetKey } : null;
    case 'welcome':
      return isWelcomeView(raw.view) ? { kind: 'welcome', view: raw.view } : null;
    case 'notice':
      return readNotice(raw);
    default:
      return null;
  }
}

function isWelcomeView(value: unknown): value is WelcomeView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Partial<WelcomeView>;
  return isLang(view.lang) && typeof view.workspaceId === 'string' && Array.isArray(view.lines);
}
