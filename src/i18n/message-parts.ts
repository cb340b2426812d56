/**
 * Each language is shipped in four parts: the strings of the first screen (sign-in, its fields,
 * the social buttons, the page chrome), fetched before that screen is painted; the other steps
 * (sign-up, codes, reset, profile, linking, the QR panel); the error sentences; and the screens of
 * the enterprise features (single sign-on, magic links, profile fields, consent). The last three
 * are fetched right after the first screen is painted, or as soon as something needs them. The
 * build splits the generated locale modules with this rule (see vite.config.ts).
 */
const FIRST_SCREEN_PREFIXES = ['common.', 'field.', 'signIn.', 'social.', 'page.', 'load.', 'terms.', 'notice.'];
const FIRST_SCREEN_IDS = new Set(['password.title', 'password.as', 'password.useCode']);

const ERROR_PREFIXES = ['errors.', 'password.'];

/** The screens of the enterprise features (single sign-on, magic links, profile fields, consent). */
const ENTERPRISE_PREFIXES = ['identifierEntry.', 'sso.', 'profile.', 'link.', 'switch.', 'suspended.', 'notFound.', 'consent.'];

export type MessagePart = 'first' | 'steps' | 'errors' | 'enterprise';

export function messagePartOf(id: string): MessagePart {
  if (FIRST_SCREEN_IDS.has(id) || FIRST_SCREEN_PREFIXES.some((prefix) => id.startsWith(prefix))) return 'first';
  if (ENTERPRISE_PREFIXES.some((prefix) => id.startsWith(prefix))) return 'enterprise';
  return ERROR_PREFIXES.some((prefix) => id.startsWith(prefix)) ? 'errors' : 'steps';
}

/**
 * Keeps the entries of one part in a module written by `lit-localize build`: the lines inside
 * `export const templates = {…}` each start an entry (`'id': template,`) or continue the one
 * before; everything outside that object is kept as it is.
 */
export function selectMessagePart(source: string, part: MessagePart): string {
  let inside = false;
  let keep = true;
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    if (!inside) {
      inside = /export const templates = \{/.test(line);
      if (inside) {
        const entry = /\{\s*'([^']+)':/.exec(line);
        if (entry?.[1] && messagePartOf(entry[1]) !== part) {
          lines.push(line.slice(0, line.indexOf('{') + 1));
          keep = false;
          continue;
        }
      }
      lines.push(line);
      continue;
    }
    if (/^\s*\};\s*$/.test(line)) {
      inside = false;
      lines.push(line);
      continue;
    }
    const entry = /^\s*'([^']+)':/.exec(line);
    if (entry?.[1]) keep = messagePartOf(entry[1]) === part;
    if (keep) lines.push(line);
  }
  return lines.join('\n');
}
