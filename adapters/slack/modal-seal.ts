import { createHmac, timingSafeEqual } from 'node:crypto';
import { type ModalMetadata, ModalMetadataSchema, parseJson } from './blocks/ids.js';

/**
 * A modal's private_metadata travels through the client and comes back with the submission. It
 * says which duty the form confirms and where to tell the user how it went, so it is sealed with
 * an HMAC (a key derived from the signing secret, bound to the workspace and the user the form
 * was opened for): an edited or transplanted value is refused instead of obeyed.
 */
export class ModalSeal {
  private readonly key: Buffer;

  constructor(signingSecret: string) {
    this.key = createHmac('sha256', signingSecret).update('dutybot modal private_metadata v1').digest();
  }

  seal(metadata: ModalMetadata, workspaceId: string, userId: string): string {
    return JSON.stringify({ ...metadata, sig: this.sign(metadata, workspaceId, userId) });
  }

  /** The metadata if the seal holds for this workspace and user; null otherwise. */
  open(raw: string | undefined, workspaceId: string, userId: string): ModalMetadata | null {
    const metadata = parseJson(ModalMetadataSchema, raw);
    if (!metadata || !raw) return null;
    const sig = (JSON.parse(raw) as { sig?: unknown }).sig;
    if (typeof sig !== 'string') return null;
    const expected = Buffer.from(this.sign(metadata, workspaceId, userId), 'utf8');
    const given = Buffer.from(sig, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? metadata : null;
  }

  private sign(m: ModalMetadata, workspaceId: string, userId: string): string {
    const fields = [workspaceId, userId, m.dutyId, m.occurrence, m.channel, m.messageTs, m.lang];
    return createHmac('sha256', this.key).update(JSON.stringify(fields)).digest('base64url');
  }
}
