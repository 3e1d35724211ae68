"""A race's configuration: `race.toml` in its data folder, checked against its schema (pydantic models below) and
reported as the data is, "file, line, field: reason". What it names (the race's title and headline, the body whose
members take stances, the nouns for one member and many, and the candidate the story follows) the engine prints in
place of words of its own."""

import re
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tracker.data.counts import number_word
from tracker.data.formatting import first_upper
from tracker.data.problems import DataError, Problem

CONFIG = "race.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Identity(_Section):
    """How the race is named: in a page's tab, in every file's running head, and in its citation."""

    title: str = Field(min_length=1, description="The race's short name: 'Rutte's race to lead NATO'.")
    headline: str = Field(min_length=1, description="The story's headline, on its first page and in its files.")
    byline: str = Field(
        default="", description="Who wrote and built the story, for its dateline ('the data desk'); unset: no byline."
    )


class Body(_Section):
    """The body whose members take stances, and the words for them."""

    name: str = Field(min_length=1, description="'NATO'.")
    member: str = Field(min_length=1, description="One member, as the copy says it: 'ally'.")
    members: str = Field(min_length=1, description="Many members: 'allies'.")


class Protagonist(_Section):
    """The candidate the story follows: every member's stance in the data is towards them."""

    candidate: str = Field(min_length=1, description="Their id in candidates.csv: 'rutte'.")
    name: str = Field(min_length=1, description="As the copy names them after first mention: 'Rutte'.")
    him: str = Field(min_length=1, description="The pronoun after a verb: 'opposed him'.")
    his: str = Field(min_length=1, description="The possessive: 'before his appointment'.")


class StanceWords(_Section):
    """The words a reader sees for each stance a member takes towards the protagonist, and for the statuses the
    engine gives a member besides (counted at the decision, no stance reported, not yet a member)."""

    backs: str = Field(min_length=1, description="'Backs Rutte'.")
    reservations: str = Field(min_length=1, description="'Reservations'.")
    opposes: str = Field(min_length=1, description="'Opposes'.")
    undeclared: str = Field(min_length=1, description="'Not yet backing': no public stance reported yet.")
    counted: str = Field(min_length=1, description="'Counted as backing at the appointment'.")
    counted_short: str = Field(min_length=1, description="The same, in a chart's key: 'Counted at the appointment'.")
    counted_how: str = Field(min_length=1, description="How a table says it was counted, not named.")
    unreported: str = Field(min_length=1, description="'No stance named'.")
    not_yet_member: str = Field(min_length=1, description="'Not yet an ally'.")
    named_backing: str = Field(min_length=1, description="The map's key for backers: 'Named as backing Rutte'.")
    not_chosen: str = Field(min_length=1, description="The map's key for members outside the reader's choice.")
    non_member: str = Field(min_length=1, description="The map's key for countries outside the body.")

    def label(self, status: str) -> str:
        """The words of a status: 'backs' → 'Backs Rutte'."""
        return getattr(self, status)

    def label_of(self, status: str, counted: bool) -> str:
        """The words of a member's status, or 'Counted as backing at the appointment' where it is counted at the
        decision rather than named: a desk summing 'Backs Rutte' then counts the named backers only."""
        return self.counted if counted else self.label(status)

    def labels(self) -> dict[str, str]:
        """Every status's words, by status."""
        return {status: self.label(status) for status in STATUSES}


STATUSES = ("backs", "counted", "reservations", "opposes", "undeclared", "unreported", "not_yet_member")


class Decision(_Section):
    """How the body decides, and so who counts as backing at the decision."""

    rule: Literal["consensus", "majority", "none"] = Field(
        description="'consensus': every member counts as backing from the decision; 'majority' or 'none': only the "
        "stances the articles report count."
    )

    noun: str = Field(min_length=1, description="The decision as a noun: 'appointment'.")
    done: str = Field(min_length=1, description="The candidate it chose, as having been: 'appointed'.")

    @property
    def consensus(self) -> bool:
        return self.rule == "consensus"


