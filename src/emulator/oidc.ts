/** The OIDC side a sign-in page sees: `/oidc/auth` (sets the interaction cookie), the resume URL and the demo app's callback. */
import { escapeHtml, type Exchange, redirect, sendJson, sendText } from './http.js';
import { renderPage } from './pages.js';
import { DEMO_APP_ID, INTERACTION_TTL_MS, parseInteractionCookie, randomId, type Store } from './state.js';

/** Apps remembered in the `_interaction` cookie. */
const MAX_COOKIE_APPS = 20;

export function startDemoSignIn(x: Exchange): void {
  const params = new URLSearchParams({
    client_id: DEMO_APP_ID,
    redirect_uri: `${x.origin}/demo/callback`,
    response_type: 'code',
    scope: 'openid profile',
    state: randomId(8),
  });
  for (const key of ['ui_locales', 'first_screen', 'login_hint']) {
    const value = x.url.searchParams.get(key);
    if (value) params.set(key, value);
  }
  redirect(x.res, `/oidc/auth?${params.toString()}`, 302);
}

export function oidcAuth(store: Store, x: Exchange): void {
  const query = x.url.searchParams;
  const appId = query.get('client_id') ?? '';
  if (!store.apps.has(appId)) {
    return sendJson(x.res, 400, {
      error: 'invalid_client',
      error_description: 'client is invalid',
      code: 'oidc.invalid_client',
      message: 'The client is not registered.',
    });
  }
  const uid = randomId(32);
  store.interactions.set(uid, {
    uid,
    appId,
    redirectUri: query.get('redirect_uri') ?? `${x.origin}/demo/callback`,
    clientState: query.get('state') ?? undefined,
    expiresAt: Date.now() + INTERACTION_TTL_MS,
    records: new Map(),
    profile: {},
    mfa: {},
    captcha: { verified: false, skipped: false },
  });

  // One entry per app, like Logto's cookie; a test run starts many apps in one browser, so only
  // the most recent ones are kept to stay under the browser's 4 KB cookie limit.
  const previous = Object.entries(parseInteractionCookie(x.cookies._interaction)).filter(
    ([key]) => key !== appId && key !== '_legacy',
  );
  const map: Record<string, string> = Object.fromEntries(previous.slice(-MAX_COOKIE_APPS + 1));
  map[appId] = uid;
  map._legacy = uid;
  const expires = new Date(Date.now() + INTERACTION_TTL_MS).toUTCString();
  const cookies = [
    `_logto=${JSON.stringify({ appId })}; path=/; samesite=lax`,
    `_interaction=${encodeURIComponent(JSON.stringify(map))}; path=/; expires=${expires}; samesite=lax; httponly`,
  ];

  const screens: Record<string, string> = {
    sign_in: 'sign-in',
    register: 'register',
    reset_password: 'reset-password',
    'identifier:sign_in': 'identifier-sign-in',
    'identifier:register': 'identifier-register',
  };
  const screen = screens[query.get('first_screen') ?? 'sign_in'] ?? 'sign-in';
  const target = new URLSearchParams({ app_id: appId });
  for (const key of ['organization_id', 'ui_locales', 'login_hint', 'identifier']) {
    const value = query.get(key);
    if (value) target.set(key, value);
  }
  redirect(x.res, `/${screen}?${target.toString()}`, 303, cookies);
}

export function oidcResume(store: Store, x: Exchange, uid: string): void {
  const interaction = store.interactions.get(uid);
  if (!interaction || interaction.expiresAt < Date.now()) {
    return sendText(x.res, 400, 'The sign-in session has expired.');
  }
  if (!interaction.signedInUserId) {
    return redirect(x.res, `/sign-in?app_id=${encodeURIComponent(interaction.appId)}`);
  }
  store.interactions.delete(uid);
  const code = randomId(24);
  store.authCodes.set(code, { userId: interaction.signedInUserId, appId: interaction.appId });
  const target = new URL(interaction.redirectUri, x.origin);
  target.searchParams.set('code', code);
  if (interaction.clientState) target.searchParams.set('state', interaction.clientState);
  redirect(x.res, target.href);
}

export function demoCallback(store: Store, x: Exchange): void {
  const grant = store.authCodes.get(x.url.searchParams.get('code') ?? '');
  const user = grant ? store.users.get(grant.userId) : undefined;
  const who = user
    ? [user.name, user.username, user.primaryEmail, user.primaryPhone && `+${user.primaryPhone}`]
        .filter(Boolean)
        .map((part) => escapeHtml(String(part)))
    : [];
  const html = user
    ? `<h1>Signed in</h1><p>Signed in as <strong data-testid="signed-in-user">${who[0]}</strong></p>` +
      `<p>${who.slice(1).join(' · ')}</p><p><a href="/">Sign in again</a></p>`
    : `<h1>Not signed in</h1><p>This authorization code is unknown or was already used.</p><p><a href="/">Start again</a></p>`;
  sendText(x.res, user ? 200 : 400, renderPage('Demo app', html), 'text/html');
}
