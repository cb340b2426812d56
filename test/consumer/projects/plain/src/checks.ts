// What `import 'logto-sign-in-kit/define'` must bring, and what it must refuse: typings loose
// enough to accept these fail the consumer test, because each @ts-expect-error below then has no
// error to expect.
import 'logto-sign-in-kit/define';
import type { SignInForm, SiErrorEvent, SiSuccessEvent } from 'logto-sign-in-kit';
import manifest from 'logto-sign-in-kit/custom-elements.json';

const form = document.createElement('sign-in-form');
export const typed: SignInForm = form;
form.screen = 'register';
// @ts-expect-error -- not a screen
form.screen = 'sign-inn';
form.addEventListener('si-success', (event) => console.info(event.detail.redirectTo));
form.addEventListener('si-error', (event) => console.warn(event.detail.code, event.detail.message));
form.addEventListener('si-step-change', (event) => console.info(event.detail.step));
// @ts-expect-error -- si-error's detail has no redirectTo
form.addEventListener('si-error', (event) => console.info(event.detail.redirectTo));

document.querySelector('social-buttons')?.addEventListener('si-provider-select', (event) => event.preventDefault());
document.querySelector('qr-sign-in')?.addEventListener('si-qr-status', (event) => console.info(event.detail.status));

export const successType: HTMLElementEventMap['si-success'] extends SiSuccessEvent ? true : false = true;
export const errorType: HTMLElementEventMap['si-error'] extends SiErrorEvent ? true : false = true;
export const tags: string[] = manifest.modules.flatMap((module) => module.exports.map((entry) => entry.name));
