/**
 * Entry of the hosted page: register `<sign-in-form>` (which registers the social buttons and
 * the QR panel itself, when it shows them) and the page shell.
 */
import { SignInForm } from '../index.js';
import { SignInPage } from './sign-in-page.js';

/**
 * A provider page framed in our QR panel (`<qr-sign-in>`) may land its redirect to
 * `/callback/…` inside that frame. Only then is the callback moved to the window that holds the
 * panel — our own page, same origin — and this copy stays inert so the attempt and the code are
 * used once, by the page the user sees. A page framed by anything else never navigates its parent.
 */
function movedOutOfQrPanel(): boolean {
  if (!location.pathname.startsWith('/callback/')) return false;
  let frame: Element | null = null;
  try {
    frame = window.frameElement;
  } catch {
    return false;
  }
  // The frame element belongs to the parent's realm, so `instanceof ShadowRoot` would be false.
  const host = (frame?.getRootNode() as Partial<ShadowRoot> | undefined)?.host;
  if (host?.localName !== 'qr-sign-in') return false;
  try {
    window.parent.location.replace(location.href);
    return true;
  } catch {
    return false;
  }
}

if (!movedOutOfQrPanel()) {
  if (!customElements.get('sign-in-form')) customElements.define('sign-in-form', SignInForm);
  customElements.define('sign-in-page', SignInPage);
}
