import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyEntry, KeyringError, parseKeyring } from '../src/secrets/keyring.js';
import { open, SealError, seal, sealedKeyId } from '../src/secrets/seal.js';

/** The keyring format of DUTYBOT_ENCRYPTION_KEY and AES-256-GCM sealing of one secret. */

const entry = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
/** A token-shaped secret made at run time (nothing in the repository looks like a real one). */
const secret = () => ['xoxb', '77', randomBytes(12).toString('hex')].join('-');

describe('keyring (DUTYBOT_ENCRYPTION_KEY)', () => {
  it('takes the first key as current and keeps the others for opening', () => {
    const keyring = parseKeyring(` ${entry('k2')} , ${entry('k1')} `);
    expect(keyring.currentId).toBe('k2');
    expect(keyring.ids).toEqual(['k2', 'k1']);
    expect(keyring.key('k1')).toHaveLength(32);
    expect(keyring.key('k3')).toBeUndefined();
  });

  it('refuses malformed entries without ever echoing key material', () => {
    const short = `k1:${randomBytes(16).toString('base64')}`;
    const cases: [string, RegExp][] = [
      ['', /is empty/],
      [randomBytes(32).toString('base64'), /entry 1 must be <key id>:<base64 key>/],
      [short, /entry 1 \("k1"\) is not 32 bytes/],
      [`k1:${'!'.repeat(44)}`, /is not 32 bytes/],
      [`bad.id:${randomBytes(32).toString('base64')}`, /must be <key id>/],
      [`${entry('k1')},${entry('k1')}`, /repeats the key id "k1"/],
    ];
    for (const [value, message] of cases) {
      let thrown: unknown;
      try {
        parseKeyring(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, value).toBeInstanceOf(KeyringError);
      expect((thrown as Error).message).toMatch(message);
      const material = value.split(',').map((e) => e.slice(e.indexOf(':') + 1));
      for (const m of material) if (m.length > 8) expect((thrown as Error).message).not.toContain(m);
    }
  });

  it('generates entries the parser accepts, each a fresh key', () => {
    const a = generateKeyEntry('k9');
    const b = generateKeyEntry('k9');
    expect(a).not.toBe(b);
    expect(parseKeyring(a).currentId).toBe('k9');
    expect(parseKeyring(generateKeyEntry()).currentId).toMatch(/^k\d{8}$/);
    expect(() => generateKeyEntry('no spaces')).toThrow(KeyringError);
  });
});

describe('sealing a secret (AES-256-GCM)', () => {
  const keyring = parseKeyring(entry('k1'));

  it('round-trips, names its key, never contains the secret, and differs each time', () => {
    const token = secret();
    const a = seal(keyring, token, 'slack-installation:team:-:T1');
    const b = seal(keyring, token, 'slack-installation:team:-:T1');
    expect(a).not.toBe(b);
    expect(a).not.toContain(token);
    expect(a.startsWith('v1.k1.')).toBe(true);
    expect(sealedKeyId(a)).toBe('k1');
    expect(open(keyring, a, 'slack-installation:team:-:T1')).toBe(token);
  });

  it('refuses a value altered, moved to another row, or sealed under a key no longer held', () => {
    const sealed = seal(keyring, secret(), 'row-a');
    const parts = sealed.split('.');
    const ciphertext = Buffer.from(parts[4] as string, 'base64url');
    ciphertext[0] = (ciphertext[0] as number) ^ 1;
    const altered = [...parts.slice(0, 4), ciphertext.toString('base64url')].join('.');
    expect(() => open(keyring, altered, 'row-a')).toThrow(/does not open: it was altered or belongs elsewhere/);
    expect(() => open(keyring, sealed, 'row-b')).toThrow(SealError);
    const other = parseKeyring(entry('k2'));
    expect(() => open(other, sealed, 'row-a')).toThrow(
      /sealed under key "k1", which DUTYBOT_ENCRYPTION_KEY no longer holds \(it has k2\)/,
    );
    expect(() => open(keyring, 'clear text', 'row-a')).toThrow(/not a sealed value/);
  });

  it('opens under a keyring that holds the old key after a new current one', () => {
    const old = entry('k1');
    const sealed = seal(parseKeyring(old), 'value', 'row');
    const rotated = parseKeyring(`${entry('k2')},${old}`);
    expect(open(rotated, sealed, 'row')).toBe('value');
    expect(sealedKeyId(seal(rotated, 'value', 'row'))).toBe('k2');
  });
});
