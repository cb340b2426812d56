// Events the first screen can fire: a request failed, a social provider was chosen.

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
