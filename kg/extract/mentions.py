"""Doc -> named mentions: cleaned, typed spans (grouping.py then makes them the article's entities).

A mention is a cleaned name span (leading "the", possessive "'s" and job titles stripped) with a
type; the gazetteer corrects types and gives every country one identity whatever the surface form.
Mentions are then grouped: surname/first-name mentions join the full name, an acronym introduced
as "Full Name (ACR)" joins its full name, and each merge records the rule that made it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from ..model import Entity
from .gazetteer import Place, gazetteer
from .lexicon import lexicon
from .names import given_name_gender, looks_like_person_name
from .paragraphs import DASHES, HEAD_TOKENS, dateline
from .prefixed_words import joining_hyphen
from .values import CALENDAR_WORDS

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
ACRONYM_LINKERS = {"and", "of", "for", "the", "on", "in", "de", "&", "to"}
OFFICE_LINKERS = ("of", "for")     # "Minister of Energy", "Minister for Foreign Affairs"
PORTFOLIO_JOINERS = ("and", "&", *OFFICE_LINKERS)     # "Energy and Mines", "State for External Affairs"
STAGE_MARK = re.compile(r"^([A-Z]|[IVX]+|\d)$")   # "Series B", "Phase III", "Stage 2"
SCORE = re.compile(r"^\d+([-–:]\d+)?$")     # "Arsenal 2-1": a result, not part of the name
TRIM_LEFT = {"the", "a", "an", "'", "‘", "’", "\"", "“", "”", "(", "-"}
TRIM_RIGHT = {"'s", "’s", "'", "’", "‘", "\"", "“", "”", ")", ",", ".", "-",
              "of", "and", "&", "for", "the", "in", "at"}     # "[Ilaria Conti of] Italy": no name ends so


@dataclass
class Mention:
    start: int
    end: int
    name: str
    type: str
    place: Place | None = None
    surface: str = ""
    entity: str = ""          # key of the Entity it belongs to
    cued: bool = False        # typed by the words around it ("a Swedish maker"), not by NER alone
    echo: bool = False        # a repetition NER missed: it joins its entity without a vote on the type

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


@dataclass
class Role:
    """A title written before a person's name: "<Org> Secretary General X"."""

    person: Mention
    title: str
    organization: Mention | None
    body_noun: int | None = None   # "Club president X": the noun for the body, an index into the doc


@dataclass
class Descriptor:
    """A demonym written before a name, with or without nouns between: "the Chilean astronomer
    Ana Fuentes", "the German Laura Hoffmann"."""

    named: Mention
    demonym: Mention


@dataclass
class DocumentEntities:
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    acronyms: dict[str, Mention] = field(default_factory=dict)   # "WHO" -> its full-name mention
    spelled: dict[str, Mention] = field(default_factory=dict)    # the same for acronyms never defined
    dateline: tuple[int, int, int] | None = None   # its town's start and end, its last token (paragraphs.dateline)
    affiliations: list[tuple[Mention, Mention]] = field(default_factory=list)   # "X (Velocita Pro Team)"

    def entity_at(self, i: int) -> str | None:
        m = self.by_token.get(i)
        return m.entity if m else None


def find_mentions(doc: Doc) -> DocumentEntities:
    lex = lexicon()
    result = DocumentEntities(dateline=dateline(doc))
    for ent, label in (part for joined in _joined_entities(doc) for part in _split_joined_names(*joined)):
        kind = lex.entity_labels.get(label)
        if kind is None:
            continue
        span = _trim(ent)
        span = _without_title_tail(span) if span is not None else None
        if span is None:
            continue
        span = _extend_name_left(_extend_cut_surname(span, label))
        if _office_before_portfolio(doc, span.start - 1) is not None:
            kind = "Person"                  # "Minister of Industry and Trade Tran Quoc Bao", tagged ORG whole
        cue = _kind_from_context(span)
        kind = cue or _kind_from_given_name(span, kind)
        mention = _typed_mention(span, kind, label)
        if mention is None or _portfolio_of_title(span):
            continue
        mention.cued = cue is not None and mention.type == cue
        result.mentions.append(mention)
    _drop_wire_agency(doc, result)
    _add_dateline_town(doc, result)
    _add_acronym_definitions(doc, result)
    _add_spelled_acronyms(result)
    _add_repeated_names(doc, result)
    _untype_lone_openers(doc, result)
    _add_echoes(doc, result)
    _add_unlabelled_names(doc, result)
    _cities_of_the_articles_countries(result)
    result.mentions.sort(key=lambda m: m.start)
    for m in result.mentions:
        for i in range(m.start, m.end):
            result.by_token[i] = m
    result.affiliations = _parenthetical_affiliations(doc, result)
    for _, affiliation in result.affiliations:
        if affiliation.type in ("Person", "Entity"):
            affiliation.type, affiliation.cued = "Organization", True
    for mention in [m for m in result.mentions if m.type == "Person"]:   # once every name is known:
        role = _role_before(doc, doc[mention.start:mention.end], result)   # "WHO Director-General X"
        if role:
            result.roles.append(Role(mention, *role))
        elif (described := _office_in_apposition(doc, mention, result)
                           or _appointed_as(doc, mention, result)) is not None:
            result.roles.append(Role(mention, *described))
    for m in result.mentions:
        descriptor = _descriptor_before(doc, m, result)
        if descriptor:
            result.descriptors.append(descriptor)
    return result


def _cities_of_the_articles_countries(result: DocumentEntities) -> None:
    """A city name the gazetteer gives to a country the article names less often than the
    country of a namesake is that namesake: San Jose in a story about Costa Rica that mentions
    the United States once."""
    counts = Counter(m.place.country for m in result.mentions if m.place is not None and m.type == "Country")
    placed = {m.start - 1 for m in result.mentions if m.type in ("Place", "City", "Country")}  # "San Jose,
                                                                                              # California"
    for m in result.mentions:
        if m.place is None or m.place.kind != "City" or m.end in placed:
            continue
        more = {c for c, n in counts.items() if n > counts[m.place.country]}
        namesake = gazetteer().namesake_in(m.place, more) if more else None
        if namesake is not None:
            m.place = namesake


def _parenthetical_affiliations(doc: Doc, result: DocumentEntities) -> list[tuple[Mention, Mention]]:
    """ "Ida Morvan (Aquila Pro Cycling)", "Jan Ek (Green League)", "Ana Lopes (Portugal)": a name
    in brackets right after a person's is the side they belong to, a team, party or country; never
    another person."""
    starts = {m.start: m for m in result.mentions}
    pairs = []
    for m in result.mentions:
        inner = starts.get(m.end + 1) if m.type == "Person" and m.end + 1 < len(doc) and doc[m.end].text == "(" else None
        if inner is not None and inner.end < len(doc) and doc[inner.end].text == ")":
            pairs.append((m, inner))
    return pairs


def _drop_wire_agency(doc: Doc, result: DocumentEntities) -> None:
    """ "LYON, May 4 (Reuters) —": the agency in the dateline's brackets sent the story; it is no
    entity of it (left in, "the company" and "Chief executive X" would find it first)."""
    end = result.dateline[2] if result.dateline else -1
    result.mentions[:] = [m for m in result.mentions if not (
        m.end <= end and m.start > 0 and doc[m.start - 1].text == "(" and doc[m.end].text == ")")]


def _add_dateline_town(doc: Doc, result: DocumentEntities) -> None:
    """ "BAKU, Azerbaijan (AP) —": the town opening a dateline, even one the tagger took for a
    common noun and NER passed over."""
    parts = result.dateline
    if parts is None or any(m.start < parts[1] and m.end > parts[0] for m in result.mentions):
        return
    town = _dateline_place(doc[parts[0]:parts[1]])
    if town is not None:
        result.mentions.append(town)


def _names_a_party(span: Span) -> bool:
    """ "the Social Democrats", "the Greens": a plural proper noun after "the", as a noun phrase of
    its own, is a party (a demonym in the plural, "the Finns", is its people)."""
    root = span.root
    return root.tag_ == "NNPS" and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") \
        and _after_the(span) and not gazetteer().demonym(root.text)


def _dateline_place(span: Span) -> Mention | None:
    """A dateline ("KLOSTERVAL, Norway, May 3 —", "KLOSTERVAL (Reuters) —", "KLOSTERVAL —") names a
    town, even one NER and the gazetteer do not know."""
    doc = span.doc
    if not _opens_line(span) or not span.text.isupper() or span.end >= len(doc) \
            or doc[span.end].text not in {",", "(", *DASHES}:
        return None
    place = gazetteer().lookup(span.text)
    name = place.name if place else span.text.title()
    return Mention(span.start, span.end, name, place.kind if place else "City", place, surface=span.text.title())


def _opens_line(span: Span) -> bool:
    """The article's first word, or the first of a line right after the headline."""
    start = span.start
    return start == 0 or (start < HEAD_TOKENS and "\n" in span.doc[start - 1].text_with_ws)


