/**
 * Logto's password policy with its server defaults, and the checks that can run in the browser
 * before anything is sent (length, allowed characters, character classes). The breached-password,
 * repetition, sequence and personal-info rules are checked by the server only.
 */
import type { PasswordIssue, PasswordPolicyInput } from '../api/schemas.js';

export interface PasswordPolicy {
  length: { min: number; max: number };
  characterTypes: { min: number };
  rejects: { pwned: boolean; repetitionAndSequence: boolean; userInfo: boolean; words: string[] };
}

export function resolvePasswordPolicy(input: PasswordPolicyInput = {}): PasswordPolicy {
  return {
    length: { min: input.length?.min ?? 8, max: input.length?.max ?? 256 },
    characterTypes: { min: input.characterTypes?.min ?? 1 },
    rejects: {
      pwned: input.rejects?.pwned ?? true,
      repetitionAndSequence: input.rejects?.repetitionAndSequence ?? true,
      userInfo: input.rejects?.userInfo ?? true,
      words: input.rejects?.words ?? [],
    },
  };
}

/** The symbols Logto accepts; together with ASCII letters, digits and space they are the allowed set. */
const SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export type CharacterClass = 'lowercase' | 'uppercase' | 'digits' | 'symbols';

export function characterClasses(password: string): Set<CharacterClass> {
  const found = new Set<CharacterClass>();
  for (const char of password) {
    if (char >= 'a' && char <= 'z') found.add('lowercase');
    else if (char >= 'A' && char <= 'Z') found.add('uppercase');
    else if (char >= '0' && char <= '9') found.add('digits');
    else if (SYMBOLS.includes(char)) found.add('symbols');
  }
  return found;
}

function hasUnsupportedCharacters(password: string): boolean {
  for (const char of password) {
    const ascii = /[a-z\d ]/i.test(char) || SYMBOLS.includes(char);
    if (!ascii) return true;
  }
  return false;
}

/**
 * The rules a browser can decide, in the order Logto reports them. Issue codes are Logto's
 * (`password_rejected.too_short`, …) so server and client issues share one message table.
 */
export function checkPasswordLocally(password: string, policy: PasswordPolicy): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...password].length;
  if (length < policy.length.min) {
    issues.push({ code: 'password_rejected.too_short', interpolation: { min: policy.length.min } });
  }
  if (length > policy.length.max) {
    issues.push({ code: 'password_rejected.too_long', interpolation: { max: policy.length.max } });
  }
  if (hasUnsupportedCharacters(password)) {
    issues.push({ code: 'password_rejected.unsupported_characters' });
  }
  if (characterClasses(password).size < policy.characterTypes.min) {
    issues.push({
      code: 'password_rejected.character_types',
      interpolation: { min: policy.characterTypes.min },
    });
  }
  return issues;
}
