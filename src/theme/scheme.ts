import type { SignInExperience } from '../api/schemas.js';

export type ThemeMode = 'auto' | 'light' | 'dark';

/**
 * Logto's rule: dark only when the tenant enabled dark mode and the system prefers it; a host can
 * force either scheme.
 */
export function resolveScheme(
  mode: ThemeMode,
  config: Pick<SignInExperience, 'color'> | undefined,
  prefersDark: boolean,
): 'light' | 'dark' {
  if (mode !== 'auto') return mode;
  return config?.color.isDarkModeEnabled && prefersDark ? 'dark' : 'light';
}
