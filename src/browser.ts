/**
 * The entry of the self-contained browser build (`dist/lib/browser/sign-in-kit.js`, with lit,
 * @lit/localize and zod inside): `<script type="module" src=".../sign-in-kit.js">` on any page,
 * with no bundler and no import map, registers the elements.
 *
 * `<sign-in-form>` and `<social-buttons>` (which the form's first screen shows) register at once.
 * `<qr-sign-in>` lives in a chunk the form fetches only for a QR step, so it registers when the
 * page has one of its own, keeping the first screen as small as `<sign-in-form>` alone.
 */
import { defineOnce } from './components/define-once.js';
import { SignInForm } from './components/sign-in-form/sign-in-form.js';
import { SocialButtons } from './components/social-buttons/social-buttons.js';

defineOnce('sign-in-form', SignInForm);
defineOnce('social-buttons', SocialButtons);

const qrPanels = document.getElementsByTagName('qr-sign-in');
const defineQrSignIn = (): void => {
  import('./components/qr-sign-in/qr-sign-in.js')
    .then(({ QrSignIn }) => defineOnce('qr-sign-in', QrSignIn))
    .catch((error: unknown) => console.error('[sign-in-kit] <qr-sign-in> could not be loaded.', error));
};
if (qrPanels.length > 0) {
  defineQrSignIn();
} else {
  const watch = new MutationObserver(() => {
    if (qrPanels.length === 0) return;
    watch.disconnect();
    defineQrSignIn();
  });
  watch.observe(document, { childList: true, subtree: true });
}
