/**
 * The steps of a journey and the state the flow reports, as plain types, and the address each
 * step has in Logto's own UI. No behaviour: the hosted page and the first screen read these
 * without loading the flow.
 */
import type { CodeIdentifierPayload, IdentifierPayload } from '../api/schemas.js';
import type { MfaFactor } from '../api/security-schemas.js';
import type { SessionAccount } from '../api/enterprise-schemas.js';
import type { SignInIdentifier } from '../api/schemas.js';
import type { EntryStep } from './rules.js';

export type { EntryStep } from './rules.js';

export type CodeFlow = 'SignIn' | 'Register' | 'ForgotPassword' | 'Continue';
export type ContinueField = 'username' | 'email' | 'phone' | 'emailOrPhone' | 'password';
/**
 * The first screen of a form: an entry step; the identifier-only sign-in or sign-up an app asked
 * for (`first_screen=identifier:sign_in`); a wait while the page finishes something the address
 * started (a provider's callback, a magic link, a direct sign-in); or a page of its own.
 */
export type FirstScreen =
  | EntryStep
  | 'identifier-sign-in'
  | 'identifier-register'
  | 'unknown-session'
  | 'social-callback'
  | 'working'
  | 'account-suspended'
  | 'not-found';

export interface FlowOptions {
  /** Origin of the page, for the social `redirectUri` (`{origin}/callback/{connectorId}`). */
  origin?: string;
  /**
   * A fresh CAPTCHA token for `PUT /api/experience`, when the tenant turned CAPTCHA on. Rejects
   * with an `ApiError` when the check cannot be passed.
   */
  captcha?: () => Promise<string | undefined>;
  /** The identifier types an app asked for (`identifier=email phone`), for the identifier-only screens. */
  identifierTypes?: readonly string[];
}

export type Step =
  | { name: 'sign-in' }
  | { name: 'sign-in-password'; identifier: IdentifierPayload }
  | {
      name: 'verification-code';
      flow: CodeFlow;
      identifier: CodeIdentifierPayload;
      verificationId: string;
      /** When the last code was sent (ms since epoch), for the resend countdown. */
      sentAt: number;
    }
  | { name: 'register' }
  | { name: 'register-password'; username: string }
  | { name: 'forgot-password' }
  | { name: 'reset-password' }
  | { name: 'continue'; field: ContinueField }
  | { name: 'confirm-register'; identifier: CodeIdentifierPayload; verificationId: string }
  | { name: 'confirm-sign-in'; identifier: CodeIdentifierPayload; verificationId: string }
  | { name: 'session-expired' }
  /** Sign-in or sign-up with only the identifier types the app asked for (`identifier=email phone`). */
  | { name: 'identifier-sign-in'; types: SignInIdentifier[] }
  | { name: 'identifier-register'; types: SignInIdentifier[] }
  /** Single sign-on: the work email whose domain picks the identity provider. */
  | { name: 'single-sign-on' }
  /** Several identity providers serve the email's domain: pick one. */
  | { name: 'sso-connectors'; email: string; connectorIds: string[] }
  /** The tenant's own profile fields a new account must fill in. */
  | { name: 'extra-profile' }
  /** A magic link that cannot be used (expired, used, not for this email, incomplete). */
  | { name: 'link-problem'; code: string }
  /** Another account is signed in on this browser; a magic link is for someone else. */
  | { name: 'switch-account'; account: SessionAccount; token: string; email: string }
  | { name: 'account-suspended' }
  | { name: 'not-found' }
  /** Back from a social provider: verifying and signing in. */
  | { name: 'social-callback'; connectorId: string }
  /** The social account is new, but an account with its email/phone exists: link it or create one. */
  | {
      name: 'social-link';
      connectorId: string;
      relatedUser: { type: 'email' | 'phone'; value: string };
      verificationId: string;
    }
  /** A provider's QR login page shown inside ours (WeChat, DingTalk on desktop). */
  | { name: 'social-panel'; connectorId: string; authorizationUri: string; frameUri: string; startedAt: number }
  /** The account has second factors: prove one (`factors` lists every one the server offers). */
  | {
      name: 'mfa-verify';
      factor: MfaFactor;
      factors: MfaFactor[];
      /** Where an email or phone code went, as the server masked it. */
      masked?: string;
      /** The code sent for an email or phone factor, and when (for the resend countdown). */
      verificationId?: string;
      sentAt?: number;
    }
  /** Pick a factor: another one to verify with, or one to add. */
  | { name: 'mfa-factors'; purpose: 'verify' | 'bind'; factors: MfaFactor[]; binding?: MfaBinding; masked?: MaskedTargets }
  /** Add an authenticator app: its QR code and secret, then its first code. */
  | { name: 'mfa-bind-totp'; verificationId: string; secret: string; qrCode: string; binding: MfaBinding }
  /** Add a security key or a passkey as a second factor. */
  | { name: 'mfa-bind-webauthn'; binding: MfaBinding }
  /** New backup codes to save; they count once the user says so. */
  | { name: 'backup-codes'; verificationId: string; codes: string[] }
  /** The tenant suggests (without requiring) turning on 2-step verification. */
  | { name: 'mfa-onboarding' }
  /** The tenant suggests creating a passkey for the next sign-in. */
  | { name: 'passkey-setup' }
  /** About to navigate the whole page to a provider. */
  | { name: 'leaving'; url: string }
  | { name: 'done'; redirectTo: string };

