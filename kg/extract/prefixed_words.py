"""Keep "co-founded", "re-elected", "pre-ordered" as one word.

spaCy's English tokenizer splits every hyphen between letters, and the small model then parses
"who co - founded the firm" as three verbs: the relative clause loses its object and the
sentence's real verb its subject. Kept whole, the word parses as the verb it is, and its lemma
is the bare verb's ("found"), so every rule that knows "found" knows "co-found" too.
"""

from __future__ import annotations

import re

from spacy.lang.char_classes import HYPHENS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from .lexicon import lexicon


def keep_prefixed_words(nlp: Language) -> None:
    """Stop the hyphen infix rule from splitting after one of the lexicon's joined prefixes, or
    before a particle that makes a noun ("start-up", "spin-off", "buy-out"). A title prefix
    keeps its word whole too ("vice-chancellor", not a "vice" and a "chancellor") but, unlike
    "co-", is part of what the word means, so its lemma keeps it."""
    lex = lexicon()
    not_after = "".join(f"(?<!\\b{''.join(f'[{c.upper()}{c}]' for c in p)})"
                        for p in lex.joined_prefixes + lex.joined_title_prefixes)
    not_before = f"(?!(?:{'|'.join(lex.joined_particles)})\\b)"
    infixes = [not_after + rule + not_before if f"(?:{HYPHENS})" in rule else rule for rule in nlp.Defaults.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("kg_prefixed_lemmas", after="lemmatizer")


def joining_hyphen(doc: Doc, i: int) -> bool:
    """Token `i` is a hyphen the tokenizer cut a word at: no space on either side of it."""
    return 0 < i < len(doc) and doc[i].text in ("-", "‑") and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def joined_start(doc: Doc, i: int) -> int:
    """Where the word the tokenizer cut at hyphens, ending with token `i`, starts: "late-stage",
    "72-hour", "left-arm"."""
    while i > 1 and joining_hyphen(doc, i - 1):
        i -= 2
    return i


class PrefixedLemmas:
    """ "co-founded" gets the lemma the lemmatizer gives "founded" as the same part of speech.
    Also the few verb forms whose ending the rule lemmatizer strips to another word in its index
    ("fined" -> "fin", "rides" -> "rid"); its exception table cannot override an index hit."""

    def __init__(self, nlp: Language) -> None:
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.prefixed = re.compile(rf"(?i)^(?:{'|'.join(lexicon().joined_prefixes)})-([a-z]+)$")
        self.verb_exceptions = lexicon().verb_lemma_exceptions

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.pos_ == "VERB" and tok.lower_ in self.verb_exceptions:
                tok.lemma_ = self.verb_exceptions[tok.lower_]
                continue
            match = self.prefixed.match(tok.text) if "-" in tok.text else None
            if match and tok.pos_ in ("VERB", "NOUN", "ADJ"):
                bare = Doc(doc.vocab, words=[match.group(1).lower()], pos=[tok.pos_])
                tok.lemma_ = self.lemmatizer.rule_lemmatize(bare[0])[0]
        return doc


@Language.factory("kg_prefixed_lemmas")
def make_prefixed_lemmas(nlp: Language, name: str) -> PrefixedLemmas:
    return PrefixedLemmas(nlp)
