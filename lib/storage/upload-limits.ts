/** Largest file a resident may upload (a phone photo or a scanned PDF fits easily). */
export const MAX_UPLOAD_BYTES = Number(process.env.LUOHU_MAX_UPLOAD_BYTES ?? 10 * 1024 * 1024);

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
