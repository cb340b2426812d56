// Events of the journey after the first screen: a step change, the journey's end.

export interface SuccessDetail {
  /** Where the page is about to go (an http(s) URL on the Logto host). */
  redirectTo: string;
}

/** The journey finished; cancel it to stop the kit's full-page navigation and navigate yourself. */
export class SiSuccessEvent extends CustomEvent<SuccessDetail> {
  static readonly type = 'si-success';
  constructor(detail: SuccessDetail) {
    super(SiSuccessEvent.type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface StepChangeDetail {
  /** The new step (`sign-in`, `verification-code`, `session-expired`, …). */
  step: string;
  /** The path Logto's own UI shows for that step (`/sign-in/password`, `/register`, …). */
  path: string;
}

/** The form moved to another step. */
export class SiStepChangeEvent extends CustomEvent<StepChangeDetail> {
  static readonly type = 'si-step-change';
  constructor(detail: StepChangeDetail) {
    super(SiStepChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}
