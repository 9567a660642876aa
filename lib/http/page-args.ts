/** A page's query string as Next.js passes it (a key given more than once is an array). */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What Next.js passes a page: its dynamic segments (`[id]` → `{ id: string }`) and its query
 * string, both as promises. (Next's own `PageProps` exists only after `next typegen`.)
 */
export type PageArgs<P extends Record<string, string> = Record<string, never>> = { params: Promise<P>; searchParams: Promise<SearchParams> };
