/**
 * Registers `<sign-in-consent>`. A module of its own, so that the consent screen and its schemas
 * are fetched only by a page that shows it (the hosted page on `/consent`, through
 * `defineConsent()` in the public API), never with the sign-in screens.
 */
import { defineOnce } from '../define-once.js';
import { SignInConsent } from './sign-in-consent.js';

defineOnce('sign-in-consent', SignInConsent);

export { SignInConsent };
