"""Facts and entities through `Doc.to_bytes`: spaCy's `nlp.pipe(n_process=N)`, in a pipeline that
adds kg_extractor, sends each parsed Doc back from its worker process as msgpack, user data included,
and msgpack knows no dataclasses. srsly, which spaCy packs with, takes encoders and decoders from
a registry: kg's records go as a tagged list of their fields and come back as the same records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple

import srsly

from ..model import Entity, Fact

TAG = "__kg__"
RECORDS = {cls.__name__: cls for cls in (Fact, Entity)}
NAMES = {cls: name for name, cls in RECORDS.items()}


def encode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    """A kg record as a tagged list of its fields; anything else to the next encoder."""
    name = NAMES.get(type(obj))
    if name is not None:
        return {TAG: name, "fields": list(astuple(obj))}
    return chain(obj) if chain is not None else obj


def decode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    """The record a tagged list stands for; anything else to the next decoder."""
    name = obj.get(TAG) if isinstance(obj, dict) else None
    if name in RECORDS:
        return RECORDS[name](*obj["fields"])
    return chain(obj) if chain is not None else obj


def register() -> None:
    srsly.msgpack_encoders.register("kg_records", func=encode)
    srsly.msgpack_decoders.register("kg_records", func=decode)
