/**
 * Starts an interaction on the emulator for a story, as a client app's "Sign in" button would:
 * registers an app with the given sign-in-experience patch and calls `/oidc/auth` for it.
 */
export async function startInteraction(signInExperience: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch('/__emulator/apps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ signInExperience }),
  });
  const { appId } = (await response.json()) as { appId: string };
  await fetch(`/oidc/auth?client_id=${encodeURIComponent(appId)}`, { redirect: 'manual' });
  return appId;
}
