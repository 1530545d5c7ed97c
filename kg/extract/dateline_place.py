"""The dateline's town is where the story's opening event took place.

A wire story is datelined where it was reported, and when its first sentence reports an event that
happens somewhere -- a signing, a meeting, a contest won -- that is where it happened: "JAKARTA,
Sept 9 — Indonesia and the UAE signed an agreement …" was signed in Jakarta; "DOHA, Feb 15 — X won
the Qatar Open" is a tournament held in Doha.

Only for today's news in the plain past: nothing when the sentence gives the event a place of its
own ("met … outside Geneva", "at the palace", "on a visit to Japan", "by video link"), dates it
to another day ("signed in 1990", "next month"), negates it or puts it off ("will meet"); a
signing needs a document signed ("signed up customers", "signed for a club" are none), a meeting
someone named met ("met expectations" is none), and a contest won from home is not held there
("NAIROBI — Kiprop won the Boston Marathon").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Fact
from .arguments import Arguments
from .coref import country_named
from .gazetteer import Place, gazetteer
from .lexicon import lexicon
from .mentions import DocumentEntities

RULE = "dateline-place"
ELSEWHERE_PREPOSITIONS = ("off", "aboard", "during")     # with the lexicon's position prepositions
PARTIES = ("Person", "Country", "Organization")
DEFERRING_AUXILIARIES = ("will", "would", "could", "may", "might", "shall", "should", "must")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSES = ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis")


def dateline_facts(doc: Doc, found: DocumentEntities, args: Arguments, confidence: float) -> list[Fact]:
    """Facts placing the lede's event in the dateline's town, if the lede reports one."""
    if found.dateline is None or found.dateline[2] + 1 >= len(doc):
        return []
    town_mention = found.by_token.get(found.dateline[0])
    town = town_mention.entity if town_mention else None
    if town is None or found.entities[town].type != "City":
        return []
    lede = doc[found.dateline[2] + 1].sent
    verb = lede.root
    if verb.pos_ != "VERB" or verb.i <= found.dateline[2] or not _today(verb) \
            or _placed(verb, args):
        return []
    lex = lexicon()
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in lex.placed_event_verbs and _event_happened(lemma, verb, objects, args):
        doers = {key for s in args.subjects(verb) if (key := args.entity_of(s.token)) and key != town}
        return [Fact(key, f"{lemma} in", town, RULE, lede.start_char, lede.end_char, confidence, anchor=verb.i)
                for key in sorted(doers)]
    if lemma in lex.winning_verbs:
        contests = {key for c in objects if (key := args.entity_of(c)) and found.entities[key].type == "Event"
                    and not _named_elsewhere(doc, found, key, town_mention.place)}
        return [Fact(key, "held in", town, RULE, lede.start_char, lede.end_char, confidence, anchor=verb.i)
                for key in sorted(contests)]
    return []


def _today(verb: Token) -> bool:
    """Said as done, not denied or put off, and dated to no day but a weekday ("on Tuesday"; not
    "in 1990", "next month"): the dates read are the verb's own adjuncts."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in DEFERRING_AUXILIARIES) for c in verb.children):
        return False
    weekdays = lexicon().weekdays
    adjuncts = [c for c in verb.children if c.dep_ == "npadvmod"]
    adjuncts += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return not any(t.ent_type_ == "DATE" and not any(w.lower_ in weekdays for w in t.subtree) for t in adjuncts)


def _event_happened(lemma: str, verb: Token, objects: list[Token], args: Arguments) -> bool:
    """A signing signs a document; a meeting meets someone named (not "met expectations")."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False                              # "signed up 1 million customers"
    if lemma == "sign":
        return any(o.lemma_.lower() in lexicon().signed_documents for o in objects)
    met = objects + [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj"]
    return any(args.entity_type(o) in PARTIES for o in met)


def _placed(verb: Token, args: Arguments) -> bool:
    """The sentence gives the event a place of its own: a position ("outside Geneva", "at the
    palace", "on the sidelines of the summit in Vienna"), a destination ("on a visit to Japan")
    or a link ("by video link"), anywhere in the verb's own clause."""
    lex = lexicon()
    where = set(lex.position_prepositions) | set(ELSEWHERE_PREPOSITIONS)
    for tok in _own_clause(verb):
        if tok.lemma_.lower() in lex.remote_meeting_words:
            return True
        if tok.dep_ != "prep":
            continue
        objects = [g for g in tok.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
        if objects and (tok.lower_ in where or tok.lower_ == "to" and any(
                args.entity_type(o) in ("City", "Country", "Place") for o in objects)):
            return True
    return False


def _own_clause(verb: Token) -> list[Token]:
    """The verb's clause without its subjects and the clauses hung on it."""
    out, stack = [], [c for c in verb.children if c.dep_ not in SUBJECTS + CLAUSES]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ not in CLAUSES]
    return out


def _named_elsewhere(doc: Doc, found: DocumentEntities, contest: str, town: Place | None) -> bool:
    """A contest whose name names a place other than the town or its country ("the Boston
    Marathon" in a story datelined Nairobi, "the Australian Open" from London)."""
    gaz = gazetteer()
    home = {town.name, gaz.country_of(town).name if town and gaz.country_of(town) else None} if town else set()
    for m in found.mentions:
        if m.entity != contest:
            continue
        for tok in doc[m.start:m.end]:
            place = country_named(tok.text) if tok.text[:1].isupper() else None
            city = gaz.lookup(tok.text, primary_only=True) if tok.text[:1].isupper() else None
            if (place is not None and place.name not in home) or (
                    city is not None and city.kind == "City" and city.name not in home):
                return True
    return False
