/**
 * Where `/oidc/auth` sends the browser, as Logto 1.42's `buildLoginPromptUrl`
 * (`packages/core/src/oidc/utils.ts`) builds it from the authorization request's extra params:
 *
 * - `first_screen` picks the page: `sign_in` (default) and the legacy `signIn` → `/sign-in`,
 *   `register` → `/register`, `reset_password` → `/reset-password`, `identifier:sign_in` →
 *   `/identifier-sign-in`, `identifier:register` → `/identifier-register`, `single_sign_on` →
 *   `/single-sign-on`; without it the deprecated `interaction_mode=signUp` → `/register`.
 * - The query is `app_id`, `organization_id`, `ui_locales`, `one_time_token`, `login_hint`,
 *   `identifier` (those present and non-empty, in that order).
 * - `direct_sign_in=<method>:<target>` (`social:<target>`, `sso:<connectorId>`) sends it to
 *   `/direct/<method>/<target>` instead, with `fallback=<first screen path without the slash>` last.
 * - A value Logto does not accept (an unknown `first_screen` or `interaction_mode`) makes it drop
 *   every extra param, `organization_id` and `ui_locales` included: `/sign-in?app_id=…`.
 *
 * A magic link (`one_time_token` + `login_hint`) therefore lands on the first screen with both
 * params; Logto's own sign-in and register pages forward such a URL to `/one-time-token?…`.
 */

const FIRST_SCREENS: Record<string, string> = {
  sign_in: 'sign-in',
  register: 'register',
  reset_password: 'reset-password',
  'identifier:sign_in': 'identifier-sign-in',
  'identifier:register': 'identifier-register',
  single_sign_on: 'single-sign-on',
  signIn: 'sign-in',
};
const INTERACTION_MODES = ['signIn', 'signUp'];
const FORWARDED = ['one_time_token', 'login_hint', 'identifier'] as const;

/** The root-relative path `/oidc/auth?…` redirects to for a login prompt. */
export function loginPromptPath(query: URLSearchParams, appId: string): string {
  const firstScreenParam = query.get('first_screen');
  const interactionMode = query.get('interaction_mode');
  const valid =
    (firstScreenParam === null || firstScreenParam in FIRST_SCREENS) &&
    (interactionMode === null || INTERACTION_MODES.includes(interactionMode));
  // Logto parses the extra params as one object: one bad value and none of them count.
  const param = (key: string) => (valid ? query.get(key) || undefined : undefined);

  const screenKey = param('first_screen') ?? param('interaction_mode') ?? 'sign_in';
  const firstScreen = screenKey === 'signUp' ? 'register' : (FIRST_SCREENS[screenKey] ?? 'sign-in');

  const search = new URLSearchParams();
  if (appId) search.append('app_id', appId);
  for (const key of ['organization_id', 'ui_locales', ...FORWARDED]) {
    const value = param(key);
    if (value) search.append(key, value);
  }
  const queryString = () => (search.size > 0 ? `?${search.toString()}` : '');

  const directSignIn = param('direct_sign_in');
  if (directSignIn) {
    search.append('fallback', firstScreen);
    const [method = '', target = ''] = directSignIn.split(':');
    return `/${['direct', method, target].filter(Boolean).join('/')}${queryString()}`;
  }
  return `/${firstScreen}${queryString()}`;
}
