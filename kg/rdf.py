"""Facts and entities -> RDF terms and quads: readable, stable, injection-safe IRIs, predicate
declarations, documents and reified provenance statements.

IRIs are named with rdflib's URIRef (a str) throughout kg. Quads are built as pyoxigraph terms, and
what ingest writes goes to the store as N-Quads text it parses on the writer thread (a document's
graph is written as text from the start): rdflib's validating term constructors plus a conversion
made a third of kg's write cost, and a pyoxigraph Quad with a literal object costs ~3 us to build."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, timezone
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Literal, URIRef

from .extract.lexicon import lexicon
from .model import Article, Fact
from .namespaces import DCTERMS, DOC, GEONAMES, KG, OWL, PROV, RDF, RDFS, REL, SCHEMA, SKOS, STMT, XSD
from .readers import iso_date_type

Quad = ox.Quad

CLASS_OF_TYPE = {
    "Person": KG.Person, "Organization": KG.Organization, "Place": KG.Place, "Country": KG.Country,
    "City": KG.City, "Facility": KG.Facility, "Event": KG.Event, "Work": KG.Work, "Product": KG.Product,
    "Law": KG.Law, "Group": KG.Group, "Language": KG.Language,
}
TYPE_OF_CLASS = {v: k for k, v in CLASS_OF_TYPE.items()}


@lru_cache(maxsize=65536)
def named_node(iri: str) -> ox.NamedNode:
    """Cached: a document's IRI, its entities' IRIs and the predicates recur in most of its quads."""
    return ox.NamedNode(iri)


@lru_cache(maxsize=65536)
def literal(value: str | float, datatype: str | None = None) -> tuple[ox.Literal, str, str]:
    """A literal in the forms kg has always written: rdflib's canonical lexical form ("007" as
    xsd:integer is "7"), as a pyoxigraph term, in N-Triples, and in rdflib's N3 spelling, which a
    statement's digest hashes (it differs from N-Triples for tabs, newlines and control
    characters). Cached: confidences, dates and numbers recur."""
    term = Literal(value, datatype=datatype)
    lexical = str(term)
    ox_term = ox.Literal(lexical, datatype=named_node(datatype)) if datatype else ox.Literal(lexical)
    return ox_term, str(ox_term), term.n3()


def slug(text: str, limit: int = 80) -> str:
    """ASCII, lower-case, hyphenated: no character from an article can escape the IRI path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return out or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def type_group(kind: str) -> str:
    """Types that may name the same thing across articles (NER calls a country GPE or LOC)."""
    return "place" if kind in ("Place", "Country", "City") else kind.lower()


@lru_cache(maxsize=65536)
def mint_entity_iri(kind: str, label: str) -> URIRef:
    """Cached: resolving an entity mints its IRI once or twice, and entities recur."""
    from .namespaces import ENT

    return ENT[f"{type_group(kind)}/{slug(label)}"]


def mint_local_iri(kind: str, label: str, document: URIRef) -> URIRef:
    """An unnamed thing's node ("the study" of one article): its label and its document's hash,
    joined by "--", which no slug contains, so it can never be another article's node."""
    from .namespaces import ENT

    return ENT[f"{type_group(kind)}/{slug(label)}--{str(document).rsplit('/', 1)[-1][:12]}"]


def is_local_iri(iri: str) -> bool:
    return "--" in iri.rsplit("/", 1)[-1]


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
    p, g = named_node(p), named_node(graph)
    return [ox.Quad(p, _RDF_TYPE, named_node(kind), g), ox.Quad(p, _LABEL, ox.Literal(label), g),
            ox.Quad(p, _SUB_PROPERTY, named_node(root), g)]


def object_term(fact: Fact, iri_of: dict[str, URIRef]) -> tuple[str, str]:
    """The fact's object in N-Triples and in N3 (which the statement digest hashes)."""
    if not fact.is_literal:
        iri = f"<{iri_of[fact.object]}>"
        return iri, iri
    _, nt, n3 = literal(fact.object, None if fact.datatype == "string" else _xsd(fact.datatype))
    return nt, n3


@lru_cache(maxsize=64)
def _xsd(name: str) -> URIRef:
    """Cached: each rdflib Namespace lookup builds and checks a new URIRef."""
    return XSD[name]