def _split_joined_names(span: Span, label: str) -> list[tuple[Span, str]]:
    """One NER name that is two: "South Korea's Ministry of Trade" (a country and its ministry),
    "the Varna Central Bank's Audit Board" (a body and its part),
    "Lyon, France" (two places), "the Institute of Marine Science in Split" (a body and its city)."""
    doc = span.doc
    inner = [doc[i] for i in range(span.start + 1, span.end - 1)]     # slicing a Span is slower
    owner = next((t.i for t in inner if t.tag_ == "POS"), None)
    if owner is not None and gazetteer().lookup(doc[span.start:owner].text):
        return [(doc[span.start:owner], "GPE"), (doc[owner + 1:span.end], label)]
    if owner is not None and gazetteer().demonym(doc[owner + 1:span.end].text):   # "Team Solvan's Norwegian
        return [(doc[span.start:owner], "ORG" if label == "NORP" else label),         # sprinter X": the team
                (doc[owner + 1:span.end], "NORP")]                                      # and a demonym
    if owner is not None and label == "ORG" and doc[owner - 1].lower_ in lexicon().organisation_kind_nouns \
            and doc[owner + 1].text[:1].isupper():
        return [(doc[span.start:owner], label), (doc[owner + 1:span.end], label)]    # "the Varna Central
                                                                                      # Bank's Audit Board"
    comma = next((t.i for t in inner if t.text == ","), None)
    if comma is not None and gazetteer().lookup(doc[span.start:comma].text) \
            and gazetteer().lookup(doc[comma + 1:span.end].text):
        return [(doc[span.start:comma], "GPE"), (doc[comma + 1:span.end], "GPE")]     # "Lyon, France"
    at = next((t.i for t in inner if t.lower_ in ("in", "at")), None)
    if at is not None and label == "ORG" and gazetteer().lookup(doc[at + 1:span.end].text):
        return [(doc[span.start:at], label), (doc[at + 1:span.end], "GPE")]
    return [(span, label)]


def _trim(span: Span) -> Span | None:
    doc, start, end = span.doc, span.start, span.end
    words = {t.i: t for t in span}           # each token built once: the tests below reread them
    place = gazetteer().lookup(span.text) if words[start].text == "The" else None
    if place is not None and place.kind == "City":
        return span                          # "The Hague": the article is part of the name
    while start < end and (words[start].lower_ in TRIM_LEFT or words[start].is_punct
                           or (words[start].text.islower() and words[start].pos_ in ("NOUN", "PROPN", "ADJ"))):
        start += 1                           # "start-up Kilimo Pay": the noun describes the name
    lead = start
    while lead < end - 2 and words[lead].lower_ in lexicon().role_words:
        lead += 1
    rest = Span(doc, lead, end) if lead > start else None      # (most names have no title to trim)
    if rest is not None and looks_like_person_name([t.text for t in rest]) and _kind_from_name_ending(rest) is None \
            and not _names_an_institution(rest):
        start = lead                         # "[Rector] Anders Lunde" tagged ORG whole: the title is no
                                             # name (but "Queen Elizabeth Hospital" is one)
    if end - start > 2 and words[start].lower_ in lexicon().stock_nouns and words[start + 1].lower_ == "of":
        start += 2                           # "Shares of Acme Stores Inc. fell": the company
    if end - start > 2 and (after := portfolio_after_office(doc, start, end)) is not None:
        start = after                                 # "Minister of Industry and Trade Tran Quoc Bao":
        if end - start < 2:                           # the name after the title; no name, no mention
            return None
    elif start >= 2 and (after := portfolio_after_office(doc, start - 2, end)) is not None:
        start = after                                 # "Secretary of [State Marla Quent]": NER's cut
        if start == end or doc[start].is_lower:       # "… of [State for Business …]": all title
            return None
    end = next((i for i in range(start + 1, end) if words[i].text == "(" or words[i].text.count("\n") >= 2), end)
                                             # "Lyon\n\nLYON": no name runs over a blank line;
                                             # "Full Name (ACR": _add_acronym_definitions reads it
    while end > start and (words[end - 1].lower_ in TRIM_RIGHT or words[end - 1].is_punct
                           or words[end - 1].tag_ == "POS" or _ends_in_score(doc, end)
                           or (end - start > 1 and words[end - 1].text.islower() and words[end - 1].pos_ == "NOUN"
                               and not (words[end - 2].text in ("-", "‑") and not words[end - 2].whitespace_))):
        end -= 1                             # "a Lisbon start-up": the noun the name modifies is no part of it
    return Span(doc, start, end) if end > start else None      # as doc[start:end], without its slice checks


def _ends_in_score(doc: Doc, end: int) -> bool:
    """ "Arsenal 2-1" ends in a result; "Vega 3" and "Falcon 9" end in their own number."""
    last = doc[end - 1].text
    if not SCORE.match(last):
        return False
    beside = {doc[j].text for j in (end - 2, end) if 0 <= j < len(doc)}
    return any(c in last for c in "-–:") or bool(beside & {"-", "–", ":"})


def _without_title_tail(span: Span) -> Span | None:
    """NER sometimes swallows the title before a person's name: "Acme CEO" before "Ana Ruiz" is
    the name Acme, and "Works and Transport Minister" is no name at all, only a title."""
    doc, role_words = span.doc, lexicon().role_words
    if span.end >= len(doc) or doc[span.end].ent_type_ != "PERSON" or span[-1].lower_ not in role_words:
        return span
    if any(t.lower_ in ("and", "&") for t in span):
        return None
    end = span.end
    while end > span.start and doc[end - 1].lower_ in role_words:
        end -= 1
    return doc[span.start:end] if end > span.start else None


def _typed_mention(span: Span, kind: str, label: str) -> Mention | None:
    lex, gaz = lexicon(), gazetteer()
    if kind == "Person" and len(span) > 1 and _ends_in_country(span):
        kind = "Organization"                # "Forward Estonia", "Team Latvia": a party or a body
    if kind == "Person":
        while len(span) > 1 and (span[0].lower_ in lex.role_words or span[0].lower_ in lex.honorifics):
            span = span[1:]
    text = span.text.strip()
    if not _looks_like_name(span):
        return None
    if label in ("NORP", "PERSON", "ORG") and _is_nominal_demonym(span) and (label == "NORP" or (
            len(span) == 1 and gaz.demonym(text) is not None)) and not _describes_a_name(span) \
            and not _names_a_party(span):
        return None                          # "the Egyptian has scored", "the Finn won", "the Pole said"
                                             # (tagged ORG): a person, resolved by coref; "X, a
                                             # Peruvian," says X's country
    if label == "NORP" or (label == "PERSON" and len(span) == 1 and _describes_a_name(span) and gaz.demonym(text)):
        country = gaz.demonym(text)          # "X, a Finn who …", the Finn tagged a person: X's country
        if country is None:
            place = gaz.lookup(text)         # NER sometimes calls a city NORP ("Aarhus")
            if place is not None:
                return Mention(span.start, span.end, text, place.kind, place, surface=text)
            if _names_a_facility(span):
                return Mention(span.start, span.end, text, "Facility", None, surface=text)
            if _names_a_party(span):
                return Mention(span.start, span.end, text, "Organization", None, surface=text)
            return None                      # religions, parties-as-adjectives, "European": not nodes
        return Mention(span.start, span.end, country.name, "Country", country, surface=text)
    place = gaz.lookup(text, primary_only=label == "PERSON") \
        if kind in ("Place", "Person", "Organization", "Facility", "Entity") else None
    country = gaz.demonym(text) if place is None and label in ("GPE", "LOC", "ORG") else None
    if country is not None:                  # "Ugandan officials" tagged GPE: the country, once
        return Mention(span.start, span.end, country.name, "Country", country, surface=text)
    dateline = text.isupper() and _opens_line(span)
    if place and (kind != "Organization" or place.kind == "Country" or dateline or place.is_capital
                  or _after_locative_preposition(span) or _before_place_participle(span)):   # "in Odense"
        if kind == "Person" and len(span) > 1 and not _after_locative_preposition(span):
            place = None                     # "Paris Hilton": a multi-word person name wins
        else:
            return Mention(span.start, span.end, text, place.kind, place, surface=text)
    if kind == "Person" and _modifies_common_noun(span):
        if _names_a_facility(span):
            kind = "Facility"                # "the Selva mine"
        elif span.root.head.lower_ not in lexicon().role_words:
            return None
        else:
            kind = "Organization"            # "Hanamura president Kenji Arakawa": titles belong to bodies
    return _dateline_place(span) or Mention(span.start, span.end, text, kind, None, surface=text)


def _describes_a_name(span: Span) -> bool:
    """ "Lucia Quispe, a Peruvian who …": a demonym in apposition to a name."""
    return span.root.dep_ == "appos" and span.root.head.pos_ == "PROPN"


def _ends_in_country(span: Span) -> bool:
    place = gazetteer().lookup(span[-1].text, primary_only=True)
    return place is not None and place.kind == "Country" and not gazetteer().lookup(span.text) \
        and given_name_gender(span[0].text) is None          # "Michael Jordan" is a person


