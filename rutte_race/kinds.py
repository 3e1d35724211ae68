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
    label: str = ""  # one event of the kind, as a reader's label: "Taking office"


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
    Kind("endorsement", "Backing", "backings", frozenset({"backs"}), "Backing"),
    Kind("tally", "Backing", "counts of backers", label="Count of backers"),
    Kind("reservation", "Doubts", "reservations", frozenset({"reservations", "undeclared"}), "Reservation"),
    Kind("opposition", "Doubts", "oppositions", frozenset({"opposes"}), "Opposition"),
    Kind("candidacy", "Candidates", "candidacies", label="Candidacy"),
    Kind("interest", "Candidates", "expressions of interest", label="Expressed interest"),
    Kind("mention", "Candidates", "mentions", label="Named as a contender"),
    Kind("withdrawal", "Candidates", "withdrawals", label="Withdrew or stood aside"),
    Kind("call", "Talks and statements", "calls", label="Call"),
    Kind("visit", "Talks and statements", "visits", label="Visit"),
    Kind("statement", "Talks and statements", "statements", label="Statement"),
    Kind("appointment", "Milestones", "the appointment", label="Appointment"),
    Kind("took_office", "Milestones", "the start of office", label="Taking office"),
    Kind("context", "Context", "context notes", label="Context"),
    Kind("background", "Context", "background notes", label="Background"),
)

LANE_COLOURS = {lane.name: lane.colour for lane in LANES}

# How far each stance holds an ally back from backing (more is further): an ally named with one of them held out,
# and a later report of a weaker one would soften its stance.
HOLDING_BACK = {"undeclared": 1, "reservations": 2, "opposes": 3}


# Read KINDS at each call, so a kind added to the table (or, in a test, to a patched copy of it) counts everywhere.
def names() -> list[str]:
    return [kind.name for kind in KINDS]


def lane_of_kind() -> dict[str, str]:
    return {kind.name: kind.lane for kind in KINDS}


def kinds_in_lane(lane: str) -> list[str]:
    return [kind.name for kind in KINDS if kind.lane == lane]


def label(kind) -> str:
    """One event of `kind` as readers name it: 'Taking office'."""
    return next(k.label for k in KINDS if k.name == str(kind))


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
