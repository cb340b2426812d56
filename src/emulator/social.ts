/** Social sign-in: the authorization URI at the fake provider, and verifying its callback. */
import { RequestError, verificationNotFound } from './errors.js';
import { sendJson } from './http.js';
import type { Context, RouteGroup } from './state.js';
import { safeParse } from 'zod/mini';

import { signInExperienceSchema } from '../api/schemas.js';

export const socialRoutes: RouteGroup = (context, key) => {
  const match = /^POST \/verification\/social\/([^/]+)\/(authorization-uri|verify)$/.exec(key);
  if (!match) return false;
  const connectorId = decodeURIComponent(match[1] ?? '');
  if (match[2] === 'verify') verifySocial(context, connectorId);
  else authorizationUri(context, connectorId);
  return true;
};

export function findConnector(config: unknown, connectorId: string) {
  const parsed = safeParse(signInExperienceSchema, config);
  return parsed.success ? parsed.data.socialConnectors.find((item) => item.id === connectorId) : undefined;
}

function authorizationUri({ store, x, interaction, config, body }: Context, connectorId: string): void {
  const connector = findConnector(config, connectorId);
  if (!connector) throw new RequestError(404, 'entity.not_found', `No connector with id ${connectorId}.`);
  const { state, redirectUri } = body;
  if (typeof state !== 'string' || !state || typeof redirectUri !== 'string' || !redirectUri) {
    throw new RequestError(400, 'session.insufficient_info', 'state and redirectUri are required.');
  }
  const record = store.addRecord(interaction, { type: 'Social', verified: false, connectorId });
  sendJson(x.res, 200, {
    authorizationUri: store.providers.authorizationUri(x.origin, connector, redirectUri, state),
    verificationId: record.id,
  });
}

function verifySocial({ store, x, interaction, body }: Context, connectorId: string): void {
  const record = interaction.records.get('Social');
  if (!record || record.id !== body.verificationId || record.connectorId !== connectorId) {
    throw verificationNotFound();
  }
  const data = (body.connectorData ?? {}) as Record<string, unknown>;
  if (typeof data.code !== 'string' || !data.code) {
    const description = typeof data.error_description === 'string' ? data.error_description : 'No code in the callback.';
    throw new RequestError(400, 'connector.general', `The connector failed: ${description}`, data);
  }
  const identity = store.socialCodes.get(data.code);
  if (!identity) throw new RequestError(401, 'connector.social_auth_code_invalid', 'The authorization code is invalid.');
  store.socialCodes.delete(data.code);
  record.verified = true;
  record.socialIdentity = identity;
  // Social sign-ins do not need a CAPTCHA.
  interaction.captcha.skipped = true;
  sendJson(x.res, 200, { verificationId: record.id });
}
