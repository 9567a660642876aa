import zlib from "node:zlib";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";

/**
 * The text of a PDF that pdf-lib wrote with an embedded (subset, CID) font: the glyph ids of
 * every `Tj`/`TJ` in the content streams mapped back through the font's ToUnicode CMap.
 * Enough for tests to read what a generated letter says; not a general PDF text extractor.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const streams: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const filter = obj.dict.get(PDFName.of("Filter"));
    let raw: Buffer;
    try {
      raw = filter && filter.toString() === "/FlateDecode" ? zlib.inflateSync(Buffer.from(obj.contents)) : Buffer.from(obj.contents);
    } catch {
      continue;
    }
    streams.push(raw.toString("latin1"));
  }
  const cmap = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const s of streams.filter((x) => x.includes("begincmap"))) {
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) cmap.set(parseInt(m[1], 16), utf16(m[2]));
    }
    for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
        const lo = parseInt(m[1], 16);
        const hi = parseInt(m[2], 16);
        if (m[3].startsWith("[")) {
          [...m[3].matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((x, i) => cmap.set(lo + i, utf16(x[1])));
        } else {
          const start = parseInt(m[3].slice(1, -1), 16);
          for (let g = lo; g <= hi; g++) cmap.set(g, String.fromCharCode(start + (g - lo)));
        }
      }
    }
  }
  const lines: string[] = [];
  for (const s of streams.filter((x) => !x.includes("begincmap") && /\bTj\b|\bTJ\b/.test(x))) {
    for (const m of s.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\[((?:\s*<[0-9A-Fa-f]*>\s*-?[\d.]*)*)\]\s*TJ/g)) {
      const hexes = m[1] !== undefined ? [m[1]] : [...m[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]);
      lines.push(hexes.map((h) => (h.match(/.{4}/g) ?? []).map((g) => cmap.get(parseInt(g, 16)) ?? "").join("")).join(""));
    }
  }
  return lines.join("\n");
}
