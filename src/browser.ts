/**
 * The entry of the self-contained browser build (`dist/lib/browser/sign-in-kit.js`, with lit,
 * @lit/localize and zod inside): `<script type="module" src=".../sign-in-kit.js">` on any page,
 * with no bundler and no import map, registers `<sign-in-form>` and `<social-buttons>`.
 *
 * `<qr-sign-in>` lives in a chunk that `<sign-in-form>` fetches, and registers, only for a QR
 * step: registering it here would put it (or a loader for it) on every first screen, which must
 * weigh what `<sign-in-form>` alone does. For a QR panel on its own, use the npm package.
 */
import { defineOnce } from './components/define-once.js';
import { SignInForm } from './components/sign-in-form/sign-in-form.js';
import { SocialButtons } from './components/social-buttons/social-buttons.js';

defineOnce('sign-in-form', SignInForm);
defineOnce('social-buttons', SocialButtons);
