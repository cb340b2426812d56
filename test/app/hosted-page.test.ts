import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { addUser, PASSWORD_ONLY, registerApp, uniqueName } from '../helpers/emulator.js';
import { clearPageStorage } from '../helpers/journeys.js';


/**
 * The hosted page end to end, in an iframe so it can do its real full-page navigation: a client
 * app starts sign-in at /oidc/auth, the page loads, the user signs in, and the browser lands on
 * the app's callback.
 */
async function openPage(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '420px';
  frame.style.height = '720px';
  frame.src = src;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}

function inFrame(frame: HTMLIFrameElement) {
  const doc = () => frame.contentDocument!;
  return {
    doc,
    query: <T extends Element>(selector: string) => doc().querySelector<T>(selector),
    async type(selector: string, text: string) {
      const input = doc().querySelector<HTMLInputElement>(selector)!;
      input.focus();
      await sendKeys({ type: text });
    },
  };
}

describe('hosted sign-in page', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    clearPageStorage();
  });

  it('starts at /oidc/auth, signs in and lands on the app with the user signed in', async () => {
    const appId = await registerApp(PASSWORD_ONLY);
    const username = uniqueName('page');
    await addUser({ username, password: 'Pag3-pass!', name: 'Page Tester' });

    const frame = await openPage(`/oidc/auth?client_id=${appId}&redirect_uri=${encodeURIComponent(`${location.origin}/demo/callback`)}`);
    const page = inFrame(frame);
    expect(page.doc().location.pathname).to.equal('/sign-in');
    expect(new URL(page.doc().location.href).searchParams.get('app_id')).to.equal(appId);
    await waitUntil(() => page.query('sign-in-form input[name="identifier"]'), 'the form did not render', { timeout: 8000 });

    await page.type('input[name="identifier"]', username);
    await page.type('input[name="password"]', 'Pag3-pass!');
    const landed = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    page.query<HTMLButtonElement>('button[type="submit"]')!.click();
    await landed;

    expect(page.doc().location.pathname).to.equal('/demo/callback');
    expect(page.query('[data-testid="signed-in-user"]')?.textContent).to.equal('Page Tester');
  });

  it('shows the wrong-password message on the page and stays there', async () => {
    const appId = await registerApp(PASSWORD_ONLY);
    const frame = await openPage(`/oidc/auth?client_id=${appId}`);
    const page = inFrame(frame);
    await waitUntil(() => page.query('sign-in-form input[name="identifier"]'), 'the form did not render', { timeout: 8000 });
    await page.type('input[name="identifier"]', 'alice');
    await page.type('input[name="password"]', 'nope-nope');
    page.query<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => page.query('.si-error'), 'no error shown', { timeout: 5000 });
    expect(page.query('.si-error')?.textContent?.trim()).to.equal('The account or password is incorrect. Check them and try again.');
    expect(page.doc().location.pathname).to.equal('/sign-in');
  });

  it('applies the tenant colour and page language from ui_locales', async () => {
    const appId = await registerApp({ color: { primaryColor: '#B91C1C' } });
    const frame = await openPage(`/oidc/auth?client_id=${appId}&ui_locales=de`);
    const page = inFrame(frame);
    await waitUntil(() => page.query('sign-in-form button[type="submit"]'), 'the form did not render', { timeout: 8000 });
    expect(page.doc().documentElement.lang).to.equal('de');
    const button = page.query<HTMLButtonElement>('sign-in-form button[type="submit"]')!;
    expect(frame.contentWindow!.getComputedStyle(button).backgroundColor).to.equal('rgb(185, 28, 28)');
  });

  // The page itself sets the document's language and direction: nothing in this test does.
  for (const [locale, dir, title] of [
    ['ar', 'rtl', 'تسجيل الدخول'],
    ['fa-IR', 'rtl', 'ورود'],
    ['ja', 'ltr', 'ログイン'],
  ] as const) {
    it(`sets lang="${locale}" and dir="${dir}" on the document for ui_locales=${locale}`, async () => {
      const appId = await registerApp(PASSWORD_ONLY);
      const frame = await openPage(`/oidc/auth?client_id=${appId}&ui_locales=${locale}`);
      const page = inFrame(frame);
      await waitUntil(() => page.query('sign-in-form form[data-si-fields] h1'), 'the form did not render', { timeout: 8000 });
      const root = page.doc().documentElement;
      expect(root.getAttribute('lang')).to.equal(locale);
      expect(root.getAttribute('dir')).to.equal(dir);
      expect(frame.contentWindow!.getComputedStyle(page.query('sign-in-form')!).direction).to.equal(dir);
      expect(page.query('sign-in-form h1')?.textContent?.trim()).to.equal(title);
    });
  }
});
