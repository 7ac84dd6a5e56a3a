import { randomBytes } from 'node:crypto';

/**
 * The keys installation tokens are encrypted under, from `DUTYBOT_ENCRYPTION_KEY`:
 * `kid:base64key[,kid2:base64key2…]`, each key 32 random bytes (AES-256). The FIRST key is the
 * current one (new secrets are sealed under it); the others only open what was sealed before, so a
 * key can be replaced without downtime: put the new key first, keep the old one after it, run
 * `dutybot keys rotate`, then drop the old one.
 */
export interface Keyring {
  /** Id of the key new secrets are sealed under. */
  readonly currentId: string;
  /** The key with this id, or undefined when the keyring does not hold it. */
  key(id: string): Buffer | undefined;
  readonly ids: readonly string[];
}

export const ENCRYPTION_KEY_VARIABLE = 'DUTYBOT_ENCRYPTION_KEY';
const KEY_BYTES = 32;
/** A key id is written in every sealed value, before a `.`: short, and without separators. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

/**
 * Parses the variable's value. Errors name the entry by position and id, never the key bytes, so
 * the message can be printed and logged.
 */
export function parseKeyring(value: string): Keyring {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new KeyringError(`${ENCRYPTION_KEY_VARIABLE} is empty`);
  const keys = new Map<string, Buffer>();
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const where = `${ENCRYPTION_KEY_VARIABLE} entry ${index + 1}${id ? ` ("${id}")` : ''}`;
    if (!KEY_ID.test(id))
      throw new KeyringError(
        `${where} must be <key id>:<base64 key>, the id made of letters, digits, _ or - (e.g. k1:…; \`dutybot keys generate\` prints one)`,
      );
    const encoded = entry.slice(colon + 1);
    const key = Buffer.from(encoded, 'base64');
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) || key.length !== KEY_BYTES)
      throw new KeyringError(`${where} is not ${KEY_BYTES} bytes of base64 (\`dutybot keys generate\` prints one)`);
    if (keys.has(id)) throw new KeyringError(`${where} repeats the key id "${id}"`);
    keys.set(id, key);
  });
  const ids = [...keys.keys()];
  return {
    currentId: ids[0] as string,
    ids,
    key: (id) => keys.get(id),
  };
}

/** A fresh keyring entry for the variable, `<id>:<base64 of 32 random bytes>`. */
export function generateKeyEntry(id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string {
  if (!KEY_ID.test(id)) throw new KeyringError(`"${id}" cannot be a key id (letters, digits, _ or -, at most 32)`);
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}
