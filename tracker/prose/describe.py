"""One to three plain sentences saying what a chart shows, computed from the same rows and filters as the chart.

Shown under the chart, used as its accessible text, and written into every export of it.
"""

import pandas as pd

from tracker.checks.accuracy import NO_LATER
from tracker.data import copy_files, kinds
from tracker.data.counts import Counts, counted, number_word
from tracker.data.formatting import by_date, date_label, day_text, first_upper, in_prose
from tracker.data.race_config import RaceConfig
from tracker.model.views import COUNTED, NOT_YET_MEMBER, Holdout


def names_list(names: list[str], most: int = 3) -> str:
    """'Hungary', 'Hungary and Türkiye', 'A, B and C', 'A, B, C and 2 others'; '' for none."""
    names = list(names)
    if not names:
        return ""
    if len(names) > most:
        rest = len(names) - most
        return f"{', '.join(names[:most])} and {rest} {'other' if rest == 1 else 'others'}"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _holdouts(stances: pd.DataFrame, day, race: RaceConfig) -> str:
    """' Hungary was reported opposing him by 5 March 2024 and last reported still holding out around 4 April 2024, with
    no later report; Türkiye was not yet backing him.' or nothing: the members named as holding out on `day`, each
    with the report that began its stance and its last report of holding out, when that is later."""
    him = race.protagonist.him
    words = {
        "opposes": (f"opposed {him}", f"opposed {him}"),
        "reservations": ("held reservations", "held reservations"),
        "undeclared": (f"was not yet backing {him}", f"were not yet backing {him}"),
    }
    parts = []
    for status, (one, many) in words.items():
        held = stances[stances["status"] == status]
        last = {name: _last_report_of(row, day) for name, (_, row) in zip(held["name"], held.iterrows())}
        plain = [in_prose(name) for name, when in last.items() if not when]
        if plain:
            parts.append(f"{names_list(plain)} {one if len(plain) == 1 else many}")
        # Not reported since: said as reported, never as standing on `day`.
        parts += [
            f"{in_prose(name)} was reported {holding_words(status, him)} {_first_report_of(row)} and last reported "
            f"still holding out {when}, with no later report that it still did"
            for name, when, (_, row) in zip(last, last.values(), held.iterrows())
            if when
        ]
    text = "; ".join(parts)
    return f" {text[0].upper()}{text[1:]}." if parts else ""


def _first_report_of(row: pd.Series) -> str:
    """'by 5 March 2024': the report that began an ally's stance."""
    return by_date(row["source_date"], str(row["source_date_precision"]))


def _last_report_of(row: pd.Series, day) -> str:
    """'around 4 April 2024': when the articles last vouch for an ally's stance, if that is after the report that
    began it and before `day`; else nothing."""
    last = row.get("source_last")
    if last is None or pd.isna(last) or last <= row["source_date"] or last >= pd.Timestamp(day):
        return ""
    return by_date(last, str(row["source_last_precision"]))


def map_subtitle(day, countries: tuple[str, ...], names: dict[str, str], race: RaceConfig) -> str:
    """The backer map's subtitle: its one date, and the members chosen."""
    chosen = names_list([names.get(c, c) for c in countries]) if countries else f"all {race.body.members}"
    return f"As last reported by {day_text(day)}; {chosen}"


def stances_on(stances: pd.DataFrame, day, countries: tuple[str, ...] = (), *, race: RaceConfig) -> str:
    """The backer map: who backs the protagonist on `day`, and who holds out (among `countries`, when chosen)."""
    shown = stances[stances["iso3"].isin(countries)] if countries else stances
    members = shown[shown["status"] != NOT_YET_MEMBER]
    named = int((members["status"] == "backs").sum())
    counted = int((members["status"] == COUNTED).sum())
    of = race.members_of(len(members), chosen=bool(countries))
    candidate, decision, every = race.protagonist.name, race.decision.noun, f"every {race.body.member}"
    if not counted:  # before the decision, only the members an article names as backing
        # 'Hungary was not named', 'none of the 2 chosen allies was named', not '0 of' (editor round 32)
        count = number_word(named) if named else "none"
        text = (
            f"On {day_text(day)}, {one_named(members['name'].iloc[0], bool(named), race)}"
            if countries and len(members) == 1
            else f"On {day_text(day)}, {count} of {of} {'were' if named > 1 else 'was'} named as backing {candidate}"
        )
    elif named:
        text = (
            f"On {day_text(day)}, {number_word(named + counted)} of {of} backed {candidate}: "
            f"{number_word(named)} named by the articles, {number_word(counted)} counted from the {decision}, "
            f"which needed {every}"
        )
    else:
        text = (
            f"On {day_text(day)}, {number_word(counted)} of {of} backed {candidate}: counted from the {decision}, "
            f"which needed {every}"
        )
    return f"{text}.{_holdouts(members, day, race)}"


