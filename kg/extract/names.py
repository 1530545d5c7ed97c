"""Given names, from gender-guesser's dictionary of ~40,000 first names across many countries.

Two uses: a two- or three-word name that starts with a known given name is a person, whatever
NER said ("Moses Chelangat" tagged ORG); and he/she agree with the name's usual gender when the
dictionary is sure (mostly_* and androgynous names constrain nothing).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def given_name_gender(word: str) -> str | None:
    """'male', 'female', 'any' (known but either), or None when the word is not a given name."""
    answer = _detector().get_gender(word)
    if answer == "unknown":
        return None
    return answer if answer in ("male", "female") else "any"


def looks_like_person_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and \
        given_name_gender(words[0]) is not None
