/**
 * Registers the kit's elements under their default tags. The only module with side effects:
 * import it once (`import 'logto-sign-in-kit/define'`), or register the classes yourself under
 * other names. Registering a tag that already holds our class is a no-op.
 */
import { QrSignIn } from './components/qr-sign-in/qr-sign-in.js';
import { SignInForm } from './components/sign-in-form/sign-in-form.js';
import { SocialButtons } from './components/social-buttons/social-buttons.js';

function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === element) return;
  if (existing) {
    console.warn(`[sign-in-kit] <${tag}> is already defined by another class; skipped.`);
    return;
  }
  customElements.define(tag, element);
}

define('sign-in-form', SignInForm);
define('social-buttons', SocialButtons);
define('qr-sign-in', QrSignIn);
