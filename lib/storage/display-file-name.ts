/** Control characters (C0, DEL, C1), bidi overrides/isolates/marks and zero-width characters: never part of a shown name. */
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A name safe to show: no control or bidi characters (so "gpj.exe" cannot pose as "exe.jpg"), no path characters. Pure: client and server. */
export function displayFileName(name: string): string {
  return name
    .replace(UNSAFE_NAME_CHARS, "")
    .replace(/[<>:"|?*\\/]/g, "")
    .trim();
}