def nt_string(value: str) -> str:
    """A plain string literal in N-Triples: only these four characters need escaping there."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def document_quads(article: Article, doc: URIRef) -> list[Quad]:
    now = datetime.now(timezone.utc).replace(microsecond=0)
    d = named_node(doc)
    values = [(RDF.type, named_node(KG.Document)), (KG.contentHash, ox.Literal(article.content_hash)),
              (KG.ingestedAt, literal(now.isoformat(), XSD.dateTime)[0]),
              (DCTERMS.source, ox.Literal(article.source))]
    if article.title:
        values.append((DCTERMS.title, ox.Literal(article.title)))
    if article.url:
        values.append((SCHEMA.url, ox.Literal(article.url)))
    kind = iso_date_type(article.date) if article.date else None     # the readers keep no other date
    if kind:
        values.append((SCHEMA.datePublished, ox.Literal(article.date, datatype=named_node(XSD[kind]))))
    return [ox.Quad(d, named_node(p), o, d) for p, o in values]


def fact_nquads(fact: Fact, article: Article, doc: URIRef, iri_of: dict[str, URIRef]) -> str:
    """The triple itself and its provenance statement, both in the document's graph, as N-Quads
    text: a pyoxigraph Quad with a literal object costs ~3 us to build (its term type is found by
    failed conversions), and a statement has six; the store parses the text without the GIL."""
    subject, predicate = iri_of[fact.subject], predicate_iri(fact.predicate)
    o, o_n3 = object_term(fact, iri_of)
    digest = hashlib.sha1(f"{doc}|{subject}|{predicate}|{o_n3}|{fact.sentence_start}".encode()).hexdigest()[:24]
    s, p, g, st = f"<{subject}>", f"<{predicate}>", f"<{doc}>", f"<{STMT_BASE}{digest}>"
    sentence = nt_string(article.text[fact.sentence_start:fact.sentence_end].strip())
    confidence = literal(round(fact.confidence, 3), _DECIMAL)[1]
    text = (f"{s} {p} {o} {g} .\n"
            f"{st} {_TYPE} {_STATEMENT} {g} .\n"
            f"{st} {_SUBJECT} {s} {g} .\n{st} {_PREDICATE} {p} {g} .\n{st} {_OBJECT} {o} {g} .\n"
            f"{st} {_DERIVED_FROM} {g} {g} .\n"
            f"{st} {_SENTENCE} {sentence} {g} .\n"
            f'{st} {_START} "{fact.sentence_start}"^^{_INTEGER} {g} .\n'
            f'{st} {_END} "{fact.sentence_end}"^^{_INTEGER} {g} .\n'
            f"{st} {_CONFIDENCE} {confidence} {g} .\n"
            f"{st} {_RULE} {nt_string(fact.rule)} {g} .\n")
    if fact.modality:
        text += f"{st} {_MODALITY} {nt_string(fact.modality)} {g} .\n"
    return text


# The terms written for every fact, built once (as N-Triples text).
_TYPE, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT, _INTEGER = (
    f"<{t}>" for t in (RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object, XSD.integer))
_DERIVED_FROM, _SENTENCE, _START, _END, _CONFIDENCE, _RULE, _MODALITY = (
    f"<{t}>" for t in (PROV.wasDerivedFrom, KG.sentence, KG.startOffset, KG.endOffset, KG.confidence,
                       KG.rule, KG.modality))
_DECIMAL = XSD.decimal
STMT_BASE = str(STMT)


def entity_description(iri: URIRef, kind: str, names: list[str], label: str,
                       geonames_id: int | None, evidence: list[str], graph: URIRef) -> list[Quad]:
    e, g = named_node(iri), named_node(graph)
    values = [(_RDF_TYPE, named_node(CLASS_OF_TYPE.get(kind) or KG.Entity)), (_LABEL, ox.Literal(label))]
    values += [(_ALT_LABEL, ox.Literal(n)) for n in names if n != label]
    if geonames_id:
        values.append((_SAME_AS, named_node(GEONAMES[f"{geonames_id}/"])))
    values += [(_RESOLVED_BY, ox.Literal(v)) for v in evidence]
    return [ox.Quad(e, p, o, g) for p, o in values]


# Looked up once: each rdflib Namespace attribute builds and checks a new URIRef.
_RDF_TYPE, _LABEL, _ALT_LABEL, _SAME_AS, _RESOLVED_BY, _SUB_PROPERTY = (
    named_node(t) for t in (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, KG.resolvedBy, RDFS.subPropertyOf))


__all__ = ["slug", "mint_entity_iri", "mint_local_iri", "is_local_iri", "document_iri", "predicate_iri",
           "predicate_declaration", "named_node", "nt_string", "document_quads", "fact_nquads",
           "entity_description", "CLASS_OF_TYPE", "TYPE_OF_CLASS", "Quad"]
