"""Normalising text so an evidence span matches its article despite typography and line wrapping."""
import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, straight quotes, and every run of whitespace (including no-break spaces) as one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()
