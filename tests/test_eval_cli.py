"""`kg eval` through the entry point, on dev-set gold files written for this project."""

from __future__ import annotations

import json
import re

from conftest import EXAMPLES, run_kg


def test_eval_prints_scores_per_article_and_overall(store):
    gold = sorted(str(p) for p in (EXAMPLES / "dev").glob("*.gold.json"))[:2]
    out = run_kg(store, "eval", *gold, "--show", "--rules").stdout
    rows = re.findall(r"^(\S+)\s+P (\d\.\d\d)\s+R (\d\.\d\d)\s+F1 (\d\.\d\d)", out, re.M)
    assert [r[0] for r in rows][-1] == "overall" and len(rows) == 3
    assert all(0.3 <= float(r[2]) <= 1 and float(r[1]) >= 0.5 for r in rows)
    assert "missed:" in out and "rule " in out


def test_eval_rejects_a_gold_file_of_another_shape_and_an_unknown_model(store, tmp_path):
    listed = tmp_path / "list.gold.json"
    listed.write_text("[]")
    proc = run_kg(store, "eval", str(listed), check=False)
    assert proc.returncode == 1 and "JSON object" in proc.stderr and "Traceback" not in proc.stderr
    good = sorted((EXAMPLES / "dev").glob("*.gold.json"))[0]
    proc = run_kg(store, "eval", "--model", "no_such_model_kg", str(good), check=False)
    assert proc.returncode == 1 and "not installed" in proc.stderr and "Traceback" not in proc.stderr


def test_eval_rejects_a_broken_gold_file(store, tmp_path):
    bad = tmp_path / "bad.gold.json"
    bad.write_text(json.dumps({"text": "nowhere.txt", "entities": {}, "facts": []}))
    proc = run_kg(store, "eval", str(bad), check=False)
    assert proc.returncode == 1 and "cannot evaluate" in proc.stderr and "Traceback" not in proc.stderr
