"""A copy of the data whose text fields carry markup, script, links and expression syntax, as text scraped
from the web might, and which still passes every check (quotes and evidence are added to their article).

Anything that runs sets `window.rutteInjected`; anything styled shows as bold, a heading or a link.
"""

from pathlib import Path

from tests.data_copies import DataCopy

HOSTILE = (
    '<b>bold</b> <script>window.rutteInjected=1</script> <img src=x onerror="window.rutteInjected=2"> '
    "[link](javascript:window.rutteInjected=3) **strong** # heading :red[red] :material/warning: $x^2$ "
    "'); window.rutteInjected=4; (' {{datum.name}} ${datum.name} &amp; </script>"
)
MARKERS = (
    "<script>",
    "<img",
    "<b>",
    "](javascript:",
    "**strong**",
    ":red[",
    "$x^2$",
)  # each styled or run if not escaped
QUOTE_EVENT = "stoltenberg-good-hands"  # the one quote of its speaker, so the quotes page can filter to it
SPEAKER = f"Speaker {HOSTILE}"
CANDIDATE = "wallace"
ARTICLE = "rutte-chosen"


def hostile_copy(root: Path) -> DataCopy:
    copy = DataCopy(root)
    article_seed = copy.row("articles.csv", ARTICLE)["seed_file"]
    evidence = f"{SPEAKER} said: {HOSTILE}"  # a quote row's evidence names its speaker
    with (copy.seeds / article_seed).open("a", encoding="utf-8") as seed:
        seed.write(f"\n\n{evidence}\n")
    copy.edit(
        "events.csv",
        QUOTE_EVENT,
        actor=SPEAKER,
        actor_role=HOSTILE,
        summary=HOSTILE,
        quote=HOSTILE,
        evidence=evidence,
        note=HOSTILE,
        note_type="caution",
    )
    copy.edit("corrections.csv", f"{QUOTE_EVENT}-evidence", after=evidence)  # the log says what the row holds
    copy.edit("articles.csv", ARTICLE, title=HOSTILE, outlet=HOSTILE, author=HOSTILE, summary=HOSTILE, note=HOSTILE)
    copy.edit("candidates.csv", CANDIDATE, name=f"Ben {HOSTILE}", role_at_time=HOSTILE, note=HOSTILE)
    for iso3 in [row.split(",", 1)[0] for row in copy.lines("members.csv")[1:] if row]:
        copy.edit("members.csv", iso3, name=f"{copy.row('members.csv', iso3)['name']} {HOSTILE}")
    problems = copy.problems()
    assert not problems, f"the hostile copy should pass every check: {problems[:3]}"
    return copy
