/** Entry of the hosted page: register the kit's elements and the page shell. */
import '../define.js';

// A provider page framed in the QR panel may land its redirect inside the frame: move it to the
// whole window, which is our own origin.
if (window.top && window.top !== window && location.pathname.startsWith('/callback/')) {
  try {
    window.top.location.replace(location.href);
  } catch {
    // A foreign top window: stay in the frame.
  }
}

import { SignInPage } from './sign-in-page.js';

customElements.define('sign-in-page', SignInPage);
