/** Entry of the hosted page: register the kit's elements and the page shell. */
import '../define.js';

import { SignInPage } from './sign-in-page.js';

customElements.define('sign-in-page', SignInPage);
