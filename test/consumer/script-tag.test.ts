/**
 * The browser build as the installed package holds it, loaded by the README's script tag on a
 * page of the test server (emulator mounted): no bundler, no import map, and a user signs in.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { addUser, PASSWORD_ONLY, registerApp, uniqueName } from '../helpers/emulator.js';
import { step, STEP_TIMEOUT } from './steps.js';

describe('the browser build by script tag', function () {
  this.timeout(STEP_TIMEOUT);

  before(async () => {
    await step('install:plain');
  });

  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('renders <sign-in-form> and signs in, from one module script and nothing else', async () => {
    const appId = await registerApp(PASSWORD_ONLY);
    const username = uniqueName('tag');
    await addUser({ username, password: 'Tag-pass-1!', name: 'Script Tag' });
    const callback = encodeURIComponent(`${location.origin}/demo/callback`);
    const auth = await fetch(`/oidc/auth?client_id=${appId}&redirect_uri=${callback}`, { redirect: 'manual' });
    expect(auth.type).to.equal('opaqueredirect');

    const frame = document.createElement('iframe');
    frame.style.width = '420px';
    frame.style.height = '720px';
    frame.src = `/__consumer/script-tag.html?app_id=${appId}`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = () => frame.contentDocument!;
    // The test server adds its own web-socket script to every page; the page has one script of its own.
    const scripts = [...doc().querySelectorAll('script')].filter((script) => !script.src.includes('/__web-dev-server'));
    expect(scripts.map((script) => script.outerHTML)).to.deep.equal([
      '<script type="module" src="/sign-in-kit/sign-in-kit.js"></script>',
    ]);
    await waitUntil(() => doc().querySelector('sign-in-form input[name="password"]'), 'the form did not render', { timeout: 10_000 });
    expect(frame.contentWindow!.customElements.get('social-buttons'), '<social-buttons> registered').to.not.equal(undefined);

    for (const [name, text] of [
      ['identifier', username],
      ['password', 'Tag-pass-1!'],
    ] as const) {
      doc().querySelector<HTMLInputElement>(`sign-in-form input[name="${name}"]`)!.focus();
      await sendKeys({ type: text });
    }
    const landed = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    doc().querySelector<HTMLButtonElement>('sign-in-form button[type="submit"]')!.click();
    await landed;
    expect(doc().location.pathname).to.equal('/demo/callback');
    expect(doc().querySelector('[data-testid="signed-in-user"]')?.textContent).to.equal('Script Tag');
  });
});
