"""
Builds permit-sans-sc.ttf.br, the font the permit PDF (准予迁入证明) is drawn with, so that
Chinese renders on any machine without system fonts.

Source: Source Han Sans SC Regular 2.001 (SIL OFL 1.1, © Adobe), e.g. from the npm package
node-source-han-sans-sc@1.1.0-2.001R (package/SourceHanSansSC-Regular.otf).
Steps (pip install fonttools brotli):
  1. subset to ASCII, Latin-1, general punctuation, CJK symbols, full-width forms and the
     whole CJK Unified Ideographs block U+4E00–U+9FFF (20,992 characters: every GBK hanzi,
     so names and addresses render); no hinting, no layout tables;
  2. convert the CFF outlines to TrueType (fontkit, used by pdf-lib, subsets TrueType fonts
     correctly but writes broken CFF subsets), glyphs padded to 4 bytes (fontkit's subsetter
     halves loca offsets and needs them even);
  3. rename the family to "Luohu Permit Sans SC": the OFL reserves the name "Source" for the
     original, and this is a modified version;
  4. brotli-compress (Node decompresses it natively in ~0.2 s).

  python3 build-permit-font.py SourceHanSansSC-Regular.otf permit-sans-sc.ttf.br
"""
import sys, tempfile, os
import brotli
from fontTools import subset
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
import fontTools.ttLib.tables._g_l_y_f as G

UNICODES = "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-205E,U+2100-214F,U+2190-21FF,U+2460-24FF,U+25A0-25FF,U+3000-303F,U+4E00-9FFF,U+FF00-FFEF"
FAMILY = "Luohu Permit Sans SC"


def subset_font(src, dst):
    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = []
    opts.drop_tables += ["vhea", "vmtx", "VORG", "GSUB", "GPOS", "BASE"]
    opts.name_IDs = ["*"]
    font = subset.load_font(src, opts)
    s = subset.Subsetter(opts)
    s.populate(unicodes=subset.parse_unicodes(UNICODES))
    s.subset(font)
    subset.save_font(font, dst, opts)


def to_truetype(font):
    order = font.getGlyphOrder()
    glyphset = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphset)
        glyphset[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for a in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, a, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font):
    ps = FAMILY.replace(" ", "") + "-Regular"
    for rec in font["name"].names:
        if rec.nameID in (1, 4, 16):
            rec.string = FAMILY
        elif rec.nameID == 3:
            rec.string = f"1.0;LUOHU;{ps}"
        elif rec.nameID == 6:
            rec.string = ps
        elif rec.nameID == 7:
            rec.string = ""
    font["name"].names = [r for r in font["name"].names if r.nameID != 7]


def main(src, dst):
    G.table__g_l_y_f.padding = 4
    with tempfile.TemporaryDirectory() as d:
        sub = os.path.join(d, "sub.otf")
        subset_font(src, sub)
        font = TTFont(sub)
        to_truetype(font)
        rename(font)
        ttf = os.path.join(d, "out.ttf")
        font.save(ttf)
        data = open(ttf, "rb").read()
    open(dst, "wb").write(brotli.compress(data, quality=11, lgwin=24))
    print(f"{dst}: {len(data)} bytes TrueType, compressed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
