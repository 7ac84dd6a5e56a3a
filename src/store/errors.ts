import type { ConfirmationRow } from './types.js';

/** Errors the store throws for requests about things that do not exist. */

export class UnknownWorkspaceError extends Error {
  override name = 'UnknownWorkspaceError';
  constructor(readonly workspaceId: string) {
    super(`workspace "${workspaceId}" does not exist (it is created when the bot is installed or first contacted)`);
  }
}

export class UnknownDeliveryError extends Error {
  override name = 'UnknownDeliveryError';
  constructor(readonly key: string) {
    super(`delivery "${key}" does not exist in the outbox`);
  }
}

/** A second closing of an occurrence: nothing was written; `closedBy` is the one that stands. */
export class OccurrenceClosedError extends Error {
  override name = 'OccurrenceClosedError';
  constructor(readonly closedBy: ConfirmationRow) {
    super(
      `${closedBy.dutyId} ${closedBy.occurrence} is already ${closedBy.status} (by ${closedBy.by}, entry #${closedBy.seq})`,
    );
  }
}
