import type { CredentialStore } from '../ports/credentials.js';
import { ENCRYPTION_KEY_VARIABLE, type Keyring } from '../secrets/keyring.js';
import { open, seal } from '../secrets/seal.js';
import type { Store } from '../store/types.js';

/** For `dutybot keys generate`: the CLI reaches the keyring's format through the facade's folder only. */
export { generateKeyEntry } from '../secrets/keyring.js';

/** Rows re-sealed per query during a rotation (a large store is walked in pages). */
const ROTATION_PAGE = 100;

export class EncryptionKeyMissingError extends Error {
  constructor() {
    super(
      `${ENCRYPTION_KEY_VARIABLE} is not set: installation tokens (Slack OAuth) are stored encrypted under it, never in clear. Set it first (\`dutybot keys generate\` prints one; see docs/security.md).`,
    );
    this.name = 'EncryptionKeyMissingError';
  }
}

/** What `dutybot keys rotate` did. */
export interface RotationReport {
  currentKeyId: string;
  resealed: number;
  /** Rows changed by someone else meanwhile (a token refresh): already under the current key. */
  skipped: number;
}

/**
 * The CredentialStore port over the store's `credentials` table: every value is sealed under the
 * keyring's current key, bound to its name, before it is written; the store never holds a token
 * in clear. Without a keyring nothing can be saved or read, and `available` says so.
 */
export class CredentialVault implements CredentialStore {
  constructor(
    private readonly store: Store,
    private readonly keyring: Keyring | null,
    private readonly clock: () => Date,
  ) {}

  get available(): boolean {
    return this.keyring !== null;
  }

  async save(name: string, workspaceId: string, value: unknown): Promise<void> {
    const keyring = this.requireKeyring();
    await this.store.putCredential({
      name,
      workspaceId,
      keyId: keyring.currentId,
      sealed: seal(keyring, JSON.stringify(value), name),
      updatedAt: this.clock(),
    });
  }

  async load<T>(name: string): Promise<T | undefined> {
    const row = await this.store.getCredential(name);
    if (!row) return undefined;
    return JSON.parse(open(this.requireKeyring(), row.sealed, name)) as T;
  }

  async remove(name: string): Promise<void> {
    await this.store.deleteCredential(name);
  }

  /**
   * Re-seals every credential that is not under the current key (after a new key was put first
   * in DUTYBOT_ENCRYPTION_KEY). Fails on a row whose key the keyring no longer holds, naming it.
   */
  async rotate(): Promise<RotationReport> {
    const keyring = this.requireKeyring();
    let resealed = 0;
    let skipped = 0;
    const seen = new Set<string>();
    for (;;) {
      const page = (await this.store.credentialsNotUnder(keyring.currentId, ROTATION_PAGE)).filter(
        (row) => !seen.has(row.name),
      );
      if (page.length === 0) break;
      for (const row of page) {
        seen.add(row.name);
        const plaintext = open(keyring, row.sealed, row.name);
        const replaced = await this.store.replaceCredential(row, {
          keyId: keyring.currentId,
          sealed: seal(keyring, plaintext, row.name),
          updatedAt: this.clock(),
        });
        if (replaced) resealed++;
        else skipped++;
      }
    }
    return { currentKeyId: keyring.currentId, resealed, skipped };
  }

  private requireKeyring(): Keyring {
    if (!this.keyring) throw new EncryptionKeyMissingError();
    return this.keyring;
  }
}
