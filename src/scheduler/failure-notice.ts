import type { Knowledge } from '../knowledge/model.js';
import type { DeliveryRow, NewDelivery, WorkspaceRow } from '../store/types.js';
import type { WelcomeView } from '../views/types.js';

/**
 * Telling a workspace's admins that a message could not be delivered, with the platform's own
 * hint on how to fix it (e.g. "invite it with /invite @dutybot"). One notice per channel per day:
 * a channel the bot was removed from makes the reminder, its follow-up and the digest fail, and
 * the admins need to hear it once, not three times.
 */

export interface NoticePayload {
  kind: 'notice';
  failedKey: string;
  failedKind: string;
  channel: string;
  dutyId: string | null;
  reason: string;
}

/**
 * A notice waits a little: the messages already due go first, and the other failures of the same
 * burst (a reminder and the digest of one channel) are folded into the same day's notice.
 */
const NOTICE_DELAY_MS = 10 * 60_000;

export function noticeKey(workspaceId: string, channel: string, at: Date): string {
  return `${workspaceId}|notice|${channel}|${at.toISOString().slice(0, 10)}`;
}

/** The notice row enqueued (in the same transaction) when `row` is marked failed for good. */
export function failureNotice(
  workspace: WorkspaceRow,
  row: DeliveryRow,
  reason: string,
  now: Date,
): NewDelivery | undefined {
  // Notices and in-place updates are not reported (no loops; an update lost is cosmetic).
  if (row.kind === 'notice' || row.kind === 'update') return undefined;
  const payload: NoticePayload = {
    kind: 'notice',
    failedKey: row.key,
    failedKind: row.kind,
    channel: row.channel,
    dutyId: row.dutyId,
    reason,
  };
  return {
    key: noticeKey(workspace.id, row.channel, now),
    workspaceId: workspace.id,
    kind: 'notice',
    dutyId: row.dutyId,
    occurrence: row.occurrence,
    channel: workspace.homeChannel ?? '',
    payload: { ...payload },
    createdAt: now,
    notBefore: new Date(now.getTime() + NOTICE_DELAY_MS),
  };
}

const WHAT: Record<'en' | 'it', Record<string, string>> = {
  en: {
    reminder: 'the reminder',
    followup: 'the follow-up',
    escalation: 'the escalation',
    digest: 'the weekly digest',
    welcome: 'the welcome message',
  },
  it: {
    reminder: 'il promemoria',
    followup: 'il sollecito',
    escalation: "l'escalation",
    digest: 'il riepilogo settimanale',
    welcome: 'il messaggio di benvenuto',
  },
};

/** The notice's text, in the workspace language. The reason is the adapter's own (English) hint. */
export function noticeView(workspace: WorkspaceRow, notice: NoticePayload, knowledge: Knowledge): WelcomeView {
  const lang = workspace.settings.language;
  const duty = notice.dutyId ? knowledge.dutyById.get(notice.dutyId) : undefined;
  const title = duty ? (lang === 'it' ? duty.title_it : duty.title) : null;
  const what = WHAT[lang][notice.failedKind] ?? notice.failedKind;
  const lines =
    lang === 'it'
      ? [
          `⚠️ dutybot non è riuscito a consegnare ${what}${title ? ` per «${title}»` : ''} nel canale ${notice.channel}.`,
          `Motivo: ${notice.reason}`,
          'Il compito resta aperto: solleciti ed escalation continuano nei canali che funzionano. Dopo aver risolto, i prossimi messaggi arriveranno normalmente.',
        ]
      : [
          `⚠️ dutybot could not deliver ${what}${title ? ` for “${title}”` : ''} to channel ${notice.channel}.`,
          `Why: ${notice.reason}`,
          'The duty stays open: follow-ups and escalations still go out through the channels that work. Once fixed, the next messages arrive normally.',
        ];
  return { lang, workspaceId: workspace.id, lines };
}

export function readNotice(raw: Record<string, unknown>): NoticePayload | null {
  if (raw.kind !== 'notice') return null;
  const { failedKey, failedKind, channel, reason } = raw;
  if (typeof failedKey !== 'string' || typeof failedKind !== 'string' || typeof channel !== 'string') return null;
  if (typeof reason !== 'string') return null;
  return {
    kind: 'notice',
    failedKey,
    failedKind,
    channel,
    dutyId: typeof raw.dutyId === 'string' ? raw.dutyId : null,
    reason,
  };
}
