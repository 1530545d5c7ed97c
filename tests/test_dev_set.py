"""The dev set (examples/dev, written for this project) as a regression guard for extraction
quality: overall precision and recall must not fall below what the closing note reports."""

from __future__ import annotations

from conftest import EXAMPLES

from kg.evaluate import evaluate, overall


def test_dev_set_quality_does_not_regress():
    total = overall(evaluate(sorted(str(p) for p in (EXAMPLES / "dev").glob("*.gold.json"))))
    assert total.precision >= 0.88, total
    assert total.recall >= 0.60, total
