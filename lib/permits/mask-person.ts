/** 张明 → 张*, 欧阳娜娜 → 欧***: enough to recognise a permit, not to learn a name. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return "";
  return chars[0] + "*".repeat(Math.max(1, chars.length - 1));
}
