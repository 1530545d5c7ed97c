"""The dateline's town is where the story's opening event took place.

A wire story is datelined where it was reported, and when its first sentence reports an event that
happens somewhere -- a signing, a meeting, a contest won -- that is where it happened: "TURKU,
March 3 — Kenya and Lorvia signed an agreement …" was signed in Turku; "ESPOO, May 3 — X won the
Espoo Open" is a tournament held in Espoo.

Only for today's news in the simple past: nothing when the sentence names another place for the
event ("met … outside Espoo", "on the sidelines of the summit in Vienna", "on a visit to Japan",
"by video link"; a palace or a ceremony with no name is in the town), dates it to another day
("signed in 1990", "two weeks ago"; "on Tuesday" and "on Jan 9" are today's news), or denies it;
a signing needs a document signed ("signed up customers", "signed for a club" are none), a
meeting people ("met expectations" is none), and a contest won from home is not held there
("TURKU — X won the Gdynia Marathon"). A contest named after the town's country is taken to be
held in the town: right for "MELBOURNE — … the Australian Open", wrong for "SYDNEY — … the
Australian Open"; the text cannot tell them apart.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Fact
from .arguments import Arguments
from .gazetteer import Place, gazetteer
from .lexicon import lexicon
from .mentions import DocumentEntities, noun_kind
from .values import names_a_day

RULE = "dateline-place"
ELSEWHERE_PREPOSITIONS = ("off", "aboard")      # with the lexicon's position prepositions
LINK_PREPOSITIONS = ("by", "via", "over")        # "by video link", "over the phone"
PARTIES = ("Person", "Country", "Organization")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSES = ("relcl", "acl", "ccomp", "xcomp", "conj", "parataxis")   # not advcl: "…, beating X in Gdynia"


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
            or _placed(verb, args, town):
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
    """Said as done ("signed", not "has signed", "will meet", "did not meet") and dated to no other
    day: a date among the verb's own adjuncts must name a day ("on Tuesday", "on Jan 9")."""
    if verb.tag_ != "VBD" or any(c.dep_ == "neg" for c in verb.children):
        return False
    adjuncts = [c for c in verb.children if c.dep_ in ("npadvmod", "advmod")]     # "two weeks ago"
    adjuncts += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    dates = {e for e in verb.sent.ents if e.label_ == "DATE" for t in adjuncts if e.start <= t.i < e.end}
    return all(names_a_day(e.text) for e in dates)


def _event_happened(lemma: str, verb: Token, objects: list[Token], args: Arguments) -> bool:
    """A signing signs a document; a meeting meets people ("met X", "met his counterpart", "X and
    Y met"), not "met expectations"."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False                              # "signed up 1 million customers"
    if lemma == "sign":
        return any(o.lemma_.lower() in lexicon().signed_documents for o in objects)
    met = objects + [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                     for g in c.children if g.dep_ == "pobj"]
    if not met:                                   # "X and Y met on Tuesday"
        return any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for c in verb.children)
    return any(args.entity_type(o) in PARTIES or noun_kind(o) == "Person" for o in met)


def _placed(verb: Token, args: Arguments, town: str) -> bool:
    """The sentence names another place for the event, anywhere in the verb's own clause: a
    position ("outside Geneva", "on the sidelines of the summit in Vienna"), a journey's end ("on
    a visit to Japan") or a link ("by video link", "met virtually")."""
    lex = lexicon()
    where = set(lex.position_prepositions) | set(ELSEWHERE_PREPOSITIONS)
    for tok in _own_clause(verb):
        if tok.dep_ == "advmod" and tok.lower_ in lex.remote_meeting_words:
            return True
        if tok.dep_ != "prep":
            continue
        objects = [g for g in tok.children if g.dep_ == "pobj"]
        if tok.lower_ in LINK_PREPOSITIONS and any(
                w.lemma_.lower() in lex.remote_meeting_words for o in objects for w in o.subtree):
            return True
        named = [key for o in objects if (key := args.entity_of(o)) and key != town
                 and args.entity_type(o) not in ("Person", None)]
        if named and (tok.lower_ in where or (tok.lower_ == "to" and tok.head.lemma_.lower() in lex.journey_nouns)):
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
    """A contest whose name names a place other than the town or its country ("the Gdynia
    Marathon" in a story datelined Turku, "the Australian Open" from London)."""
    gaz = gazetteer()
    country = gaz.country_of(town) if town is not None else None
    home = {p.name for p in (town, country) if p is not None}
    for m in found.mentions:
        if m.entity != contest:
            continue
        for tok in doc[m.start:m.end - 1]:       # not the ending ("the Kentucky Derby": no town Derby)
            if not tok.text[:1].isupper() or (town is not None and tok.lower_ in town.name.lower().split()):
                continue                          # "New York City Marathon" from New York: not York
            place = gaz.demonym(tok.text) or gaz.lookup(tok.text, primary_only=True)
            if place is not None and place.name not in home:
                return True
    return False
