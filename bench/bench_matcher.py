"""Compare kg's TreeMatcher with spaCy's DependencyMatcher on real parses: same matches, and ms/doc.

    .venv/bin/python bench/gen_corpus.py 300 -o /tmp/corpus.jsonl
    .venv/bin/python bench/bench_matcher.py /tmp/corpus.jsonl [--repeat 3] [--no-examples]

Both matchers get the patterns exactly as RelationExtractor builds them (kg/data/patterns.json
after `_expand_word_classes`), the reference being spaCy's DependencyMatcher. The
docs are parsed once with kg's pipeline (kg_extractor disabled), then each matcher runs over all of
them; times are CPU time (process_time), best of --repeat. Exits 1 if any doc's matches differ.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spacy.matcher import DependencyMatcher

from kg.extract.relations import RelationExtractor
from kg.extract.tree_matcher import TreeMatcher
from kg.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


def texts(corpus: list[Path], examples: bool) -> list[tuple[str, str]]:
    out = []
    if examples:
        out += [(str(p.relative_to(ROOT)), p.read_text()) for p in sorted((ROOT / "examples").glob("**/*.txt"))]
        out += [(str(p.relative_to(ROOT)), p.read_text()) for p in sorted((ROOT / "examples").glob("**/*.md"))]
    for path in corpus:
        for n, line in enumerate(path.read_text().splitlines()):
            if line.strip():
                out.append((f"{path.name}:{n + 1}", json.loads(line)["text"]))
    return out


def best_cpu_ms(matcher, docs, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in docs:
            matcher(doc)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(docs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", type=Path, help="JSONL files with a 'text' field")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-examples", action="store_true", help="skip examples/**/*.txt")
    args = ap.parse_args()

    nlp = load_pipeline()
    named = texts(args.corpus, not args.no_examples)
    with nlp.select_pipes(disable=["kg_extractor"]):
        docs = list(nlp.pipe(t for _, t in named))
    extractor = RelationExtractor(nlp.vocab)
    reference, fast = DependencyMatcher(nlp.vocab), TreeMatcher(nlp.vocab)
    for spec in extractor.specs.values():
        reference.add(spec["name"], [spec["pattern"]])
        fast.add(spec["name"], [spec["pattern"]])

    differ = same_order = total = 0
    for (name, _), doc in zip(named, docs):
        want, got = reference(doc), fast(doc)
        total += len(want)
        same_order += want == got
        if sorted(want) != sorted(got):
            differ += 1
            strings = nlp.vocab.strings
            print(f"DIFFER {name}: only spaCy {sorted(set(map(str, want)) - set(map(str, got)))[:5]} "
                  f"only tree {sorted(set(map(str, got)) - set(map(str, want)))[:5]} "
                  f"({[strings[k] for k, _ in want[:1]]})")
    tokens = sum(len(d) for d in docs)
    print(f"{len(docs)} docs, {tokens} tokens, {total} matches; docs whose matches differ: {differ}; "
          f"in the same order: {same_order}/{len(docs)}")

    spacy_ms = best_cpu_ms(reference, docs, args.repeat)
    tree_ms = best_cpu_ms(fast, docs, args.repeat)
    print(f"DependencyMatcher: {spacy_ms:.3f} ms/doc  TreeMatcher: {tree_ms:.3f} ms/doc  "
          f"speed-up x{spacy_ms / tree_ms:.1f}  (CPU time, best of {args.repeat})")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