def _before_place_participle(span: Span) -> bool:
    """ "Lyon-based", "Lagos-born": a known place before a place participle is that place, whatever
    NER tagged it."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text in ("-", "–") \
        and doc[span.end + 1].lower_ in lexicon().place_participles


def _names_a_facility(span: Span) -> bool:
    """ "the Tamarugo mine", "the Vesta geothermal field": a name before a facility noun (NER
    calls such names a person or a nationality, or misses them)."""
    head = span.root.head
    return span.root.dep_ in ("compound", "nmod") and head.i > span.root.i and \
        head.lemma_.lower() in lexicon().facility_nouns and any(c.dep_ == "det" for c in head.children)


def _one_organisation_name(first: Span, second: Span) -> bool:
    """Two ORG spans NER cut at the "and" inside one name: the second ends in an organisation
    word, the first (two words or more, no place) does not, and only "and" stands between."""
    lex, doc = lexicon(), first.doc
    words = [t for t in first if t.lower_ != "the"]
    return first.label_ == second.label_ == "ORG" and second.start == first.end + 1 \
        and doc[first.end].lower_ in ("and", "&") and len(words) >= 2 \
        and second[-1].lower_ in lex.organisation_name_endings \
        and first[-1].lower_ not in lex.organisation_name_endings and not gazetteer().lookup(first.text)


def _joined_entities(doc: Doc) -> list[tuple[Span, str]]:
    """NER sometimes cuts one unfamiliar name in two ("[Marta] [Zielińska]"): adjacent name spans
    that the gazetteer does not know are one name; PERSON wins the type. It also sometimes glues
    a demonym to a person's name ("[Ugandan Moses Chelangat]"): that is two mentions (but
    "Namibian Ports Authority" is one name), or cuts a place named with a demonym (which it may
    call a language) in two: "[French] [Polynesia]"."""
    out: list[tuple[Span, str]] = []
    gaz = gazetteer()
    for ent in _split_leading_demonyms(doc):
        if out:
            prev, label = out[-1]
            joinable = {"PERSON", "GPE", "ORG", "LOC", "NORP"}
            if prev.end == ent.start and prev.label_ in ("NORP", "LANGUAGE") and gaz.lookup(doc[prev.start:ent.end].text):
                out[-1] = (doc[prev.start:ent.end], "GPE")          # "[French] [Polynesia]": one place
                continue
            if (prev.end == ent.start and prev.label_ in joinable and ent.label_ in joinable
                    and not gaz.lookup(prev.text) and not gaz.lookup(ent.text) and not gaz.demonym(prev.text)
                    and prev[-1].tag_ != "POS"):                 # "[Tomas Kral's] [Civic Party]": an owner
                merged = "PERSON" if "PERSON" in (label, ent.label_) else ent.label_
                out[-1] = (doc[prev.start:ent.end], merged)
                continue
            if _one_organisation_name(prev, ent):
                out[-1] = (doc[prev.start:ent.end], "ORG")             # "[Namibia Transport] and [Allied
                continue                                                # Workers Union]": one union
        out.append((ent, ent.label_))
    for k, (span, label) in enumerate(out):
        longer = _with_place_of(_with_purpose(span)) if label in ("ORG", "FAC") else \
            _with_name_ending(span) if label in ("GPE", "LOC") else span
        if longer is not span:
            out[k] = (longer, "ORG")
    kept: list[tuple[Span, str]] = []
    for span, label in out:                  # the place a longer name took in
        if not (kept and kept[-1][0].start <= span.start and span.end <= kept[-1][0].end):
            kept.append((span, label))
    return kept


def _with_place_of(span: Span) -> Span:
    """ "[Reserve Bank] of Malawi", "[National Museum] of Peru": an institution's name made of
    kind words goes on over "of" and the place NER tagged apart ("Acme Bank" is a name already)."""
    doc, lex = span.doc, lexicon()
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of" or span[-1].lower_ not in lex.institutions_named_of_place \
            or not all(t.lower_ in lex.body_kind_adjectives or t.lower_ == "the" for t in span[:-1]):
        return span
    first = span.end + 1 + (doc[span.end + 1].lower_ == "the")      # "Central Bank of the Philippines"
    end = _proper_noun_run_end(doc, first)
    while end > first and gazetteer().lookup(doc[first:end].text) is None:
        end -= 1                             # "… of Malawi Governor X": the place, not the title after it
    return doc[span.start:end] if end > first else span


def _with_name_ending(span: Span) -> Span:
    """ "[Maseru] United", "[Mbabane] Mining": a place NER tagged alone, modifying the
    organisation-name word after it that NER left out, is the start of that organisation's name."""
    doc = span.doc
    if span.end >= len(doc):
        return span
    after = doc[span.end]
    if after.ent_type_ or after.pos_ != "PROPN" or not after.text[:1].isupper() \
            or after.lower_ not in lexicon().organisation_name_endings or span.root.head.i != after.i:
        return span
    return doc[span.start:span.end + 1]


def _with_purpose(span: Span) -> Span:
    """ "[the Lyon Observatory] for Polar Studies": a body's name goes on over "for" and
    the capitalised words NER left out."""
    doc = span.doc
    if span.end >= len(doc) - 1 or doc[span.end].lower_ != "for":
        return span
    end = _proper_noun_run_end(doc, span.end + 1, untagged=True)
    return doc[span.start:end] if end > span.end + 1 else span


def _proper_noun_run_end(doc: Doc, i: int, untagged: bool = False) -> int:
    """Where the run of capitalised proper nouns from `i` ends (only words NER left out, if
    `untagged`): the rest of a name after its "for" or "of"."""
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and not (untagged and doc[i].ent_type_):
        i += 1
    return i


def _split_leading_demonyms(doc: Doc) -> list[Span]:
    spans = []
    for ent in doc.ents:
        first = ent[0] if ent[0].lower_ != "the" or len(ent) < 2 else ent[1]
        if ent.label_ != "NORP" and _demonym_before_name(doc[first.i:ent.end]):
            spans.append(Span(doc, first.i, first.i + 1, label="NORP"))
            spans.append(Span(doc, first.i + 1, ent.end, label=ent.label_))
        else:
            spans.append(ent)
    return spans


def _demonym_before_name(span: Span) -> Place | None:
    """ "Ugandan Moses Chelangat", "Spaniard Jordi Puig": the country of a demonym that starts a
    person's name (the rest of the span), else None."""
    if len(span) < 2:
        return None
    country = gazetteer().demonym(span[0].text)
    return country if country is not None and looks_like_person_name([t.text for t in span[1:]]) else None


def _names_an_institution(span: Span) -> bool:
    """ "Czech National Bank", "British Airways": the demonym belongs to the institution's name."""
    lex = lexicon()
    return any(lex.definite_heads.get(t.lemma_.lower()) == "Organization" or t.lower_ in lex.institution_words
               for t in span)


def _kind_from_name_ending(span: Span) -> str | None:
    """ "Quillon Robotics", "Eastgate Capital", "Sporting Ribeira": names ending (or, for clubs,
    opening) with an organisation word are organisations, "the Oslo Marathon" an event, "the Kaunas
    Interconnector" a facility, "the Baltic Shield Pact" a law (treaties are), whatever NER said."""
    head = next((t for t in span[1:-1] if t.lower_ in ("of", "for")), None)
    if len(span) > 1 and (span[-1].lower_ in lexicon().organisation_name_endings
                          or span[0].lower_ in lexicon().organisation_name_openings
                          or (head is not None and span.doc[head.i - 1].lower_ in lexicon().body_heads_before_of)):
        return "Organization"                # "the Coalition for the Revival of the North" too
    if len(span) > 1 and span[-1].lower_ in lexicon().event_name_endings:
        return "Event"
    if len(span) > 1 and span[-1].lower_ in lexicon().built_things:
        return "Facility"
    if len(span) > 1 and span[-1].lower_ in lexicon().law_name_endings:
        return "Law"
    return None


def _kind_from_landform(span: Span) -> str | None:
    """ "the Atacama Desert", "the Vaal River": a place, unless the words around it say otherwise
    (a title: "her novel Copper Coast")."""
    return "Place" if len(span) > 1 and span[-1].lower_ in lexicon().place_name_endings else None


def _kind_from_context(span: Span) -> str | None:
    """The type the text's own words give a name: its ending, the noun before it, its apposition,
    the noun it modifies, a landform word ending it, the noun it is given to ("a spacecraft named
    X"), a founding participle on it ("X, founded by Y,"), an office it has ("X's chief executive")."""
    return _kind_from_name_ending(span) or _kind_from_descriptor(span) or _kind_from_predicate_noun(span) \
        or _kind_from_place_noun(span) or _kind_from_modified_noun(span) or _kind_from_landform(span) \
        or _kind_from_participle(span) or _kind_from_possessed_office(span)


def _kind_from_possessed_office(span: Span) -> str | None:
    """ "Clara Vista's chief executive", "Vantor's board": only a body has these, even when its
    name opens with a given name."""
    root = span.root
    if root.dep_ == "poss" and root.head.lemma_.lower() in lexicon().corporate_offices:
        return "Organization"
    return None


