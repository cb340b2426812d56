/**
 * `defineConsent()`: fetches `<sign-in-consent>` and registers it. The import sits in a module of
 * its own (not in the index barrel): with the dynamic import there, Rolldown moved modules the
 * first screen needs into shared chunks of their own (more requests before the form shows).
 */
export const defineConsent = (): Promise<unknown> => import('./define.js');
