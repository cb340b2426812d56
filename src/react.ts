/**
 * `logto-sign-in-kit/react`: the elements as React components, for teams that prefer components
 * to custom elements in JSX (and for React 18, which cannot pass properties or listen to custom
 * events on an element by itself). Made with `@lit/react`; importing this entry registers the
 * elements too. Each `si-*` event has a typed `onSi…` prop.
 *
 * ```tsx
 * import { SignInForm } from 'logto-sign-in-kit/react';
 * <SignInForm appId="your-app-id" screen="sign-in" onSiSuccess={(event) => console.info(event.detail.redirectTo)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';

import { QrSignIn as QrSignInElement } from './components/qr-sign-in/qr-sign-in.js';
import { SignInForm as SignInFormElement } from './components/sign-in-form/sign-in-form.js';
import { SocialButtons as SocialButtonsElement } from './components/social-buttons/social-buttons.js';
import type { SiErrorEvent, SiProviderSelectEvent } from './events/form.js';
import type { SiStepChangeEvent, SiSuccessEvent } from './events/journey.js';
import type { SiQrRefreshEvent, SiQrStatusEvent } from './events/qr.js';
import './define.js';

/** `<sign-in-form>` as a React component. */
export const SignInForm = createComponent({
  react: React,
  tagName: 'sign-in-form',
  elementClass: SignInFormElement,
  displayName: 'SignInForm',
  events: {
    onSiSuccess: 'si-success' as EventName<SiSuccessEvent>,
    onSiError: 'si-error' as EventName<SiErrorEvent>,
    onSiStepChange: 'si-step-change' as EventName<SiStepChangeEvent>,
  },
});

/** `<social-buttons>` as a React component. */
export const SocialButtons = createComponent({
  react: React,
  tagName: 'social-buttons',
  elementClass: SocialButtonsElement,
  displayName: 'SocialButtons',
  events: {
    onSiProviderSelect: 'si-provider-select' as EventName<SiProviderSelectEvent>,
  },
});

/** `<qr-sign-in>` as a React component. */
export const QrSignIn = createComponent({
  react: React,
  tagName: 'qr-sign-in',
  elementClass: QrSignInElement,
  displayName: 'QrSignIn',
  events: {
    onSiQrStatus: 'si-qr-status' as EventName<SiQrStatusEvent>,
    onSiQrRefresh: 'si-qr-refresh' as EventName<SiQrRefreshEvent>,
  },
});
