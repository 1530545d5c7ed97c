"""The extractor as a spaCy pipeline component: `nlp.add_pipe("kg_extractor")` after the parser
and NER sets `doc._.kg_entities` and `doc._.kg_facts`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import doc_bytes
from .coref import resolve_references
from .grouping import group_mentions
from .hyphenated_names import join_hyphenated_names
from .mentions import find_mentions
from .ner_repairs import tag_currency_amounts, tag_demonyms
from .parse_repairs import relabel_adverb_particles, relabel_prepositional_datives
from .relations import RelationExtractor
from .unnamed import add_unnamed_things


def _register_extensions() -> None:
    for name in ("kg_entities", "kg_facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    doc_bytes.register()             # the values cross process boundaries in a user's nlp.pipe(n_process=N)


class KGExtractor:
    """Mentions -> entities -> references -> facts, stored on the Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        _register_extensions()
        self.name = name
        self.relations = RelationExtractor(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        join_hyphenated_names(doc)
        relabel_prepositional_datives(doc)
        relabel_adverb_particles(doc)
        tag_demonyms(doc)
        tag_currency_amounts(doc)
        found = find_mentions(doc)
        group_mentions(doc, found)
        add_unnamed_things(doc, found)
        refs = resolve_references(doc, found)
        doc._.kg_facts = self.relations(doc, found, refs)
        doc._.kg_entities = found.entities
        return doc


@Language.factory("kg_extractor")
def make_kg_extractor(nlp: Language, name: str) -> KGExtractor:
    return KGExtractor(nlp, name)
