"""Unnamed things an article keeps talking about: "a large study published on Tuesday … The
study was funded by …". The facts are about the study, so the study needs a node, though it has
no name. It gets one when the article refers to it at least twice (once with "the"/"this") and
names nothing it could be ("the PROMISE-2 trial", "the Nordic Heart Study" are named). The node is
the article's own (`Entity.local`): another article's "study" is another study.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from ..model import Entity
from .lexicon import lexicon
from .mentions import DocumentEntities, Mention, nouns_beside
from .prefixed_words import joined_start


def add_unnamed_things(doc: Doc, found: DocumentEntities) -> None:
    """Add a local entity, and a mention per reference, for each unnamed thing the article keeps
    talking about. Synonyms are one thing ("the study", "the analysis", "the paper")."""
    lex = lexicon()
    references: dict[frozenset[str], list[Token]] = defaultdict(list)
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or tok.i in found.by_token or tok.dep_ == "compound" or not (
                lemma in lex.unnamed_things or lemma in lex.unnamed_back_references):
            continue                         # most nouns are neither: no group to look up
        group = lex.synonyms.get(lemma, frozenset((lemma,)))
        if lemma in lex.unnamed_things and tok.tag_ == "NN" and not _names_beside(tok, found):
            references[group].append(tok)
        elif lemma in lex.unnamed_back_references and references.get(group) and _refers_back(tok, group):
            references[group].append(tok)
    named = _named_kinds(doc, found) if references else set()     # most articles have no candidate
    for group, toks in references.items():
        naming = toks[:1] + [t for t in toks[1:] if _definite(t) and t.lemma_.lower() in lex.unnamed_things]
        if len(naming) < 2 or group & named:
            continue                                 # (two or more: so one of them is definite)
        toks = [t for t in toks if t in naming or t.lemma_.lower() in lex.unnamed_back_references]
        lemmas = [t.lemma_.lower() for t in toks]
        key, kind = f"thing:{lemmas[0]}", lex.unnamed_things[lemmas[0]]
        names = list(dict.fromkeys([t.lemma_.lower() for t in naming] + [_with_modifier(t) for t in naming]))
        found.entities[key] = Entity(key, kind, names, local=True)
        for t, lemma in zip(toks, lemmas):
            mention = Mention(t.i, t.i + 1, lemma, kind, surface=t.text, entity=key)
            found.mentions.append(mention)
            found.by_token[t.i] = mention
    found.mentions.sort(key=lambda m: m.start)


def _definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their") for c in tok.children)


def _refers_back(tok: Token, group: frozenset[str]) -> bool:
    """ "the work", "its findings", "results of the trial": a word too general to introduce a
    thing, said of one the article has introduced."""
    return _definite(tok) or any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in group for g in c.children) for c in tok.children)


def _names_beside(tok: Token, found: DocumentEntities) -> bool:
    """ "the PROMISE-2 trial", "the study, called X,": a name is right there."""
    return any(c.i in found.by_token for c in tok.children if c.dep_ in ("compound", "appos", "nmod"))


def _named_kinds(doc: Doc, found: DocumentEntities) -> set[str]:
    """Nouns the article uses for things it names: the head word of their names ("Nordic Heart
    Study") and the head nouns it puts beside them ("X, a five-year study,")."""
    out = set()
    for m in found.mentions:
        out.add(m.name.split()[-1].lower())
        out |= {n.lemma_.lower() for n in nouns_beside(doc[m.start:m.end]) if n.dep_ != "compound"}
    return out


def _with_modifier(tok: Token) -> str:
    """ "international study", "mayoral run-off": the noun with the one modifier before it, whole
    if the tokenizer cut it at hyphens ("late-stage trial", "72-hour strike")."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.head.i == tok.i and before.dep_ in ("amod", "compound") \
            and before.pos_ in ("ADJ", "NOUN") and before.is_lower:
        return f"{doc[joined_start(doc, before.i):before.i + 1].text} {tok.text}"
    return tok.text.lower()
