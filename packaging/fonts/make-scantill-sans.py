"""Makes ScanTill Sans: Noto Sans (Latin, cut down to what a till writes) and Noto Sans Thai in one font, so that
Thai, English, digits and the baht sign come from one face on any machine. Both are under the SIL Open Font
Licence 1.1. Run with Debian's python3-fonttools:

    python3 make-scantill-sans.py NOTO_DIR OUT_DIR

where NOTO_DIR holds NotoSans-{Regular,Bold}.ttf and NotoSansThai-{Regular,Bold}.ttf (Debian's fonts-noto-core)."""
import sys
from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

LATIN = ("U+0020-007E,U+00A0-017F,U+0300-036F,U+2010-2027,U+2030-205E,U+20A0-20CF,U+2116,U+2122,U+2190-2199,"
         "U+2212,U+25CC")

def cut(path, unicodes, out):
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    font.save(out)

def rename(font, style):
    family = "ScanTill Sans"
    full = family if style == "Regular" else family + " " + style
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID in (4,):
            record.string = full
        elif record.nameID == 6:
            record.string = full.replace(" ", "") 
        elif record.nameID == 3:
            record.string = "ScanTill Sans " + style + "; from Noto Sans and Noto Sans Thai"

noto, out = sys.argv[1], sys.argv[2]
for style in ("Regular", "Bold"):
    cut(f"{noto}/NotoSans-{style}.ttf", LATIN, f"/tmp/latin-{style}.ttf")
    cut(f"{noto}/NotoSansThai-{style}.ttf", "U+0E01-0E5B,U+200B-200D,U+25CC", f"/tmp/thai-{style}.ttf")
    merged = Merger().merge([f"/tmp/latin-{style}.ttf", f"/tmp/thai-{style}.ttf"])
    rename(merged, style)
    merged.save(f"{out}/ScanTillSans-{style}.ttf")
    print(style, "done")
