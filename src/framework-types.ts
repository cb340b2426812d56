/**
 * What the framework typings generated from custom-elements.json (React JSX, Vue; see
 * custom-elements-manifest.config.mjs) read their types from: the public API's element classes,
 * with the attributes an element reads without a property of its own, and the `detail` of each
 * event, named after the event's class. Types only: nothing here reaches a bundle.
 */
import type { SignInForm as SignInFormElement } from './components/sign-in-form/sign-in-form.js';
import type { SiErrorEvent, SiProviderSelectEvent } from './events/form.js';
import type { SiStepChangeEvent, SiSuccessEvent } from './events/journey.js';
import type { SiQrRefreshEvent, SiQrStatusEvent } from './events/qr.js';

export type * from './index.js';

/** `<sign-in-form>`, with `captcha-script`, which it reads as an attribute only. */
export type SignInForm = SignInFormElement & { captchaScript?: string };

/** An event's `detail`; `undefined` for a plain `Event`. */
type DetailOf<E extends Event> = E extends CustomEvent<infer D> ? D : undefined;

export type SiErrorEventDetail = DetailOf<SiErrorEvent>;
export type SiProviderSelectEventDetail = DetailOf<SiProviderSelectEvent>;
export type SiStepChangeEventDetail = DetailOf<SiStepChangeEvent>;
export type SiSuccessEventDetail = DetailOf<SiSuccessEvent>;
export type SiQrStatusEventDetail = DetailOf<SiQrStatusEvent>;
export type SiQrRefreshEventDetail = DetailOf<SiQrRefreshEvent>;
