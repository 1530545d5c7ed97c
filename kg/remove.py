"""Take documents back out of the store: drop each document's named graph (its facts, provenance
statements, mentions and surface forms) and recompute the descriptions of the entities it
mentioned from the documents that remain, all in one SPARQL Update request (one transaction).

Facts live only in document graphs, so a fact another document also states keeps that document's
support; an entity no remaining document mentions loses its description in the entity graph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from .namespaces import DOC, KG
from .rdf import TYPE_OF_CLASS
from .resolve import EntityIndex, delete_descriptions
from .store import GraphStore, insert_data, sparql_values

DCT_SOURCE = "http://purl.org/dc/terms/source"
MIN_HASH_PREFIX = 8
HEX = re.compile(r"[0-9a-fA-F]+")


class RemoveError(ValueError):
    """A reference that names no document (or more than one, for a hash prefix); nothing removed."""


@dataclass
class RemoveReport:
    documents: list[tuple[str, str]] = field(default_factory=list)    # (document IRI, source)
    entities_updated: int = 0
    entities_removed: int = 0
    statements: int = 0

    def summary(self) -> str:
        return (f"{len(self.documents)} document(s) removed, {self.statements} provenance statement(s) "
                f"dropped, {self.entities_updated} entit{'y' if self.entities_updated == 1 else 'ies'} "
                f"redescribed, {self.entities_removed} entit{'y' if self.entities_removed == 1 else 'ies'} "
                f"removed")


def resolve_documents(store: GraphStore, refs: list[str]) -> dict[str, list[str]]:
    """Each reference -> the document IRIs it names. A reference is a document IRI (or `doc:…`),
    a source as stored in dcterms:source (a JSONL file also names all its `file:N` lines), or a
    content hash / unique hash prefix of at least 8 hex digits. Raises RemoveError if any names none."""
    documents = {row["d"].value: (row["src"].value if row["src"] else "", row["h"].value if row["h"] else "")
                 for row in store.query(f"""SELECT ?d ?src ?h WHERE {{ GRAPH ?d {{ ?d a <{KG.Document}>
                     OPTIONAL {{ ?d <{DCT_SOURCE}> ?src }} OPTIONAL {{ ?d <{KG.contentHash}> ?h }} }} }}""")}
    found: dict[str, list[str]] = {}
    problems: list[str] = []
    for ref in refs:
        iris, problem = _match(ref, documents)
        if problem:
            problems.append(problem)
        else:
            found[ref] = iris
    if problems:
        raise RemoveError("; ".join(problems) + " (nothing removed)")
    return found


def _match(ref: str, documents: dict[str, tuple[str, str]]) -> tuple[list[str], str | None]:
    text = ref.strip()
    if text.startswith("doc:"):
        text = str(DOC) + text[4:]
    if text.startswith(("http://", "https://")):
        text = text.strip("<>")
        return ([text], None) if text in documents else ([], f"no document {ref}")
    candidates = {text, str(Path(text))} if text else set()
    path = Path(text).expanduser()
    if text and path.exists():
        resolved = path.resolve()
        candidates |= {str(resolved)}
        try:
            candidates.add(str(resolved.relative_to(Path.cwd())))
        except ValueError:
            pass
    by_source = [d for d, (src, _) in documents.items() if src in candidates
                 or any(src.startswith(c + ":") and src[len(c) + 1:].isdigit() for c in candidates)]
    if by_source:
        return sorted(by_source), None
    if len(text) >= MIN_HASH_PREFIX and HEX.fullmatch(text):
        prefix = text.lower()
        by_hash = [d for d, (_, h) in documents.items() if h.startswith(prefix)]
        if len(by_hash) == 1:
            return by_hash, None
        if len(by_hash) > 1:
            return [], f"hash prefix {ref} is ambiguous ({len(by_hash)} documents)"
    elif text and HEX.fullmatch(text):
        return [], f"no document {ref} (a hash prefix needs at least {MIN_HASH_PREFIX} hex digits)"
    return [], f"no document {ref}"


def remove_documents(store: GraphStore, refs: list[str]) -> RemoveReport:
    """Remove the documents named by `refs` (see resolve_documents) in one transaction."""
    found = resolve_documents(store, list(refs))
    docs = sorted({iri for iris in found.values() for iri in iris})
    report = RemoveReport()
    if not docs:
        return report
    values = sparql_values(docs)
    sources = {row["d"].value: row["src"].value for row in store.query(
        f"SELECT ?d ?src WHERE {{ VALUES ?d {{ {values} }} GRAPH ?d {{ ?d <{DCT_SOURCE}> ?src }} }}")}
    report.documents = [(d, sources.get(d, "")) for d in docs]
    report.statements = sum(int(row["n"].value) for row in store.query(
        f"SELECT (COUNT(?s) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s a rdf:Statement }} }}"))

    # What the removed documents contributed, per entity: the same (graph-counted) shape
    # EntityIndex.load reads, so subtracting it leaves exactly what the other documents say.
    index = EntityIndex.load(store)
    affected: set[URIRef] = set()
    for row in store.query(f"""SELECT ?e ?kind ?value (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }}
            {{ GRAPH ?g {{ ?e <{KG.surfaceForm}> ?value }} BIND("name" AS ?kind) }}
            UNION {{ GRAPH ?g {{ ?e <{KG.extractedType}> ?value }} BIND("type" AS ?kind) }}
            UNION {{ GRAPH ?g {{ ?g <{KG.mentions}> ?e }} BIND("mention" AS ?kind) BIND("" AS ?value) }}
            }} GROUP BY ?e ?kind ?value"""):
        iri = URIRef(row["e"].value)
        affected.add(iri)
        record = index.records.get(iri)
        if record is None or row["kind"].value == "mention":
            continue
        n = int(row["n"].value)
        if row["kind"].value == "name":
            record.names[row["value"].value] -= n
        else:
            record.types[TYPE_OF_CLASS.get(URIRef(row["value"].value), "Entity")] -= n

    for iri in affected:
        record = index.records.get(iri)
        if record is not None:
            record.names = +record.names               # drop zero and negative counts
            record.types = +record.types
    all_names = {n.lower() for r in index.records.values() for n in r.names}
    described: list = []
    for iri in sorted(affected):
        record = index.records.get(iri)
        if record is None or not record.names:
            report.entities_removed += 1
            continue
        record.evidence = {e for e in record.evidence if _still_supported(e, record.names, all_names)}
        described += record.describe()
        report.entities_updated += 1

    update = "".join(f"DROP SILENT GRAPH <{d}> ;\n" for d in docs)
    update += delete_descriptions(sorted(affected))
    if described:
        update += insert_data(described)
    store.update(update)
    return report


def _still_supported(evidence: str, names, all_names: set[str]) -> bool:
    """Merge evidence quotes the merged name first ("same-name: 'X' already names …", "name-part:
    'X' is part of …"); it is kept while a remaining document still uses that name for the entity
    (for capital-metonymy, whose 'X' names the capital, while any remaining document names it)."""
    quoted = re.match(r"[^']*'(.+?)'(?:\s|$)", evidence)
    if not quoted:
        return True
    name = quoted.group(1).lower()
    if evidence.startswith("capital-metonymy"):
        return name in all_names
    return name in {n.lower() for n in names}


__all__ = ["remove_documents", "resolve_documents", "RemoveReport", "RemoveError"]