export type StepName = Step['name'];

export type SecurityStep = Extract<
  Step,
  { name: 'mfa-verify' | 'mfa-factors' | 'mfa-bind-totp' | 'mfa-bind-webauthn' | 'backup-codes' | 'mfa-onboarding' | 'passkey-setup' }
>;

/** How a factor binding came about, which decides what "Skip" calls (if it is offered at all). */
export interface MfaBinding {
  factors: MfaFactor[];
  /** The user may bind nothing now (`mfa-skipped`). */
  skippable?: boolean;
  /** An offer of an additional factor (`mfa-suggestion-skipped` when declined). */
  suggestion?: boolean;
}

export type MaskedTargets = { EmailVerificationCode?: string; PhoneVerificationCode?: string };

/** Where an error belongs on screen. */
export type ErrorTarget = 'identifier' | 'password' | 'confirm' | 'code' | 'terms' | 'saved' | 'profile' | 'form';

export interface FlowError {
  /** Logto's code, a `client.*` transport code, or a local validation code. */
  code: string;
  target: ErrorTarget;
  /** The server's message (already localized by Accept-Language), for codes the kit has no text for. */
  serverMessage?: string;
  data?: unknown;
  retryAfter?: number;
}

/** A one-off message for the step that follows (not an error). */
export type Notice = 'password-reset' | 'code-sent';

export interface FlowState {
  step: Step;
  /** A request is in flight; every action is ignored until it settles. */
  busy: boolean;
  error?: FlowError;
  notice?: Notice;
  /** How many steps `back()` can return through. */
  depth: number;
}

/** The path Logto's own UI uses for a step; the hosted page keeps the address bar in step with it. */
export function stepPath(step: Step): string {
  switch (step.name) {
    case 'sign-in':
      return '/sign-in';
    case 'sign-in-password':
      return '/sign-in/password';
    case 'verification-code': {
      const base = { SignIn: 'sign-in', Register: 'register', ForgotPassword: 'forgot-password', Continue: 'continue' };
      return `/${base[step.flow]}/verification-code`;
    }
    case 'register':
      return '/register';
    case 'register-password':
      return '/register/password';
    case 'forgot-password':
      return '/forgot-password';
    case 'reset-password':
      return '/forgot-password/reset';
    case 'continue':
      return `/continue/${step.field}`;
    case 'confirm-register':
      return '/sign-in/verification-code';
    case 'confirm-sign-in':
      return '/register/verification-code';
    case 'session-expired':
      return '/unknown-session';
    case 'identifier-sign-in':
      return '/identifier-sign-in';
    case 'identifier-register':
      return '/identifier-register';
    case 'single-sign-on':
      return '/single-sign-on/email';
    case 'sso-connectors':
      return '/single-sign-on/connectors';
    case 'extra-profile':
      return '/continue/extraProfile';
    case 'link-problem':
      return '/one-time-token/error';
    case 'switch-account':
      return '/switch-account';
    case 'account-suspended':
      return '/account-suspended';
    case 'not-found':
      return globalThis.location?.pathname ?? '/';
    case 'social-callback':
      return step.connectorId ? `/callback/${step.connectorId}` : (globalThis.location?.pathname ?? '/');
    case 'social-link':
      return `/social/link/${step.connectorId}`;
    case 'mfa-verify':
      return `/mfa-verification/${step.factor}`;
    case 'mfa-factors':
      return step.purpose === 'verify' ? '/mfa-verification' : '/mfa-binding';
    case 'mfa-bind-totp':
      return '/mfa-binding/Totp';
    case 'mfa-bind-webauthn':
      return '/mfa-binding/WebAuthn';
    case 'backup-codes':
      return '/mfa-binding/BackupCode';
    case 'mfa-onboarding':
      return '/mfa-onboarding';
    case 'passkey-setup':
      return '/create-passkey';
    case 'social-panel':
    case 'leaving':
      return '/sign-in';
    case 'done':
      return '/sign-in';
  }
}
