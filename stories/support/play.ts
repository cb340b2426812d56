/**
 * What the play functions do, written without Storybook's test package so the same functions run
 * in Storybook and in the story tests (web-test-runner): type into fields with one input event
 * per character, press buttons, wait for a step, and read what is on screen. Lookups go by role
 * and structure, never by English text, so a play function reaches its step in any language.
 * Every helper throws with a readable message when the page does not do what a user expects.
 */
import type { ErrorDetail, SignInForm, Step } from '../../src/index.js';

type Maybe<T> = T | null | undefined | false | '';

export class PlayError extends Error {
  override readonly name = 'PlayError';
}

/** Polls `read` until it returns something truthy, and returns that. */
export async function until<T>(read: () => Maybe<T>, what: string | (() => string), timeout = 8000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new PlayError(`${typeof what === 'string' ? what : what()} (waited ${timeout} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) {
    throw new PlayError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function expectTrue(condition: unknown, what: string): void {
  if (!condition) throw new PlayError(what);
}

// ----- <sign-in-form> --------------------------------------------------------------------------

/** The one `<sign-in-form>` in the story's canvas. */
export function formIn(canvas: ParentNode): SignInForm {
  const form = canvas.querySelector('sign-in-form');
  if (!form) throw new PlayError('there is no <sign-in-form> in the story');
  return form;
}

/** The light-DOM form the element renders its fields into. */
export function fieldsOf(form: SignInForm): HTMLFormElement {
  const fields = form.querySelector<HTMLFormElement>('form[data-si-fields]');
  if (!fields) throw new PlayError('the light-DOM form of <sign-in-form> is missing');
  return fields;
}

export function heading(form: SignInForm): string {
  return fieldsOf(form).querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits until the form shows `step` with its heading, and returns the heading. */
export async function atStep(form: SignInForm, step: Step['name'], timeout = 8000): Promise<string> {
  await until(
    () => form.step?.name === step && heading(form),
    () => `the form did not reach the "${step}" step: it shows "${form.step?.name ?? 'nothing'}" ("${heading(form)}")${alertNote(form)}`,
    timeout,
  );
  await form.updateComplete;
  return heading(form);
}

function alertNote(form: SignInForm): string {
  const alert = alertText(form);
  return alert ? `, with the alert "${alert}"` : '';
}

export function input(form: SignInForm, name: string): HTMLInputElement {
  const found = fieldsOf(form).querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!found) throw new PlayError(`there is no "${name}" field on the "${form.step?.name ?? ''}" step`);
  return found;
}

/** Types into a field the way a keyboard does: focus, then one input event per character. */
export async function typeInto(form: SignInForm, name: string, text: string): Promise<void> {
  const field = input(form, name);
  field.focus();
  field.value = '';
  for (const character of text) {
    field.value += character;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: character }));
  }
  await form.updateComplete;
}

/** Pastes a whole value at once (a one-time code from the clipboard or the keyboard's suggestion). */
export async function paste(form: SignInForm, name: string, text: string): Promise<void> {
  const field = input(form, name);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: text }));
  await form.updateComplete;
}

/** Presses the step's main button (the form's submit button). */
export function pressSubmit(form: SignInForm): void {
  const button = fieldsOf(form).querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) throw new PlayError(`the "${form.step?.name ?? ''}" step has no submit button`);
  button.click();
}

/**
 * Presses a secondary control found by where it sits: `switch` is the link under the form
 * ("Create account", "Use a code instead"), `aside` the small link beside a field ("Forgot your
 * password?"), `secondary` the outlined button, `back` the back arrow.
 */
export function press(form: SignInForm, where: 'switch' | 'aside' | 'secondary' | 'back'): void {
  const selector = {
    switch: '.si-switch button.si-link',
    aside: '.si-aside button.si-link',
    secondary: 'button.si-button--secondary',
    back: 'button.si-back',
  }[where];
  const button = fieldsOf(form).querySelector<HTMLButtonElement>(selector);
  if (!button) throw new PlayError(`the "${form.step?.name ?? ''}" step has no ${where} control`);
  button.click();
}

/** Ticks the terms checkbox with a click, as a user does. */
export function agreeToTerms(form: SignInForm): void {
  const box = input(form, 'terms');
  if (!box.checked) box.click();
}

/** Resolves with the next `si-error` the form fires (subscribe before acting). */
export function nextError(form: SignInForm, timeout = 8000): Promise<ErrorDetail> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new PlayError(`the form reported no error${alertNote(form)}`)), timeout);
    form.addEventListener(
      'si-error',
      (event) => {
        clearTimeout(timer);
        resolve(event.detail);
      },
      { once: true },
    );
  });
}

/** The error sentence a field points to with `aria-describedby` (not its other descriptions). */
export function errorUnderText(form: SignInForm, name: string): string {
  const field = input(form, name);
  if (field.getAttribute('aria-invalid') !== 'true') return '';
  const ids = field.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => fieldsOf(form).querySelector(`#${CSS.escape(id)}`))
    .filter((element) => element?.classList.contains('si-error'))
    .map((element) => element?.textContent?.trim() ?? '')
    .join(' ');
}

/** Presses submit, then checks the form reports `code` and shows its sentence at `where`. */
export async function submitExpectingError(
  form: SignInForm,
  code: string,
  where: { field: string } | 'alert',
  sentence: string,
): Promise<void> {
  const error = nextError(form);
  pressSubmit(form);
  const detail = await error;
  expectEqual(detail.code, code, 'error code');
  await expectErrorShown(form, detail, where, sentence);
}

/**
 * Checks that a reported error is shown where a user looks for it, in the words the story expects
 * (written in the story, never looked up in the kit's table): under the field (marked invalid),
 * or as the step's alert; and that `si-error` carries the same sentence.
 */
export async function expectErrorShown(
  form: SignInForm,
  error: ErrorDetail,
  where: { field: string } | 'alert',
  sentence: string,
): Promise<void> {
  expectEqual(error.message, sentence, `the message of the "${error.code}" error`);
  if (where === 'alert') {
    await until(
      () => alertText(form) === sentence,
      () => `the alert does not say "${sentence}" (it says "${alertText(form)}")`,
    );
    return;
  }
  await until(
    () => errorUnderText(form, where.field) === sentence,
    () => `the ${where.field} field does not show "${sentence}" (it shows "${errorUnderText(form, where.field)}")`,
  );
}

export function alertText(form: SignInForm): string {
  return form.querySelector('form[data-si-fields] .si-alert')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function noticeText(form: SignInForm): string {
  return form.querySelector('form[data-si-fields] .si-notice')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The submit button is busy: marked `aria-disabled` and showing its spinner. */
export async function expectBusy(form: SignInForm): Promise<void> {
  await until(() => {
    const button = fieldsOf(form).querySelector('button[type="submit"]');
    return button?.getAttribute('aria-disabled') === 'true' && button.querySelector('.si-spinner');
  }, 'the submit button does not show that the request is in progress');
}