def holding_words(status: str, him: str) -> str:
    """How a holdout's stance reads after 'was reported': 'opposing him'."""
    words = {
        "opposes": f"opposing {him}",
        "reservations": "holding reservations",
        "undeclared": f"not yet backing {him}",
    }
    return words[status]


def _last_reported(h: Holdout) -> str:
    """', and last reported still holding out around 4 April 2024', or nothing when its first report is its last."""
    if h.last <= h.start:
        return ""
    return f", and last reported still holding out {by_date(h.last, h.last_precision)}"


def one_named(name: str, named: bool, race: RaceConfig) -> str:
    """One chosen member, named as backing or not: 'Hungary was not named as backing Rutte'."""
    return f"{in_prose(name)} was{'' if named else ' not'} named as backing {race.protagonist.name}"


def stances_title(
    holdouts: list[Holdout], backers: int, decision, end, *, race: RaceConfig, chosen: tuple[str, ...] = ()
) -> str:
    """The story chart's finding: 'Seven allies were named as backing Rutte before his appointment; Hungary was last
    reported holding out around 4 April 2024', or, for dates that end before it, 'By 30 April 2024, ...'. With
    members `chosen` (their names), it speaks of them alone: 'Of the two chosen allies, one was named …', 'Hungary
    was not named …; it was last reported …' (editor round 29: 'No ally was named' read as the whole race)."""
    end, decision = pd.Timestamp(end), pd.Timestamp(decision)
    count = number_word(backers) if backers else "no"
    were = "was" if backers <= 1 else "were"  # 'no ally was'
    named = f"{count} {race.member_noun(max(backers, 1))} {were} named as backing {race.protagonist.name}"
    if len(chosen) == 1:
        named = one_named(chosen[0], bool(backers), race)
    elif chosen and backers == len(chosen):
        named = f"all {number_word(backers)} chosen {race.body.members} were named as backing {race.protagonist.name}"
    elif chosen:
        count = number_word(backers) if backers else "none"
        named = (
            f"of the {number_word(len(chosen))} chosen {race.body.members}, {count} {'was' if backers <= 1 else 'were'}"
            f" named as backing {race.protagonist.name}"
        )
    held = [h for h in holdouts if h.end_derived or h.end is None or h.end > end]
    # Said of the articles, which is all the chart knows (editor round 35: 'never reported backing him' read as a
    # fact about the world, where Hungary's consent was reported elsewhere in June).
    last = "; ".join(
        f"the articles {'last report' if h.last > h.start else 'report'} {'it' if chosen == (h.name,) else h.name} "
        f"holding out {by_date(h.last, h.last_precision)}"
        for h in held
    )
    if decision <= end:
        head = first_upper(named) + f" before {race.protagonist.his} {race.decision.noun}"
        return head + (f"; {last}" if last else "")
    return f"By {day_text(end)}, {named}" + (f"; {last}" if last else "")


def _holdout_sentence(h: Holdout, end, race: RaceConfig) -> str:
    """'Hungary was reported opposing him by 5 March 2024, and last reported still holding out around 4 April 2024; no
    article reports it backing him before the appointment on 26 June 2024, which needed every ally'."""
    him = race.protagonist.him
    start = f"{in_prose(h.name)} was reported {holding_words(h.stance, him)} {by_date(h.start, h.start_precision)}"
    if h.end is None or h.end > pd.Timestamp(end):
        return start + _last_reported(h)
    if h.end_derived:
        return (
            f"{start}{_last_reported(h)}; no article reports it backing {him} before the {race.decision.noun} on "
            f"{day_text(h.end)}, which needed every {race.body.member}"
        )
    return f"{start}, and backed {him} on {day_text(h.end)}"


