import type { TemplateResult } from 'lit';

import type { SignInExperience, SignInIdentifier } from '../../../api/schemas.js';
import type { Country } from '../../../flow/phone.js';
import type { EntryStep, ErrorTarget, FlowState, SignInFlow } from '../../../flow/sign-in-flow.js';

/** An error as the element describes and reports it. */
export interface ErrorDescription {
  code: string;
  data?: unknown;
  serverMessage?: string;
  retryAfter?: number;
}

/** What `<sign-in-form>` itself provides to the templates, whether or not the flow has loaded. */
export interface BaseContext {
  /** Prefix for element ids, unique per form on the page. */
  id: string;
  config: SignInExperience;
  loginHint?: string;
  /** Dark scheme in effect (dark logos). */
  dark: boolean;
  /**
   * The localized sentence for an error code; undefined for the moment the sentences take to load
   * (the form renders again when they arrive).
   */
  describeError: (error: ErrorDescription) => string | TemplateResult | undefined;
}

/**
 * What the first screen's templates read. The flow is absent for the moment between the first
 * paint and the arrival of the controller; the element then stands in for every action.
 */
export interface ScreenContext extends BaseContext {
  flow?: SignInFlow;
  state: FlowState;
  busy: boolean;
  /** Names of password fields currently shown in clear text. */
  revealed: ReadonlySet<string>;
  toggleReveal: (name: string) => void;
  /** Phone support: the selected country and the list, once libphonenumber-js has loaded. */
  phone: {
    country: string;
    countries?: Country[];
    /** The identifier field currently holds something that looks like a phone number. */
    active: boolean;
  };
  /** Renders the phone country picker; there once the controller has loaded. */
  countryPicker?: () => TemplateResult;
  /** Called on every keystroke in the identifier field (phone detection, error clearing). */
  onIdentifierInput: (event: Event, types: readonly SignInIdentifier[]) => void;
  /** Called on every keystroke in a new-password field (the checklist); later steps only. */
  onNewPasswordInput?: (event: Event) => void;
  /** What the user last sent from an identifier field, so going back shows it again. */
  identifierDraft?: string;
  onProviderSelect: (event: Event) => void;
  /** The user changed a field that showed an error. */
  clearError: (target: ErrorTarget) => void;
  go: (step: EntryStep) => void;
}

/** What every later step's templates read: the flow is there, and so is all it drives. */
export interface ViewContext extends ScreenContext {
  flow: SignInFlow;
  /** The `<sign-in-form>` the step renders in (its root gets the steps' light-DOM styles). */
  element: HTMLElement;
  /** A connector's display name in the current language. */
  connectorName: (connectorId: string) => string;
  onCountryChange: (event: Event) => void;
  /** Live value of the new-password field, for the checklist. */
  newPassword: string;
  onCodeInput: (event: Event) => void;
  /** Current time, refreshed every second while a resend countdown runs. */
  now: number;
  /** An identifier as the user would recognise it (`+86 138 0013 8000` for phones). */
  display: (identifier: { type: string; value: string }) => string;
  onQrRefresh: (event: Event) => void;
  back: () => void;
}
