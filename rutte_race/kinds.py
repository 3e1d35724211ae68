"""The vocabulary of event kinds, declared once: each kind's lane on the timeline, its words in prose and the
stances its rows may carry; each lane's colour. The data package's `events.kind` enum must list exactly these
kinds (`python -m rutte_race.check` says so when it does not), so a kind the app cannot draw never loads.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Lane:
    name: str
    colour: str


@dataclass(frozen=True)
class Kind:
    name: str
    lane: str
    words: str  # plural, for prose: "The commonest are backings (20) ..."
    stances: frozenset[str] = frozenset()  # the stances a row of this kind may carry; empty: it carries none


# Six lanes, one colour each: Okabe–Ito blue and vermillion, Paul Tol's teal and wine, black and a dark grey.
# Chosen to stay apart under deuteranopia, protanopia and tritanopia (tests/test_kinds.py measures it).
LANES = (
    Lane("Backing", "#0072B2"),
    Lane("Doubts", "#D55E00"),
    Lane("Candidates", "#44AA99"),
    Lane("Talks and statements", "#882255"),
    Lane("Milestones", "#000000"),
    Lane("Context", "#767676"),
)

KINDS = (
    Kind("endorsement", "Backing", "backings", frozenset({"backs"})),
    Kind("tally", "Backing", "tallies"),
    Kind("reservation", "Doubts", "reservations", frozenset({"reservations", "undeclared"})),
    Kind("opposition", "Doubts", "oppositions", frozenset({"opposes"})),
    Kind("candidacy", "Candidates", "candidacies"),
    Kind("mention", "Candidates", "mentions"),
    Kind("withdrawal", "Candidates", "withdrawals"),
    Kind("call", "Talks and statements", "calls"),
    Kind("visit", "Talks and statements", "visits"),
    Kind("statement", "Talks and statements", "statements"),
    Kind("appointment", "Milestones", "the appointment"),
    Kind("took_office", "Milestones", "the start of office"),
    Kind("context", "Context", "context notes"),
    Kind("background", "Context", "background notes"),
)

LANE_COLOURS = {lane.name: lane.colour for lane in LANES}


# Read KINDS at each call, so a kind added to the table (or, in a test, to a patched copy of it) counts everywhere.
def names() -> list[str]:
    return [kind.name for kind in KINDS]


def lane_of_kind() -> dict[str, str]:
    return {kind.name: kind.lane for kind in KINDS}


def kinds_in_lane(lane: str) -> list[str]:
    return [kind.name for kind in KINDS if kind.lane == lane]


def words() -> dict[str, str]:
    return {kind.name: kind.words for kind in KINDS}


def stance_rules() -> dict[str, set[str]]:
    """The stances each stance-bearing kind may carry, e.g. {'endorsement': {'backs'}, ...}."""
    return {kind.name: set(kind.stances) for kind in KINDS if kind.stances}


def known_stances() -> set[str]:
    return set().union(*stance_rules().values())


def vocabulary_problems(schema_kinds: tuple[str, ...] | None) -> list[str]:
    """Why the data package's kinds and this table disagree, one reason per kind; empty when they match."""
    if schema_kinds is None:
        return ["has no enum of kinds; it must list the kinds of rutte_race/kinds.py"]
    missing = [k for k in schema_kinds if k not in names()]
    unused = [k for k in names() if k not in schema_kinds]
    return [
        f"kind {k!r} has no lane, colour or words in rutte_race/kinds.py, so the app cannot draw it; add it there"
        for k in missing
    ] + [f"kind {k!r} of rutte_race/kinds.py is missing from the enum" for k in unused]
