"""Match scores: "X beat Y 6-4, 3-6, 7-6(5)", "Ajax won 2-1 against PSV".

The tokenizer cuts "6-4" into three tokens and the parser hangs the pieces anywhere, so a score is
found in the sentence text (a run of set or goal scores, tie-breaks included) and given to the
subject of the result verb whose clause holds it. The verbs are data (lexicon.json result_verbs).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Fact
from .arguments import Arguments
from .lexicon import lexicon

ONE = r"\d{1,2}\s?[-–]\s?\d{1,2}(?:\s?\(\d{1,2}\))?"
SCORE = re.compile(rf"(?<![\d/.:-]){ONE}(?:(?:,\s?|\s)(?:and\s)?{ONE})*(?![\d/:-]|\.\d|\s?(?:percent|%))")
ANY_SCORE = re.compile(ONE)      # a score anywhere, whatever is around it: most articles have none
RULE = "result-score"


def score_facts(doc: Doc, args: Arguments, confidence: float) -> list[Fact]:
    facts = []
    if not ANY_SCORE.search(doc.text):
        return facts                 # no sentence can hold one: skip building every sentence's text
    for sent in doc.sents:
        for match in SCORE.finditer(sent.text):
            span = doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                 alignment_mode="expand")
            verb = _result_verb(span) if span is not None else None
            if verb is None:
                continue
            for subject in args.subjects(verb):
                key = args.entity_of(subject.token)
                if key:
                    score = " ".join(match.group().split())
                    facts.append(Fact(key, f"{verb.lemma_.lower()} with score", score, RULE, sent.start_char,
                                      sent.end_char, confidence, "string", subject.modality, verb.i))
    return facts


def _result_verb(span: Span) -> Token | None:
    """The nearest verb above the score's first token, if it is a result verb."""
    tok = span[0]
    for _ in range(4):
        if tok.pos_ == "VERB":
            return tok if tok.lemma_.lower() in lexicon().result_verbs else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
