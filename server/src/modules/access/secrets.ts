import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Secrets of three kinds. Passwords are chosen by people (low entropy):
 * argon2id. Session tokens and API keys are 32 random bytes: a SHA-256 is
 * already infeasible to invert and lets us look a token up by its hash.
 */
export const SESSION_PREFIX = 'sks_';
export const KEY_PREFIX = 'sik_';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function newSessionToken(): string {
  return `${SESSION_PREFIX}${randomToken()}`;
}

/** `sik_<8 visible chars>_<secret>`; the visible part is stored as the key's prefix. */
export function newApiKey(): { key: string; prefix: string } {
  const visible = randomToken(6).slice(0, 8);
  return { key: `${KEY_PREFIX}${visible}_${randomToken()}`, prefix: `${KEY_PREFIX}${visible}` };
}

/** A password a person can type: 20 characters from an unambiguous alphabet (~114 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real argon2 hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash(randomToken());
  return decoy;
}
