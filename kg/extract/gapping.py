"""Gapped counts: "Renewal won 34 seats, the Centre Alliance 22 and Forward Estonia 14".

Results are reported with the verb and the counted noun said once: each later "<name> <number>"
pair in the sentence repeats them. The parser hangs the pairs anywhere (npadvmod, conj, appos),
so they are read off the words after the counted noun, up to the next verb.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Fact
from .mentions import DocumentEntities
from .values import number_value

RULE = "gapped-count"
COUNTED = ("counted-object", "counted-with")
PAIR_PREPOSITIONS = ("with", "on")           # "Forward Estonia with 14", "the Greens on six"
RANKING_PARTICIPLES = ("follow", "trail")    # "won 37 seats, followed by X with 17": still the list
PERCENT_WORDS = ("percent", "pct")


def with_gapped_counts(doc: Doc, found: DocumentEntities, facts: list[Fact], confidence: float) -> list[Fact]:
    """The facts, plus one count per gapped pair; a pair's name is no object of the verb ("Kenya
    won 12 medals, Ethiopia nine": Kenya did not win Ethiopia)."""
    out, pairs, ranking = [], set(), set()
    for fact in facts:
        if fact.rule not in COUNTED or fact.anchor < 0:
            continue
        verb = doc[fact.anchor]
        noun = next((t for t in verb.subtree if t.i > verb.i and t.pos_ == "NOUN"
                     and any(c.dep_ == "nummod" for c in t.children)), None)
        if noun is None:
            continue
        i, end = noun.i + 1, verb.sent.end
        while i < end:
            tok = doc[i]
            if tok.pos_ in ("VERB", "AUX"):
                if not (tok.lemma_ in RANKING_PARTICIPLES and tok.tag_ == "VBN"):
                    break                    # a clause of its own: its counts are its verb's
                ranking.add(tok.i)           # its agent and "object" are just the next in the list
            mention = found.by_token.get(i)
            if mention is None:
                i += 1
                continue
            count, after = _count_after(doc, mention.end, end)
            if count is not None:            # "the Centre Alliance 22", "Forward Estonia with 14"
                out.append(replace(fact, subject=mention.entity, object=count[0], rule=RULE,
                                   confidence=confidence, datatype=count[1]))
                pairs.add((fact.anchor, mention.entity))
            i = after
    if not out:
        return facts
    return [f for f in facts if f.is_literal or ((f.anchor, f.object) not in pairs and f.anchor not in ranking)] + out


def _count_after(doc: Doc, i: int, end: int) -> tuple[tuple[str, str] | None, int]:
    """The bare number right after a name (maybe after "with"/"on", or a determiner and its
    modifiers: "and Y the remaining 40%"), and where to read on."""
    j = i + 1 if i < end - 1 and doc[i].lower_ in PAIR_PREPOSITIONS else i
    if j < end and doc[j].pos_ == "DET":
        k = j + 1
        while k < end and k - j <= 2 and doc[k].dep_ == "amod":
            k += 1
        if k < end and doc[k].like_num:
            j = k
    if j < end and doc[j].like_num:
        if j + 1 == end or doc[j + 1].pos_ not in ("NOUN", "PROPN"):
            return number_value(doc[j].text), j + 1
        if doc[j + 1].text == "%" or doc[j + 1].lower_ in PERCENT_WORDS:
            return number_value(doc[j:j + 2].text), j + 2
    return None, i
