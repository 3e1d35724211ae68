"""The house typeface in every file: Source Sans 3, the family the app's pages are set in (SIL Open Font License,
assets/fonts/OFL.txt).

vl-convert lays out and draws the PNG and PDF charts in it (the font is registered with it once); an SVG or HTML
file carries it inside itself, cut down to the characters it uses, so it prints the same wherever it is opened.
"""

import base64
import io
import re
from functools import lru_cache

import vl_convert as vlc
from fontTools import subset
from fontTools.ttLib import TTFont

from tracker.data.paths import PROJECT_DIR

FONT_DIR = PROJECT_DIR / "assets" / "fonts"
FAMILY = "Source Sans 3"
STACK = f"'{FAMILY}', 'Liberation Sans', Arial, sans-serif"  # where a file is drawn without its own copy
# (CSS weight, CSS style) -> file: the weights the charts and pages use.
FACES = {
    (400, "normal"): "SourceSans3_400Regular.ttf",
    (400, "italic"): "SourceSans3_400Regular_Italic.ttf",
    (600, "normal"): "SourceSans3_600SemiBold.ttf",
    (700, "normal"): "SourceSans3_700Bold.ttf",
}


@lru_cache(maxsize=1)
def register() -> None:
    """Let vl-convert draw charts in the house typeface (once per process)."""
    vlc.register_font_directory(str(FONT_DIR))


# What a file's embedded copy holds: Latin letters with the accents of every European language the race names (Türkiye,
# Kariņš, Erdoğan, Rinkēvičs), figures and the house punctuation. Cut once per process, then shared by every file.
CHARACTERS = "".join(
    chr(c)
    for c in [
        *range(0x20, 0x7F),
        *range(0xA0, 0x180),
        *range(0x2010, 0x2027),
        0x2030,
        0x20AC,
        0x2212,
        0x25A0,
        0x25CA,
        0x25CF,
    ]
)


@lru_cache(maxsize=8)
def _subset(name: str) -> bytes:
    font = TTFont(FONT_DIR / name)
    options = subset.Options()
    options.layout_features = ["kern", "liga", "calt"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=CHARACTERS)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=8)
def font_face_css(weights: tuple[int, ...] = (400, 700)) -> str:
    """@font-face rules carrying the house typeface inside a file (its Latin letters, accents and punctuation)."""
    rules = []
    for (weight, style), name in FACES.items():
        if weight not in weights or style != "normal":
            continue
        data = base64.b64encode(_subset(name)).decode("ascii")
        rules.append(
            f"@font-face{{font-family:'{FAMILY}';font-weight:{weight};font-style:{style};"
            f"src:url(data:font/ttf;base64,{data}) format('truetype');}}"
        )
    return "".join(rules)


def svg_with_font(svg: str) -> str:
    """An SVG from vl-convert carrying the house typeface it names."""
    css = font_face_css()
    return re.sub(r"(<svg\b[^>]*>)", lambda m: f"{m.group(1)}<defs><style>{css}</style></defs>", svg, count=1)
