/**
 * Registers the kit's elements under their default tags. The only module with side effects:
 * import it once (`import 'logto-sign-in-kit/define'`), or register the classes yourself under
 * other names. Registering a tag that already holds our class is a no-op.
 *
 * `<sign-in-form>` registers `<social-buttons>` and `<qr-sign-in>` by itself when it shows them;
 * this entry registers them up front for pages that use them on their own.
 */
import { defineOnce } from './components/define-once.js';
import { QrSignIn } from './components/qr-sign-in/qr-sign-in.js';
import { SignInForm } from './components/sign-in-form/sign-in-form.js';
import { SocialButtons } from './components/social-buttons/social-buttons.js';

defineOnce('sign-in-form', SignInForm);
defineOnce('social-buttons', SocialButtons);
defineOnce('qr-sign-in', QrSignIn);

// Types only (no bytes): importing this entry brings the elements' classes, their tags in
// `HTMLElementTagNameMap`, and the `si-*` events in `HTMLElementEventMap`.
export type { QrSignIn, SignInForm, SocialButtons };
export type * from './events/index.js';
