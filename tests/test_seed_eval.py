"""The shared seed article ingests and the shared scorer reads the export."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED_EVAL, run_kg

pytestmark = pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists(), reason="../shared/eval not present")


def test_seed_article_scores(store, tmp_path):
    run_kg(store, "ingest", str(SHARED_EVAL / "seed" / "rutte-japan.txt"))
    out = tmp_path / "out.nq"
    run_kg(store, "export", "--format", "nquads", "-o", str(out))
    proc = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"),
                           str(SHARED_EVAL / "seed" / "rutte-japan.gold.json"), str(out),
                           *map(str, sorted((ROOT / "ontologies").glob("*.ttl"))), "--json"],
                          capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout)
    assert result["core_hits"] == result["core_total"] == 2
    assert result["recall"] >= 0.9 and result["precision"] >= 0.9          # the extraction issue's seed target
    assert not result["duplicates"] and not result["over_merged"] and not result["junk_entities"]
