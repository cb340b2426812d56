/**
 * The kit's public API, free of side effects: importing it registers nothing. Import
 * `./define.js` to register the elements under their default tags.
 */
export { SignInForm } from './components/sign-in-form/sign-in-form.js';
export { resolveScheme, type ThemeMode } from './theme/scheme.js';
export { setTenantCss } from './theme/custom-css.js';
export { stepPath, type EntryStep, type FirstScreen, type Step } from './flow/steps.js';
export { safeHttpUrl, safeImageUrl } from './internal/urls.js';
export { QrSignIn } from './components/qr-sign-in/qr-sign-in.js';
export { SocialButtons } from './components/social-buttons/social-buttons.js';
export {
  SiErrorEvent,
  SiProviderSelectEvent,
  SiQrRefreshEvent,
  SiQrStatusEvent,
  SiStepChangeEvent,
  SiSuccessEvent,
} from './events/index.js';
export type { ErrorDetail, ProviderSelectDetail, QrStatus, StepChangeDetail, SuccessDetail } from './events/index.js';
export { browserConnectors, connectorName } from './flow/social-basics.js';
export { appIdForState } from './flow/social-attempts.js';
export {
  ApiError,
  ClientErrorCode,
  ConfigClient,
  ExperienceClient,
  type ExperienceClientOptions,
  type SignInExperience,
  signInExperienceSchema,
} from './api/index.js';
export { allLocales, getLocale, negotiateLocale, setLocale, textDirection, type LocaleCode } from './i18n/localization.js';
export type { SignInConsent } from './components/consent/sign-in-consent.js';
/** Registers `<sign-in-consent>` (the consent screen of third-party apps), fetching its code on first use. */
export { defineConsent } from './components/consent/load.js';
