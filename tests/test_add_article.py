"""The editor's add_article command, the quotations it drafts, and the words for counts."""

import hashlib

import pytest

from data_copies import DataCopy
from tracker.data.counts import counted, number_word
from tracker.data.quotations import quotations
from tracker.tools.add_article import Refused, add_article, next_minor, seed_name

TEXT = (
    "Hungary backs Rutte\n\nHungary will back Mark Rutte, Prime Minister Viktor Orbán said on Tuesday.\n\n"
    '"We have the guarantees we asked for," Orbán said. The ministry called it “a fair deal for Hungary”.\n'
)


@pytest.fixture
def copy(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "project")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "hungary.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "n, capital, words",
    [
        (0, False, "zero"),
        (1, False, "one"),
        (5, False, "five"),
        (6, True, "Six"),
        (9, False, "nine"),
        (10, False, "10"),
        (32, True, "32"),
        (5102, False, "5,102"),  # the days from 14 October 2010 to 1 October 2024, with its thousands set off
    ],
)
def test_numbers_to_nine_are_words_and_larger_ones_figures(n, capital, words):
    assert number_word(n, capital) == words


@pytest.mark.parametrize("n, text", [(1, "one news article"), (6, "six news articles"), (12, "12 news articles")])
def test_counted_agrees_the_noun_with_the_number(n, text):
    assert counted(n, "news article") == text


@pytest.mark.parametrize(
    "text, quote, attribution, speaker",
    [
        ('"We are ready," Orbán said.', "We are ready", "Orbán said", "Orbán"),
        (
            '"We are ready," said Prime Minister Viktor Orbán.',
            "We are ready",
            "said Prime Minister Viktor Orbán",
            "Prime Minister Viktor Orbán",
        ),
        ("“We are ready,” the council said in a statement.", "We are ready", "the council said", ""),
        ("“We are ready,” he said.", "We are ready", "he said", ""),
        ("Rutte called it “a fair deal for everyone”.", "a fair deal for everyone", "", ""),
        ("A so-called “leader” spoke.", None, None, None),  # one word in marks is not a quotation
    ],
)
def test_quotations_come_with_their_sentence_and_attribution(text, quote, attribution, speaker):
    found = quotations(text)
    if quote is None:
        assert found == []
        return
    assert [(q.quote, q.attribution, q.speaker, q.sentence) for q in found] == [(quote, attribution, speaker, text)]


def test_the_seed_is_the_next_number_and_the_start_of_the_text_s_sha256(copy):
    text = TEXT.encode("utf-8")
    assert seed_name(text, copy.seeds) == f"005_{hashlib.sha256(text).hexdigest()[:16]}.txt"


def test_a_minor_version_step_resets_the_patch():
    assert (next_minor("1.1.0"), next_minor("1.9.3"), next_minor("2.10.1")) == ("1.2.0", "1.10.0", "2.11.0")


def test_adding_keeps_every_existing_byte_and_leaves_the_editor_s_fields_empty(copy, article):
    before = {name: (copy.data / name).read_bytes() for name in ("articles.csv", "events.csv")}
    added = add_article(article, "Example Times", "2024-06-18", data_dir=copy.data, seeds_dir=copy.seeds)
    assert added.article_id == "hungary-backs-rutte" and added.version == "1.4.0"
    assert added.seed.read_bytes() == article.read_bytes()
    for name, old in before.items():
        assert (copy.data / name).read_bytes().startswith(old)
    article_row = copy.row("articles.csv", "hungary-backs-rutte")
    assert (
        article_row["outlet"],
        article_row["published"],
        article_row["published_basis"],
        article_row["summary"],
    ) == ("Example Times", "2024-06-18", "", "")
    drafts = [copy.row("events.csv", f"hungary-backs-rutte-quote-{n}") for n in (1, 2)]
    assert [(d["quote"], d["actor"]) for d in drafts] == [
        ("We have the guarantees we asked for", "Orbán"),
        ("a fair deal for Hungary", ""),
    ]
    assert all(d["date"] == d["kind"] == d["stance"] == d["summary"] == "" for d in drafts)
    problems = copy.problems()
    assert any(p.startswith("events.csv, line ") and p.endswith("date: is required but empty") for p in problems)


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"published": "18/06/2024"}, "is not a date in the form YYYY-MM-DD"),
        ({"published": "2999-01-01"}, "is in the future"),
        ({"precision": "fortnight"}, "is not one of: day, week, month, year, approx"),
        ({"article_id": "turkey-backs"}, "articles.csv already has an article 'turkey-backs'"),
        ({"article_id": "Not A Slug"}, "must be lower-case words joined by hyphens"),
    ],
)
def test_a_refused_article_writes_nothing(copy, article, change, reason):
    before = {p: p.read_bytes() for p in [*copy.data.rglob("*"), *copy.seeds.rglob("*")] if p.is_file()}
    arguments = {"outlet": "Example Times", "published": "2024-06-18", **change}
    with pytest.raises(Refused, match=reason):
        add_article(article, data_dir=copy.data, seeds_dir=copy.seeds, **arguments)
    assert {p: p.read_bytes() for p in [*copy.data.rglob("*"), *copy.seeds.rglob("*")] if p.is_file()} == before


def test_a_text_already_in_seeds_or_not_utf8_is_refused(copy, tmp_path):
    existing = sorted(copy.seeds.glob("*.txt"))[0]
    with pytest.raises(Refused, match=f"already in seeds/ as {existing.name}"):
        add_article(existing, "Example Times", "2024-06-18", data_dir=copy.data, seeds_dir=copy.seeds)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Orbán".encode("latin-1"))
    with pytest.raises(Refused, match="is not UTF-8 \\(byte 0xe1"):
        add_article(latin1, "Example Times", "2024-06-18", data_dir=copy.data, seeds_dir=copy.seeds)
