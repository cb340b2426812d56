/**
 * What the security stories need besides the form: the code an authenticator app would show for
 * a secret (computed with `otpauth`, as the app does), an account's earlier sign-in done through
 * the Experience API (to use up a backup code, or to add a security key the account then has),
 * and a software security key for that earlier sign-in. The form itself is never driven from here.
 */
import { Secret, TOTP } from 'otpauth';

import { ExperienceClient } from '../../src/index.js';
import { type ConfigPatch, startInteraction } from './emulator.js';

/** The six digits an authenticator app shows now for a base32 secret (SHA-1, 30 s). */
export function totpCode(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** A fresh base32 secret, as an authenticator app stores it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** Codes that are certainly not the current one (nor the ones next to it). */
export function wrongTotp(secret: string): string {
  const now = Date.now();
  const nearby = new Set(
    [-30_000, 0, 30_000].map((offset) =>
      new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: now + offset }),
    ),
  );
  for (const candidate of ['000000', '111111', '222222', '333333']) if (!nearby.has(candidate)) return candidate;
  return '444444';
}

/**
 * Signs the account in once, on an app of its own with the same tenant (so the story's own
 * interaction stays untouched): password, then `second` for the second factor and whatever else
 * that earlier visit did, then submit.
 */
export async function earlierSignIn(
  tenant: ConfigPatch,
  account: { username: string; password: string },
  second: (client: ExperienceClient) => Promise<void>,
): Promise<void> {
  const client = new ExperienceClient({ appId: await startInteraction(tenant) });
  await client.startInteraction('SignIn');
  const verificationId = await client.verifyPassword({ type: 'username', value: account.username }, account.password);
  await client.identify({ verificationId });
  await second(client);
  await client.submit();
}

// ----- a software security key ------------------------------------------------------------------

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The CBOR head of a major type with a length or value (RFC 8949, up to 16 bits). */
function head(major: number, value: number): Uint8Array {
  if (value < 24) return Uint8Array.of((major << 5) | value);
  if (value < 256) return Uint8Array.of((major << 5) | 24, value);
  return Uint8Array.of((major << 5) | 25, value >> 8, value & 0xff);
}

type CborValue = number | string | Uint8Array | Map<number | string, CborValue>;

function cbor(value: CborValue): Uint8Array {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    return concat(head(3, bytes.length), bytes);
  }
  if (value instanceof Uint8Array) return concat(head(2, value.length), value);
  return concat(head(5, value.size), ...[...value].flatMap(([key, item]) => [cbor(key), cbor(item)]));
}

/**
 * Registers a new security key for the identified account on `client` and binds it as its
 * WebAuthn factor: what a browser and a USB key do, done in software (a P-256 key pair, a
 * "none" attestation). The key is thrown away; the account just has one on record.
 */
export async function addSecurityKey(client: ExperienceClient): Promise<void> {
  const { verificationId, registrationOptions } = await client.createWebAuthnRegistration();
  const options = registrationOptions as { challenge: string; rp: { id?: string } };
  const rpId = options.rp.id ?? location.hostname;
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const coseKey = cbor(
    new Map<number, CborValue>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, raw.slice(1, 33)],
      [-3, raw.slice(33, 65)],
    ]),
  );
  const credentialId = crypto.getRandomValues(new Uint8Array(16));
  const rpIdHash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rpId)));
  // Flags: user present, user verified, attested credential data included.
  const authData = concat(
    rpIdHash,
    Uint8Array.of(0x45),
    new Uint8Array(4), // signature counter
    new Uint8Array(16), // AAGUID (none)
    Uint8Array.of(0, credentialId.length),
    credentialId,
    coseKey,
  );
  const attestationObject = cbor(
    new Map<string, CborValue>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', authData],
    ]),
  );
  const clientDataJSON = new TextEncoder().encode(
    JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: location.origin, crossOrigin: false }),
  );
  const id = base64url(credentialId);
  const registered = await client.verifyWebAuthnRegistration(verificationId, {
    type: 'WebAuthn',
    id,
    rawId: id,
    response: {
      clientDataJSON: base64url(clientDataJSON),
      attestationObject: base64url(attestationObject),
      transports: ['usb'],
    },
    authenticatorAttachment: 'cross-platform',
    clientExtensionResults: {},
  });
  await client.bindMfa('WebAuthn', registered);
}
