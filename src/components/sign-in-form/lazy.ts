/**
 * The parts of `<sign-in-form>` the first screen does not need: the other steps' templates and
 * the error sentences, each with its strings in the current language. They are fetched right
 * after the first screen is painted, or at once when something asks for them first.
 */
import { loadMessages } from '../../i18n/localization.js';
import { lazy } from '../../internal/lazy.js';

export type { Lazy } from '../../internal/lazy.js';

export const journeyViews = lazy(async () => {
  const [views] = await Promise.all([import('./views/journey-steps.js'), loadMessages('steps'), loadMessages('enterprise')]);
  return views;
});

export const errorSentences = lazy(async () => {
  const [sentences] = await Promise.all([import('../../i18n/error-messages.js'), loadMessages('errors')]);
  return sentences;
});

/** The behaviour of `<sign-in-form>` beyond painting its first screen (see controller.ts). */
export const formController = lazy(() => import('./controller.js'));
