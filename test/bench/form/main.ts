// The benchmark's page for <sign-in-form> alone: the element from the side-effect-free entry,
// registered by hand, on an otherwise empty page.
import { SignInForm } from '../../../src/index.js';

customElements.define('sign-in-form', SignInForm);
