import { msg } from '@lit/localize';

/**
 * Logto's user scopes in plain language (what an app gets with each). A scope without an entry
 * (a newer one) is shown by its name.
 */
const USER_SCOPES: Record<string, () => string> = {
  profile: () => msg('Your name, username, picture and other profile details', { id: 'consent.scope.profile' }),
  email: () => msg('Your email address', { id: 'consent.scope.email' }),
  phone: () => msg('Your phone number', { id: 'consent.scope.phone' }),
  address: () => msg('Your address', { id: 'consent.scope.address' }),
  custom_data: () => msg('Your custom data', { id: 'consent.scope.customData' }),
  identities: () => msg('Your linked social accounts', { id: 'consent.scope.identities' }),
  roles: () => msg('Your roles', { id: 'consent.scope.roles' }),
  'urn:logto:scope:organizations': () => msg('Your organizations', { id: 'consent.scope.organizations' }),
  'urn:logto:scope:organization_roles': () => msg('Your roles in your organizations', { id: 'consent.scope.organizationRoles' }),
};

export function userScopeDescription(scope: string): string | undefined {
  return USER_SCOPES[scope]?.();
}
