/**
 * The emulator's in-memory state (apps, interactions, users, sent codes, captcha tokens) and the
 * small helpers every route group shares. Route modules receive the `Store` and change it.
 */
import { parse } from 'zod/mini';

import type { IdentifierPayload, InteractionEvent, SignInExperience } from '../api/schemas.js';
import { signInExperienceSchema } from '../api/schemas.js';
import { type MfaFactor, type SecuritySettings, securitySettingsOf, type SeedUser, type TenantConfig } from './config.js';
import { invalidInput, RequestError } from './errors.js';
import type { Exchange, Request } from './http.js';
import type { FakeProviders, SocialIdentity } from './providers.js';
import { randomBytes } from './random.js';
import type { Organization, ThirdPartyApp } from './third-party.js';

export const DEMO_APP_ID = 'demo-app';
export const INTERACTION_TTL_MS = 60 * 60 * 1000;
export const USERNAME_PATTERN = /^[A-Z_a-z]\w*$/;
export const EMAIL_PATTERN = /^\S+@\S+\.\S+$/;

export type VerificationType =
  | 'Password'
  | 'EmailVerificationCode'
  | 'PhoneVerificationCode'
  | 'MfaEmailVerificationCode'
  | 'MfaPhoneVerificationCode'
  | 'Social'
  | 'NewPasswordIdentity'
  | 'Totp'
  | 'WebAuthn'
  | 'BackupCode'
  | 'SignInPasskey'
  | 'EnterpriseSso'
  | 'OneTimeToken';

/** Who the fake enterprise IdP says signed in (see sso.ts). */
export interface SsoIdentity {
  /** The subject at the IdP. */
  id: string;
  email?: string;
  name?: string;
}

/** An enterprise SSO record: the connector session opened by `authorization-uri`, then the identity. */
export interface SsoRecordData {
  redirectUri: string;
  state: string;
  /** Until `verify` consumes it (once, verified or not). */
  sessionOpen: boolean;
  issuer: string;
  identity?: SsoIdentity;
}

/** A WebAuthn credential as the emulator stores it (id base64url, COSE public key). */
export interface StoredCredential {
  id: string;
  publicKey: Uint8Array;
  counter: number;
  transports?: string[];
}

export interface VerificationRecord {
  id: string;
  type: VerificationType;
  verified: boolean;
  identifier?: IdentifierPayload;
  userId?: string;
  code?: string;
  codeExpiresAt?: number;
  tries?: number;
  connectorId?: string;
  socialIdentity?: SocialIdentity;
  username?: string;
  password?: string;
  /** TOTP: the new secret being bound (binding records only). */
  secret?: string;
  /** WebAuthn and passkey records: the challenge the browser must sign, and which ceremony. */
  challenge?: string;
  ceremony?: 'registration' | 'authentication';
  /** WebAuthn registration: the verified credential, ready to bind. */
  credential?: StoredCredential;
  /** Backup-code generation: the new codes. */
  codes?: string[];
  /** Enterprise SSO records. */
  sso?: SsoRecordData;
}

export interface PendingProfile {
  username?: string;
  password?: string;
  primaryEmail?: string;
  primaryPhone?: string;
  socialIdentity?: SocialIdentity;
  name?: string;
  /** An enterprise SSO identity to link to the user at submit (or at registration). */
  enterpriseSsoIdentity?: { connectorId: string; identity: SsoIdentity };
}

/** MFA data pending in an interaction, written to the user at submit. */
export interface PendingMfa {
  mfaEnabled?: boolean;
  mfaSkipped?: boolean;
  suggestionSkipped?: boolean;
  passkeySkipped?: boolean;
  totp?: string;
  webAuthn?: StoredCredential[];
  backupCodes?: string[];
  email?: boolean;
  phone?: boolean;
}

export interface Interaction {
  uid: string;
  appId: string;
  redirectUri: string;
  clientState?: string;
  expiresAt: number;
  event?: InteractionEvent;
  records: Map<VerificationType, VerificationRecord>;
  userId?: string;
  profile: PendingProfile;
  mfa: PendingMfa;
  captcha: { verified: boolean; skipped: boolean };
  /** Set when an MFA factor was verified in this interaction (or the sign-in was by passkey). */
  mfaVerified?: boolean;
  /** The discoverable passkey challenge from the preflight; kept across `PUT /api/experience`. */
  passkeyChallenge?: string;
  /** Set by submit: the user this interaction signed in. */
  signedInUserId?: string;
  /** What the app asked for at `/oidc/auth`: `scope` and the `resource` indicators (consent.ts). */
  scope?: string;
  resources?: string[];
  /** Set by `POST /api/interaction/consent`: what the user granted a third-party app. */
  consent?: ConsentGrant;
}

/** What a user granted a third-party app on the consent page. */
export interface ConsentGrant {
  scopes: string[];
  organizationIds: string[];
}

export interface UserMfa {
  totp?: string;
  backupCodes: { code: string; used: boolean }[];
  webAuthn: StoredCredential[];
  email: boolean;
  phone: boolean;
  enabled?: boolean;
  skipped?: boolean;
  suggestionSkipped?: boolean;
  passkeySkipped?: boolean;
}