def _kind_from_participle(span: Span) -> str | None:
    """A past participle on the name or above it: "a spacecraft named Tsubame", "a firm called
    Orvell" (the noun the name is given to says what it names; a made thing is no organisation,
    whatever NER said); "Delaunay, founded in 1962 by Marcel Delaunay," (what someone founded is
    a body, even when it bears its founder's name). One look at the root: most names have
    neither."""
    root = span.root
    verb = root.head
    if root.dep_ in ("oprd", "dobj") and verb.tag_ == "VBN" and verb.dep_ == "acl" \
            and verb.lemma_.lower() in ("name", "call") and verb.head.pos_ == "NOUN":
        noun = verb.head                     # not "a video calling X a fraud"
        return "Entity" if lexicon().definite_heads.get(noun.lemma_.lower()) == "Thing" else noun_kind(noun)
    founded = any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lexicon().founding_verbs
                  and any(g.dep_ == "agent" for g in c.children) for c in root.children)
    return "Organization" if founded else None


def _kind_from_modified_noun(span: Span) -> str | None:
    """ "the Brenna-Lux squad", "the Ajax side": a name modifying an organisation noun names one;
    "the Tarvik gas field", "the Loma Parda project": one modifying a site noun, through at most
    one common noun, names the site, unless its name is an organisation's ("the Acme Energy field")
    or it speaks elsewhere in the article."""
    doc, lex = span.doc, lexicon()
    if span.end < len(doc) and doc[span.end].pos_ == "NOUN" and span.root.head.i == span.end \
            and doc[span.end].lemma_.lower() in lex.organisation_kind_nouns \
            and not (gazetteer().lookup(span.text) and (name_at(doc, span.end + 1) or _after_the(span))):
        return "Organization"                # ("the Brisbane club St Peters": the club is named after it;
                                             # "the Rotterdam club": the club is in Rotterdam)
    site = span.root.head
    if site.i == span.end and site.dep_ == "compound" and site.pos_ == "NOUN" and site.text.islower():
        site = site.head                     # "gas field", "copper mine"
    if site.i > span.root.i and site.pos_ == "NOUN" and site.lemma_.lower() in lex.site_nouns \
            and span.root.dep_ == "compound" and span[-1].lower_ not in lex.organisation_name_endings \
            and not gazetteer().lookup(span.text) and _after_the(span) and not _speaks_elsewhere(span):
        return "Facility"                    # (a name that speaks elsewhere is an owner's:
    return None                              # "Microsoft said … the Microsoft project")


def _after_the(span: Span) -> bool:
    """The name follows "the": "the Greens", "the Rotterdam club"."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _speaks_elsewhere(span: Span) -> bool:
    """Whether the name's head word is, somewhere else in the doc, the subject of a speech verb."""
    doc, word, speech = span.doc, span[-1].text, lexicon().speech_verbs
    return any(doc[i].dep_ == "nsubj" and doc[i].head.lemma_.lower() in speech
               for i in positions_of(doc, ORTH, (word,)) if not span.start <= i < span.end)


def name_at(doc: Doc, i: int, covered: set[int] | frozenset[int] = frozenset()) -> bool:
    """A capitalised proper noun no mention covers: a name begins (or goes on) there."""
    return 0 <= i < len(doc) and i not in covered and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _kind_from_place_noun(span: Span) -> str | None:
    """ "the town of Alta", "the Norwegian port of Narvik": a place, whatever NER said."""
    prep = span.root.head
    if span.root.dep_ == "pobj" and prep.lower_ == "of" and names_a_place(prep.head):
        return "Place"
    return None


def names_a_place(noun: Token) -> bool:
    """A place noun whose "of" names the place itself: "the town of X" is X, "the capital of X" is not."""
    lemma = noun.lemma_.lower()
    return lemma in lexicon().place_nouns and lemma != "capital"


def _kind_from_given_name(span: Span, kind: str) -> str:
    """ "Moses Chelangat" tagged ORG, "Pedro Salgado" tagged FAC: a name that starts with a given
    name is a person, unless the gazetteer knows it or it names an institution."""
    if (kind in ("Organization", "Place", "Entity")
            or (kind == "Facility" and len(span) == 2 and span[-1].lower_ not in lexicon().building_words)) \
            and looks_like_person_name([t.text for t in span]) \
            and not gazetteer().lookup(span.text) and not _names_an_institution(span):
        return "Person"
    return kind


def _kind_from_predicate_noun(span: Span) -> str | None:
    """ "X, the finance minister, ..." / "X is a former banker": the noun says what X is."""
    if gazetteer().lookup(span.text):
        return None
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.is_lower and c.tag_ != "NNS")
             and c.doc[c.left_edge.i - 1].text != "("] + nouns_beside(span)   # "X (Velocita Pro Team)": X's side
    for noun in nouns:                       # (an apposition's head may be mistagged: "start-up" as a verb)
        if noun.ent_type_ and not noun.is_lower:
            continue                         # a name, not a noun ("start-up" may be tagged ORG)
        kind = noun_kind(noun)
        if kind:
            return kind
    return None


DESCRIPTION_WORDS = {"ADJ", "NOUN", "PROPN", "NUM", "ADV", "VERB", "PUNCT"}


def nouns_beside(span: Span) -> list[Token]:
    """Common nouns the text puts beside a name: an apposition either way round ("X, the finance
    minister,", "her novel The Salt Orchard"), also one the parser missed, and a predicate noun
    ("X is a former banker")."""
    doc, root = span.doc, span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in ("be", "become", "remain"):
        nouns += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)              # "her novel, The Salt Orchard": the name is the noun's apposition
    beside = _noun_after_comma(doc, span.end)
    if beside is not None and beside not in nouns:
        nouns.append(beside)
    return [n for n in nouns if n.tag_ != "NNS"]      # a name is one thing: "X, the organisers of …" misparsed


def _noun_after_comma(doc: Doc, i: int) -> Token | None:
    """The head of "…, the London-based medical charity," read off the words alone: a
    determiner, at most six modifiers, a common noun, then a comma or full stop."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("the", "a", "an"):
        return None
    for j in range(i + 2, min(i + 9, len(doc))):
        if doc[j].text in (",", "."):
            last = doc[j - 1]                # a lower-case word tagged a proper noun ("start-up") is a noun
            return last if j > i + 2 and (last.pos_ == "NOUN" or last.pos_ == "PROPN" and last.text.islower()) else None
        if doc[j].pos_ not in DESCRIPTION_WORDS or doc[j].text in ("(", ")", ";", ":"):
            return None
    return None


def _extend_name_left(span: Span, covered: set[int] = frozenset()) -> Span:
    """NER often drops a first name it did not recognise ("Ana [Fuentes]"): take capitalised
    proper-noun compounds that modify the name's first word (not words another mention has)."""
    doc, start = span.doc, span.start
    lex = lexicon()
    while start > 0:
        prev = doc[start - 1]
        if (prev.dep_ == "compound" and prev.text[:1].isupper() and not prev.ent_type_ and prev.i not in covered
                and (prev.pos_ == "PROPN" or (prev.pos_ == "NOUN" and given_name_gender(prev.text)))
                and prev.lower_ not in lex.role_words and prev.head.i >= span.start):   # "Faith" tagged a noun
            start -= 1
        elif _capitalised_mid_sentence(prev) and doc[start].ent_type_ == "PERSON" and prev.i not in covered:
            start -= 1                       # "Do Thanh Phong": a capital mid-sentence is no auxiliary "do"
        else:
            break
    return Span(doc, start, span.end)          # doc[start:span.end], without its slice checks


def _extend_cut_surname(span: Span, label: str) -> Span:
    """ "President Vo Kiet Nhan" tagged "Vo Kiet": a person's name NER ends one word early, where
    that word is the head the name's words modify, untagged and no title, is the whole name."""
    doc, end = span.doc, span.end
    if label != "PERSON" or end >= len(doc):
        return span
    tail = doc[end]
    lex = lexicon()
    if tail.pos_ != "PROPN" or not tail.text[:1].isupper() or tail.ent_type_ or span[-1].head.i != end \
            or span[-1].dep_ != "compound" or tail.lower_ in lex.role_words or tail.lower_ in lex.honorifics:
        return span
    return Span(doc, span.start, end + 1)


def _capitalised_mid_sentence(tok: Token) -> bool:
    """A function word written with a capital right after a comma, inside a sentence: a name's
    part ("…, Do Thanh Phong,"), not the auxiliary "do"."""
    lex = lexicon()
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start and not tok.ent_type_ \
        and tok.pos_ in ("AUX", "VERB", "ADV", "ADP", "DET", "PRON", "SCONJ") and tok.text not in ("I", "The", "A") \
        and tok.lower_ not in lex.role_words and tok.lower_ not in lex.honorifics \
        and tok.i > 0 and tok.doc[tok.i - 1].text in (",", "(", "—", "–", ":")


