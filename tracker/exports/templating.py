"""Every HTML file the product writes comes from a Jinja2 template in tracker/exports/templates/, autoescape always on:
text from the data is only ever text. The few trusted pieces (a chart's SVG drawn by vl-convert, the bundled
vega-embed script) are marked as markup where they are made, never in a template."""

import json
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"


def script_json(value) -> Markup:
    """JSON safe inside an HTML <script>: no '<', '>' or '&' from the data can close the script or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["script_json"] = script_json
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
