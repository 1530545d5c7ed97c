"""Mentions -> the article's entities, each merge recorded as evidence on the entity.

Surname and first-name mentions join the full name, a short name the organisation it begins,
an acronym its expansion ("Full Name (ACR)" or matching initials), and "X, known as Y" makes Y an
alias of X. Places are one entity per GeoNames id. Types are then voted over the mentions.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import TAG
from spacy.tokens import Doc

from ..model import Entity
from .gazetteer import Place
from .lexicon import lexicon
from .mentions import ACRONYM, DocumentEntities, Mention, distinctive_word, initials, positions_of
from .names import given_name_gender


def group_mentions(doc: Doc, result: DocumentEntities) -> None:
    _group(result, _surnames_said_of_people(doc, result))
    _merge_aliases(doc, result)
    _merge_acronyms(result)
    _vote_types(result)


def _merge_acronyms(result: DocumentEntities) -> None:
    """An acronym NER found without its "Full Name (ACR)" definition joins the organisation whose
    initials it spells, used before or after it ("The EU said … the European Union")."""
    for key, ent in list(result.entities.items()):
        if key not in result.entities or ent.geonames_id or not ACRONYM.match(ent.label) or len(ent.names) > 1:
            continue
        expanded = _expansion(ent.label, {k: e for k, e in result.entities.items() if k != key})
        if expanded:
            alias = next(m for m in result.mentions if m.entity == key)
            named = next(m for m in result.mentions if m.entity == expanded)
            _merge(result, alias, named, f"acronym-initials: '{ent.label}' spells '{result.entities[expanded].label}'")


def _group(result: DocumentEntities, surnames: frozenset[str]) -> None:
    """Give each mention an entity; merges are recorded as evidence on the entity. `surnames`:
    one-word names the text itself says are people's (see `_surnames_said_of_people`)."""
    entities = result.entities
    full_orgs = [m for m in result.mentions if m.type == "Organization" and " " in m.name and m.place is None]
    full_people = [m for m in result.mentions if m.type == "Person" and " " in m.name
                   and not _body_without_ending(m, full_orgs)]     # "Tosei Optical" of "Tosei Optical Co"
    long_places = [(m, m.place) for m in result.mentions if m.place is not None and " " in m.place.name]
    people_read_as_bodies = set()
    for m in result.mentions:
        key, rule = _key(m), None
        definition = result.acronyms.get(m.name)
        spelled = result.spelled.get(m.name)
        if definition is not None and definition is not m:
            key, rule = _key(definition), f"acronym-definition: '{m.name}' introduced as '{definition.name}'"
            m.type = definition.type
        elif spelled is not None:
            key, rule = _key(spelled), f"acronym-initials: '{m.name}' spells '{spelled.name}'"
            m.type = spelled.type
        elif " " not in m.name and m.type != "Country" and (m.place is None or m.place.kind == "City"):
            partner = _fuller_person(m, full_people) \
                if not (m.cued and m.type != "Person") else None   # a surname that is also a city: "Santos";
                                                                   # not "Delaunay, founded by Marcel Delaunay,"
            short_of = _organisation_with_first_word(m.name, full_orgs) if m.place is None else None
            place = _place_ending_with(m.name, long_places) if m.place is None else None
            if place:
                m.type, m.place = place.kind, place
                key, rule = _key(m), f"place-short-name: '{m.name}' ends '{place.name}'"
            elif partner:
                key, rule = _key(partner), f"name-part: '{m.name}' is part of '{partner.name}'"
                m.type, m.place = "Person", None
            elif short_of:
                key, rule = _key(short_of), f"short-name: '{m.name}' stands for '{short_of.name}'"
                m.type = "Organization"
            elif m.name in surnames and m.place is None and \
                    (bearer := _person_read_as_body(m, result.mentions)) is not None:
                key, rule = _key(bearer), f"name-part: '{m.name}' ends '{bearer.name}', a person's name"
                m.type = "Person"
                people_read_as_bodies.add(key)
        elif m.type == "Person" and " " in m.name and (fuller := _fuller_person(m, full_people)):
            key, rule = _key(fuller), f"name-part: '{m.name}' ends '{fuller.name}'"   # "Moura Carvalho"
        elif m.place is None and (longer := _body_without_ending(m, full_orgs)) is not None:
            key, rule = _key(longer), f"short-name: '{m.name}' is '{longer.name}' without its ending"
            m.type = "Organization"
        m.entity = key
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(key, m.type, [], m.place.geonames_id if m.place else None)
        for name in (m.place.name if m.place else None, m.surface or m.name):
            if name and name not in ent.names:
                ent.names.append(name)
        if rule and rule not in ent.evidence:
            ent.evidence.append(rule)
    for m in result.mentions:
        if m.entity in people_read_as_bodies:
            m.type = "Person"                # NER's other reading of the full name loses the vote


