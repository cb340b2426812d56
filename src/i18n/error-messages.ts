/**
 * Every error code the flows can meet, mapped to a localized, actionable sentence in one table.
 * Codes the table does not know fall back to the server's own (already localized) message, then to
 * a generic sentence.
 */
import { msg, str } from '@lit/localize';

type Message = (data?: unknown) => string;

function minFrom(data: unknown, key: string): string {
  const value = (data as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

const unexpectedAnswer: Message = () =>
  msg('The server sent an unexpected answer. Try again in a moment.', { id: 'errors.unexpectedResponse' });

const MESSAGES: Record<string, Message> = {
  // Local validation
  'identifier.required': () => msg('Enter your username, email or phone number.', { id: 'errors.identifierRequired' }),
  'identifier.invalid_email': () => msg('Enter a valid email address, like name@example.com.', { id: 'errors.invalidEmail' }),
  'identifier.invalid_phone': () => msg('Enter a valid phone number with its country code.', { id: 'errors.invalidPhone' }),
  'identifier.invalid_username': () =>
    msg('Usernames start with a letter or underscore and contain only letters, numbers and underscores.', {
      id: 'errors.invalidUsername',
    }),
  'password.required': () => msg('Enter your password.', { id: 'errors.passwordRequired' }),

  // Server
  'session.invalid_credentials': () =>
    msg('The account or password is incorrect. Check them and try again.', { id: 'errors.invalidCredentials' }),
  'session.not_found': () =>
    msg('This sign-in session has expired. Go back to the app and sign in again.', { id: 'errors.sessionNotFound' }),
  'session.verification_blocked_too_many_attempts': () =>
    msg('Too many failed attempts. Wait a while, then try again.', { id: 'errors.tooManyAttempts' }),
  'user.suspended': () => msg('This account is suspended. Contact support for help.', { id: 'errors.userSuspended' }),
  'user.sign_in_method_not_enabled': () =>
    msg('This way of signing in is not available. Try another one.', { id: 'errors.methodNotEnabled' }),
  'auth.forbidden': () => msg('This action is not allowed here.', { id: 'errors.forbidden' }),
  'request.message_rate_limited': () =>
    msg('Too many codes were sent. Wait a few minutes before asking for another one.', { id: 'errors.rateLimited' }),

  // Transport
  'client.network_error': () =>
    msg('Could not reach the server. Check your connection and try again.', { id: 'errors.network' }),
  'client.timeout': () => msg('The server took too long to answer. Try again.', { id: 'errors.timeout' }),
  'client.non_json_response': unexpectedAnswer,
  'client.invalid_response': unexpectedAnswer,
  'client.unknown_error': () =>
    msg('Something went wrong on the server. Try again in a moment.', { id: 'errors.serverError' }),
  'password_rejected.too_short': (data) =>
    msg(str`Use at least ${minFrom(data, 'min')} characters.`, { id: 'errors.passwordTooShort' }),
};

/** The localized message for a code; `serverMessage` is used for codes without a kit message. */
export function errorMessage(code: string, data?: unknown, serverMessage?: string): string {
  const message = MESSAGES[code];
  if (message) return message(data);
  if (serverMessage && !serverMessage.startsWith('HTTP ')) return serverMessage;
  return msg('Something went wrong. Try again.', { id: 'errors.generic' });
}
