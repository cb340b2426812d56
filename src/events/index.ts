/**
 * The kit's public events. All bubble and cross shadow roots; none carries a password, a code or a
 * token: only what a host page needs to react.
 */

export interface SuccessDetail {
  /** Where the page is about to go (an http(s) URL on the Logto host). */
  redirectTo: string;
}

/** The journey finished; cancel it to stop the kit's full-page navigation and navigate yourself. */
export class SiSuccessEvent extends CustomEvent<SuccessDetail> {
  static readonly type = 'si-success';
  constructor(detail: SuccessDetail) {
    super(SiSuccessEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface ErrorDetail {
  /** Logto's error code or a `client.*` code. */
  code: string;
  /** The localized message the user sees. */
  message: string;
}

/** A request failed, or the config could not be loaded. */
export class SiErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly type = 'si-error';
  constructor(detail: ErrorDetail) {
    super(SiErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface StepChangeDetail {
  /** The new step (`sign-in`, `verification-code`, `session-expired`, …). */
  step: string;
  /** The path Logto's own UI shows for that step (`/sign-in/password`, `/register`, …). */
  path: string;
}

/** The form moved to another step. */
export class SiStepChangeEvent extends CustomEvent<StepChangeDetail> {
  static readonly type = 'si-step-change';
  constructor(detail: StepChangeDetail) {
    super(SiStepChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

export interface ProviderSelectDetail {
  /** The connector instance id (the one API paths use). */
  connectorId: string;
  /** The provider family (`wechat`, `dingtalk`, …). */
  target: string;
}

/** A social provider was chosen. Cancel it to start the provider's sign-in yourself. */
export class SiProviderSelectEvent extends CustomEvent<ProviderSelectDetail> {
  static readonly type = 'si-provider-select';
  constructor(detail: ProviderSelectDetail) {
    super(SiProviderSelectEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export type QrStatus = 'loading' | 'ready' | 'expired' | 'failed';

/** The QR panel changed state; `refresh` asks for a fresh authorization URI. */
export class SiQrStatusEvent extends CustomEvent<{ status: QrStatus }> {
  static readonly type = 'si-qr-status';
  constructor(status: QrStatus) {
    super(SiQrStatusEvent.type, { detail: { status }, bubbles: true, composed: true });
  }
}

/** The user asked the QR panel for a new code. */
export class SiQrRefreshEvent extends Event {
  static readonly type = 'si-qr-refresh';
  constructor() {
    super(SiQrRefreshEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'si-success': SiSuccessEvent;
    'si-error': SiErrorEvent;
    'si-step-change': SiStepChangeEvent;
    'si-provider-select': SiProviderSelectEvent;
    'si-qr-status': SiQrStatusEvent;
    'si-qr-refresh': SiQrRefreshEvent;
  }
}
