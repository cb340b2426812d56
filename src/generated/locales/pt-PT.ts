
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'errors.unexpectedResponse': `The server sent an unexpected answer. Try again in a moment.`,
'errors.identifierRequired': `Enter your username, email or phone number.`,
'errors.invalidEmail': `Enter a valid email address, like name@example.com.`,
'errors.invalidPhone': `Enter a valid phone number with its country code.`,
'errors.invalidUsername': `Usernames start with a letter or underscore and contain only letters, numbers and underscores.`,
'errors.passwordRequired': `Enter your password.`,
'errors.invalidCredentials': `The account or password is incorrect. Check them and try again.`,
'errors.sessionNotFound': `This sign-in session has expired. Go back to the app and sign in again.`,
'errors.tooManyAttempts': `Too many failed attempts. Wait a while, then try again.`,
'errors.userSuspended': `This account is suspended. Contact support for help.`,
'errors.methodNotEnabled': `This way of signing in is not available. Try another one.`,
'errors.forbidden': `This action is not allowed here.`,
'errors.rateLimited': `Too many codes were sent. Wait a few minutes before asking for another one.`,
'errors.network': `Could not reach the server. Check your connection and try again.`,
'errors.timeout': `The server took too long to answer. Try again.`,
'errors.serverError': `Something went wrong on the server. Try again in a moment.`,
'errors.passwordTooShort': str`Use at least ${0} characters.`,
'errors.generic': `Something went wrong. Try again.`,
'common.loading': `Loading…`,
'load.title': `Sign-in is unavailable`,
'common.tryAgain': `Try again`,
'session.title': `Session expired`,
'signIn.title': `Sign in`,
'field.password': `Password`,
'signIn.submitting': `Signing in…`,
'signIn.submit': `Sign in`,
'field.showPassword': `Show password`,
'field.identifier.all': `Username, email or phone number`,
'field.identifier.usernameEmail': `Username or email`,
'field.identifier.usernamePhone': `Username or phone number`,
'field.identifier.emailPhone': `Email or phone number`,
'field.email': `Email`,
'field.phone': `Phone number`,
'field.username': `Username`,
'page.language': `Language`,
    };
  