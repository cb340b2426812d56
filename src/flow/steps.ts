/**
 * The steps of a journey and the state the flow reports, as plain types, and the address each
 * step has in Logto's own UI. No behaviour: the hosted page and the first screen read these
 * without loading the flow.
 */
import type { CodeIdentifierPayload, IdentifierPayload } from '../api/schemas.js';
import type { EntryStep } from './rules.js';

export type { EntryStep } from './rules.js';

export type CodeFlow = 'SignIn' | 'Register' | 'ForgotPassword' | 'Continue';
export type ContinueField = 'username' | 'email' | 'phone' | 'emailOrPhone' | 'password';
/** The first screen of a form: an entry step, or the page for a missing or expired session. */
export type FirstScreen = EntryStep | 'unknown-session' | 'social-callback';

export interface FlowOptions {
  /** Origin of the page, for the social `redirectUri` (`{origin}/callback/{connectorId}`). */
  origin?: string;
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
  /** About to navigate the whole page to a provider. */
  | { name: 'leaving'; url: string }
  | { name: 'done'; redirectTo: string };

export type StepName = Step['name'];

/** Where an error belongs on screen. */
export type ErrorTarget = 'identifier' | 'password' | 'confirm' | 'code' | 'terms' | 'form';

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
    case 'social-callback':
      return `/callback/${step.connectorId}`;
    case 'social-link':
      return `/social/link/${step.connectorId}`;
    case 'social-panel':
    case 'leaving':
      return '/sign-in';
    case 'done':
      return '/sign-in';
  }
}