export interface User {
  id: string;
  username?: string;
  primaryEmail?: string;
  primaryPhone?: string;
  password?: string;
  name?: string;
  /** Social identities by connector target. */
  identities: Record<string, string>;
  mfa: UserMfa;
  /** Suspended accounts cannot sign in (`401 user.suspended`). */
  suspended?: boolean;
  /** Enterprise SSO identities: connector id → subject at the IdP. */
  ssoIdentities?: Record<string, string>;
}

/** A one-time token (magic link) issued by `POST /__emulator/one-time-tokens`. */
export interface OneTimeToken {
  token: string;
  email: string;
  expiresAt: number;
  status: 'active' | 'consumed';
  /** Scopes the token to one interaction event, like Logto's `context.interactionEvent`. */
  interactionEvent?: InteractionEvent;
}

/** An authorization code of the fake enterprise IdP, bound to its connector and redirect URI. */
export interface SsoCode {
  connectorId: string;
  redirectUri: string;
  identity: SsoIdentity;
}

export interface AppEntry {
  signInExperience: Record<string, unknown>;
  /** A third-party app: the user is asked for consent after signing in (consent.ts). */
  thirdParty?: ThirdPartyApp;
}

/** What a request to the emulator looked like, for tests that assert what the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  appId?: string;
  body: unknown;
  status: number;
}

export interface SentCode {
  to: string;
  code: string;
  event: InteractionEvent | 'BindMfa' | 'MfaVerification';
  at: number;
}

/** Everything the emulated server knows. */
export class Store {
  readonly apps = new Map<string, AppEntry>();
  readonly interactions = new Map<string, Interaction>();
  readonly users = new Map<string, User>();
  readonly authCodes = new Map<string, { userId: string; appId: string; grant?: ConsentGrant }>();
  /** Organizations by id. */
  readonly organizations = new Map<string, Organization>();
  readonly socialCodes = new Map<string, SocialIdentity>();
  readonly sentCodes: SentCode[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Captcha tokens issued by the fake provider scripts: token → site key. */
  readonly captchaTokens = new Map<string, string>();
  /** One-time tokens by token value. */
  readonly oneTimeTokens = new Map<string, OneTimeToken>();
  /** Codes issued by the fake enterprise IdP. */
  readonly ssoCodes = new Map<string, SsoCode>();

  constructor(
    readonly config: TenantConfig,
    readonly providers: FakeProviders,
    readonly log: (line: string) => void,
  ) {}

  reset(): void {
    this.apps.clear();
    this.interactions.clear();
    this.users.clear();
    this.authCodes.clear();
    this.socialCodes.clear();
    this.captchaTokens.clear();
    this.oneTimeTokens.clear();
    this.ssoCodes.clear();
    this.providers.reset();
    this.sentCodes.length = 0;
    this.requests.length = 0;
    this.apps.set(DEMO_APP_ID, { signInExperience: this.config.signInExperience });
    for (const app of this.config.apps ?? []) this.apps.set(app.id, { signInExperience: this.config.signInExperience, thirdParty: app });
    this.organizations.clear();
    for (const organization of this.config.organizations ?? []) this.organizations.set(organization.id, { ...organization });
    for (const seed of this.config.users) this.addUser(seed);
  }

  rawConfigOf(appId: string): Record<string, unknown> {
    return (this.apps.get(appId) ?? this.apps.get(DEMO_APP_ID))?.signInExperience ?? {};
  }

  configOf(appId: string): SignInExperience {
    return parse(signInExperienceSchema, this.rawConfigOf(appId));
  }

  /** MFA, captcha and passkey settings of an app (defaults filled in). */
  securityOf(appId: string): SecuritySettings {
    return securitySettingsOf(this.rawConfigOf(appId));
  }

  addUser(seed: SeedUser): User {
    const user: User = {
      id: randomId(12),
      username: seed.username,
      primaryEmail: seed.email,
      primaryPhone: seed.phone,
      password: seed.password,
      name: seed.name,
      identities: {},
      suspended: seed.suspended === true,
      mfa: {
        totp: seed.mfa?.totp,
        backupCodes: (seed.mfa?.backupCodes ?? []).map((code) => ({ code, used: false })),
        webAuthn: [],
        email: seed.mfa?.email === true,
        phone: seed.mfa?.phone === true,
      },
    };
    this.users.set(user.id, user);
    return user;
  }

  findUser(identifier: IdentifierPayload): User | undefined {
    for (const user of this.users.values()) {
      if (identifier.type === 'username' && user.username === identifier.value) return user;
      if (identifier.type === 'email' && user.primaryEmail?.toLowerCase() === identifier.value.toLowerCase()) return user;
      if (identifier.type === 'phone' && user.primaryPhone === identifier.value.replace(/\D/g, '')) return user;
    }
    return undefined;
  }

  findByIdentity(identity: SocialIdentity): User | undefined {
    for (const user of this.users.values()) {
      if (user.identities[identity.target] === identity.userInfo.id) return user;
    }
    return undefined;
  }

  /** The user who owns a WebAuthn credential, with the stored credential. */
  findByCredential(credentialId: string): { user: User; credential: StoredCredential } | undefined {
    for (const user of this.users.values()) {
      const credential = user.mfa.webAuthn.find((item) => item.id === credentialId);
      if (credential) return { user, credential };
    }
    return undefined;
  }

  identifiedUser(interaction: Interaction, status = 404): User {
    const user = interaction.userId ? this.users.get(interaction.userId) : undefined;
    if (!user) {
      throw new RequestError(status, 'session.identifier_not_found', 'No user is identified yet. Go back and sign in again.');
    }
    return user;
  }

  addRecord(interaction: Interaction, record: Omit<VerificationRecord, 'id'>): VerificationRecord {
    const full = { id: randomId(21), ...record };
    interaction.records.set(record.type, full);
    return full;
  }

  recordById(interaction: Interaction, id: unknown): VerificationRecord | undefined {
    if (typeof id !== 'string') return undefined;
    return [...interaction.records.values()].find((record) => record.id === id);
  }

  /** Records a "sent" code so that `/__emulator/codes/latest` and the terminal show it. */
  deliverCode(to: string, code: string, event: SentCode['event']): void {
    this.sentCodes.push({ to, code, event, at: Date.now() });
    this.log(`verification code for ${to} (${event}): ${code}`);
  }
}

/** The factors of `user` that count under `factors` (the tenant's enabled ones), most relevant first. */
export function boundFactors(user: User, factors: readonly MfaFactor[], pending: PendingMfa = {}): MfaFactor[] {
  const bound = new Set<MfaFactor>();
  if (user.mfa.webAuthn.length > 0 || (pending.webAuthn?.length ?? 0) > 0) bound.add('WebAuthn');
  if (user.mfa.totp || pending.totp) bound.add('Totp');
  if ((user.mfa.phone && user.primaryPhone) || pending.phone) bound.add('PhoneVerificationCode');
  if ((user.mfa.email && user.primaryEmail) || pending.email) bound.add('EmailVerificationCode');
  if (user.mfa.backupCodes.some((entry) => !entry.used) || pending.backupCodes) bound.add('BackupCode');
  return [...bound].filter((factor) => factors.includes(factor));
}

/** Logto's display order: WebAuthn, TOTP, phone, email, backup code. */
export function sortFactors(factors: readonly MfaFactor[]): MfaFactor[] {
  const order: MfaFactor[] = ['WebAuthn', 'Totp', 'PhoneVerificationCode', 'EmailVerificationCode', 'BackupCode'];
  return [...factors].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function maskEmail(email: string): string {
  const [name = '', domain = ''] = email.split('@');
  return `${name.length > 4 ? name.slice(0, 4) : ''}****@${domain}`;
}

export function maskPhone(phone: string): string {
  return `****${phone.slice(-4)}`;
}

export function randomId(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** The WebAuthn relying party of a request: its host name, and the page origin the browser reports. */
export function relyingParty(x: Exchange): { rpId: string; origin: string } {
  return { rpId: x.url.hostname, origin: headerValue(x.req, 'origin') ?? x.origin };
}

export function parseInteractionCookie(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(decodeURIComponent(raw)) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function requireEvent(value: unknown): InteractionEvent {
  if (value === 'SignIn' || value === 'Register' || value === 'ForgotPassword') return value;
  throw invalidInput('interactionEvent', `Expected 'SignIn' | 'Register' | 'ForgotPassword', received ${JSON.stringify(value)}`);
}

export function requireIdentifier(value: unknown): IdentifierPayload {
  const candidate = value as { type?: unknown; value?: unknown } | undefined;
  if (!candidate || !['username', 'email', 'phone'].includes(String(candidate.type))) {
    throw invalidInput('identifier.type', "Expected 'username' | 'email' | 'phone'");
  }
  if (typeof candidate.value !== 'string' || candidate.value === '') {
    throw invalidInput('identifier.value', 'Expected a non-empty string');
  }
  return { type: candidate.type as IdentifierPayload['type'], value: candidate.value };
}

export function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalidInput(path, 'Expected string but received undefined.');
  return value;
}

export function publicProfile(profile: PendingProfile): Record<string, unknown> {
  const { password: _password, ...rest } = profile;
  return rest;
}

/** Resolves root-relative URL strings in the config (logos, terms links) against `origin`. */
export function absolutize<T>(value: T, origin: string): T {
  if (typeof value === 'string') return (value.startsWith('/') && !value.startsWith('//') ? origin + value : value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((item) => absolutize(item, origin)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === 'customCss' ? item : absolutize(item, origin)]),
    ) as T;
  }
  return value;
}

/** What an Experience API route works with. */
export interface Context {
  store: Store;
  x: Exchange;
  interaction: Interaction;
  /** The JSON body (`{}` when there was none). */
  body: Record<string, unknown>;
  config: SignInExperience;
  security: SecuritySettings;
}

/** A route group: handles `METHOD /route` (relative to `/api/experience`) or returns `false`. */
export type RouteGroup = (context: Context, key: string) => boolean | Promise<boolean>;
