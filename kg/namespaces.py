"""The project's vocabularies, in one place, so no IRI string is scattered through the code."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/kg-news/"
KG = Namespace(BASE + "ontology#")
REL = Namespace(BASE + "rel/")
ENT = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
STMT = Namespace(BASE + "stmt/")
GRAPH = Namespace(BASE + "graph/")
SCHEMA = Namespace("https://schema.org/")
GEONAMES = Namespace("https://sws.geonames.org/")

ONTOLOGY_GRAPH = GRAPH.ontology
VOCABULARY_GRAPH = GRAPH.vocabulary
ENTITY_GRAPH = GRAPH.entities

PREFIXES = {
    "kg": str(KG), "rel": str(REL), "ent": str(ENT), "doc": str(DOC), "stmt": str(STMT),
    "schema": str(SCHEMA), "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS),
    "owl": str(OWL), "prov": str(PROV), "xsd": str(XSD), "geo": str(GEONAMES),
}

__all__ = ["KG", "REL", "ENT", "DOC", "STMT", "GRAPH", "SCHEMA", "GEONAMES", "RDF", "RDFS", "SKOS",
           "OWL", "PROV", "XSD", "DCTERMS", "PREFIXES", "ONTOLOGY_GRAPH", "VOCABULARY_GRAPH", "ENTITY_GRAPH"]
