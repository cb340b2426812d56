/**
 * A web-test-runner plugin that gives browser tests a virtual WebAuthn authenticator in the real
 * Chromium (Chrome DevTools Protocol `WebAuthn` domain, through the Puppeteer page of the chrome
 * launcher). Commands, sent with `executeServerCommand` from `@web/test-runner-commands`
 * (test/helpers/webauthn.ts wraps them with types):
 *
 * - `webauthn:add-authenticator` payload `{ protocol?, transport?, hasResidentKey?, hasUserVerification?,
 *   isUserVerified?, automaticPresenceSimulation? }` (defaults: ctap2, internal, all true) → `{ authenticatorId }`
 * - `webauthn:remove-authenticator` payload `{ authenticatorId }` → `true`
 * - `webauthn:credentials` payload `{ authenticatorId }` → the CDP `Credential[]`
 */
const PREFIX = 'webauthn:';

export function webauthnPlugin() {
  /** One CDP session per test session (page), with the WebAuthn domain enabled. */
  const sessions = new Map();

  async function cdpFor(session) {
    if (session.browser.type !== 'puppeteer') {
      throw new Error(`virtual WebAuthn authenticators need the chrome launcher (got ${session.browser.type})`);
    }
    const page = session.browser.getPage(session.id);
    const known = sessions.get(session.id);
    if (known && known.page === page) return known.cdp;
    const cdp = await page.createCDPSession();
    await cdp.send('WebAuthn.enable', { enableUI: false });
    sessions.set(session.id, { page, cdp });
    return cdp;
  }

  return {
    name: 'webauthn-virtual-authenticator',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith(PREFIX)) return undefined;
      const cdp = await cdpFor(session);
      const options = payload ?? {};
      switch (command.slice(PREFIX.length)) {
        case 'add-authenticator': {
          const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
            options: {
              protocol: options.protocol ?? 'ctap2',
              transport: options.transport ?? 'internal',
              hasResidentKey: options.hasResidentKey ?? true,
              hasUserVerification: options.hasUserVerification ?? true,
              isUserVerified: options.isUserVerified ?? true,
              automaticPresenceSimulation: options.automaticPresenceSimulation ?? true,
            },
          });
          return { authenticatorId };
        }
        case 'remove-authenticator':
          await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: options.authenticatorId });
          return true;
        case 'credentials': {
          const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: options.authenticatorId });
          return credentials;
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },
  };
}