def descriptor_nouns(doc: Doc, start: int) -> tuple[list[Token], int]:
    """Lower-case nouns directly before a name (within its noun phrase), nearest last; an
    ordinal among them is skipped ("the Czech fourth seed X")."""
    nouns: list[Token] = []
    role_words = lexicon().role_words        # "forward" tagged ADV is one too
    i = start - 1
    while i >= 0 and len(nouns) < 3:
        tok = doc[i]
        if tok.ent_type_ == "ORDINAL" and tok.text.islower() and nouns:
            i -= 1
            continue
        if not (tok.text.islower() and (tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in role_words
                                        or tok.pos_ == "ADJ" and agentive(tok.lower_)
                                        and not tok.lower_.endswith(("ant", "ent")))):   # "resistant"
            break                            # "by microbiologist X": tagged an adjective
        nouns.insert(0, tok)
        i -= 1
    return nouns, i


def _kind_from_descriptor(span: Span) -> str | None:
    """ "the astronomer X" is a person, "the carmaker X" an organisation, whatever NER said."""
    nouns, _ = descriptor_nouns(span.doc, span.start)
    if not nouns:
        return None
    return noun_kind(nouns[-1])


AGENTIVE_SUFFIXES = ("ist", "er", "or", "ian", "ant", "ent", "eer")


def noun_kind(noun: Token) -> str | None:
    """Person, Organization or Work for a descriptor noun: the lexicon first, then the agentive
    suffixes of English person nouns (physicist, banker, director, historian, consultant)."""
    lemma = noun.lemma_.lower()
    kind = lexicon().definite_heads.get(lemma)
    if kind in ("Person", "Organization"):
        return kind
    if lemma in lexicon().organisation_kind_nouns:
        return "Organization"                # "Italian side Torrenova Calcio", "the squad"
    if lemma in lexicon().work_nouns:
        return "Work"                        # "her novel The Salt Orchard"
    if lemma in lexicon().facility_nouns or lemma in lexicon().built_things:
        return None                          # "reactor", "interconnector", "corridor": built things
    if lemma in lexicon().role_words or agentive(lemma):
        return "Person"
    return None


def agentive(word: str) -> bool:
    """An English person noun by its ending: physicist, banker, qualifier; student, not investment."""
    return len(word) > 5 and word.endswith(AGENTIVE_SUFFIXES) and not word.endswith("ment")


def _descriptor_before(doc: Doc, m: Mention, result: DocumentEntities) -> Descriptor | None:
    if m.type not in ("Person", "Organization"):
        return None
    _, i = descriptor_nouns(doc, m.start)
    while i > 0 and m.start - i < 6 and doc[i].pos_ == "ADJ" and doc[i].text.islower():
        i -= 1                               # "the Moroccan sovereign fund X", "Canadian rival X"
    demonym = result.by_token.get(i) if i >= 0 else None
    if demonym is None or demonym.type != "Country" or (
            demonym.surface == demonym.name and not _abbreviation(demonym.surface)):
        return None                          # a demonym ("Chilean") or "U.S."/"UK" used as one,
    return Descriptor(m, demonym)            # not "Chile astronomer X"


def _abbreviation(name: str) -> bool:
    return name.replace(".", "").isupper() and len(name.replace(".", "")) <= 4


def at_position(tok: Token) -> bool:
    """ "talks in Kyiv", "near Lyon": where something is or happens ("aid to Kyiv" is not)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in lexicon().position_prepositions


def _after_locative_preposition(span: Span) -> bool:
    return span.root.dep_ == "pobj" and span.root.head.lower_ in lexicon().place_prepositions


def _is_nominal_demonym(span: Span) -> bool:
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in root.children)


def _looks_like_name(span: Span) -> bool:
    """Junk filter: names have a capitalised word and are not bare numbers or determiners."""
    if not any(t.text[:1].isupper() for t in span):
        return False
    if all(t.like_num or t.is_punct or (t.is_stop and not ACRONYM.match(t.text)) for t in span):
        return False                         # "WHO" is no "who"
    if len(span) == 1 and span[0].lower_ in lexicon().organisation_kind_nouns:
        return False                         # "Museum director X", "the Court ruled": a reference
    if len(span) == 2 and span[0].lower_ in lexicon().stage_nouns and STAGE_MARK.match(span[1].text):
        return False                         # "a Series B round", "the Phase III study"
    if len(span) > 2 and portfolio_after_office(span.doc, span.start, span.end) == span.end:
        return False                         # "Morocco's Minister of Industry and Trade, X": a title
    return len(span.text.strip()) > 1


def _modifies_common_noun(span: Span) -> bool:
    """A one-word PERSON used as a modifier of a common noun ("Shinto heritage") is not a person."""
    if len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ in ("amod", "compound", "nmod", "conj") and tok.head.pos_ == "NOUN" and \
        tok.head.text.islower() and tok.head.i > tok.i


def _portfolio_of_title(span: Span) -> bool:
    """ "Defence" in "Kenyan Defence Minister X", "Energy Cabinet" in "Energy Cabinet Secretary
    X": NER's organisation is the portfolio of the title that follows, part of the title."""
    lex, doc = lexicon(), span.doc
    end = span.end                          # "[Employment and] Labour Minister X": NER's cut
    while end < len(doc) and doc[end].lower_ in lex.portfolio_words:
        end += 1
    return end < len(doc) and doc[end].lower_ in lex.role_words and \
        all(portfolio_word(t) or t.lower_ in ("and", "&") for t in span)


def _role_before(doc: Doc, span: Span, result: DocumentEntities) -> tuple[str, Mention | None, int | None] | None:
    """Title words directly before a person's name, optionally preceded by the organisation, or
    by a common noun for one ("Club president X": then that noun's index)."""
    lex = lexicon()
    i = span.start - 1
    words: list[Token] = []
    office = _office_before_portfolio(doc, i)
    if office is not None:                   # "Minister of Energy and Mines X": the whole title
        words, i = list(doc[office:span.start]), office - 1
    while i >= 0 and _title_word(doc, i) \
            and doc[i].ent_type_ in ("", "PERSON", "ORG", "WORK_OF_ART") and doc[i].lower_ not in lex.honorifics:
        words.insert(0, doc[i])
        i -= 1
    # "Works and Transport Minister X": capitalised portfolio words joined by "and" belong to the title
    while words and i >= 0 and i not in result.by_token and doc[i].lower_ not in lex.honorifics:
        if doc[i].lower_ in ("and", "&") and i >= 1 and doc[i - 1].text[:1].isupper() \
                and words[0].text[:1].isupper():     # "Club president X and coach Y": two people
            words.insert(0, doc[i])
        elif doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "NOUN") and \
                (doc[i + 1].lower_ in ("and", "&") or words[0].text[:1].isupper()):
            words.insert(0, doc[i])
        else:
            break
        i -= 1
    j = i                                    # "Microsoft gaming chief X", "CPWU general secretary X",
    while words and j >= 1 and i - j < 3 and doc[j].text.islower() and not doc[j].ent_type_ and \
            (doc[j].pos_ in ("NOUN", "ADJ") or doc[j].tag_ == "VBG" or _title_word(doc, j)):
        j -= 1                               # "Acme chief financial officer X": domain words in the title
        if j in result.by_token and result.by_token[j].end == j + 1:
            words, i = list(doc[j + 1:i + 1]) + words, j
            break
    words = [w for w in words if w.lower_ not in lex.title_keep_words]
    if not words or all(w.lower_ in lex.honorifics for w in words):
        return None
    kind_start = i                           # "Central bank governor X": the body's kind in full
    while kind_start > 0 and doc[kind_start - 1].lower_ in lex.body_kind_adjectives and not doc[kind_start - 1].ent_type_:
        kind_start -= 1
    if i >= 0 and i not in result.by_token and body_noun_kind(doc[i]) and (
            doc[kind_start].is_sent_start or doc[kind_start - 1].is_punct
            or doc[kind_start - 1].lower_ in ("the", "its", "their")):
        return _title_text(words), None, i   # "Club president X",
                                             # "the tournament director Y"; not "a bank chief", "rival club"
    if i >= 0 and doc[i].is_sent_start and doc[i].text[:1].isupper() and i not in result.by_token \
            and not doc[i].ent_type_ and not gazetteer().demonym(doc[i].text) and doc[i].pos_ in ("NOUN", "PROPN") \
            and doc[i].lower_ not in lex.title_keep_words and not any(w.text[:1].isupper() for w in words):
        words = [doc[i]] + words             # "Sporting director X", "Finance director Y": the whole title,
        return _title_text(words), None, None      # whose body is unsaid
    lead = _bare_office_words(doc, i, words, result)
    if lead is not None:                     # "…, chief financial officer X said": the whole office
        return _title_text(list(doc[lead + 1:i + 1]) + words), None, None
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1                               # "Acme's chief executive X"
    org = result.by_token.get(i)
    org = org if org is not None and org.end == i + 1 and org.end <= span.start else None
    if org is not None and org.type in ("Place", "Person", "Entity") and org.place is None:
        org.type = "Organization"            # "Alder Bay partner X": a title belongs to a body
    if not any(w.text[:1].isupper() for w in words) and (org is None or org.surface != org.name) \
            and not (org is None and _bare_office(doc, i, words)):
        return None                          # lower-case: an office only after an organisation's name
                                             # or standing bare; "the Brazilian striker X" is a descriptor
    return _title_text(words), org, None


