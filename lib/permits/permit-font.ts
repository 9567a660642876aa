import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * The CJK font of the permit PDF, shipped in the repository (see fonts/build-permit-font.py):
 * a TrueType subset of Source Han Sans SC covering every GBK hanzi, brotli-compressed.
 * It never depends on the machine's fonts, so a fresh machine renders the same permit.
 */
const FONT_FILE = path.join(process.cwd(), "lib", "permits", "fonts", "permit-sans-sc.ttf.br");

let cached: Uint8Array | null = null;

export function permitFontBytes(): Uint8Array {
  if (!cached) cached = new Uint8Array(zlib.brotliDecompressSync(fs.readFileSync(FONT_FILE)));
  return cached;
}