class Files(_Section):
    """How the race's downloads are named."""

    prefix: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="The start of every file's name: 'rutte'.")


class RaceConfig(_Section):
    race: Identity
    body: Body
    protagonist: Protagonist
    stances: StanceWords
    decision: Decision
    files: Files

    def members_of(self, n: int, chosen: bool = False) -> str:
        """'32 allies', 'the three chosen allies', 'the one chosen ally': `n` members in the body's nouns, one to nine
        in words (house style)."""
        return (
            f"the {number_word(n)} chosen {self.member_noun(n)}"
            if chosen
            else f"{number_word(n)} {self.member_noun(n)}"
        )

    @property
    def a_member(self) -> str:
        """'an ally', 'a member': one member, with its article."""
        return f"{'an' if self.body.member[:1].lower() in 'aeiou' else 'a'} {self.body.member}"

    def member_noun(self, n: int) -> str:
        """'ally' for one, 'allies' for any other number."""
        return self.body.member if n == 1 else self.body.members

    @property
    def member_heading(self) -> str:
        """A table's column of members: 'Ally'."""
        return first_upper(self.body.member)

    @property
    def decided(self) -> str:
        """The decision's participle opening a note: 'Appointed 26 June'."""
        return first_upper(self.decision.done)


def _line_of(text: str, location: tuple) -> int:
    """The line of `text` where the key at `location` (section, key) is set, else its section's header, else 0."""
    lines = text.splitlines()
    section = str(location[0]) if location else ""
    header = next((i for i, line in enumerate(lines) if re.fullmatch(rf"\s*\[{re.escape(section)}\]\s*", line)), None)
    if header is None:
        return 0
    if len(location) > 1:
        key = re.compile(rf"\s*{re.escape(str(location[1]))}\s*=")
        for i in range(header + 1, len(lines)):
            if lines[i].lstrip().startswith("["):
                break
            if key.match(lines[i]):
                return i + 1
    return header + 1


def problems(data_dir: Path, candidates: set[str] | None = None) -> list[Problem]:
    """Every problem of the race's configuration; empty when it is sound. With the ids of candidates.csv, the
    protagonist must be one of them."""
    try:
        config = read(data_dir)
    except DataError as err:
        return err.problems
    if candidates is not None and config.protagonist.candidate not in candidates:
        text = (Path(data_dir) / CONFIG).read_text(encoding="utf-8")
        line = _line_of(text, ("protagonist", "candidate"))
        reason = f"{config.protagonist.candidate!r} is not a candidate_id of candidates.csv"
        return [Problem(CONFIG, line, "protagonist.candidate", reason)]
    return []


def read(data_dir: Path) -> RaceConfig:
    """The race's configuration, or DataError naming file, line and field of each problem."""
    path = Path(data_dir) / CONFIG
    if not path.is_file():
        raise DataError([Problem(CONFIG, 0, "", "file is missing: every race's data folder has one")])
    text = path.read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = int(match.group(1)) if (match := re.search(r"line (\d+)", str(err))) else 0
        raise DataError([Problem(CONFIG, line, "", f"is not valid TOML ({err})")]) from None
    try:
        return RaceConfig.model_validate(raw)
    except ValidationError as err:
        found = [
            Problem(CONFIG, _line_of(text, error["loc"]), ".".join(map(str, error["loc"])), _reason(error))
            for error in err.errors()
        ]
        raise DataError(sorted(found)) from None


def _reason(error: dict) -> str:
    return {
        "missing": "is missing",
        "extra_forbidden": "is not a setting a race has",
        "string_too_short": "is empty",
        "string_type": "must be text in quotes",
        "literal_error": f"must be one of {error.get('ctx', {}).get('expected', 'the values the schema lists')}",
    }.get(error["type"], error["msg"])
