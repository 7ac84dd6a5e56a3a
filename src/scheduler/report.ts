/** What one scheduler pass did: how much it planned and what became of each delivery it tried. */
export interface TickReport {
  at: string;
  workspaces: number;
  enqueued: number;
  deliveries: {
    key: string;
    kind: string;
    workspaceId: string;
    dutyId: string | null;
    occurrence: string | null;
    channel: string;
    status: 'sent' | 'retry' | 'failed';
  }[];
}