def _office_in_apposition(doc: Doc, mention: Mention, result: DocumentEntities) -> tuple[str, None, int | None] | None:
    """ "X, the central bank governor," and "The company chairman, X,": an office described in an
    apposition, with the common noun for its body when it has one (the title, then that noun's
    index). "X, a former security minister (who …)," too, with "former" kept; after "a" only a
    state office, whose country is the story's (a bank governor after "a" is some bank's). A
    description with a name in it ("X, the Acme chairman,") is the apposition rules'."""
    sent = doc[mention.start].sent
    if mention.end + 1 < sent.end and doc[mention.end].text == ",":      # "X, the bank governor,"
        indefinite = doc[mention.end + 1].lower_ in ("a", "an")
        start = mention.end + 1 + (doc[mention.end + 1].lower_ in ("the", "a", "an"))   # ("its …": a possessor's)
        past = start < sent.end and doc[start].lower_ in lexicon().former_words    # "X, a former security
        start += past                                                               # minister, …"
        end = start
        while end < sent.end and _office_phrase_word(doc, end):
            end += 1
        if end > start and (after := portfolio_after_office(doc, end - 1, sent.end)) is not None and after > end + 1:
            end = after                                      # "X, the Minister of Health,"
        described = _office_of_phrase(doc[start:end], result) \
            if end > start and (end == sent.end or doc[end].text in (",", ".", ";") or doc[end].lower_ in ("who", "whom")) \
            else None
        if described is not None and indefinite and (described[2] is not None or lexicon().offices.get(
                office_of(described[0].split())) != "Country"):
            described = None                 # "X, a former central bank governor,": some bank's, not the story's
        if described is not None:
            return (f"former {described[0]}" if past else described[0]), *described[1:]
    if mention.start - 2 >= sent.start and doc[mention.start - 1].text == "," \
            and mention.end < len(doc) and doc[mention.end].text in (",", "."):     # "The bank governor, X,"
        end = start = mention.start - 1
        while start > sent.start and _office_phrase_word(doc, start - 1):
            start -= 1
        opener = start - (start > sent.start and doc[start - 1].lower_ == "the")
        if end > start and (opener == sent.start or doc[opener - 1].is_punct):
            return _office_of_phrase(doc[start:end], result)
    return None


def _appointed_as(doc: Doc, mention: Mention,
                  result: DocumentEntities) -> tuple[str, Mention | None, int | None] | None:
    """ "named X as chief executive", "appointed X finance minister" (the parser often makes X a
    modifier of the role): the office X is appointed to, when it names no body of its own ("as
    head of Y" is the appointed-as-role pattern's). A body or country that appoints is the
    office's ("Orvik Mining named X as chief executive", "Uganda's president appointed X energy
    minister"); else the title rules find whose office it is."""
    root = doc[mention.end - 1]
    verb, role = root.head, None
    if root.dep_ in ("dobj", "oprd"):                            # "named X as chief executive"
        role = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
    elif root.dep_ in ("compound", "nmod") and verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "oprd"):
        role, verb = verb, verb.head                              # "appointed [X chief executive]"
    if role is None or verb.lemma_.lower() not in lexicon().appointing_verbs or any(
            c.dep_ == "prep" and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children) for c in role.children):
        return None                          # "as head of Y" names a body; "as CFO in March" a date
    start = min([role.i, *(c.i for c in role.lefts if c.i >= mention.end and c.dep_ in ("amod", "compound")
                           and c.lower_ not in ("new", "incoming"))])     # "its new chief": the office is "chief"
    words = doc[start:role.i + 1]
    office = _office_of_phrase(words, result)
    if office is None and office_of([role.text]) is not None and not any(t.i in result.by_token for t in words):
        office = (_title_text(list(words)), None, None)     # "chief financial officer": an office all the same
    return None if office is None else (office[0], _appointer(verb, result), office[2])


def _appointer(verb: Token, result: DocumentEntities) -> Mention | None:
    """The body or country whose office an appointing verb fills: its subject, the name in
    apposition to it ("its supplier X"), or its possessor or modifier ("the Orvik board",
    "Uganda's president")."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):     # (the parser may give two)
        near = sorted((c for c in subject.children if c.dep_ in ("appos", "poss", "compound")),
                      key=lambda c: c.dep_ != "appos")
        for tok in (subject, *near):
            m = result.by_token.get(tok.i)
            if m is not None and m.type in ("Organization", "Country"):
                return m
    return None


def _office_phrase_word(doc: Doc, i: int) -> bool:
    return doc[i].lower_ in lexicon().body_kind_adjectives or body_noun_kind(doc[i]) is not None \
        or _office_title_word(doc, i)


def _office_title_word(doc: Doc, i: int) -> bool:
    """A word of an office's title, its portfolio included: "security minister"."""
    return _title_word(doc, i) or portfolio_word(doc[i])


def _office_of_phrase(words: Span, result: DocumentEntities) -> tuple[str, None, int | None] | None:
    """ "central bank governor": the title ("governor") and its body's noun ("bank"), if the
    phrase ends in an office and names nothing."""
    doc = words.doc
    if any(t.i in result.by_token for t in words):
        return None
    linker = next((t.i for t in words if t.lower_ in OFFICE_LINKERS), None)
    if linker is not None:                   # "Minister of Health", "Secretary of State for Health"
        whole = linker > words.start and portfolio_after_office(doc, linker - 1, words.end) == words.end
        return (_title_text(list(words)), None, None) if whole else None
    if office_of([words[-1].text]) is None:
        return None
    title = [t for t in words if _office_title_word(doc, t.i)]
    nouns = [t.i for t in words if body_noun_kind(t) and not _title_word(doc, t.i)]
    if not title or (nouns and nouns[-1] > title[0].i) or (not nouns and len(title) < len(words)):
        return None                          # "the state governor": a kind of office, not this body's
    return _title_text(title), None, nouns[-1] if nouns else None


def _bare_office_words(doc: Doc, i: int, words: list[Token], result: DocumentEntities) -> int | None:
    """Where a several-word office standing bare begins ("Chief financial officer X told", ", chief
    operating officer X said"): up to three modifiers before the office word, nothing before them
    that makes the phrase a description (a determiner, a name, a possessive)."""
    if office_of([w.text for w in words]) is None:
        return None
    k = i
    while k >= 0 and i - k < 3 and k not in result.by_token and not doc[k].ent_type_ \
            and (doc[k].pos_ in ("ADJ", "NOUN") or _title_word(doc, k)) and not doc[k].is_sent_start:
        k -= 1
    if k >= 0 and k not in result.by_token and doc[k].is_sent_start and doc[k].pos_ in ("ADJ", "NOUN") \
            and not doc[k].ent_type_ and i - k < 3:
        k -= 1                               # the sentence's first word: "Chief financial officer X"
    modifiers = doc[k + 1:i + 1]
    if k == i or not _bare_office(doc, k, words) or any(
            body_noun_kind(t) or t.lower_ in lexicon().title_keep_words for t in modifiers):
        return None                          # "Rival club president X": a body's; "New coach X": no title
    return k


def _title_text(words: list[Token]) -> str:
    """The title as written, on one line: "Director-General", "Works and Transport Minister"."""
    return " ".join("".join(w.text_with_ws for w in words).split())


def office_of(title: list[str]) -> str | None:
    """The office a title holds, by its last word (the whole of "secretary-general" first, then its
    parts): "finance minister" -> "minister", "director-general" -> "director-general"."""
    offices = lexicon().offices
    last = title[-1].lower()
    return next((w for w in [*(t.lower() for t in reversed(title)), *reversed(last.split("-"))]
                 if w in offices), None)


