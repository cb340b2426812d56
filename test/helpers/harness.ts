/**
 * Drives `<sign-in-form>` like a user: focus a field, type with real key presses, press buttons,
 * read what is on screen.
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import type { SignInForm } from '../../src/index.js';

export class FormHarness {
  constructor(readonly element: SignInForm) {}

  get form(): HTMLFormElement {
    const form = this.element.querySelector<HTMLFormElement>('form[data-si-fields]');
    if (!form) throw new Error('the light-DOM form is missing');
    return form;
  }

  /** Waits until the config is loaded and a step is on screen. */
  async ready(selector = 'input, .si-alert'): Promise<this> {
    await waitUntil(() => this.element.querySelector(`form[data-si-fields] ${selector}`), 'the form did not render', {
      timeout: 5000,
    });
    return this;
  }

  input(name: string): HTMLInputElement {
    const input = this.form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input) throw new Error(`no input named ${name}`);
    return input;
  }

  async type(name: string, text: string): Promise<void> {
    const input = this.input(name);
    input.focus();
    input.select();
    await sendKeys({ type: text });
  }

  button(text: string | RegExp): HTMLButtonElement {
    const buttons = [...this.form.querySelectorAll<HTMLButtonElement>('button')];
    const match = buttons.find((button) =>
      typeof text === 'string' ? button.textContent?.trim() === text : text.test(button.textContent ?? ''),
    );
    if (!match) throw new Error(`no button ${String(text)} among: ${buttons.map((b) => b.textContent?.trim()).join(' | ')}`);
    return match;
  }

  submitButton(): HTMLButtonElement {
    const button = this.form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!button) throw new Error('no submit button');
    return button;
  }

  /** The error shown under a field (through its aria-describedby), or undefined. */
  fieldError(name: string): string | undefined {
    const input = this.input(name);
    const ids = input.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    const text = ids.map((id) => this.form.querySelector(`#${CSS.escape(id)}`)?.textContent?.trim() ?? '').join(' ');
    return text || undefined;
  }

  alertText(): string | undefined {
    return this.form.querySelector('.si-alert')?.textContent?.trim() || undefined;
  }

  heading(): string | undefined {
    return this.form.querySelector('h1')?.textContent?.trim() || undefined;
  }
}
