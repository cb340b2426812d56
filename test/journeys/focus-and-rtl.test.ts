/**
 * The keyboard alone through the identifier journeys: after "Continue" the next field has focus,
 * so the user types on without Tab (password, verification code, sign-up password, password
 * reset), while the step's heading is said in a polite live region. And in
 * Arabic, an identifier inserted in a sentence keeps its own order, inside a `<bdi>`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';

import { setLocale } from '../../src/index.js';
import { errorSentence, errorText } from '../../src/i18n/error-messages.js';
import { loadMessages } from '../../src/i18n/localization.js';
import { addUser, latestCode, startApp, uniqueName } from '../helpers/emulator.js';
import {
  EMAIL_CODE_ONLY,
  interceptSuccess,
  type JourneyHarness,
  mount,
  uniqueEmail,
  USERNAME_SIGN_UP,
} from '../helpers/journeys.js';

/** Presses Tab until `target()` has focus (at most `limit` times); the keyboard's way to a control. */
async function tabTo(h: JourneyHarness, target: () => Element, limit = 20): Promise<void> {
  for (let i = 0; i < limit && h.focused() !== target(); i++) await sendKeys({ press: 'Tab' });
  expect(h.focused(), `Tab never reached ${target().outerHTML.slice(0, 80)}`).to.equal(target());
}

/** The link-styled button with this text. */
const linkTo = (h: JourneyHarness, text: string) => () => h.link(text);

/**
 * Waits for the step, then for focus in its `field`: typing goes there with no Tab. The heading
 * is said, with the subtitle, in the form's polite live region (`said`, the heading alone by default).
 */
async function arriveTyping(h: JourneyHarness, heading: string, field: string, said?: string): Promise<void> {
  await h.waitForHeading(heading);
  await waitUntil(() => h.focused() === h.input(field), `focus did not go to the ${field} field of "${heading}"`).catch(() => {
    throw new Error(`focus did not go to the ${field} field of "${heading}": it is on ${h.focused()?.outerHTML.slice(0, 80) ?? 'nothing'}`);
  });
  const live = h.form.querySelector(':scope > p[role="status"]');
  await waitUntil(() => live?.textContent === (said ?? heading), `the live region does not say "${said ?? heading}"`);
}

describe('the keyboard alone', function () {
  this.timeout(30_000);

  it('signs in: an identifier, Enter, then the password typed straight away', async () => {
    const app = await startApp();
    const h = await mount(app.appId);
    // The first screen takes no focus: the page decides where the user starts.
    expect(h.form.contains(h.focused())).to.equal(false);

    await tabTo(h, () => h.input('identifier'));
    await sendKeys({ type: 'alice' });
    await sendKeys({ press: 'Enter' });
    await arriveTyping(h, 'Enter your password', 'password', 'Enter your password. Signing in as alice');

    const success = interceptSuccess(h.element);
    await sendKeys({ type: 'Passw0rd!' });
    expect(h.input('password').value).to.equal('Passw0rd!');
    await sendKeys({ press: 'Enter' });
    expect((await success).detail.redirectTo).to.match(/\/oidc\/auth\//);
  });

  it('signs in with a verification code typed straight into its field', async () => {
    const email = uniqueEmail('keycode');
    await addUser({ email, password: 'Passw0rd!' });
    const app = await startApp(EMAIL_CODE_ONLY);
    const h = await mount(app.appId);
    await tabTo(h, () => h.input('identifier'));
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await arriveTyping(h, 'Enter the verification code', 'code', `Enter the verification code. We sent a 6-digit code to ${email}.`);

    const success = interceptSuccess(h.element);
    await sendKeys({ type: await latestCode(email) });
    await success;
  });

  it('creates an account: the username, then the new password typed straight away', async () => {
    const app = await startApp(USERNAME_SIGN_UP);
    const h = await mount(app.appId);
    await tabTo(h, linkTo(h, 'Create account'));
    await sendKeys({ press: 'Enter' });
    await arriveTyping(h, 'Create your account', 'identifier');

    await sendKeys({ type: uniqueName('keys') });
    await tabTo(h, () => h.input('terms'));
    await sendKeys({ press: 'Space' });
    await tabTo(h, () => h.submitButton());
    await sendKeys({ press: 'Enter' });
    await arriveTyping(h, 'Set a password', 'password');

    const success = interceptSuccess(h.element);
    await sendKeys({ type: 'Tulip7rose!' });
    await tabTo(h, () => h.input('confirm'));
    await sendKeys({ type: 'Tulip7rose!' });
    await sendKeys({ press: 'Enter' });
    await success;
  });

  it('resets a password: the address kept, the code and the new password typed straight away', async () => {
    const email = uniqueEmail('keyreset');
    await addUser({ email, password: 'Passw0rd!' });
    const app = await startApp();
    const h = await mount(app.appId);
    await tabTo(h, () => h.input('identifier'));
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
    await arriveTyping(h, 'Enter your password', 'password', `Enter your password. Signing in as ${email}`);

    await tabTo(h, linkTo(h, 'Forgot your password?'));
    await sendKeys({ press: 'Enter' });
    // The address typed before is there: its field has focus, and Enter sends the code.
    await arriveTyping(h, 'Reset your password', 'identifier', 'Reset your password. Enter your email or phone number and we will send you a code.');
    expect(h.input('identifier').value).to.equal(email);
    await sendKeys({ press: 'Enter' });

    await arriveTyping(h, 'Enter the verification code', 'code', `Enter the verification code. We sent a 6-digit code to ${email}.`);
    await sendKeys({ type: await latestCode(email) });
    await arriveTyping(h, 'Set a new password', 'password');
    await sendKeys({ type: 'Meadow-42-Lark' });
    await tabTo(h, () => h.input('confirm'));
    await sendKeys({ type: 'Meadow-42-Lark' });
    await sendKeys({ press: 'Enter' });
    await h.waitForHeading('Sign in');
    expect(h.notice()).to.equal('Your password was changed. Sign in with the new one.');
  });
});

/** Where each character of `element`'s text is drawn, in reading (DOM) order; spaces left out. */
function characterBoxes(element: Element): { char: string; left: number; top: number }[] {
  const out: { char: string; left: number; top: number }[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.textContent!.length; i++) {
      if (!node.textContent![i]!.trim()) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      out.push({ char: node.textContent![i]!, left: box.left, top: Math.round(box.top) });
    }
  }
  return out;
}

