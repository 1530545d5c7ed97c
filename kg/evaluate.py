"""`kg eval`: score extraction against hand-written gold facts, as a product feature.

Gold format (the same as ../shared/eval): `text` names the article file beside the gold file;
`entities` maps ids to the names a node may carry; `facts` lists what the article states, each
matched when any of its `any` patterns matches one extracted triple (subject and object nodes
named as the pattern's entities, or a literal containing one of `lit`; the predicate label holding
one of the `p` keywords at a word start); `acceptable` patterns are true but not required.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import ingest
from .readers import read_paths
from .store import EmbeddedStore

FACTS_QUERY = """SELECT DISTINCT ?s ?p ?o ?plabel WHERE {
  { ?p rdfs:subPropertyOf+ kg:relatedTo } UNION { ?p rdfs:subPropertyOf+ kg:hasAttribute }
  GRAPH ?g { ?s ?p ?o } OPTIONAL { ?p rdfs:label ?plabel } }"""
NAMES_QUERY = """SELECT ?e ?n WHERE { GRAPH ?g { ?e ?np ?n FILTER(?np IN (rdfs:label, skos:altLabel)) } }"""


def normalise(text: str) -> str:
    """Case, accents, quotes, a leading 'the' and a trailing possessive do not matter."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"^the\s+", "", re.sub(r"'s$", "", text))
    text = re.sub(r"[^\w&.' ]+", " ", text.replace("-", " ").replace("_", " "))
    return re.sub(r"\s+", " ", text.replace(".", "").replace("'", "")).strip()


@dataclass
class ArticleScore:
    name: str
    gold: int
    found: int
    system: int
    correct: int
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    by_rule: dict[str, list[int]] = field(default_factory=dict)     # rule -> [correct, total]

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _listify(v) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def score_store(store: EmbeddedStore, gold: dict, name: str) -> ArticleScore:
    aliases = {eid: {normalise(n) for n in e["names"]} for eid, e in gold["entities"].items()}
    names: dict[str, set[str]] = {}
    for row in store.query(NAMES_QUERY):
        names.setdefault(row["e"].value, set()).add(normalise(row["n"].value))
    ids_of = {node: {eid for eid, al in aliases.items() if ns & al} for node, ns in names.items()}
    facts = []
    for row in store.query(FACTS_QUERY):
        o = row["o"]
        is_lit = o.__class__.__name__ == "Literal"
        plabel = normalise(row["plabel"].value) if row["plabel"] else normalise(row["p"].value.rsplit("/", 1)[-1])
        facts.append((row["s"].value, plabel, o.value, is_lit))
    rules = _rules(store)

    def matches(pat: dict, fact) -> bool:
        s, plabel, o, is_lit = fact
        if not ids_of.get(s, set()) & set(_listify(pat["s"])):
            return False
        if not any(re.search(r"\b" + re.escape(normalise(k)), plabel) for k in pat["p"]):
            return False
        if "lit" in pat:
            return is_lit and any(x.replace(",", "").lower() in o.replace(",", "").lower() for x in pat["lit"])
        return not is_lit and bool(ids_of.get(o, set()) & set(_listify(pat["o"])))

    result = ArticleScore(name, len(gold["facts"]), 0, len(facts), 0)
    for gf in gold["facts"]:
        if any(matches(p, f) for p in gf["any"] for f in facts):
            result.found += 1
        else:
            result.missed.append(gf["id"])
    patterns = [p for gf in gold["facts"] for p in gf["any"]] + gold.get("acceptable", [])
    for f in facts:
        ok = any(matches(p, f) for p in patterns)
        result.correct += ok
        for rule in rules.get((f[0], f[2]), {"?"}):
            tally = result.by_rule.setdefault(rule, [0, 0])
            tally[0] += ok
            tally[1] += 1
        if not ok:
            label = lambda node: sorted(names.get(node, {node}))[0]  # noqa: E731
            result.unmatched.append(f"{label(f[0])} | {f[1]} | {f[2] if f[3] else label(f[2])}")
    return result


def _rules(store: EmbeddedStore) -> dict[tuple[str, str], set[str]]:
    rows = store.query("SELECT ?s ?o ?r WHERE { GRAPH ?g { ?st rdf:subject ?s ; rdf:object ?o ; kg:rule ?r } }")
    out: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        out.setdefault((row["s"].value, row["o"].value), set()).add(row["r"].value)
    return out


def evaluate(gold_files: list[str], model: str | None = None) -> list[ArticleScore]:
    """Ingest each gold file's article into a throw-away store and score it."""
    scores = []
    for gold_file in gold_files:
        path = Path(gold_file)
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not (isinstance(gold, dict) and isinstance(gold.get("text"), str) and isinstance(gold.get("facts"), list)):
            raise ValueError(f"{gold_file}: a gold file is a JSON object with \"text\" (the article's file) "
                             "and \"facts\" (a list); see README.md")
        article = path.parent / gold["text"]
        with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
            store = EmbeddedStore(str(Path(tmp) / "store"))
            report = ingest(read_paths([str(article)]), store, model=model)
            if report.errors:
                raise ValueError("; ".join(report.errors))
            scores.append(score_store(store, gold, article.name))
            store.close()
    return scores


def overall(scores: list[ArticleScore]) -> ArticleScore:
    total = ArticleScore("overall", sum(s.gold for s in scores), sum(s.found for s in scores),
                         sum(s.system for s in scores), sum(s.correct for s in scores))
    for s in scores:
        for rule, (ok, n) in s.by_rule.items():
            tally = total.by_rule.setdefault(rule, [0, 0])
            tally[0] += ok
            tally[1] += n
    return total
