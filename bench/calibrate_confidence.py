"""Measure each extraction rule's precision on the dev set and store it as the rule's confidence.

    .venv/bin/python bench/calibrate_confidence.py examples/dev/*.gold.json

Writes kg/data/rule_confidence.json: {rule: (correct + 1) / (extracted + 2)} (Laplace-smoothed
precision, so a rule seen twice is not claimed certain), which the extractor puts on every
provenance statement as kg:confidence.
"""

import json
import sys
from pathlib import Path

from kg.evaluate import evaluate, overall

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "rule_confidence.json"


def main(gold_files: list[str]) -> None:
    total = overall(evaluate(gold_files))
    table = {rule: round((ok + 1) / (n + 2), 3) for rule, (ok, n) in sorted(total.by_rule.items()) if rule != "?"}
    OUT.write_text(json.dumps(table, indent=1) + "\n")
    for rule, (ok, n) in sorted(total.by_rule.items(), key=lambda kv: -kv[1][1]):
        print(f"{rule:<28} {ok:>3}/{n:<3} confidence {table.get(rule, '-')}")


if __name__ == "__main__":
    main(sys.argv[1:])