/** The characters of `element` as drawn: line by line from the top, each line from left to right. */
function onScreen(element: Element): string {
  return characterBoxes(element)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map(({ char }) => char)
    .join('');
}

/** The characters drawn on the same line as `box`. */
function lineOf(boxes: { left: number; top: number }[], box: { top: number }): { left: number }[] {
  return boxes.filter((other) => Math.abs(other.top - box.top) < 4);
}

describe('right to left (Arabic)', function () {
  this.timeout(30_000);

  beforeEach(async () => {
    await setLocale('ar');
    document.documentElement.dir = 'rtl';
    document.documentElement.lang = 'ar';
  });

  afterEach(async () => {
    await setLocale('en');
    document.documentElement.dir = 'ltr';
    document.documentElement.lang = 'en';
  });

  it('keeps a phone number in its own order in "We sent a 6-digit code to …"', async () => {
    const app = await startApp({
      signIn: { methods: [{ identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false }] },
    });
    const h = await mount(app.appId);
    const digits = `96651${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await h.type('identifier', `+${digits}`);
    h.submitButton().click();
    await h.waitForHeading('أدخل رمز التحقق');

    const subtitle = h.form.querySelector('.si-subtitle')!;
    const number = subtitle.querySelector('bdi')!;
    const display = `+966 ${digits.slice(3, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`;
    // Written from locales/ar.xlf: the sentence, with the number isolated in it.
    expect(subtitle.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`أرسلنا رمزًا مكوّنًا من 6 أرقام إلى ${display}.`);
    expect(number.textContent).to.equal(display);
    expect(getComputedStyle(number).direction, 'a number resolves left-to-right inside its isolate').to.equal('ltr');
    expect(getComputedStyle(number).unicodeBidi).to.equal('isolate');

    // On screen the number reads left to right, "+966" first (a long line may wrap it, as any
    // text); the sentence runs right to left: it starts at the right end of its first line, and
    // its full stop, after the number, is at the left end of the last.
    expect(onScreen(number)).to.equal(display.replace(/ /g, ''));
    const boxes = characterBoxes(subtitle);
    const first = boxes[0]!;
    const stop = boxes.at(-1)!;
    expect(stop.char).to.equal('.');
    expect(first.left, 'the sentence starts on the right').to.equal(Math.max(...lineOf(boxes, first).map((box) => box.left)));
    expect(stop.left, 'the full stop ends the sentence on the left').to.equal(Math.min(...lineOf(boxes, stop).map((box) => box.left)));
  });

  it('shows error sentences with their values isolated, and reports them as plain text', async () => {
    await loadMessages('errors');
    const screen = errorSentence({ code: 'profile.date', data: { format: 'dd/MM/yyyy' } });
    const holder = document.createElement('p');
    holder.dir = 'rtl';
    document.body.append(holder);
    render(screen, holder);
    // Written from locales/ar.xlf.
    expect(holder.textContent).to.equal('أدخل تاريخًا صحيحًا بالتنسيق dd/MM/yyyy.');
    expect(holder.querySelector('bdi')?.textContent).to.equal('dd/MM/yyyy');
    expect(onScreen(holder.querySelector('bdi')!)).to.equal('dd/MM/yyyy');
    expect(errorText({ code: 'profile.date', data: { format: 'dd/MM/yyyy' } })).to.equal('أدخل تاريخًا صحيحًا بالتنسيق dd/MM/yyyy.');
    expect(errorText({ code: 'profile.required', data: { label: 'Employee ID' } })).to.equal('املأ الحقل «Employee ID».');
    holder.remove();
  });
});
