/** The OIDC side a sign-in page sees: `/oidc/auth` (sets the interaction cookie), the resume URL and the demo app's callback. */
import { consentPending, demoRequest, grantSummary, redirectToConsent } from './consent.js';
import { extraProfileSummary } from './extra-profile.js';
import { escapeHtml, type Exchange, redirect, sendJson, sendText } from './http.js';
import { loginPromptPath } from './hand-offs.js';
import { renderPage } from './pages.js';
import { DEMO_APP_ID, INTERACTION_TTL_MS, parseInteractionCookie, randomId, type Store } from './state.js';

/** Apps remembered in the `_interaction` cookie. */
const MAX_COOKIE_APPS = 20;

export function startDemoSignIn(x: Exchange, store?: Store): void {
  // `/?client_id=<app>` signs in to another registered app (a third-party one asks for its scopes).
  const asked = x.url.searchParams.get('client_id');
  const appId = asked && store?.apps.has(asked) ? asked : DEMO_APP_ID;
  const request = store ? demoRequest(store, appId) : { scope: 'openid profile', resources: [] };
  const params = new URLSearchParams({
    client_id: appId,
    redirect_uri: `${x.origin}/demo/callback`,
    response_type: 'code',
    scope: request.scope,
    state: randomId(8),
  });
  for (const resource of request.resources) params.append('resource', resource);
  for (const key of ['ui_locales', 'first_screen', 'login_hint', 'direct_sign_in', 'identifier', 'one_time_token']) {
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
    scope: query.get('scope') ?? undefined,
    resources: query.getAll('resource'),
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

  // The first screen or a direct sign-in, with the hand-off params (hand-offs.ts).
  redirect(x.res, loginPromptPath(query, appId), 303, cookies);
}

export function oidcResume(store: Store, x: Exchange, uid: string): void {
  const interaction = store.interactions.get(uid);
  if (!interaction || interaction.expiresAt < Date.now()) {
    return sendText(x.res, 400, 'The sign-in session has expired.');
  }
  if (!interaction.signedInUserId) {
    return redirect(x.res, `/sign-in?app_id=${encodeURIComponent(interaction.appId)}`);
  }
  if (consentPending(store, interaction)) return redirectToConsent(store, x, interaction);
  store.interactions.delete(uid);
  const code = randomId(24);
  store.authCodes.set(code, { userId: interaction.signedInUserId, appId: interaction.appId, grant: interaction.consent });
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
  // An error the authorization server sent back (`error=access_denied`…), shown as the app got it.
  const error = x.url.searchParams.get('error');
  const description = x.url.searchParams.get('error_description');
  const again = grant && grant.appId !== DEMO_APP_ID ? `/?client_id=${encodeURIComponent(grant.appId)}` : '/';
  const html = user
    ? `<h1>Signed in</h1><p>Signed in as <strong data-testid="signed-in-user">${who[0]}</strong></p>` +
      `<p>${who.slice(1).join(' · ')}</p>${grantSummary(store, grant?.grant)}${extraProfileSummary(user)}<p><a href="${escapeHtml(again)}">Sign in again</a></p>`
    : error
      ? `<h1>Not signed in</h1><p>The app received the error <code data-testid="callback-error">${escapeHtml(error)}</code>` +
        `${description ? `: ${escapeHtml(description)}` : ''}.</p><p><a href="/">Start again</a></p>`
      : x.url.searchParams.has('code')
        ? `<h1>Not signed in</h1><p>This authorization code is unknown or was already used.</p><p><a href="/">Start again</a></p>`
        : `<h1>Not signed in</h1><p data-testid="callback-empty">The app received no authorization code: the sign-in was cancelled or did not finish.</p><p><a href="/">Start again</a></p>`;
  sendText(x.res, user ? 200 : 400, renderPage('Demo app', html), 'text/html');
}