def _bare_office(doc: Doc, i: int, words: list[Token]) -> bool:
    """ ", sports director X said", "said prime minister X": a lower-case office with nothing
    before it that makes it a description (a determiner, an adjective, a demonym)."""
    return office_of([words[-1].text]) is not None and (
        i < 0 or doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ"))


def body_noun_kind(tok: Token) -> str | None:
    """ "club", "tournament": a common noun for the kind of body a title belongs to."""
    lemma = tok.lemma_.lower()               # (a proper noun's lemma keeps its capital: "Club")
    if lemma in lexicon().organisation_kind_nouns:
        return "Organization"
    return "Thing" if lexicon().definite_heads.get(lemma) == "Thing" and tok.pos_ in ("NOUN", "PROPN", "ADJ") else None


def portfolio_word(tok: Token) -> bool:
    """A word of a portfolio: "Energy", "Foreign Affairs"; "State" only after "of" ("Secretary of
    State"), so "the state governor" stays a kind of governor."""
    return tok.lower_ in lexicon().portfolio_words or (
        tok.lower_ == "state" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in OFFICE_LINKERS)


def portfolio_after_office(doc: Doc, i: int, end: int) -> int | None:
    """Where "<office> of|for <portfolio>" starting at token i ends, before `end` ("Minister of
    Energy and Mines", "Secretary of State for Health"); None when token i is no office followed
    by "of" or "for". Without a portfolio word it ends right after the "of"."""
    if i + 1 >= end or doc[i].lower_ not in lexicon().offices or doc[i + 1].lower_ not in OFFICE_LINKERS:
        return None
    return _portfolio_end(doc, i + 2, end)


def _portfolio_end(doc: Doc, i: int, end: int) -> int:
    """Where the portfolio after "Minister of" ends: "Energy and Mines", "Foreign Affairs", "State
    for External Affairs"."""
    while i < end and (portfolio_word(doc[i]) or (doc[i].lower_ in PORTFOLIO_JOINERS and i + 1 < end
                                                  and portfolio_word(doc[i + 1]) and portfolio_word(doc[i - 1]))):
        i += 1
    return i


def _office_before_portfolio(doc: Doc, i: int) -> int | None:
    """The office word of "<office> of <portfolio>" ending at token i, if that is what precedes."""
    j = i
    while j >= 0 and (portfolio_word(doc[j]) or (doc[j].lower_ in PORTFOLIO_JOINERS
                                                 and j >= 1 and portfolio_word(doc[j - 1]))):
        j -= 1                               # "[Minister of] State for External Affairs"
    if j == i or j < 1 or doc[j].lower_ not in OFFICE_LINKERS or doc[j - 1].lower_ not in lexicon().offices:
        return None
    return j - 1


def _after_linkers(doc: Doc, j: int) -> int:
    """Where a name goes on after the linker at `j`: the next word, or the one after "the" in
    "Coalition for the Revival"."""
    return j + 2 if doc[j].lower_ != "the" and j + 1 < len(doc) and doc[j + 1].lower_ == "the" else j + 1


def _title_word(doc: Doc, i: int) -> bool:
    """A word of a title: a role word, or the hyphen joining two ("Secretary-General") into one."""
    role_words = lexicon().role_words
    return doc[i].lower_ in role_words or (
        doc[i].text in ("-", "–") and i > 0 and not doc[i].whitespace_ and not doc[i - 1].whitespace_
        and doc[i - 1].lower_ in role_words)


def _add_acronym_definitions(doc: Doc, result: DocumentEntities) -> None:
    """'Full Name (ACR)': the acronym names the full name's entity, creating it when NER missed it;
    not in a dateline ("BAKU, Azerbaijan (AP) —": the agency)."""
    end = result.dateline[2] if result.dateline else -1
    for tok in (doc[i + 1] for i in positions_of(doc, ORTH, ("(",)) if end < i + 1 < len(doc)):
        if not (ACRONYM.match(tok.text) and tok.i >= 2 and doc[tok.i - 1].text == "("
                and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")"):
            continue
        full = _span_with_initials(doc, tok.i - 1, tok.text)
        before = next((m for m in result.mentions if m.end == tok.i - 1 and m.type != "Person"), None)
        if full is None and before is None:
            continue
        result.mentions = [m for m in result.mentions if m.start != tok.i]
        if full is not None and not (before and before.start == full.start):
            kind = before.type if before and before.start <= full.start else "Organization"
            result.mentions = [m for m in result.mentions if m.end <= full.start or m.start >= full.end]
            before = Mention(full.start, full.end, full.text, kind, None, surface=full.text)
            result.mentions.append(before)
        acronym = Mention(tok.i, tok.i + 1, tok.text, before.type, None, surface=tok.text)
        result.mentions.append(acronym)
        result.acronyms[tok.text] = before


def initials(name: str) -> str:
    """The capitals a name's acronym is made of: "WHO" of "World Health Organization"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def looks_like_acronym(word: str) -> bool:
    """Three or more capitals and nothing else ("WHO", "FIND"): a name, even where the tagger read
    a pronoun or a common noun."""
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _add_spelled_acronyms(result: DocumentEntities) -> None:
    """An acronym of three or more capitals that the story never defines but that spells the
    initials of exactly one organisation it names ("a senior WHO official" after "the World Health
    Organization") stands for that organisation wherever it is used, however the tagger read it
    (`_add_repeated_names` finds its uses). Shorter acronyms ("EU") join only where NER found
    them (grouping._merge_acronyms): two capitals are too often a word ("IT", "US")."""
    named: dict[str, dict[str, Mention]] = {}
    for m in result.mentions:
        if m.type == "Organization" and " " in m.name:
            named.setdefault(initials(m.name), {}).setdefault(m.name, m)
    result.spelled = {acronym: next(iter(bodies.values())) for acronym, bodies in named.items()
                      if len(bodies) == 1 and looks_like_acronym(acronym) and acronym not in result.acronyms}


def _untype_lone_openers(doc: Doc, result: DocumentEntities) -> None:
    """ "Turnout was 63 percent", "Malaria killed …": a lone capitalised word opening a sentence,
    tagged a person but never a part of anyone's name nor named there (`_named_at_sentence_start`,
    the test untagged openers pass), is a thing (junk or a disease), not someone "he" could be."""
    parts = {w for m in result.mentions if m.type == "Person" and " " in m.name for w in m.name.split()}
    lone = [m for m in result.mentions if m.type == "Person" and m.end - m.start == 1
            and doc[m.start].is_sent_start and m.name not in parts]
    counts = _text_counts(doc) if lone else None
    for m in lone:
        if not _named_at_sentence_start(doc[m.start], counts):
            m.type = "Entity"


def _add_repeated_names(doc: Doc, result: DocumentEntities) -> None:
    """A person's surname or first name, a defined acronym, or an organisation's distinctive first
    word, repeated where NER missed it ("Chepkoech, who trains …", "CPWU general secretary X", "Acme
    chief executive Y" with "Acme" read as a verb) is still a mention of that entity."""
    covered = {i for m in result.mentions for i in range(m.start, m.end)}
    people = [m for m in result.mentions if m.type == "Person" and len(m.name.split()) > 1]
    parts = {}
    for m in people:
        words = m.name.split()
        parts.setdefault(words[-1], m)
        parts.setdefault(words[0], m)
    short_names = _organisation_short_names(doc, result)
    acronyms = result.acronyms | result.spelled
    for tok in (doc[i] for i in positions_of(doc, ORTH, [*parts, *acronyms, *short_names])):
        if tok.i in covered or not tok.text[:1].isupper():
            continue
        if tok.text in short_names and tok.text not in parts and tok.pos_ not in ("ADJ", "DET") \
                and tok.dep_ != "amod" and not doc[tok.i + 1:tok.i + 2].text[:1].isupper():   # not "New rules"
            result.mentions.append(Mention(tok.i, tok.i + 1, tok.text, "Organization", None, surface=tok.text))
            continue
        if tok.pos_ not in ("PROPN", "NOUN") and tok.text not in acronyms:
            continue                         # an acronym is a name whatever the tagger made of it
        if tok.is_sent_start and tok.is_stop and tok.text not in acronyms:
            continue
        if name_at(doc, tok.i + 1, covered) and tok.text not in acronyms:
            continue                         # "Ana Ruiz" is not Ana Lopes: the part begins another name
        if tok.text in acronyms:
            full = acronyms[tok.text]
            result.mentions.append(Mention(tok.i, tok.i + 1, tok.text, full.type, None, surface=tok.text))
        elif tok.text in parts and tok.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP"):
            span = _extend_name_left(doc[tok.i:tok.i + 1], covered)   # "Mia Horvat", not Ivana Horvat's "Horvat"
            founded = _kind_from_participle(span) == "Organization"   # "Moretti, founded by Ugo Moretti,"
            result.mentions.append(Mention(span.start, span.end, span.text, "Organization" if founded else "Person",
                                           None, surface=span.text, cued=founded))


def _add_echoes(doc: Doc, result: DocumentEntities) -> None:
    """A one-word name repeated where the tagger read a common noun and NER passed over it
    ("Nordvik employs 140 people") is a mention of it, with the type the name has by then (an
    untagged proper noun is left to the untagged-name pass). An echo casts no vote on the type,
    so how often the tagger misses a name does not decide what it names."""
    covered = {i for m in result.mentions for i in range(m.start, m.end)}
    one_word: dict[str, Mention] = {}
    for m in result.mentions:
        if m.end - m.start == 1 and m.name == doc[m.start].text:
            one_word.setdefault(m.name, m)
    for tok in (doc[i] for i in positions_of(doc, ORTH, list(one_word))):
        if tok.i in covered or tok.ent_type_ or tok.pos_ != "NOUN" \
                or (tok.is_sent_start and tok.is_stop) or name_at(doc, tok.i - 1, covered) \
                or name_at(doc, tok.i + 1, covered):
            continue                         # the word ends ("Real Castellón") or begins a longer name
        first = one_word[tok.text]
        result.mentions.append(Mention(tok.i, tok.i + 1, tok.text, first.type, first.place, surface=tok.text,
                                       echo=True))


def distinctive_word(name: str) -> str | None:
    """The first word of an organisation's name that is not a club's opening word: "Acme" of
    "Acme Corp", "Fontana" of "Atlético Fontana"; the word a story shortens the name to."""
    openings = lexicon().organisation_name_openings
    return next((w for w in name.split() if w.lower() not in openings), None)


def _organisation_short_names(doc: Doc, result: DocumentEntities) -> set[str]:
    """Distinctive words of the article's organisation names that stand alone: that of exactly
    one name, and never written in lower case ("National" may be)."""
    words = Counter(distinctive_word(m.name) for m in {m.name: m for m in result.mentions
                                                       if m.type == "Organization" and " " in m.name}.values())
    lex = lexicon()
    names = {w for w, n in words.items() if w and n == 1 and w[:1].isupper() and not lex.definite_heads.get(w.lower())}
    written_lower = {doc[i].text for i in positions_of(doc, ORTH, [w.lower() for w in names])} if names else set()
    return {w for w in names if w.lower() not in written_lower}


def positions_of(doc: Doc, attr: int, values) -> list[int]:
    """Indexes of the tokens whose `attr` (ORTH, TAG, ...) is one of `values`, read off the doc's
    array: a loop over the doc's tokens builds a spaCy Token for each, most of what it costs."""
    wanted = {doc.vocab.strings[v] for v in values}
    return [i for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]


NAME_LINKERS = {"of", "the", "&", "de", "for", "and"}
OPENING_QUOTES = ('"', "“", "‘", "'")


def _add_unlabelled_names(doc: Doc, result: DocumentEntities) -> None:
    """Proper-noun runs NER left untagged ("HMS Prince of Wales", "ShiftSense") are names too,
    typed generically; runs of title words or calendar words are not, nor is a lone
    sentence-initial word unless it is named there (`_named_at_sentence_start`). A run that opens
    with a title ("Vice-President Ana Ruiz", "Lao Minister of Energy X") gives the person."""
    lex = lexicon()
    covered = {i for m in result.mentions for i in range(m.start, m.end)}
    pos = doc.to_array(POS).tolist()         # most words are no proper noun: skip them unbuilt
    counts = _text_counts(doc) if PROPN in pos else None
    i = 0
    while i < len(doc):
        if pos[i] != PROPN:
            i += 1
            continue
        tok = doc[i]
        if tok.i in covered or tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper() \
                or tok.lower_.rstrip(".") in CALENDAR_WORDS:      # "HANOI, Nov 20 —": a date
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in covered and not doc[j].ent_type_ and (
                (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
                or (doc[j].text[:1].isupper() and doc[j].lower_ in lexicon().organisation_name_endings)
                or (joining_hyphen(doc, j) and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())
                or (doc[j].lower_ in NAME_LINKERS and name_at(doc, _after_linkers(doc, j), covered))):
            j += 1
        while j - 1 > i and doc[j - 1].lower_ in NAME_LINKERS:
            j -= 1                                        # "[Employment and] Labour …": no name ends in "and"
        span = _without_trailing_title(_extend_name_left(doc[i:j], covered))
        if _portfolio_of_title(span):                     # "Employment and Labour Minister X"
            i = j
            continue
        if _joins_hyphenated_name(result, span):          # "Brenna-Lux": the run ends a name
            i = j
            continue
        lead = span.start
        while span.end - lead > 2 and (_title_word(doc, lead) or (
                agentive(doc[lead].lower_) and given_name_gender(doc[lead].text) is None)):   # not "Walter"
            lead += 1
        if lead > span.start and looks_like_person_name([t.text for t in doc[lead:span.end]]):
            # "Vice-President Ana Ruiz", untagged: a title, then a person
            result.mentions.append(Mention(lead, span.end, doc[lead:span.end].text, "Person", None,
                                           surface=doc[lead:span.end].text))
            i = j
            continue
        titled = next(((t.i, after) for t in span[:-2]
                       if (after := portfolio_after_office(doc, t.i, span.end)) is not None), None)
        if titled is not None:               # "Lao Minister of Energy and Mines Bounmy Chanthavong"
            office, name_start = titled
            if doc[name_start].lower_ in NAME_LINKERS:    # "Minister of Energy of Kenya": its place, no name
                i = name_start + 1
                continue
            if name_start > office + 2 and span.end - name_start >= 2:    # a portfolio, then a name
                before = doc[span.start:office]
                country = gazetteer().demonym(before.text) if len(before) else None
                if country is not None:
                    result.mentions.append(Mention(before.start, before.end, country.name, "Country", country,
                                                   surface=before.text))
                result.mentions.append(Mention(name_start, span.end, doc[name_start:span.end].text, "Person",
                                               None, surface=doc[name_start:span.end].text))
                i = j
                continue
        country = _demonym_before_name(span) if len(span) > 2 else None
        if country is not None:
            result.mentions.append(Mention(span.start, span.start + 1, country.name, "Country", country,
                                           surface=span[0].text))
            span = span[1:]                               # "the Spaniard Jordi Puig": a demonym, a name
        words = [t for t in span if t.lower_ not in NAME_LINKERS]
        if not words:                                     # a run of linkers only ("The")
            i = j
            continue
        dateline = _dateline_place(span)
        if dateline is not None:
            result.mentions.append(dateline)
        elif _is_nominal_demonym(span) and gazetteer().demonym(span.text):
            pass                                          # "the Dane told …": a person, for coreference
        elif not (words[-1].lower_ in lex.role_words or all(t.lower_ in lex.honorifics for t in words)
                or not _looks_like_name(span)
                or (len(span) == 1 and ((_opens_sentence(tok) and not _named_at_sentence_start(tok, counts))
                                        or len(tok.text) < 3))):
            place = gazetteer().lookup(span.text)
            cue = None if place else _kind_from_context(span)
            kind = place.kind if place else (cue or ("Facility" if _names_a_facility(span)
                                                     else _kind_from_given_name(span, "Entity")))
            result.mentions.append(Mention(span.start, span.end, span.text, kind, place, surface=span.text,
                                           cued=cue is not None))
        i = j


def _joins_hyphenated_name(result: DocumentEntities, span: Span) -> bool:
    """ "the Brenna-Lux squad": NER tagged "Brenna" only. A run joined by a bare hyphen to the
    name before it ends that name, unless that name is a known place ("Chile-Vietnam" is two)."""
    doc, start = span.doc, span.start
    if start < 2 or doc[start - 1].text not in ("-", "–") or doc[start - 1].whitespace_ or doc[start - 2].whitespace_:
        return False
    before = next((m for m in result.mentions if m.end == start - 1), None)
    if before is None or before.place is not None:
        return False
    before.end = span.end
    before.name = before.surface = doc[before.start:span.end].text
    before.type = _kind_from_context(doc[before.start:span.end]) or before.type
    return True


def _text_counts(doc: Doc) -> Counter:
    """How often each word is written, by its ORTH id: read off the doc's array, no Token built."""
    return Counter(doc.to_array(ORTH).tolist())


def _opens_sentence(tok: Token) -> bool:
    """The first word of a sentence, or of a quotation that opens one ('"Daylight seems to
    matter," said X'): capitalised there whatever it is."""
    if tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in OPENING_QUOTES and (
        prev.is_sent_start or (prev.i > 0 and tok.doc[prev.i - 1].text in (":", ",", "—", "–")))


def _named_at_sentence_start(tok: Token, counts: Counter) -> bool:
    """A lone capitalised word opening a sentence is a name when it is an acronym, is described
    on the spot ("Payzilo, a payments start-up,", "Payzilo, which lends …", "Payzilo, founded in
    2019,") or recurs (a proper noun written twice the same way is a name, not a stray capital:
    "Turnout was 63 percent" is written once)."""
    return bool(ACRONYM.match(tok.text)) or any(c.dep_ in ("appos", "relcl", "acl") for c in tok.children) \
        or counts[tok.orth] > 1


def _without_trailing_title(span: Span) -> Span:
    """ "WHO Director-General" before a name: an acronym's title run is the acronym's name and the
    title (any other run ending in a title word is no name at all)."""
    end = span.end
    while end - span.start > 1 and _title_word(span.doc, end - 1):
        end -= 1
    return span.doc[span.start:end] if end - span.start == 1 and ACRONYM.match(span[0].text) else span


def _span_with_initials(doc: Doc, paren: int, acronym: str) -> Span | None:
    """The shortest run of title-case words (with linkers) before `paren` whose initials spell it;
    an all-capitals word may give its initial or the whole of itself ("EU Customs Office (EUCO)")."""
    end = paren
    while end > 0 and doc[end - 1].text in "'‘’\"“”":
        end -= 1
    spellings = {""}
    for i in range(end - 1, max(end - 16, -1), -1):
        t = doc[i]
        if t.text == "-" or (i > 0 and doc[i - 1].text == "-" and t.text[:1].islower()):
            continue                         # "Co-operation" is one word for its initial
        if t.text[:1].isupper() and not t.is_punct:
            pieces = {t.text[0]} | ({t.text} if ACRONYM.match(t.text) else set())
            spellings = {p + s for p in pieces for s in spellings if len(p + s) <= len(acronym)}
            if acronym.upper() in {s.upper() for s in spellings}:
                return doc[i:end]
            if not spellings:
                return None
        elif t.lower_ not in ACRONYM_LINKERS:
            return None
    return None
