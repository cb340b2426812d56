// Events of the WeChat QR panel.

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