ALIAS_VERBS = {"know", "call", "dub", "nickname", "name", "brand", "rename", "abbreviate"}


def _merge_aliases(doc: Doc, result: DocumentEntities) -> None:
    """ "the Oswaldo Cruz Foundation, known as Fiocruz": the second name is the first one's alias;
    so is an organisation's name in apposition to another's ("Medra, the Medicines Alliance,")."""
    for m in list(result.mentions):
        root = doc[m.start:m.end].root
        named = result.by_token.get(root.head.i) if root.dep_ == "appos" else None
        if named is not None and named.entity != m.entity and m.type == "Organization" \
                and (named.type in ("Organization", "Entity")
                     or (named.type == "Person" and " " not in result.entities[named.entity].label)) \
                and not (m.place or named.place) \
                and m.entity in result.entities:
            _merge(result, m, named, f"alias: '{m.name}' in apposition to '{named.name}'", "Organization")
    for tok in (doc[i] for i in positions_of(doc, TAG, ("VBN",))):
        if tok.lemma_.lower() not in ALIAS_VERBS or tok.dep_ not in ("acl", "relcl", "advcl") or tok.tag_ != "VBN":
            continue
        named = result.by_token.get(tok.head.i)
        as_ = next((c for c in tok.children if c.lower_ == "as" and c.dep_ in ("prep", "oprd")), None)
        alias_tok = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else \
            next((c for c in tok.children if c.dep_ == "oprd"), None)
        alias = result.by_token.get(alias_tok.i) if alias_tok is not None else None
        if named is None or alias is None or named.entity == alias.entity or named.place or alias.place:
            continue
        _merge(result, alias, named, f"alias: '{alias.name}' introduced as another name of '{named.name}'")


def _merge(result: DocumentEntities, alias: Mention, named: Mention, evidence: str, kind: str = "") -> None:
    """The alias's entity joins the named one: its mentions, names and the evidence why."""
    gone, kept = alias.entity, result.entities[named.entity]
    for m in result.mentions:
        if m.entity == gone or (kind and m.entity == kept.key):
            m.entity, m.type = kept.key, kind or named.type
    for name in result.entities.pop(gone).names:
        if name not in kept.names:
            kept.names.append(name)
    kept.evidence.append(evidence)


def _key(m: Mention) -> str:
    """Places by GeoNames id; other names by their text alone, so one article's PERSON and ORG
    readings of "Grêmio" are one entity whose type is decided by vote (see `_vote_types`); full
    stops do not count, as across articles (resolve.norm_name): "U.N. Security Council" is the
    "UN Security Council"."""
    if m.place:
        return f"{m.place.kind}:{m.place.geonames_id}"
    name = re.sub(r"^the\s+", "", m.name.strip(), flags=re.I)
    return f"name:{name.lower().replace('.', '')}"


def _vote_types(result: DocumentEntities) -> None:
    votes: dict[str, Counter] = {}
    for m in result.mentions:
        if not m.echo:
            votes.setdefault(m.entity, Counter())[m.type] += 3 if m.cued else 1   # the text's own words beat NER
    for key, ent in result.entities.items():
        if ent.geonames_id is None and key in votes:
            ranked = votes[key].most_common()
            best = [t for t, n in ranked if n == ranked[0][1]]
            ent.type = "Person" if "Person" in best and len(best) == 1 else (
                "Organization" if "Organization" in best else best[0])
    for key in _never_shortened(result):
        result.entities[key].type = "Organization"


def _never_shortened(result: DocumentEntities) -> set[str]:
    """ "Vila Nova beat Braga … Vila Nova finished with 82 points": news calls a person by the
    surname after the first time; a "person" named in full again and again, never by a part of
    the name, never titled ("Coach X") or described ("X, a striker,"), and not opening with a given
    name, is a club or a company NER took for one."""
    by_entity: dict[str, list[Mention]] = {}
    for m in result.mentions:
        by_entity.setdefault(m.entity, []).append(m)
    titled = {r.person.entity for r in result.roles} | {d.named.entity for d in result.descriptors}
    return {key for key, ms in by_entity.items()
            if result.entities[key].type == "Person" and len(ms) >= 2 and key not in titled
            and not any(m.cued for m in ms) and len({m.name for m in ms}) == 1 and " " in ms[0].name
            and given_name_gender(ms[0].name.split()[0]) is None}


