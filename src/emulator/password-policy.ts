/**
 * The emulator's own password policy check, written from Logto's rules (core-kit's password
 * policy) so that the emulator never borrows the kit's client-side check it is meant to test:
 *
 * - length `min` (default 8) and `max` (default 256): `too_short {min}` / `too_long {max}`;
 * - character types (lowercase, uppercase, digits, symbols) at least `characterTypes.min`
 *   (default 1): `character_types {min}`; any other character: `unsupported_characters`;
 * - restricted phrases (repetition or sequence of 3+, the user's name / username / email local
 *   part / phone, the tenant's words): reported only when the flagged characters outnumber
 *   `max(1, length - 3)`, i.e. when the password is made of little else.
 *
 * The pwned-password lookup needs the network and is not emulated.
 */
import type { PasswordPolicyInput } from '../api/schemas.js';

export interface PasswordIssue {
  code: `password_rejected.${string}`;
  interpolation?: Record<string, unknown>;
}

export interface PasswordUserInfo {
  name?: string;
  username?: string;
  email?: string;
  phone?: string;
}

interface Policy {
  min: number;
  max: number;
  characterTypes: number;
  repetitionAndSequence: boolean;
  userInfo: boolean;
  words: string[];
}

const SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ';
/** Keyboard rows and columns count as sequences too, forwards and backwards. */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz',
  '2wsx',
  '3edc',
  '4rfv',
  '5tgb',
  '6yhn',
  '7ujm',
  '8ik',
  '9ol',
];
const RUN_THRESHOLD = 3;

function resolve(input: PasswordPolicyInput | undefined): Policy {
  return {
    min: input?.length?.min ?? 8,
    max: input?.length?.max ?? 256,
    characterTypes: input?.characterTypes?.min ?? 1,
    repetitionAndSequence: input?.rejects?.repetitionAndSequence ?? true,
    userInfo: input?.rejects?.userInfo ?? true,
    words: input?.rejects?.words ?? [],
  };
}

function characterClass(char: string): string | undefined {
  if (char >= 'a' && char <= 'z') return 'lower';
  if (char >= 'A' && char <= 'Z') return 'upper';
  if (char >= '0' && char <= '9') return 'digit';
  return SYMBOLS.includes(char) ? 'symbol' : undefined;
}

function isSequential(text: string): boolean {
  const lower = text.toLowerCase();
  return SEQUENCES.some((row) => row.includes(lower) || [...row].reverse().join('').includes(lower));
}

/** Length of the run of one repeated character at the start of `text` (0 when shorter than 3). */
function repetitionAt(text: string): number {
  let length = 0;
  while (length < text.length && text[length] === text[0]) length++;
  return length >= RUN_THRESHOLD ? length : 0;
}

/** Length of the sequence at the start of `text` (0 when shorter than 3). */
function sequenceAt(text: string): number {
  let length = 1;
  while (length < text.length && isSequential(text.slice(0, length + 1))) length++;
  return length >= RUN_THRESHOLD ? length : 0;
}

function phraseAt(text: string, phrases: string[]): number {
  const lower = text.toLowerCase();
  let longest = 0;
  for (const phrase of phrases) {
    if (phrase && lower.startsWith(phrase.toLowerCase())) longest = Math.max(longest, phrase.length);
  }
  return longest;
}

function userPhrases(info: PasswordUserInfo): string[] {
  const phrases: string[] = [];
  if (info.name) {
    phrases.push(info.name, info.name.replace(/\s+/g, ''), ...info.name.split(' '));
  }
  if (info.username) phrases.push(info.username);
  const local = info.email?.split('@')[0];
  if (local) phrases.push(local);
  if (info.phone) phrases.push(info.phone);
  return phrases;
}

export function checkPassword(password: string, input: PasswordPolicyInput | undefined, info: PasswordUserInfo = {}): PasswordIssue[] {
  const policy = resolve(input);
  const issues: PasswordIssue[] = [];

  if (password.length < policy.min) issues.push({ code: 'password_rejected.too_short', interpolation: { min: policy.min } });
  else if (password.length > policy.max) issues.push({ code: 'password_rejected.too_long', interpolation: { max: policy.max } });

  const classes = new Set<string>();
  let unsupported = false;
  for (const char of password) {
    const kind = characterClass(char);
    if (kind) classes.add(kind);
    else unsupported = true;
  }
  if (unsupported) issues.push({ code: 'password_rejected.unsupported_characters' });
  else if (classes.size < policy.characterTypes) {
    issues.push({ code: 'password_rejected.character_types', interpolation: { min: policy.characterTypes } });
  }

  const flagged = new Array<boolean>(password.length).fill(false);
  const found = new Set<string>();
  const mark = (start: number, length: number, code: string) => {
    if (length <= 0) return;
    for (let index = start; index < start + length && index < password.length; index++) flagged[index] = true;
    found.add(code);
  };
  const personal = policy.userInfo ? userPhrases(info) : [];
  for (let start = 0; start < password.length; start++) {
    const rest = password.slice(start);
    if (policy.repetitionAndSequence) {
      mark(start, repetitionAt(rest), 'restricted.repetition');
      mark(start, sequenceAt(rest), 'restricted.sequence');
    }
    if (policy.words.length > 0) mark(start, phraseAt(rest, policy.words), 'restricted.words');
    if (policy.userInfo) mark(start, phraseAt(rest, personal), 'restricted.user_info');
  }
  const flaggedCount = flagged.filter(Boolean).length;
  if (flaggedCount > Math.max(1, password.length - 3)) {
    for (const code of found) issues.push({ code: `password_rejected.${code}` });
  }
  return issues;
}
