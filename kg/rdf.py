"""Facts and entities -> RDF terms and quads: readable, stable, injection-safe IRIs, predicate
declarations, documents and reified provenance statements."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, timezone
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.term import Node

from .extract.lexicon import lexicon
from .model import Article, Fact
from .namespaces import DOC, GEONAMES, KG, OWL, PROV, RDF, RDFS, REL, SCHEMA, SKOS, STMT, XSD

Quad = tuple[Node, Node, Node, URIRef]

CLASS_OF_TYPE = {
    "Person": KG.Person, "Organization": KG.Organization, "Place": KG.Place, "Country": KG.Country,
    "City": KG.City, "Facility": KG.Facility, "Event": KG.Event, "Work": KG.Work, "Product": KG.Product,
    "Law": KG.Law, "Group": KG.Group, "Language": KG.Language,
}
TYPE_OF_CLASS = {v: k for k, v in CLASS_OF_TYPE.items()}


def slug(text: str, limit: int = 80) -> str:
    """ASCII, lower-case, hyphenated: no character from an article can escape the IRI path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return out or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def type_group(kind: str) -> str:
    """Types that may name the same thing across articles (NER calls a country GPE or LOC)."""
    return "place" if kind in ("Place", "Country", "City") else kind.lower()


def mint_entity_iri(kind: str, label: str) -> URIRef:
    from .namespaces import ENT

    return ENT[f"{type_group(kind)}/{slug(label)}"]


def document_iri(article: Article) -> URIRef:
    return DOC[article.content_hash[:32]]


@lru_cache(maxsize=4096)
def predicate_iri(label: str) -> URIRef:
    standard = lexicon().standard_properties.get(label)
    if standard:
        return SCHEMA[standard.split(":", 1)[1]]
    words = slug(label).split("-")
    return REL[words[0] + "".join(w.capitalize() for w in words[1:])]


def predicate_declaration(label: str, literal: bool, graph: URIRef) -> list[Quad]:
    p = predicate_iri(label)
    if str(p).startswith(str(SCHEMA)):
        return []                                  # declared in ontologies/kg.ttl
    root = KG.hasAttribute if literal else KG.relatedTo
    kind = OWL.DatatypeProperty if literal else OWL.ObjectProperty
    return [(p, RDF.type, kind, graph), (p, RDFS.label, Literal(label), graph),
            (p, RDFS.subPropertyOf, root, graph)]


def object_term(fact: Fact, iri_of: dict[str, URIRef]) -> Node:
    if not fact.is_literal:
        return iri_of[fact.object]
    if fact.datatype == "string":
        return Literal(fact.object)
    return Literal(fact.object, datatype=XSD[fact.datatype])


def document_quads(article: Article, doc: URIRef) -> list[Quad]:
    now = datetime.now(timezone.utc).replace(microsecond=0)
    quads: list[Quad] = [
        (doc, RDF.type, KG.Document, doc),
        (doc, KG.contentHash, Literal(article.content_hash), doc),
        (doc, KG.ingestedAt, Literal(now.isoformat(), datatype=XSD.dateTime), doc),
        (doc, URIRef("http://purl.org/dc/terms/source"), Literal(article.source), doc),
    ]
    if article.title:
        quads.append((doc, URIRef("http://purl.org/dc/terms/title"), Literal(article.title), doc))
    if article.url:
        quads.append((doc, SCHEMA.url, Literal(article.url), doc))
    if article.date:
        quads.append((doc, SCHEMA.datePublished, Literal(article.date), doc))
    return quads


def fact_quads(fact: Fact, article: Article, doc: URIRef, iri_of: dict[str, URIRef]) -> list[Quad]:
    """The triple itself and its provenance statement, both in the document's graph."""
    s, p, o = iri_of[fact.subject], predicate_iri(fact.predicate), object_term(fact, iri_of)
    digest = hashlib.sha1(f"{doc}|{s}|{p}|{o.n3()}|{fact.sentence_start}".encode()).hexdigest()[:24]
    st = STMT[digest]
    quads: list[Quad] = [
        (s, p, o, doc),
        (st, _TYPE, _STATEMENT, doc),
        (st, _SUBJECT, s, doc), (st, _PREDICATE, p, doc), (st, _OBJECT, o, doc),
        (st, _DERIVED_FROM, doc, doc),
        (st, _SENTENCE, Literal(article.text[fact.sentence_start:fact.sentence_end].strip()), doc),
        (st, _START, Literal(fact.sentence_start), doc),
        (st, _END, Literal(fact.sentence_end), doc),
        (st, _CONFIDENCE, Literal(round(fact.confidence, 3), datatype=XSD.decimal), doc),
        (st, _RULE, Literal(fact.rule), doc),
    ]
    if fact.modality:
        quads.append((st, _MODALITY, Literal(fact.modality), doc))
    return quads


# rdflib builds (and validates) a new URIRef on every Namespace attribute access: the provenance
# terms are written for every fact, so they are built once.
_TYPE, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object
_DERIVED_FROM, _SENTENCE, _START, _END = PROV.wasDerivedFrom, KG.sentence, KG.startOffset, KG.endOffset
_CONFIDENCE, _RULE, _MODALITY = KG.confidence, KG.rule, KG.modality


def entity_description(iri: URIRef, kind: str, names: list[str], label: str,
                       geonames_id: int | None, evidence: list[str], graph: URIRef) -> list[Quad]:
    quads: list[Quad] = [(iri, RDF.type, CLASS_OF_TYPE.get(kind, KG.Entity), graph),
                         (iri, RDFS.label, Literal(label), graph)]
    quads += [(iri, SKOS.altLabel, Literal(n), graph) for n in names if n != label]
    if geonames_id:
        quads.append((iri, OWL.sameAs, GEONAMES[f"{geonames_id}/"], graph))
    quads += [(iri, KG.resolvedBy, Literal(e), graph) for e in evidence]
    return quads


__all__ = ["slug", "mint_entity_iri", "document_iri", "predicate_iri", "predicate_declaration",
           "document_quads", "fact_quads", "entity_description", "CLASS_OF_TYPE", "TYPE_OF_CLASS",
           "Quad"]
