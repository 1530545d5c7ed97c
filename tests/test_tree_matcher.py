"""TreeMatcher finds exactly what spaCy's DependencyMatcher finds (real model, real articles)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher

from kg.extract.relations import RelationExtractor
from kg.extract.tree_matcher import PatternError, TreeMatcher
from kg.nlp import load_pipeline

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ARTICLES = [EXAMPLES / "articles" / "hanbit-sudbury-acquisition.txt",
            EXAMPLES / "articles" / "canada-korea-minerals.txt",
            EXAMPLES / "dev" / "tavares-benfica-transfer.txt",
            EXAMPLES / "dev" / "zielinska-profile.txt",
            EXAMPLES / "heldout" / "election-porto-mayor.txt"]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def parse(nlp):
    def parse(texts):
        with nlp.select_pipes(disable=["kg_extractor"]):
            return list(nlp.pipe(texts))
    return parse


def both(vocab, patterns: dict[str, list[dict]]) -> tuple[DependencyMatcher, TreeMatcher]:
    reference, fast = DependencyMatcher(vocab), TreeMatcher(vocab)
    for name, pattern in patterns.items():
        reference.add(name, [pattern])
        fast.add(name, [pattern])
    return reference, fast


def test_same_matches_as_spacy_on_example_articles(nlp, parse):
    extractor = RelationExtractor(nlp.vocab)       # the expanded patterns, as the extractor uses them
    reference, fast = both(nlp.vocab, {name: spec["pattern"] for name, spec in extractor.specs.items()})
    total = 0
    for path, doc in zip(ARTICLES, parse(p.read_text() for p in ARTICLES)):
        want, got = reference(doc), fast(doc)
        assert want, f"no matches in {path.name}: the comparison would prove nothing"
        assert sorted(got) == sorted(want), path.name
        assert got == want, f"{path.name}: same matches in another order"
        total += len(want)
    names = {nlp.vocab.strings[k] for doc in parse(p.read_text() for p in ARTICLES) for k, _ in fast(doc)}
    assert total > 50 and len(names) > 10


def test_each_operator_and_attribute_kind(nlp, parse):
    patterns = {
        "two-children-may-share-a-token": [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "a", "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "dobj"]}}},
            {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["punct"]}}}],
        "comma-before-and-after": [
            {"RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "PROPN", "ENT_TYPE": {"IN": ["GPE", "PERSON"]}}},
            {"LEFT_ID": "n", "REL_OP": ".", "RIGHT_ID": "after", "RIGHT_ATTRS": {"ORTH": ","}},
            {"LEFT_ID": "n", "REL_OP": ";", "RIGHT_ID": "before", "RIGHT_ATTRS": {"LOWER": {"NOT_IN": ["the"]}}}],
        "number-and-tag": [
            {"RIGHT_ID": "x", "RIGHT_ATTRS": {"TAG": "VBD", "LEMMA": {"NOT_IN": ["be"]}}},
            {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "n", "RIGHT_ATTRS": {"ENT_TYPE": ""}},
            {"LEFT_ID": "n", "REL_OP": ">", "RIGHT_ID": "num", "RIGHT_ATTRS": {"LIKE_NUM": True}}],
        "left-children-and-shape": [
            {"RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "NOUN"}},
            {"LEFT_ID": "n", "REL_OP": ">--", "RIGHT_ID": "mod", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["det"]}}},
            {"LEFT_ID": "n", "REL_OP": ">--", "RIGHT_ID": "num", "RIGHT_ATTRS": {"DEP": "nummod", "SHAPE": {"IN": ["d", "dd"]}}}],
        "sentence-edges": [
            {"RIGHT_ID": "p", "RIGHT_ATTRS": {"IS_PUNCT": True} if False else {"DEP": "punct"}},
            {"LEFT_ID": "p", "REL_OP": ".", "RIGHT_ID": "next", "RIGHT_ATTRS": {}}],
    }
    docs = parse(["Maria Lopez, the mayor of Lima, met officials in Quito, Ecuador. They signed 12 deals.",
                  "Berlin. Paris, France, hosted talks; ministers bought 3 new ships and 40 trucks for 2 ports."])
    reference, fast = both(nlp.vocab, patterns)
    seen = set()
    for doc in docs:
        want, got = reference(doc), fast(doc)
        assert got == want
        seen |= {nlp.vocab.strings[k] for k, _ in got}
    assert seen == set(patterns)


@pytest.mark.parametrize("node, complaint", [
    ({"REL_OP": ">>"}, "REL_OP '>>'"),
    ({"REL_OP": "$+"}, "REL_OP '\\$\\+'"),
    ({"RIGHT_ATTRS": {"IS_PUNCT": True}}, "IS_PUNCT"),
    ({"RIGHT_ATTRS": {"LEMMA": {"REGEX": "^a"}}}, "REGEX"),
    ({"RIGHT_ATTRS": {"_": {"kg_nominal": True}}}, "'_'"),
    ({"LEFT_ID": "nowhere"}, "nowhere"),
])
def test_unsupported_patterns_are_rejected_when_added(nlp, node, complaint):
    pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"POS": "VERB"}},
               {"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": "dobj"}, **node}]
    matcher = TreeMatcher(nlp.vocab)
    with pytest.raises(PatternError, match=complaint):
        matcher.add("bad", [pattern])
    assert len(matcher) == 0
