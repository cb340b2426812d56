/**
 * The kit's public events. All bubble and cross shadow roots; none carries a password, a code or a
 * token: only what a host page needs to react. Each lives beside the part of the kit that fires it,
 * so the first screen carries only its own two.
 */
import type { SiErrorEvent, SiProviderSelectEvent } from './form.js';
import type { SiStepChangeEvent, SiSuccessEvent } from './journey.js';
import type { SiQrRefreshEvent, SiQrStatusEvent } from './qr.js';

export * from './form.js';
export * from './journey.js';
export * from './qr.js';

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
