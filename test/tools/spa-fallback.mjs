/**
 * Serves the hosted page (src/app) in the test server the way Vite and Logto serve it: every page
 * route gets index.html, and its root-relative entry files redirect into src/app.
 */
/** The hosted page's routes (Logto's paths); other test middleware marks the same pages. */
export const PAGE_ROUTES = [
  /^\/sign-in(\/|$)/,
  /^\/register(\/|$)/,
  /^\/forgot-password(\/|$)/,
  /^\/reset-password(\/|$)/,
  /^\/identifier-(sign-in|register)(\/|$)/,
  /^\/continue(\/|$)/,
  /^\/callback\//,
  /^\/social\//,
  /^\/unknown-session$/,
  /^\/mfa-(verification|binding)(\/|$)/,
  /^\/mfa-onboarding$/,
  /^\/create-passkey$/,
  /^\/consent$/,
  /^\/single-sign-on(\/|$)/,
  /^\/direct\/[^/]+\/[^/]+$/,
  /^\/one-time-token(\/error)?$/,
  /^\/switch-account$/,
  /^\/account-suspended$/,
  // Stands for any address Logto serves the page at that is not one of its pages.
  /^\/no-such-page$/,
];
const APP_FILES = new Set(['/main.ts', '/page.css']);

export function spaFallback() {
  return async (ctx, next) => {
    if (ctx.method === 'GET') {
      // A redirect, not a rewrite: the module's own relative imports must resolve inside src/app.
      if (APP_FILES.has(ctx.path)) return ctx.redirect(`/src/app${ctx.path}`);
      if (PAGE_ROUTES.some((route) => route.test(ctx.path)) && ctx.accepts('html')) {
        ctx.url = `/src/app/index.html${ctx.search ?? ''}`;
      }
    }
    await next();
  };
}
