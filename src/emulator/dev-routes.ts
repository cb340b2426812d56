/**
 * The emulator's own routes under `/__emulator/`: assets and demo pages, the codes it "sent",
 * registering test apps and users, the recorded requests, reset, the fake CAPTCHA provider and the
 * fake social providers.
 */
import { safeParse, z } from 'zod/mini';

import { signInExperienceSchema } from '../api/schemas.js';
import { serveAsset } from './assets.js';
import { captchaDevRoute } from './captcha.js';
import { enterpriseIssue, mergeDeep, securityIssue, seedUserSchema } from './config.js';
import { type Exchange, sendEmpty, sendJson, sendText } from './http.js';
import { renderPage } from './pages.js';
import { randomId, type Store } from './state.js';
import { organizationSchema, thirdPartyAppSchema } from './third-party.js';

export async function devRoute(store: Store, x: Exchange, route: string, reset: () => void): Promise<void> {
  const { method } = x;
  if (route.startsWith('assets/') && method === 'GET') return serveAsset(x.res, route.slice(7));
  if (route === 'terms' || route === 'privacy') {
    const title = route === 'terms' ? 'Terms of use' : 'Privacy policy';
    return sendText(x.res, 200, renderPage(title, `<h1>${title}</h1><p>The demo tenant's ${title.toLowerCase()}.</p>`), 'text/html');
  }
  if (route.startsWith('captcha/') && captchaDevRoute(store, x, route.slice(8))) return;
  if (route === 'codes/latest' && method === 'GET') {
    const to = x.url.searchParams.get('to') ?? '';
    const sent = store.sentCodes.filter((entry) => entry.to === to).at(-1);
    if (!sent) return sendJson(x.res, 404, { message: `No code was sent to ${to}.` });
    return sendJson(x.res, 200, sent);
  }
  if (route === 'apps' && method === 'POST') {
    const patch = (x.body ?? {}) as { appId?: string; signInExperience?: unknown };
    const appId = patch.appId ?? `app-${randomId(10)}`;
    const merged = mergeDeep(store.config.signInExperience, patch.signInExperience ?? {});
    const parsed = safeParse(signInExperienceSchema, merged);
    const field = parsed.success ? (securityIssue(merged) ?? enterpriseIssue(merged)) : (parsed.error.issues[0]?.path.join('.') ?? '(root)');
    if (field !== undefined) return sendJson(x.res, 400, { message: `signInExperience.${field} is missing or invalid` });
    // A third-party app (its consent settings) and organizations to add to the tenant.
    const extra = (x.body ?? {}) as { thirdParty?: Record<string, unknown>; organizations?: unknown };
    const thirdParty = extra.thirdParty ? thirdPartyAppSchema.safeParse({ ...extra.thirdParty, id: appId }) : undefined;
    if (thirdParty && !thirdParty.success) {
      return sendJson(x.res, 400, { message: `thirdParty.${thirdParty.error.issues[0]?.path.join('.') ?? ''} is missing or invalid` });
    }
    const organizations = z.array(organizationSchema).safeParse(extra.organizations ?? []);
    if (!organizations.success) {
      return sendJson(x.res, 400, { message: `organizations.${organizations.error.issues[0]?.path.join('.') ?? ''} is missing or invalid` });
    }
    for (const organization of organizations.data) store.organizations.set(organization.id, organization);
    store.apps.set(appId, { signInExperience: merged, thirdParty: thirdParty?.data });
    return sendJson(x.res, 200, { appId });
  }
  if (route === 'users' && method === 'POST') {
    const parsed = seedUserSchema.safeParse(x.body ?? {});
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || '(root)';
      return sendJson(x.res, 400, { message: `user.${field} is missing or invalid` });
    }
    const user = store.addUser(parsed.data);
    return sendJson(x.res, 200, { id: user.id });
  }
  if (route === 'requests' && method === 'GET') {
    const appId = x.url.searchParams.get('appId');
    return sendJson(x.res, 200, store.requests.filter((entry) => !appId || entry.appId === appId));
  }
  if (route === 'reset' && method === 'POST') {
    reset();
    return sendEmpty(x.res);
  }
  const connectorName = (idOrTarget: string) => {
    const parsed = safeParse(signInExperienceSchema, store.config.signInExperience);
    const connector = parsed.success
      ? parsed.data.socialConnectors.find((item) => item.id === idOrTarget || item.target === idOrTarget)
      : undefined;
    return connector?.name.en ?? idOrTarget;
  };
  if (await store.providers.handle(x, route, connectorName)) return;
  sendText(x.res, 404, 'Not Found');
}
