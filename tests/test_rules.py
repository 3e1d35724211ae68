"""The rules the method page states: each one the check is said to enforce is refused by it when broken."""

import pytest

from data_copies import DataCopy
from rutte_race.rules import RULES

CHECKED = [rule for rule in RULES if rule.checked_by]


def test_most_rules_are_checked_by_the_check_command():
    assert len(CHECKED) >= 8 and len({rule.name for rule in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", CHECKED, ids=[rule.name for rule in CHECKED])
def test_breaking_a_checked_rule_makes_the_check_refuse_the_data(tmp_path, rule):
    copy = DataCopy(tmp_path)
    assert copy.problems() == []
    broken = rule.checked_by
    line = copy.edit(broken.file, broken.row, **broken.changes)
    problems = copy.problems()
    assert any(p.startswith(f"{broken.file}, line {line},") and broken.reason in p for p in problems), problems
