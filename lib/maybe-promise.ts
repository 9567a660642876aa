/**
 * A value now, or a promise of it later. The public API's lean path stays synchronous when every
 * step can answer at once (memory rate limit, cached rule set): each promise costs a request
 * Next's async-context hooks, measured on the eligibility API.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(v: MaybePromise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === "function";
}

/** `f(v)` now for a value, after it settles for a promise. */
export function thenMaybe<T, U>(v: MaybePromise<T>, f: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(v) ? v.then(f) : f(v);
}
