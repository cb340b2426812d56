/**
 * A module (or anything else) fetched on first use, once: a failed fetch (offline) is forgotten,
 * so the next `load()` tries again.
 */
export interface Lazy<T> {
  /** The module, once loaded. */
  readonly value: T | undefined;
  /** The last load failed (offline); `load()` tries again. */
  readonly failed: boolean;
  load(): Promise<T>;
}

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  const state: { value: T | undefined; failed: boolean } = { value: undefined, failed: false };
  return {
    get value() {
      return state.value;
    },
    get failed() {
      return state.failed;
    },
    load() {
      pending ??= importer().then(
        (value) => {
          state.value = value;
          state.failed = false;
          return value;
        },
        (error: unknown) => {
          pending = undefined;
          state.failed = true;
          throw error;
        },
      );
      return pending;
    },
  };
}
