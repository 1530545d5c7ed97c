"""Pronouns and definite descriptions -> the entity they refer back to.

A small, explainable resolver built on how news prose is written: he/she go to a person named
earlier in the sentence, else to the person the last sentences are about (a subject, mentioned
most), agreeing with a known given name; it/its to the nearest thing in the sentence, else the
previous sentence's topic; "the company", "the alliance", "the country" to the compatible entity
the last sentences talk about most, preferring one whose name repeats the noun ("the university").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache

from spacy.attrs import LEMMA, LOWER, ORTH, POS, TAG
from spacy.symbols import NOUN, PRON
from spacy.tokens import Doc, Token

from .gazetteer import Place, gazetteer
from .lexicon import lexicon
from .names import given_name_gender
from .mentions import DocumentEntities, at_position, name_at, noun_kind, nouns_beside

THING_TYPES = ("Organization", "Country", "City", "Place", "Product", "Work", "Event", "Facility", "Law", "Entity")
ALL_TYPES = ("Person", *THING_TYPES)
COMPATIBLE = {
    "Thing": ("Work", "Event", "Product", "Law", "Facility"),     # "the study", "the race", "the plant"
    "Organization": ("Organization",),
    "Country": ("Country",),
    "City": ("City",),
    "Person": ("Person",),
}


def resolve_references(doc: Doc, found: DocumentEntities) -> dict[int, str]:
    """Map token index -> entity key for pronouns and definite noun phrases."""
    lex = lexicon()
    history: list[tuple[int, str, str]] = []          # (token index, entity key, type)
    subjects: list[tuple[int, str, int]] = []         # persons seen as subjects: (token, entity, clause verb)
    counts: Counter = Counter()                        # mentions so far: the article's topic is salient
    refs: dict[int, str] = {}
    feminine: dict[str, bool] = {}                     # what the article's own he/she said of a person
    mention_starts = {m.start: m for m in found.mentions}
    labels = {key: ent.label for key, ent in found.entities.items()}
    described = cache(lambda: _descriptions(doc, found))   # most articles never need them: made on demand
    coordinated = cache(lambda: _coordinated(doc, found))
    refs.update(_lede_named_later(doc, found, lex, labels))
    may_refer = _may_refer(doc, lex, lex.person_pronouns | lex.thing_pronouns | lex.plural_pronouns)
    for tok in (doc[i] for i in sorted(may_refer.union(mention_starts))):   # the rest is skipped below
        m = mention_starts.get(tok.i)
        if m is not None and history and history[-1][1] == m.entity and tok.i > 0 and doc[tok.i - 1].text == "(":
            continue                                    # "Full Name (ACR)" is one mention, not two
        if m is not None:
            kind = found.entities[m.entity].type
            history.append((tok.i, m.entity, kind))
            counts[m.entity] += 1
            if kind == "Person" and _is_subject(doc[m.start:m.end]):
                subjects.append((tok.i, m.entity, _clause_verb(doc[m.start:m.end].root)))
            continue
        if tok.i in found.by_token or tok.i in refs or tok.i not in may_refer:
            continue
        hist, subj = history, subjects
        if tok.lower_ in lex.person_pronouns:            # he/she agree with a known given name
            said = tok.lower_ in FEMININE
            hist = [h for h in history[-200:] if h[2] != "Person" or (
                agrees(tok, h[1], labels) and feminine.get(h[1], said) == said)]
            subj = [x for x in subjects[-50:] if agrees(tok, x[1], labels) and feminine.get(x[1], said) == said]
        if _continues_unnamed_topic(tok, history, found, refs, lex):
            continue
        target = (_person_earlier_in_sentence(tok, hist, lex) or _salient_person(tok, subj, counts, lex)
                  or _antecedent(tok, hist, lex, labels, described, coordinated))
        if target is not None:
            refs[tok.i] = target
            counts[target] += 1
            if tok.lower_ in lex.person_pronouns:         # "Kamau … She said": no "he" for Kamau later
                feminine.setdefault(target, tok.lower_ in FEMININE)
            if tok.lower_ in lex.person_pronouns and tok.dep_ in ("nsubj", "nsubjpass"):
                subjects.append((tok.i, target, _clause_verb(tok)))
            history.append((tok.i, target, found.entities[target].type))
    return refs


def _may_refer(doc: Doc, lex, pronouns: frozenset[str]) -> set[int]:
    """The tokens that pass what every rule below needs, checked cheaply first (most words refer
    to nothing): a pronoun, a noun a definite description can be headed by, or a capitalised word
    ("the Finn"). Read off one `Doc.to_array`: building a `Token` and reading its strings for each
    word cost more than the rules themselves."""
    strings = doc.vocab.strings
    tags = {strings[tag] for tag in ("PRP", "PRP$")}
    lowers = {strings[word] for word in (*pronouns, "old")}
    return {i for i, (pos, tag, orth, lower, lemma) in enumerate(doc.to_array([POS, TAG, ORTH, LOWER, LEMMA]).tolist())
            if pos == PRON or tag in tags or lower in lowers or strings[orth][:1].isupper()
            or (pos == NOUN and strings[lemma].lower() in lex.definite_heads)}


LEDE_NAMING_SENTENCES = 3   # how far after the lede a wire story names what it opened with


def _lede_named_later(doc: Doc, found: DocumentEntities, lex, labels: dict[str, str]) -> dict[int, str]:
    """ "A Latvian university has won … . The Ravnholt University of Technology said …": a wire
    story may open with an indefinite description as its subject and name it in a following
    sentence. The description is the first entity of its kind named in the next sentences (not in
    the lede) whose name holds the noun or a synonym, and no other country's ("A French bank …
    The State Bank of Vietnam said": not that bank). A subject that is only a later sentence's
    subject is not enough: that is as often a regulator, a rival or a spokesman."""
    sents = list(doc.sents)
    opened = found.dateline[2] + 1 if found.dateline else 0
    first = next(((k, t) for k, s in enumerate(sents[:2]) for t in s
                  if t.dep_ in ("nsubj", "nsubjpass") and t.i >= opened), None)
    if first is None:                        # (a dateline may be a sentence of its own)
        return {}
    k, subject = first                       # the lede's first subject: "…, the EU said" is said of it
    lede, sents = sents[k], sents[k:]
    if subject.pos_ != "NOUN" or subject.i in found.by_token \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children) \
            or any(c.dep_ in ("relcl", "prep") for c in subject.children):   # "a group of …", "a player who …"
        return {}
    kind = lex.definite_heads.get(subject.lemma_.lower())
    if kind is None:
        return {}
    types = COMPATIBLE.get(kind, (kind,))
    heads = lex.synonyms.get(subject.lemma_.lower(), frozenset((subject.lemma_.lower(),)))
    gaz = gazetteer()
    country = next((c for a in subject.children if a.dep_ == "amod" and (c := gaz.demonym(a.text))), None)
    in_lede = {m.entity for m in found.mentions if lede.start <= m.start < lede.end}
    end = sents[min(LEDE_NAMING_SENTENCES, len(sents) - 1)].end
    for m in found.mentions:
        if not lede.end <= m.start < end or m.entity in in_lede or found.entities[m.entity].type not in types:
            continue
        words = labels[m.entity].split()
        if heads & {w.lower() for w in words} and not (country and any(
                (other := _country_named(w)) and other != country for w in words)):
            return {subject.i: m.entity}
    return {}


def _country_named(word: str) -> Place | None:
    """The country a word of a name names or lies in ("Vietnam", "Vietnamese", "Hanoi"), if any."""
    gaz = gazetteer()
    place = gaz.demonym(word) or gaz.lookup(word, primary_only=True)
    return gaz.country_of(place) if place is not None and place.kind == "City" else place


def _continues_unnamed_topic(tok: Token, history: list[tuple[int, str, str]], found: DocumentEntities,
                             refs: dict[int, str], lex) -> bool:
    """ "The work, led by X, appeared in Y. It was funded by Z": a subject "it" with nothing to
    refer to in its own sentence continues the previous sentence's subject; when that subject is
    a thing with no name ("the work", "the deal"), "it" is that thing, not a named entity."""
    if tok.lower_ not in lex.thing_pronouns or tok.dep_ not in ("nsubj", "nsubjpass") or tok.sent.start == 0:
        return False
    if any(i >= tok.sent.start and kind in THING_TYPES for i, _, kind in history[-30:]):
        return False
    root = tok.doc[tok.sent.start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or found.entity_at(subject.i) or subject.i in refs:
        return False
    return not any(found.entity_at(c.i) or c.i in refs for c in subject.children
                   if c.dep_ in ("compound", "amod", "poss", "appos"))


FEMININE = {"she", "her", "hers", "herself"}
SAME_SENTENCE = 2       # "Bolt's co-founder will run the company": a body named in the sentence itself


def agrees(pronoun: Token, key: str, labels: dict[str, str]) -> bool:
    """he/she and a given name the dictionary is sure about must agree."""
    first = labels.get(key, "").split(" ")[0]
    gender = given_name_gender(first) if first else None
    if gender not in ("male", "female"):
        return True
    return (gender == "female") == (pronoun.lower_ in FEMININE)


def _is_subject(span) -> bool:
    return span.root.dep_ in ("nsubj", "nsubjpass") or (
        span.root.dep_ == "appos" and span.root.head.dep_ in ("nsubj", "nsubjpass"))


def _clause_verb(tok: Token) -> int:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:     # spaCy makes a new Token per access
        tok = tok.head
    return tok.i


def _person_earlier_in_sentence(tok: Token, history: list[tuple[int, str, str]], lex) -> str | None:
    """ "a trip by Modi to Australia, where he met …": a person named earlier in the same sentence,
    unless it is the subject of the pronoun's own clause ("Wrona nominated her") -- a possessive
    may be ("Horvat is coached by her mother")."""
    if tok.lower_ not in lex.person_pronouns:
        return None
    own_clause = None if tok.dep_ == "poss" else _clause_verb(tok)
    for i, key, kind in reversed(history):
        if i < tok.sent.start:
            return None
        if kind == "Person" and i < tok.i and _clause_verb(tok.doc[i]) != own_clause:
            return key
    return None


def _salient_person(tok: Token, subjects: list[tuple[int, str, int]], counts: Counter, lex) -> str | None:
    """he/she/his/her go to a person who was a subject in the last four sentences (not of the
    pronoun's own clause: "Wrona nominated her" is not Wrona), the most mentioned one first."""
    if tok.lower_ not in lex.person_pronouns or not subjects:
        return None
    window_start = sentences_back(tok, 3)
    own_clause = None if tok.dep_ == "poss" else _clause_verb(tok)      # "X sold his stake": X
    candidates = []
    for i, key, verb in reversed(subjects):
        if i < window_start:
            break
        if i < tok.i and verb != own_clause:
            candidates.append((counts[key], i, key))
    return max(candidates)[2] if candidates else None


def sentences_back(tok: Token, n: int) -> int:
    """Token index where the sentence `n` sentences before `tok`'s begins."""
    start = tok.sent.start
    for _ in range(n):
        if start > 0:
            start = tok.doc[start - 1].sent.start
    return start


Described = dict[str, list[tuple[int, str]]]      # entity -> (position, what the article said it is)


def _descriptions(doc: Doc, found: DocumentEntities) -> tuple[Described, Described]:
    """What an article says an entity is, so a later definite description can find it: the
    common nouns it puts beside the name ("UNICEF, the UN children's agency", "grocery chain Dalsten
    Foods", "Quillon is a start-up"), and its countries: the demonyms on them or on the name ("a
    Swedish maker", "the Swedish battery maker Kallby"), "X of Brazil", "Brazil's X"; each with its
    position."""
    nouns: Described = {}
    countries: Described = {}
    for m in found.mentions:
        span = doc[m.start:m.end]
        beside = nouns_beside(span) + [c for c in span.root.children
                                       if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < m.start]
        head = span.root.head
        if span.root.dep_ == "compound" and head.pos_ == "NOUN" and head.tag_ != "NNS" and head.i >= m.end \
                and not grouping_name(span.root) \
                and not any(c.dep_ in ("compound", "amod") and not m.start <= c.i < m.end for c in head.children):
            beside.append(head)              # "its Heron probe"; not "the UN refugee agency", nor
                                             # "United Nations agencies" (the UN's, not the UN), nor
                                             # "the Premier League club" (a member)
        nouns.setdefault(m.entity, []).extend((n.i, n.lemma_.lower()) for n in beside)
        marks = [c for n in beside for c in n.children if c.dep_ == "amod"]
        marks += [g for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                  for g in c.children if g.dep_ == "pobj"]                   # "Pedro Salgado of Brazil"
        marks += [c for c in span.root.children if c.dep_ == "poss" and c.i < m.start]   # "Brazil's X"
        for c in marks:
            key = found.entity_at(c.i)
            if key and found.entities[key].type == "Country":
                countries.setdefault(m.entity, []).append((c.i, key))
    for d in found.descriptors:
        countries.setdefault(d.named.entity, []).append((d.demonym.start, d.demonym.entity))
    for role in found.roles:                 # "Foreign Minister X" is "the minister" later on
        nouns.setdefault(role.person.entity, []).extend(
            (role.person.start, word) for word in role.title.lower().split())
    return nouns, countries


def _antecedent(tok: Token, history: list[tuple[int, str, str]], lex, labels: dict[str, str],
                described: Callable[[], tuple[Described, Described]],
                coordinated: Callable[[], frozenset[int]]) -> str | None:
    """`described()` gives the doc's `_descriptions` and `coordinated()` its `_coordinated`
    names: only definite descriptions ("the agency", "the Egyptian", "the 23-year-old") need
    them, and building them costs a pass over every mention's tree."""
    lower = tok.lower_
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
        if lower in lex.person_pronouns:
            return _last(history, ("Person",))
        if lower in lex.thing_pronouns:        # nearest in the sentence, else the recent topic
            first = _first_conjunct_subject(tok)     # "X hosts plants in A, and it exported …": X
            if _predicated_as_unnamed_thing(tok) or (
                    first is not None and first.pos_ == "NOUN" and _named_as(first, history, ALL_TYPES) is None):
                return None                    # "The victory lifts her to 17th, and it earned her …"
            matrix = _matrix_subject(tok)
            if matrix is not None and _unnamed_thing(matrix, lex) and _named_as(matrix, history, ALL_TYPES) is None:
                owner = _owner(matrix)               # "the project will supply power when it opens": no
                return _named_as(owner, history, THING_TYPES) if owner is not None else None   # entity; "X's
                                               # plant (the board of X) … when it opens (moves)": X's
            inside = _own_subject_tokens(tok)
            history = [h for h in history if h[0] not in inside] if inside else history
            same = [h for h in history[-30:] if h[0] >= tok.sent.start]
            recent = history
            if tok.dep_ in ("nsubj", "nsubjpass"):          # "a trial in Lesotho and Eswatini showed that
                settings = {h[0] for h in same if _setting(tok.doc[h[0]], tok)}       # it cut cases": not Eswatini
                same = [h for h in same if h[0] not in settings]
                recent = [h for h in history if h[0] not in settings]

            def nearest(types: tuple[str, ...]) -> str | None:
                return _last(same, types) or _most_mentioned(tok, recent, types, labels, window=1, strict=True)

            types = THING_TYPES
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.deed_verbs:
                types = tuple(t for t in types if t not in ("City", "Place"))   # "signed it": not the town
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lex.speech_verbs:
                return nearest(("Organization",)) or nearest(types)   # "…a plant in Mexico, it said": a body first
            sayer = _sayer_of_clause(tok, history, lex) or (
                _named_as(first, history, THING_TYPES) if first is not None else None) or (
                _named_as(matrix, history, THING_TYPES) if matrix is not None else None)
            if sayer is not None:
                return sayer                   # "Tandapay, a Kenyan start-up, said it had raised …"
            if tok.dep_ in ("dobj", "pobj") and _unnamed_thing_nearer(tok, same, lex):
                return None                    # "clashed over the pact since X suspended it": the pact
            if tok.dep_ == "poss" and (tok.head.lemma_.lower() in lex.role_words
                                       or tok.head.lemma_.lower() in lex.organisation_part_nouns):
                types = ("Organization", "Country", "Entity")      # "its founder": a body, not a city
            if tok.dep_ == "poss" and tok.head.lemma_.lower() in lex.stock_nouns:
                types = ("Organization",)                           # "its shares": a company's
            return nearest(types)
        if lower in lex.plural_pronouns:
            if _plural_common_subject(tok):
                return None                    # "both banks list their shares": the banks' own
            body = next(((i, key) for i, key, kind in reversed(history) if kind == "Organization"), None)
            return None if body is None or _plural_noun_between(tok.doc, body[0], tok) else body[1]
        return None
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            and gazetteer().demonym(tok.text):
        return _most_mentioned(tok, history, ("Person",), labels, described=described())   # "the Egyptian has scored"
    if _is_years_old(tok):
        return _most_mentioned(tok, history, ("Person",), labels, described=described())   # "the 23-year-old"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.definite_heads and _is_definite_reference(tok):
        kind = lex.definite_heads[tok.lemma_.lower()]
        if tok.lemma_.lower() in lex.money_homonyms and any(
                c.dep_ in ("amod", "compound") and not (c.ent_type_ in ("NORP", "GPE") or gazetteer().demonym(c.text))
                for c in tok.children):
            return None                        # "the fresh capital": money; "the Qatari capital": Doha
        history = [h for h in history if not tok.left_edge.i <= h[0] < tok.i   # not a name inside it
                   and (tok.dep_ == "appos" or h[0] not in coordinated())]   # "X, the charity, and Y"
        return _most_mentioned(tok, history, COMPATIBLE.get(kind, (kind,)), labels, described=described(),
                               strict=kind == "Thing", if_named=("Organization", "Entity") if kind == "Thing" else (),
                               window=THING_WINDOW if kind == "Thing" else 3,
                               named_only=tok.lemma_.lower() in lex.named_only_heads)
    return None


def _coordinated(doc: Doc, found: DocumentEntities) -> frozenset[int]:
    """Where names stand side by side with names of their own type ("Russia, China and Algeria
    abstained"): a later "the country" singles none of them out. Not "Acme and its partners"."""
    kind_at = {i: found.entities[m.entity].type for m in found.mentions for i in range(m.start, m.end)}
    return frozenset(m.start for m in found.mentions if any(
        kind_at.get(c.i) == found.entities[m.entity].type for c in doc[m.start:m.end].root.conjuncts))


def _is_years_old(tok: Token) -> bool:
    """ "The 23-year-old, who scored …": a person the article has named, by age."""
    return tok.lower_ == "old" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
        and any(c.lemma_ == "year" for c in tok.children)


def _plural_common_subject(tok: Token) -> bool:
    """ "they"/"their" in a clause whose subject is a plural common noun refers to that noun."""
    verb = tok.doc[_clause_verb(tok)]
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.i != tok.i and subject.tag_ == "NNS"


def _sayer_of_clause(tok: Token, history: list[tuple[int, str, str]], lex) -> str | None:
    """ "it" as the subject of what a body says ("X said it would …", "the company said it had …")
    is that body, whatever place or country stands nearer."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return None
    verb = tok.head.head
    if verb.lemma_.lower() not in lex.speech_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _named_as(subject, history, ("Organization",)) if subject is not None else None


def _first_conjunct_subject(tok: Token) -> Token | None:
    """For "it" as the subject of a clause coordinated with an earlier one, that clause's subject:
    "it" is what it names, whatever stands nearer ("X hosts plants in A and B, and it exported …"
    is about X, not B), and no entity when it names nothing ("The victory lifts her to 17th, and
    it earned her $523,000")."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "conj":
        return None
    return next((c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _matrix_subject(tok: Token) -> Token | None:
    """For "it" as the subject of an adverbial clause, the subject of the clause it modifies: "The
    mill, east of Tarvik, is expected to process 40,000 tonnes when it opens" is about the mill,
    not Tarvik. Climbs "expected to process" and "was financed by X and is expected to" to the
    verb that has the subject."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "advcl":
        return None
    verb = tok.head.head
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _named_as(subject: Token, history: list[tuple[int, str, str]], kinds: tuple[str, ...]) -> str | None:
    """The entity of one of these kinds a subject names (or a pronoun subject was resolved to)."""
    doc = subject.doc
    for i, key, kind in reversed(history):   # in text order: stop once before the subject
        if i < subject.left_edge.i:
            return None
        if i <= subject.i and kind in kinds \
                and all(doc[j].dep_ in ("compound", "flat") for j in range(i, subject.i)):   # the subject's own
            return key                       # name, not a possessor's: "Acme's partner said it"
    return None


def _unnamed_thing_nearer(tok: Token, same: list[tuple[int, str, str]], lex) -> bool:
    """An object "it" is a definite singular thing that names nothing ("the pact", "its stake")
    when one stands between it and the last name in its sentence ("clashed over the pact since X
    suspended it"), or is the object of the verb its own verb is coordinated with ("bought the
    stake from X and sold it to Y")."""
    last = max((i for i, _, _ in same if i < tok.i), default=tok.sent.start - 1)
    parallel = [c for c in tok.head.head.children if c.dep_ == "dobj"] \
        if tok.dep_ == "dobj" and tok.head.dep_ == "conj" else []
    return any(_unnamed_thing(t, lex) for t in [*tok.doc[last + 1:tok.i], *parallel])


def _owner(noun: Token) -> Token | None:
    """Whose a thing is: its possessor ("X's plant", "its plant") or its of-object ("the board of X")."""
    return next((c for c in noun.children if c.dep_ == "poss"), None) or next(
        (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
         for g in c.children if g.dep_ == "pobj"), None)


def _unnamed_thing(t: Token, lex) -> bool:
    """ "the pact", "its stake": a definite singular thing, not a person (a definite reference the
    text resolved is in the history, so "the company" counts only when it named nothing)."""
    return t.tag_ == "NN" and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and noun_kind(t) is None \
        and t.lemma_.lower() not in lex.time_unit_nouns \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in t.children)


def _plural_noun_between(doc: Doc, start: int, tok: Token) -> bool:
    """ "in talks with two cell makers, although she declined to name them": a plural noun
    after the body's name, in this sentence or the last, is what "them" stands for."""
    begin = max(start + 1, sentences_back(tok, 1))
    return any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
               for t in doc[begin:tok.i])


def _predicated_as_unnamed_thing(tok: Token) -> bool:
    """ "called it the company's largest investment", "it is a problem": the sentence itself says
    "it" is a kind of thing no entity is. "called it historic", "described it as careful": a
    verdict on a statement, a study or a deal, which is no entity either; nor is the "it" a
    score is put on ("made it 3-1")."""
    if tok.dep_ not in ("dobj", "nsubj"):
        return False
    head = tok.head
    if tok.dep_ == "dobj" and any(c.dep_ == "oprd" and c.pos_ == "ADJ" or c.dep_ == "prep" and c.lower_ == "as"
                                  and any(g.pos_ == "ADJ" for g in c.children) for c in head.children):
        return True
    if tok.dep_ == "dobj" and any(c.i > tok.i and c.pos_ == "NUM" and c.dep_ in ("npadvmod", "oprd", "ccomp")
                                  for c in head.children):
        return True                          # "made it 3-1": the score
    nouns = [c for c in head.children if c.dep_ in ("oprd", "attr") and c.pos_ == "NOUN"]
    return bool(nouns) and all(noun_kind(n) is None and n.lemma_.lower() not in lexicon().definite_heads
                               for n in nouns)


def _own_subject_tokens(tok: Token) -> set[int]:
    """Tokens inside the subject of the pronoun's clause: "X, a professor at Y, described it" --
    "it" is not Y."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return set()
    subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return set(range(subject.left_edge.i, subject.right_edge.i + 1)) if subject is not None else set()


THING_WINDOW = 30         # "the tournament", "the study": the story's own, named or described anywhere before


def _most_mentioned(tok: Token, history: list[tuple[int, str, str]], types: tuple[str, ...],
                    labels: dict[str, str], window: int = 3,
                    described: tuple[Described, Described] = ({}, {}), strict: bool = False,
                    if_named: tuple[str, ...] = (), named_only: bool = False) -> str | None:
    """ "the alliance", "the company": the compatible entity the last sentences talk about most
    (subjects weigh more, see _subject_weight; ties to the latest), not merely the last one named. An
    entity whose name repeats the noun ("the university") or that the article described with it
    ("UNICEF, the UN children's agency" for "the agency"; for "the company" any business word, so
    a "venture firm" does not outrank the article's "maker") comes first; entities of the `if_named`
    types only then ("the study" is the "Nordic Heart Study" even if NER called it an ORG). With
    `named_only` nothing else will do: "the committee" is no alliance the article never called one."""
    start = sentences_back(tok, window)
    counts: Counter = Counter()
    latest: dict[str, int] = {}
    lex = lexicon()
    head = tok.lemma_.lower()
    heads = lex.synonyms.get(head, frozenset((head,)))
    described_as = heads                     # "the company" is the article's "maker" as much as its "firm",
    if head in lex.generic_body_nouns:       # but not the "World Bank"
        family = lex.organisation_family.get(head)
        described_as = heads | {w for w, f in lex.organisation_family.items() if f == family}
    nouns, countries = described
    kinds = {key: kind for _, key, kind in history[-200:]}    # a window keeps long articles linear
    named = {key for key, kind in kinds.items() if kind in types + if_named and (
        heads & _name_heads(labels[key]) or any(i < tok.i and n in described_as for i, n in nouns.get(key, ())))}
    demonyms = {c.i for c in tok.children if c.dep_ == "amod"}
    origins = {key for i, key, kind in history[-50:] if i in demonyms and kind == "Country"}
    towns_countries = _countries_of_towns(tok)
    if towns_countries:
        origins |= {key for key, kind in kinds.items() if kind == "Country" and labels[key] in towns_countries}
    itself = gazetteer().demonym(tok.text) if tok.text[:1].isupper() else None
    if itself is not None:                    # "the Brazilian": the person from Brazil
        origins |= {key for key, kind in kinds.items() if kind == "Country" and labels[key] == itself.name}
    from_there = {key for key, kind in kinds.items() if kind in types and any(
        i < tok.i and c in origins for i, c in countries.get(key, ()))}
    named = _described_with_modifier(tok, kinds, nouns, types + if_named) or from_there or named
    other_kind = _of_other_family(head, kinds, labels, nouns)
    if itself is not None and not from_there:     # "the Englishman" is not the article's Brazilian
        other_kind |= {key for key in kinds if countries.get(key) and all(c not in origins for _, c in countries[key])}
    if (strict and if_named or named_only) and not named:
        return None                           # "the study" only for a study the article named or described
    own_sentence = tok.sent.start
    lead_end = _lead_end(tok.doc) if strict else 0
    for i, key, kind in reversed(history):
        if i < start:
            break
        if key in named if named else (kind in types and key not in other_kind):   # "the university" -> "University of X"
            latest.setdefault(key, i)
            counts[key] += _subject_weight(tok.doc[i]) + (SAME_SENTENCE if i >= own_sentence else 0) \
                + (1 if i < lead_end else 0)     # "the tournament": the one the story opens with
    if named and not counts:
        return _last([h for h in history[-200:] if h[1] in named], types + if_named)
    if not counts:
        return None if strict else _last([h for h in history if h[1] not in other_kind], types)
    return max(counts, key=lambda k: (counts[k], latest[k]))


def _described_with_modifier(tok: Token, kinds: dict[str, str], nouns: Described,
                             types: tuple[str, ...]) -> set[str]:
    """ "the pulp maker": the entities of these types the article described with a noun carrying
    the same modifier ("pulp producer Vale Alto"), whatever the head noun."""
    doc = tok.doc
    modifiers = {c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    if not modifiers:
        return set()
    return {key for key, kind in kinds.items() if kind in types and any(
        i < tok.i and modifiers & {c.lemma_.lower() for c in doc[i].children if c.dep_ == "compound"}
        for i, _ in nouns.get(key, ()))}


def _countries_of_towns(tok: Token) -> set[str]:
    """ "the Seoul-based company": the countries of the known towns a place participle puts the
    noun in, so the article's South Korean maker is found, not the last company named."""
    lex, gaz = lexicon(), gazetteer()
    towns = [gaz.lookup(g.text) for c in tok.children if c.dep_ == "amod" and c.lower_ in lex.place_participles
             for g in c.children if g.dep_ in ("npadvmod", "compound")]
    return {country.name for town in towns if town is not None and (country := gaz.country_of(town)) is not None}


def _lead_end(doc: Doc) -> int:
    """Where the article's first sentence with a verb ends (after a headline or a dateline)."""
    return next((sent.end for sent in doc.sents if any(t.pos_ == "VERB" for t in sent)), 0)


def _of_other_family(head: str, kinds: dict[str, str], labels: dict[str, str],
                     nouns: Described) -> set[str]:
    """Bodies "the agency" cannot be: ones the article named or described only with words of
    another family ("Velto, the chipmaker", "Orbis Bank")."""
    families = lexicon().organisation_family
    family = families.get(head)
    if family is None:
        return set()
    out = set()
    for key, kind in kinds.items():
        words = [n for _, n in nouns.get(key, ())] + sorted(_name_heads(labels[key]))
        theirs = {families[w] for w in words if w in families}
        if kind == "Organization" and theirs and family not in theirs:
            out.add(key)
    return out


def _name_heads(name: str) -> set[str]:
    """The words a name's kind is read from: "Orbis Bank", "Federal Court of Canada"; not the
    "Research" of "Nordic Council of Medical Research", which is no study."""
    return set(name.lower().split(" of ")[0].split()[-1:])


def _subject_weight(tok: Token) -> int:
    """A mention counts 3 as the subject of its sentence's main clause ("Orsund said the bank
    had agreed …"), 2 as the subject of another clause, else 1 (a compound word counts as its head)."""
    head = tok.head if tok.dep_ == "compound" else tok
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return 1
    return 3 if head.head.dep_ == "ROOT" else 2


def _is_definite_reference(tok: Token) -> bool:
    """ "the company" alone, not "the company Acme", "the capital of France" or "the two nations"."""
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in ("the", "this", "that"):
        return False
    blocked = {"appos", "nummod", "compound", "relcl", "acl"}
    if any((c.dep_ in blocked and not _set_off(c) and not _place_word(c) and not _kind_word(c))
           or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
        return False
    if name_at(tok.doc, tok.i + 1):
        return False                         # "the Hamburg law firm Lenz & Partner": it introduces a name
    return not (tok.dep_ == "compound" or tok.tag_ in ("NNS", "NNPS"))


def _kind_word(tok: Token) -> bool:
    """ "the aid group", "the oil company": a common noun saying what kind, not which one ("the
    city council" is the city's: another body)."""
    return tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.text.islower() \
        and tok.lemma_.lower() not in lexicon().place_nouns


def _place_word(tok: Token) -> bool:
    """ "the Lisbon club" still refers back: its place word says where the club is, not which;
    so does "the Premier League club": a body of bodies says what the club belongs to."""
    return tok.dep_ == "compound" and (tok.ent_type_ in ("GPE", "LOC") or grouping_name(tok))


def grouping_name(tok: Token) -> bool:
    """A name ending in a body-of-bodies word ("Premier League", "African Union") on a member
    noun ("club", "state"): the noun is a member, not the grouping; "the European Union
    regulator" is still the union's."""
    return tok.pos_ == "PROPN" and tok.lower_ in lexicon().grouping_nouns \
        and tok.head.lemma_.lower() in lexicon().grouping_members


def _set_off(clause: Token) -> bool:
    """ "the company, which employs 6,500 people,", "the tournament, founded in 2016,", "the
    company, the country's third-largest automaker," and "the minister, 51," add to a known
    referent; "the company that makes the chips" picks out a new one."""
    return (clause.dep_ in ("relcl", "acl") or (clause.dep_ == "appos" and clause.pos_ in ("NUM", "NOUN"))) \
        and clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","


def _setting(tok: Token, pronoun: Token) -> bool:
    """A name said as where something happens ("in Lesotho and Eswatini") or as a modifier of a
    common noun ("Orvik Agency approval"): not what a later subject "it" stands for, unless the
    pronoun speaks in a relative clause on that name ("in Kenya, which said it would spend"; but
    "a plant in Lesotho, where it employs 2,000 people" is the company's)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    if any(c.dep_ == "relcl" and c.is_ancestor(pronoun) and any(
            g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("which", "that", "who") for g in c.children)
            for c in tok.children):
        return False                     # "in Kenya, which said it would": Kenya
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return True
    while tok.dep_ == "conj":
        tok = tok.head
    return at_position(tok)


def _last(history: list[tuple[int, str, str]], types: tuple[str, ...]) -> str | None:
    for _, key, kind in reversed(history):
        if kind in types:
            return key
    return None


def salient_entity(doc: Doc, found: DocumentEntities, position: int, kinds: tuple[str, ...],
                   exclude: set | frozenset = frozenset(), count_destinations: bool = True) -> str | None:
    """The entity of one of `kinds` the article has talked about most up to the end of the
    sentence at `position` (ties to the one named first): the story's company or country; a
    city's mentions count for its country. Titles without an organisation ("Chief executive X
    said …") belong to it. Without `count_destinations`, a place gone to ("ambassador to Japan", "flew
    to Japan") does not count: it is where the story's people go, not whose they are."""
    counts, first = _mention_counts(doc, found, doc[position].sent.end, kinds, exclude, count_destinations)
    return max(counts, key=lambda k: (counts[k], -first[k])) if counts else None


def gone_to(tok: Token) -> bool:
    """ "flew to Japan", "ambassador to Japan": a place named as where someone goes."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into")


def dominant_entity(doc: Doc, found: DocumentEntities, kinds: tuple[str, ...]) -> str | None:
    """The entity of one of `kinds` the whole article is about: named at least twice as often
    as any other of those kinds (else the article is about several, and None)."""
    counts, _ = _mention_counts(doc, found, len(doc), kinds, frozenset())
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _mention_counts(doc: Doc, found: DocumentEntities, end: int, kinds: tuple[str, ...],
                    exclude: set | frozenset, count_destinations: bool = True) -> tuple[Counter, dict[str, int]]:
    """Mentions of entities of `kinds` before token `end`, and where each was first named."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    exclude = set(exclude) | {f"Country:{c.geonames_id}" for m in found.mentions      # a city visited: its
                              if m.entity in exclude and m.place is not None           # country too
                              and (c := gazetteer().country_of(m.place)) is not None}
    for m in found.mentions:                                    # sorted by position
        if m.start >= end:
            break
        if not count_destinations and gone_to(doc[m.start:m.end].root):
            continue
        key = m.entity
        if "Country" in kinds and m.place is not None and m.place.kind == "City":
            country = gazetteer().country_of(m.place)          # a city's mention speaks of its country
            key = f"Country:{country.geonames_id}" if country else key
        if key in found.entities and found.entities[key].type in kinds and not {key, m.entity} & exclude:
            counts[key] += 1
            first.setdefault(key, m.start)
    return counts, first
