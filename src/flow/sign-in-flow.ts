/**
 * The sign-in journey as a small store: the current step, whether a request is in flight, and the
 * last error, plus one method per user intent. It drives the Experience API and never touches the
 * DOM, so it is tested without a page and shared by every element that shows a step.
 */
import type { ExperienceClient } from '../api/client.js';
import { ApiError, ClientErrorCode } from '../api/errors.js';
import type { IdentifierPayload, InteractionEvent, SignInExperience } from '../api/schemas.js';

export type Step =
  | { name: 'sign-in' }
  | { name: 'session-expired' }
  | { name: 'done'; redirectTo: string };

export type StepName = Step['name'];

/** Where an error belongs on screen. */
export type ErrorTarget = 'identifier' | 'password' | 'form';

export interface FlowError {
  /** Logto's code, a `client.*` transport code, or a local validation code. */
  code: string;
  target: ErrorTarget;
  /** The server's message (already localized by Accept-Language), used for codes the kit has no text for. */
  serverMessage?: string;
  data?: unknown;
  retryAfter?: number;
}

export interface FlowState {
  step: Step;
  /** A request is in flight; every action is ignored until it settles. */
  busy: boolean;
  error?: FlowError;
}

type Listener = (state: FlowState) => void;

/** Codes after which the interaction is gone and only a restart from the app helps. */
const SESSION_GONE = new Set(['session.not_found', 'oidc.invalid_request']);

export class SignInFlow {
  #state: FlowState = { step: { name: 'sign-in' }, busy: false };
  readonly #listeners = new Set<Listener>();

  constructor(
    readonly client: ExperienceClient,
    readonly config: SignInExperience,
  ) {}

  get state(): FlowState {
    return this.#state;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Clears the error shown for a target (the user edited that field). */
  clearError(target?: ErrorTarget): void {
    if (this.#state.error && (!target || this.#state.error.target === target)) {
      this.#set({ error: undefined });
    }
  }

  /** Identifier + password in one step: start, verify, identify, submit. */
  signInWithPassword(identifier: IdentifierPayload, password: string): Promise<void> {
    return this.#run(async () => {
      await this.#start('SignIn');
      const verificationId = await this.client.verifyPassword(identifier, password);
      await this.client.identify({ verificationId });
      await this.#submit();
    });
  }

  /** Reports a problem found before anything was sent (empty field, malformed email). */
  reject(code: string, target: ErrorTarget): void {
    this.#set({ error: { code, target } });
  }

  // ----- internals -----------------------------------------------------------------------------

  async #start(event: InteractionEvent): Promise<void> {
    await this.client.startInteraction(event);
  }

  async #submit(): Promise<void> {
    const redirectTo = await this.client.submit();
    if (!redirectTo) throw new ApiError(200, ClientErrorCode.invalidResponse, 'submit returned no redirect');
    this.#set({ step: { name: 'done', redirectTo } });
  }

  async #run(action: () => Promise<void>): Promise<void> {
    if (this.#state.busy) return;
    this.#set({ busy: true, error: undefined });
    try {
      await action();
      this.#set({ busy: false });
    } catch (error) {
      this.#set({ busy: false, ...this.#handleError(error) });
    }
  }

  #handleError(error: unknown): Partial<FlowState> {
    const apiError =
      error instanceof ApiError ? error : new ApiError(0, ClientErrorCode.unknown, String(error));
    if (SESSION_GONE.has(apiError.code)) return { step: { name: 'session-expired' } };
    return {
      error: {
        code: apiError.code,
        target: apiError.code === 'session.invalid_credentials' ? 'password' : 'form',
        serverMessage: apiError.message,
        data: apiError.data,
        retryAfter: apiError.retryAfter,
      },
    };
  }

  #set(patch: Partial<FlowState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
