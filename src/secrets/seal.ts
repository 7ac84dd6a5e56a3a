import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.js';

/**
 * Authenticated encryption of one secret (AES-256-GCM, node:crypto). A sealed value is text:
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), so the key it needs is named in it and a
 * rotation can find what is still under an old key. `context` (e.g. the row's name) is bound as
 * additional authenticated data: a sealed value copied into another row does not open there.
 */

const VERSION = 'v1';
const IV_BYTES = 12;

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

export function seal(keyring: Keyring, plaintext: string, context: string): string {
  const key = keyring.key(keyring.currentId) as Buffer;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keyring.currentId, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join('.');
}

/** The id of the key a sealed value needs (to find what a rotation must re-seal). */
export function sealedKeyId(sealed: string): string {
  return parse(sealed).keyId;
}

/**
 * Opens a sealed value. Fails (never returns garbage) when the key is not in the keyring, or the
 * value was altered or moved to another context; the message names the key id, never a secret.
 */
export function open(keyring: Keyring, sealed: string, context: string): string {
  const { keyId, iv, tag, ciphertext } = parse(sealed);
  const key = keyring.key(keyId);
  if (!key)
    throw new SealError(
      `a secret is sealed under key "${keyId}", which DUTYBOT_ENCRYPTION_KEY no longer holds (it has ${keyring.ids.join(', ')})`,
    );
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError(`a secret sealed under key "${keyId}" does not open: it was altered or belongs elsewhere`);
  }
}

function parse(sealed: string): { keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SealError('a stored secret is not a sealed value');
  const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  return {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}
