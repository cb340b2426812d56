/**
 * Test access to the emulator mounted in the test server: each test registers its own app (its own
 * tenant config and interaction), so tests never share state.
 */
import type { RecordedRequest } from '../../src/emulator/emulator.js';

export interface TestApp {
  appId: string;
  /** What the emulated server received from this app, in order. */
  requests(): Promise<RecordedRequest[]>;
}

let counter = 0;

/** Username or email with a password, nothing else; sign-up by username. */
export const PASSWORD_ONLY = {
  signIn: {
    methods: [
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
  signUp: { identifiers: ['username'], password: true },
};

export async function registerApp(signInExperience: Record<string, unknown> = {}): Promise<string> {
  const appId = `test-${Date.now().toString(36)}-${++counter}`;
  const response = await fetch('/__emulator/apps', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId, signInExperience }),
  });
  if (!response.ok) throw new Error(`registering the app failed: ${await response.text()}`);
  return appId;
}

/** Registers an app and starts an interaction for it, as `/oidc/auth` does for a real client. */
export async function startApp(signInExperience: Record<string, unknown> = {}): Promise<TestApp> {
  const appId = await registerApp(signInExperience);
  const response = await fetch(`/oidc/auth?client_id=${encodeURIComponent(appId)}`, { redirect: 'manual' });
  if (response.type !== 'opaqueredirect') throw new Error(`/oidc/auth did not redirect (${response.status})`);
  return {
    appId,
    requests: async () => {
      const list = await fetch(`/__emulator/requests?appId=${encodeURIComponent(appId)}`);
      return (await list.json()) as RecordedRequest[];
    },
  };
}

export async function addUser(user: { username?: string; password?: string; email?: string; phone?: string; name?: string }): Promise<void> {
  const response = await fetch('/__emulator/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!response.ok) throw new Error('adding the user failed');
}

export async function latestCode(to: string): Promise<string> {
  const response = await fetch(`/__emulator/codes/latest?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`no code was sent to ${to}`);
  return ((await response.json()) as { code: string }).code;
}

export function uniqueName(prefix = 'user'): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