def stances_over_time(
    holdouts: list[Holdout],
    rows: pd.DataFrame,
    backers: int,
    decision,
    view,
    names: dict[str, str],
    unnamed: int,
    *,
    race: RaceConfig,
) -> str:
    """The story chart in words: how many allies the articles name as backing and the first of them, who held out
    and until when, and the allies never named (by `consensus`, backers from the decision)."""
    end, decision = pd.Timestamp(view.end), pd.Timestamp(decision)
    candidate, noun = race.protagonist.name, race.decision.noun
    chosen = bool(view.countries)
    allies = rows["iso3"].nunique() + unnamed
    of = race.members_of(allies, chosen)
    by = f"before {race.protagonist.his} {noun} on {day_text(decision)}" if decision <= end else f"by {day_text(end)}"
    named = rows[(rows["status"] == "backs") & ~rows["derived"]]
    earliest = named["start"].min()
    first = named[named["start"] == earliest]  # the first named backers, all on one day
    when_first = "" if named.empty else date_label(earliest, str(first["precision"].iloc[0]))
    if allies == 1:  # one chosen ally: named, not counted
        name = in_prose(rows["name"].iloc[0]) if not rows.empty else f"The chosen {race.body.member}"
        text = (
            f"The articles do not name {name} as backing {candidate} {by}."
            if named.empty
            else f"The articles name {name} as backing {candidate} {by}, from {when_first}."
        )
    else:
        text = f"The articles name {number_word(backers)} of {of} as backing {candidate} {by}."
        if not named.empty:
            who = names_list([in_prose(n) for n in sorted(first["name"])])
            # 'the first' only of several: one backer is named with its date
            one = named["iso3"].nunique() == 1
            text = text[:-1] + (
                f": {who}, first reported {when_first}." if one else f"; the first, {when_first}: {who}."
            )
    if holdouts:
        text += " " + "; ".join(_holdout_sentence(h, end, race) for h in holdouts) + "."
    # An ally drawn only as counted at the decision held out before the dates: said, so the counts add up.
    drawn_counted = rows.groupby("iso3")["derived"].all()
    earlier = sorted(rows.loc[rows["iso3"].isin(drawn_counted[drawn_counted].index), "name"].unique())
    if earlier and decision <= end:
        text += (
            f" {names_list([in_prose(n) for n in earlier])}, named as holding out before these dates, "
            f"{'counts' if len(earlier) == 1 else 'count'} as backing from the {noun}."
        )
    if unnamed:
        others = "The other" if rows.size else "The"
        who = race.body.member if unnamed == 1 else race.members_of(unnamed)  # 'The other ally', not 'other 1 ally'
        text += f" {others} {who} {'is' if unnamed == 1 else 'are'} not named with a stance"
        text += (
            f"; from the {noun} every {race.body.member} counts as backing, since all had to agree."
            if race.decision.consensus and decision <= end
            else "."
        )
    return text


def timeline(rows: pd.DataFrame) -> str:
    """The timeline: how many events (a fact several articles report counts once) over which dates, the commonest
    kinds, and how many are known only to have happened by a date."""
    if rows.empty:
        return "No events match these filters."
    counts = rows["kind"].astype(str).value_counts()
    common = names_list([f"{kinds.words()[kind]} ({n})" for kind, n in counts.head(3).items()])
    ordered = rows.sort_values("date", kind="stable")
    first, last = (date_label(r["date"], str(r["date_precision"])) for r in (ordered.iloc[0], ordered.iloc[-1]))
    bounded = int(rows["date_basis"].str.startswith(NO_LATER).sum())
    events = counted(len(rows), "sourced event", capital=True)
    text = f"{events} from {first} to {last}. The most frequent kinds: {common}."
    if bounded:
        text += (
            f" {number_word(bounded, capital=True)} {'is' if bounded == 1 else 'are'} known only to have happened by "
            f"a date (most often the day the article reporting {'it' if bounded == 1 else 'them'} was published), so "
            f"{'it' if bounded == 1 else 'they'} may have happened earlier."
        )
    return text


