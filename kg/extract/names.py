"""Given names, from gender-guesser's dictionary of ~40,000 first names across many countries.

Two uses: a two- or three-word name that starts with a known given name is a person, whatever
NER said ("Moses Chelangat" tagged ORG); and he/she agree with the name's usual gender when the
dictionary is sure (mostly_* and androgynous names constrain nothing).
"""

from __future__ import annotations

from functools import lru_cache

from .disk_cache import cached


def _build_given_names() -> dict[str, str]:
    """Each name of the dictionary (lower case, as the case-insensitive detector keys them) and
    the detector's answer for it with no country, folded to male / female / any."""
    import gender_guesser.detector as gender

    detector = gender.Detector(case_sensitive=False)
    answers = {name: detector.get_gender(name) for name in detector.names}
    return {name: a if a in ("male", "female") else "any" for name, a in answers.items() if a != "unknown"}


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return cached("given-names", _build_given_names, ["gender-guesser"])


@lru_cache(maxsize=65536)
def given_name_gender(word: str) -> str | None:
    """'male', 'female', 'any' (known but either), or None when the word is not a given name."""
    return _given_names().get(word.lower())


def looks_like_person_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and \
        given_name_gender(words[0]) is not None
