"""The vocabulary of event kinds, declared once: each kind's lane on the timeline, its words in prose and the
stances its rows may carry; each lane's colour. The data package's `events.kind` enum must list exactly these
kinds (`python -m tracker.checks.check` says so when it does not), so a kind the app cannot draw never loads.
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
    roles: frozenset[str] = frozenset()  # what its rows mean to the app (DECISION, TALLY, ...)
    shape: str = ""  # its mark in a candidate's run (the candidates chart); empty: not a step of a run


# What a kind's rows mean to the app; each role is read from the kinds that have it (with_role, the_kind).
DECISION = "decision"  # the race's decision: with consensus, every member counts as backing from its date
START_OF_OFFICE = "start_of_office"  # the winner takes office
TALLY = "tally"  # a count of backers reported without their names
DECLARING = "declaring"  # a candidate declares: they ran openly
LEAVING = "leaving"  # a candidate withdraws or stands aside
QUIET = "quiet"  # not a development of the race (the story before it, explanations around it): jumps pass over it
ANNOUNCED = "announced"  # scheduled: an article may report it ahead of its date


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
    Kind("tally", "Backing", "counts of backers", label="Count of backers", roles=frozenset({TALLY})),
    Kind("reservation", "Doubts", "reservations", frozenset({"reservations", "undeclared"}), "Reservation"),
    Kind("opposition", "Doubts", "oppositions", frozenset({"opposes"}), "Opposition"),
    Kind(
        "candidacy", "Candidates", "candidacies", label="Candidacy", roles=frozenset({DECLARING}), shape="triangle-up"
    ),
    Kind("interest", "Candidates", "expressions of interest", label="Expressed interest", shape="triangle-right"),
    Kind("mention", "Candidates", "mentions", label="Named as a contender", shape="circle"),
    Kind(
        "withdrawal",
        "Candidates",
        "withdrawals",
        label="Withdrew or stood aside",
        roles=frozenset({LEAVING}),
        shape="cross",
    ),
    Kind("call", "Talks and statements", "calls", label="Call"),
    Kind("visit", "Talks and statements", "visits", label="Visit"),
    Kind("statement", "Talks and statements", "statements", label="Statement"),
    Kind(
        "appointment", "Milestones", "the appointment", label="Appointment", roles=frozenset({DECISION}), shape="square"
    ),
    Kind(
        "took_office",
        "Milestones",
        "the start of office",
        label="Taking office",
        roles=frozenset({START_OF_OFFICE, ANNOUNCED}),
        shape="diamond",
    ),
    Kind("context", "Context", "context notes", label="Context", roles=frozenset({QUIET, ANNOUNCED})),
    Kind("background", "Context", "background notes", label="Background", roles=frozenset({QUIET})),
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


def with_role(role: str) -> list[str]:
    """The kinds whose rows play `role` (DECISION, TALLY, ...), in KINDS order."""
    return [kind.name for kind in KINDS if role in kind.roles]


def the_kind(role: str) -> str:
    """The one kind that plays `role`: 'appointment' for DECISION."""
    found = with_role(role)
    if len(found) != 1:
        raise ValueError(f"exactly one kind must have the role {role!r} in tracker/data/kinds.py; {found or 'none'} do")
    return found[0]


def stance_kinds() -> set[str]:
    """The kinds whose rows may carry a stance."""
    return {kind.name for kind in KINDS if kind.stances}


def step_shapes() -> dict[str, str]:
    """Each step of a candidate's run → its mark's shape, in KINDS order."""
    return {kind.name: kind.shape for kind in KINDS if kind.shape}


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
        return ["has no enum of kinds; it must list the kinds of tracker/data/kinds.py"]
    missing = [k for k in schema_kinds if k not in names()]
    unused = [k for k in names() if k not in schema_kinds]
    return [
        f"kind {k!r} has no lane, colour or words in tracker/data/kinds.py, so the app cannot draw it; add it there"
        for k in missing
    ] + [f"kind {k!r} of tracker/data/kinds.py is missing from the enum" for k in unused]
