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
    /** `planned`: what a dry run (`previewTick`) would enqueue; nothing was written. */
    status: 'sent' | 'retry' | 'failed' | 'planned';
  }[];
}
