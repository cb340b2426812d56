/**
 * The benchmark's baseline: the smallest honest Lit sign-in form (two labelled inputs and a
 * button, no config, no i18n, no validation), built in the same run as the kit.
 */
import { html, LitElement } from 'lit';

class BareForm extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    return html`<form method="post">
      <label>Username <input name="identifier" autocomplete="username" /></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" /></label>
      <button type="submit">Sign in</button>
    </form>`;
  }
}

customElements.define('bare-form', BareForm);
