"""Normalising text so an evidence span matches its article despite typography and line wrapping."""

import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, straight quotes, and every run of whitespace (including no-break spaces) as one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^])")


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: every character Markdown, HTML or Streamlit's
    directives (:material/...:, :red[...], $math$) could interpret is backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


_OPENS_AFTER = " \t\n([{—–-/"  # a quote mark after these (or at the start) opens a quotation


def quoted(text: str) -> str:
    """`text` inside typographic double quotes, with the quotation marks it holds turned to single ones (a quote
    within a quote) and straight apostrophes curled: '"He was right," Rutte said.' → '“‘He was right,’ Rutte said.”'"""
    out = []
    for i, char in enumerate(text):
        opens = i == 0 or text[i - 1] in _OPENS_AFTER
        if char in '"“”„':
            out.append("‘" if (char == "“" or (char == '"' and opens)) else "’")
        elif char == "'":
            out.append("‘" if opens else "’")
        else:
            out.append(char)
    return f"“{''.join(out)}”"
