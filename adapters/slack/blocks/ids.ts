import { z } from 'zod';

/**
 * Identifiers shared by the renderers (which put them in blocks) and the handlers (which route on
 * them), and the small JSON payloads carried by buttons and modals.
 */
export const ACTION = {
  done: 'duty_done',
  snooze: 'duty_snooze',
  skip: 'duty_skip',
  share: 'answer_share',
  /** The conversations_select offered while a workspace has no channel for its reminders. */
  pickChannel: 'home_channel_pick',
} as const;

export const VIEW = {
  done: 'duty_done_modal',
  skip: 'duty_skip_modal',
} as const;

export const INPUT = {
  note: { block: 'note', action: 'note_input' },
  evidence: { block: 'evidence', action: 'evidence_input' },
  reason: { block: 'reason', action: 'reason_input' },
} as const;

/** What a Done/Skip button carries: the exact occurrence it confirms. */
export const DutyButtonValueSchema = z.object({ dutyId: z.string().min(1), occurrence: z.string().min(1) });
export type DutyButtonValue = z.infer<typeof DutyButtonValueSchema>;

/** A snooze menu option: the occurrence plus the chosen duration id (kept short: option values ≤ 150). */
export const SnoozeValueSchema = DutyButtonValueSchema.extend({ snooze: z.string().min(1) });
export type SnoozeValue = z.infer<typeof SnoozeValueSchema>;

/** Carried through a modal so the submission knows what it confirms and which message to refresh. */
export const ModalMetadataSchema = DutyButtonValueSchema.extend({
  channel: z.string().nullable(),
  messageTs: z.string().nullable(),
  lang: z.enum(['en', 'it']),
});
export type ModalMetadata = z.infer<typeof ModalMetadataSchema>;

/** The Share button carries the question, so sharing re-renders a fresh answer for the channel. */
export const ShareValueSchema = z.object({ question: z.string().min(1) });

export function parseJson<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