def _surnames_said_of_people(doc: Doc, result: DocumentEntities) -> frozenset[str]:
    """One-word names the text says are people's: NER's person and an age beside it ("Ketema,
    24,"), or a person by the words around it ("the striker Ketema"). NER's person alone is not
    enough: "Estee Lauder … Lauder said" may be the company."""
    return frozenset(m.name for m in result.mentions if " " not in m.name and m.type == "Person" and (
        m.cued or (m.end + 2 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].like_num
                   and doc[m.end + 2].text == ",")))


def _person_read_as_body(m: Mention, mentions: list[Mention]) -> Mention | None:
    """ "Ethiopia's Hirut Ketema won …; Ketema, 24, pulled away": a full name NER took for an
    organisation or a facility, whose last word the text then says is a person's, is that person's
    name: a story calls a person by the surname, a body by its first word ("Marlow" for Marlow
    Group). Not a place's name ("Lake Dibaba"), nor one with a word for a kind of body or place
    in it ("Hirut Ketema Foundation")."""
    lex = lexicon()
    kinds = lex.organisation_name_endings | lex.organisation_kind_nouns | lex.facility_nouns | lex.place_name_endings
    found = {b.name: b for b in mentions if b.start < m.start and b.place is None and b.type != "Place"
             and 2 <= len(words := b.name.split()) <= 3 and words[-1] == m.name
             and all(w[:1].isupper() and w.lower() not in kinds for w in words)}
    return next(iter(found.values())) if len(found) == 1 else None


def _fuller_person(m: Mention, people: list[Mention]) -> Mention | None:
    """The person a shorter name belongs to: one word anywhere in a fuller name ("Horvat"), or
    several at its end ("Moura Carvalho" of "Beatriz Moura Carvalho"). The first one introduced
    before it wins (a story names its subject first; "her father, Petar Horvat" does not take
    over "Horvat")."""
    words = m.name.split()
    lowered = [w.lower() for w in words]     # "De Vries" opening a sentence is Sanne de Vries
    fuller = [p for p in people if len(p.name.split()) > len(words) and (
        words[0] in p.name.split() if len(words) == 1
        else [w.lower() for w in p.name.split()[-len(words):]] == lowered)]
    before = [p for p in fuller if p.start < m.start]
    return min(before or fuller, key=lambda p: p.start) if fuller else None


def _place_ending_with(word: str, places: list[tuple[Mention, Place]]) -> Place | None:
    """ "Korea" after "South Korea", "Congo" after "Democratic Republic of Congo": the short form
    of a place the article named in full (before an organisation that begins with the word)."""
    found = {place.geonames_id: place for m, place in places
             if word in (place.name.split()[-1], m.surface.split()[-1])}
    return next(iter(found.values())) if len(found) == 1 else None


def _organisation_with_first_word(word: str, orgs: list[Mention]) -> Mention | None:
    """ "Northlight" for "Northlight Games", "Fontana" for "Atlético Fontana": the distinctive
    word of exactly one organisation ("Kazematsu Optical" and "Kazematsu Optical Co" are one)."""
    found = {m.name: m for m in orgs if distinctive_word(m.name) == word}
    if not found:
        return None
    longest = max(found.values(), key=lambda m: len(m.name))
    same = all(name == longest.name or _organisation_named_without_ending(name, [longest]) for name in found)
    return longest if same else None


def _body_without_ending(m: Mention, orgs: list[Mention]) -> Mention | None:
    """The organisation a name stands for without its ending ("Granite Peak" of "Granite Peak
    Capital"), if the name may be a body's: "Walt Disney" is a person, "Marlow Vance" not."""
    if m.type in ("Organization", "Entity", "Place") or (
            m.type == "Person" and given_name_gender(m.name.split()[0]) is None):
        return _organisation_named_without_ending(m.name, orgs)
    return None


def _organisation_named_without_ending(name: str, orgs: list[Mention]) -> Mention | None:
    """ "Granite Peak" for "Granite Peak Capital": exactly one organisation is the name followed
    only by organisation name endings (Capital, Group, Industries), or, for a name of two words or
    more, by one word of any kind ("Clara Vista" of "Clara Vista Agro")."""
    endings = lexicon().organisation_name_endings

    def shortens(longer: str) -> bool:
        tail = longer[len(name) + 1:].split()
        return all(w.lower() in endings for w in tail) or (" " in name and len(tail) == 1)
    found = {m.name: m for m in orgs if m.name.startswith(name + " ") and shortens(m.name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _expansion(acronym: str, entities: dict[str, Entity]) -> str | None:
    for key, ent in entities.items():
        if ent.type != "Organization":
            continue
        for name in ent.names:
            if initials(name) == acronym:
                return key
    return None
