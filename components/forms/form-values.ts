/** What a form may start from: a stored record's fields, a number where the form holds its digits, null where nothing is stored. */
export type StoredValues<V> = { [K in keyof V]?: (V[K] extends string ? string | number : V[K]) | null };

/**
 * A form's starting values: the keys of `empty`, each taken from `stored` where it has a value
 * (a number as its digits; null or missing leaves the empty value). Other fields of `stored` are
 * left out, so a whole record can be passed.
 */
export function formValues<V extends Record<string, string | boolean>>(empty: V, stored?: StoredValues<V> | null): V {
  return Object.fromEntries(
    Object.entries(empty).map(([k, blank]) => {
      const x = stored?.[k];
      return [k, x === null || x === undefined ? blank : typeof x === "number" ? String(x) : x];
    }),
  ) as V;
}