def candidates(table: pd.DataFrame, events: pd.DataFrame, everyone: int, race: RaceConfig) -> str:
    """The candidates chart: how each run of `table`'s candidates ended, among `events` (the view's); `everyone`:
    how many people were named for the job in all."""
    if table.empty:
        return "No candidate matches these filters."
    names = dict(zip(table["candidate_id"], table["name"]))
    columns = (events["kind"].astype(str), events["candidate"], events["date"], events["date_precision"].astype(str))
    rows = list(zip(*columns))  # a hundred rows: plain Python beats two boolean selections of the whole frame
    declaring, leaving = kinds.with_role(kinds.DECLARING), kinds.the_kind(kinds.LEAVING)
    declared = {candidate for kind, candidate, _, _ in rows if kind in declaring}
    verbs = {kinds.the_kind(kinds.DECISION): f"was {race.decision.done}", leaving: "withdrew"}
    ended = [
        f"{names[candidate]} {verb if candidate in declared or kind != leaving else 'stood aside'} on "
        f"{date_label(day, precision)}"
        for kind, verb in verbs.items()
        for row_kind, candidate, day, precision in rows
        if row_kind == kind and candidate in names
    ]
    others = len(table) - len(ended)
    named = (
        f"{counted(len(table), 'person', 'people', capital=True)} {'was' if len(table) == 1 else 'were'} named for "
        "the job."
        if len(table) == everyone
        else f"{number_word(len(table), True)} of the {counted(everyone, 'person', 'people')} named for the job "
        f"{'has' if len(table) == 1 else 'have'} a step of their run in these dates."
    )
    rest = (
        f" The other {number_word(others)} expressed interest or {'was' if others == 1 else 'were'} named in the "
        "press, and never declared."
        if others and ended
        else ""
    )
    return f"{named} {'; '.join(ended)}.{rest}" if ended else named


# ---- The story page's prose -----------------------------------------------------------------------------------


def months_at_least(days: int) -> str:
    """'Over 5 months' for 159 days: the first backing's date is an upper bound, so the span is a minimum."""
    months = days // 30
    return f"Over {months} months" if months else f"{days} days or more"


def story_figures_shown(figures: dict, copy: dict[str, str]) -> list[tuple[str, str, str]]:
    """The story's four figures as (label, value, what it means), on the page and in the whole-view files; the words
    are the race's copy (figure-*.md)."""
    holdouts, ran = figures["holdouts"], figures["rivals_who_ran"]
    words = [
        copy_files.fill_figure(copy, "figure-backers"),
        copy_files.fill_figure(copy, "figure-holdouts", holdouts=names_list([h.name for h in holdouts])),
        copy_files.fill_figure(copy, "figure-duration", first_when=figures["first_backing_when"]),
        copy_files.fill_figure(
            copy,
            "figure-rivals",
            ran_openly=names_list(ran) if ran else "None",
            others=number_word(figures["rivals"] - len(ran)),
            misnamed=names_list(figures["rivals_misnamed"]),
        ),
    ]
    values = [
        str(figures["named_backers_before_decision"]),
        str(len(holdouts)),
        months_at_least(figures["days_to_decision"]),
        str(len(ran)),
    ]
    return [(label, value, meaning) for (label, meaning), value in zip(words, values)]


def story_lead(figures: dict, counts: Counts, copy: dict[str, str], markdown: bool = True) -> str:
    """The race in one paragraph (the race's copy, story-lead), every figure from the data: Markdown for the page
    (names from the data escaped, key figures bold), or plain text for the files."""
    holdouts = figures["holdouts"]  # told in full under the chart: here only who, so the lead does not repeat it
    decision = figures["decision"]
    filled = {
        "news_articles": counts.news_articles,
        "backers": number_word(figures["named_backers_before_decision"]),
        "first_when": figures["first_backing_when"],
        "first_backers": names_list([in_prose(n) for n in figures["first_backers"]]),
        "holdouts": names_list([in_prose(h.name) for h in holdouts]),
        "holdout_count": len(holdouts),
        "decided_on": day_text(decision["date"]),
        "decision_source": decision["outside_source"] if decision["outside_fact"] else "",
        # The articles give the day he took office in advance, as the day he was to: the lead says no more.
        "took_office": day_text(figures["took_office"]),
        "rivals": counted(figures["rivals"], "rival"),
        "ran_openly": names_list(figures["rivals_who_ran"]),
        "misnamed": names_list(figures["rivals_misnamed"]),
    }
    return (copy_files.fill if markdown else copy_files.fill_text)(copy, "story-lead", **filled)
