"""Who a predicate is about: subjects through control, relative clauses and participles, and the
entity a token stands for (a name, a pronoun, a relative pronoun, a predicate noun, a stand-in).

These are the general linguistic links that let one local pattern ("take part in Y") find its
real subject several clauses away ("Ottawa has signaled a desire to take part in Y").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .coref import grouping_name, sentences_back
from .gazetteer import gazetteer
from .lexicon import lexicon
from .mentions import DocumentEntities, names_a_place, noun_kind

COPULAS = {"be", "become", "remain"}
GROUP_SIZES = {"two": 2, "both": 2, "three": 3}
DEFINITE = {"the", "these", "those", "both"}      # "the two ministers", "both banks": ones already named
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PLACE_TYPES = ("Place", "City", "Country")


@dataclass(frozen=True)
class Subject:
    token: Token
    modality: str | None = None


class Arguments:
    def __init__(self, found: DocumentEntities, refs: dict[int, str]) -> None:
        self.found, self.refs, self.lex = found, refs, lexicon()
        self._entity_cache: dict[int, str | None] = {}
        self._leaders: list[tuple[int, str]] | None = None     # (team or study token, its leader)
        self._sentences: list[Span] | None = None               # token index -> its sentence
        self._subjects: dict[tuple[int, int], list[Subject]] = {}

    def entity_of(self, tok: Token) -> str | None:
        """The entity a token stands for; every pattern match asks, so answers are kept."""
        if tok.i not in self._entity_cache:
            self._entity_cache[tok.i] = self._entity_of(tok, 0)
        return self._entity_cache[tok.i]

    def _named(self, tok: Token | None) -> str | None:
        """The entity named right at `tok` (a name, or a pronoun coreference resolved)."""
        return (self.found.entity_at(tok.i) or self.refs.get(tok.i)) if tok is not None else None

    def sentence(self, tok: Token) -> Span:
        """`tok.sent`, read off one pass over the doc's sentences: `Token.sent` scans for the
        boundaries and builds a new Span on every call."""
        if self._sentences is None:
            self._sentences = [sent for sent in tok.doc.sents for _ in range(len(sent))]
        return self._sentences[tok.i]

    def _entity_of(self, tok: Token, depth: int) -> str | None:
        if depth > 4:
            return None
        key = self._by_round(tok, depth) or self.found.entity_at(tok.i) or (
            tok.pos_ == "NOUN" and self._named_by_participle(tok)) or self.refs.get(tok.i)
        if key:
            return key                       # the name a noun is given here before what it refers back to
        lower = tok.lower_
        if lower in self.lex.relative_pronouns and tok.head.dep_ == "relcl":
            return self._entity_of(self._not_a_place(_antecedent(tok.head), tok.head), depth + 1)
        if lower in self.lex.relative_pronouns and tok.dep_ == "pobj" and tok.head.head.dep_ == "relcl" \
                and tok.i < tok.head.head.i:      # "ASEAN, of which both are members,": fronted with its preposition
            if tok.head.lower_ in self.lex.time_prepositions:
                return None                  # "talks at the palace, after which they signed": the talks' time
            return self._entity_of(_antecedent(tok.head.head), depth + 1)
        if lower == "whose":
            return self._whose(tok, depth)
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None
        key = self._place_named_after(tok) or self._whole_of_part(tok)
        if key or tok.pos_ in ("ADJ", "NUM"):
            return key
        if tok.dep_ == "attr" and tok.head.lemma_ in COPULAS:
            subj = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                return self._entity_of(subj, depth + 1)
        if tok.dep_ == "appos" and _beside_its_head(tok):
            key = self._entity_of(tok.head, depth + 1)
            if key:
                return key                   # "X, the epidemiologist": X; "Its director, the
                                             # epidemiologist Y,": the name in its own apposition
        if tok.dep_ == "compound" and tok.pos_ == "NOUN":
            return self.found.entity_at(tok.head.i)      # "the fashion house Vettori": the house is Vettori
        key = self._named_by_participle(tok)
        if key:
            return key
        for child in tok.children:
            if child.dep_ == "appos":     # "Its director, the epidemiologist Y,": Y
                key = self.found.entity_at(child.i) or next(
                    (k for g in child.children if g.dep_ == "appos" and (k := self.found.entity_at(g.i))), None)
                if key:
                    return key
        return self._name_beside(tok) or self._stand_in(tok)

    def _whole_of_part(self, tok: Token) -> str | None:
        """ "claims most of the South China Sea", "bought half of X": the whole the share is of."""
        if tok.lower_ not in self.lex.share_words:
            return None
        whole = _object_of(tok, "of")
        return self.found.entity_at(whole.i) if whole is not None else None

    def _named_by_participle(self, tok: Token) -> str | None:
        """ "The drug, called Veltrix, was developed by …", "a fund known as X", "the alliance, to be
        called X,": the name given."""
        for child in tok.children:
            if child.dep_ in ("acl", "relcl") and child.tag_ == "VBN" and child.lemma_.lower() in self.lex.naming_verbs \
                    and (child.dep_ == "acl" or any(c.dep_ == "auxpass" for c in child.children)) and not _appoints(child):
                # the noun is what is named: not "the senator, who called X a liar," nor "calling X a partner"
                for named in child.children:
                    if named.dep_ == "prep" and named.lower_ == "as":
                        named = next((g for g in named.children if g.dep_ == "pobj"), named)
                    key = self.found.entity_at(named.i) if named.dep_ in ("oprd", "attr", "dobj", "pobj") else None
                    if key:
                        return key
        return None

    def _place_named_after(self, tok: Token) -> str | None:
        """ "near the city of Tamsalu", "the port of Narvik": the place named after "of" (but "the
        capital of X" is not X)."""
        if not names_a_place(tok):
            return None
        place = _object_of(tok, "of")
        key = self.found.entity_at(place.i) if place is not None else None
        return key if key and self.found.entities[key].type in PLACE_TYPES else None

    def _whose(self, tok: Token, depth: int) -> str | None:
        """ "a group whose director X warned": the group. The name right before "whose" wins over
        the parser's choice: "a member of Y (Z), whose headquarters are in W" is about Y."""
        clause = tok.head
        for _ in range(3):
            if clause.dep_ == "relcl":
                break
            clause = clause.head
        else:
            return None
        before = tok.i - 1
        while before > clause.head.i and tok.doc[before].is_punct:
            before -= 1
        return self.found.entity_at(before) or self._entity_of(clause.head, depth + 1)

    def _name_beside(self, tok: Token) -> str | None:
        """ "a Spanish amateur squad, Fundación Ciclista Navarra," and "the Hamburg law firm Lenz &
        Partner" are the name that follows, even when the parser did not attach it to the noun."""
        doc = tok.doc
        if tok.pos_ != "NOUN" or tok.i + 1 >= len(doc):
            return None
        if doc[tok.i + 1].text != ",":
            mention = self.found.by_token.get(tok.i + 1)
            named = mention is not None and mention.start == tok.i + 1 and \
                any(c.dep_ == "det" for c in tok.children)
            return mention.entity if named else None
        mention = self.found.by_token.get(tok.i + 2)
        if mention is None or mention.start != tok.i + 2:
            return None
        closed = mention.end == len(doc) or doc[mention.end].text in (",", ".", ";")
        return mention.entity if closed else None

    def _not_a_place(self, antecedent: Token, relcl: Token) -> Token:
        """ "X, from Kimberley, who finished eighth": a place in a phrase saying where someone is
        from is never "who"; the clause is about the nearest person or body before the place. A
        country or club standing as an argument may be "who" ("played for Peru, who qualified")."""
        key = self.found.entity_at(antecedent.i)
        if not (_says_who(relcl) and key and self.found.entities[key].type in PLACE_TYPES
                and antecedent.dep_ == "pobj" and antecedent.head.lower_ in ("from", "of", "in")):
            return antecedent
        earlier = range(antecedent.left_edge.i - 1, self.sentence(antecedent).start - 1, -1)
        return next((antecedent.doc[i] for i in earlier if (k := self.found.entity_at(i))
                     and self.found.entities[k].type in ("Person", "Organization")), antecedent)

    def entity_type(self, tok: Token) -> str | None:
        key = self.entity_of(tok)
        return self.found.entities[key].type if key else None

    def _stand_in(self, tok: Token) -> str | None:
        """A common noun that names its modifier: "the British government" and "the Russian war
        effort" stand for the country, "the UN command" for the organisation."""
        lemma = tok.lemma_.lower()
        if tok.dep_ == "compound" or any(c.dep_ == "appos" for c in tok.children) or lemma in self.lex.currency_nouns:
            return None                      # "the Uruguayan forward, Martín Alonso": the name decides;
                                             # "Danish crowns" are money, not Denmark
        if tok.tag_ == "NNS" and (lemma in self.lex.organisation_part_nouns or noun_kind(tok) == "Person"):
            key = self._members_of(tok)
            if key:
                return key
        if lemma in self.lex.takeover_nouns and tok.dep_ in ("nsubj", "nsubjpass"):
            verb = tok.head.lemma_
            awaits = verb in self.lex.deal_approval_verbs and (is_passive(tok.head) or any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.approval_nouns for c in tok.head.children))
            buyer = _buyer_named_in(tok) if awaits else None     # "X's takeover of Y needs approval", "was cleared"
            if buyer is None and verb in self.lex.takeover_verbs and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
                buyer = self._buyer_before(tok)
            if buyer is not None:
                return self._entity_of(buyer, 1)   # "the takeover requires approval from X": the buyer's
        if lemma in self.lex.candidacy_nouns and tok.dep_ == "dobj":
            key = self._named(next((c for c in tok.children if c.dep_ == "poss"), None))
            if key:
                return key                   # "Vietnam backed Denmark's application": Denmark
        if lemma in self.lex.team_nouns and _acts(tok):
            key = self._leader_of(tok) or self._earlier_leader(tok)
            if key:
                return key
        if lemma in self.lex.stock_nouns:    # "shares in Vantor", "Vantor's shares", "Vantor shares"
            owners = [c for c in tok.children if c.dep_ in ("poss", "compound")]
            owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                       for g in c.children if g.dep_ == "pobj"]
            return next((k for o in owners if (k := self._named(o))), None)
        part = lemma in self.lex.organisation_part_nouns and not (
            tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.lex.heading_verbs
            and lemma not in self.lex.governing_parts)        # "heads the bank's Paris office": not the bank
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and not any(
            t.lemma_.lower() in self.lex.state_asset_nouns for t in (tok, *(c for c in tok.children if c.dep_ == "compound")))
        for child in tok.children:          # "a Danish brewery" is a new thing, not Denmark; "a Turkish
                                            # army unit" is still Turkey's
            key = self._named(child)
            kind = self.found.entities[key].type if key else None
            if kind == "Country" and ((child.dep_ == "amod" and noun_kind(tok) is None and not indefinite
                                       and lemma not in self.lex.nationals_nouns) or (
                    lemma in self.lex.country_standins and child.dep_ in ("compound", "poss", "nmod", "amod"))):
                return key
            if kind == "Organization" and child.dep_ in ("compound", "poss") and part:
                return key                   # "the UN command", "Quillon's board"
            if child.dep_ == "prep" and child.lower_ == "of" and part and tok.tag_ == "NN" and not indefinite:
                key = self._named(_object_of(tok, "of"))
                if key and self.found.entities[key].type in ("Organization", "Country"):
                    return key               # "the board of Quillon", "the audit committee of X"
            if child.dep_ == "compound" and self._names_its_head(tok, child, key, kind):
                return key
        return None

    def _names_its_head(self, tok: Token, child: Token, key: str, kind: str | None) -> bool:
        """A name compounded on a body, thing or facility noun is what the noun stands for: "the
        Arvo-Linde team", "its Heron probe", "18 Celestra C220 jets", "the Kalbarri copper mine",
        "the Cerro Alto project". Not a country or a known town ("its Lagos office"), not a body
        beside another name ("the UN refugee agency"), and a facility is not named by its operating
        body ("the Velmora Bank clinic") or by a person ("the Nelson Mandela hospital")."""
        if kind in (None, "Country") or ((m := self.found.by_token.get(child.i)) is not None and m.place is not None):
            return False
        if grouping_name(child):
            return False                     # "the Premier League club" is a club, not the league
        lemma = tok.lemma_.lower()
        named = lemma in self.lex.organisation_kind_nouns or self.lex.definite_heads.get(lemma) == "Thing" or (
            lemma in self.lex.facility_nouns and kind != "Person"
            and not (kind == "Organization" and child.lower_ in self.lex.organisation_name_endings))
        return named and (kind == "Facility" or not any(c.dep_ in ("compound", "amod") and self._named(c) != key
                                                        for c in tok.children))

    def _members_of(self, tok: Token) -> str | None:
        """ "health ministers from Kenya" act for Kenya, "astronomers at the University of X" for
        the university (a body: people at a place are not the place)."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "at"):
                continue
            key = self._named(next((g for g in prep.children if g.dep_ == "pobj"), None))
            kinds = ("Country", "Organization") if prep.lower_ == "from" else ("Organization",)
            if key and self.found.entities[key].type in kinds:
                return key
        return None

    def _leader_of(self, tok: Token) -> str | None:
        """A research team or a study acts through whoever leads it: "her group", "the team, led
        by X," and "the study, headed by X," are X; a study's results are the study."""
        for child in tok.children:
            if child.dep_ == "poss":
                key = self._named(child)
                kind = self.found.entities[key].type if key else None
                if kind in ("Work", "Event") or (kind in ("Person", "Organization") and child.lower_ not in
                                                 self.lex.thing_pronouns | self.lex.plural_pronouns):
                    return key               # "its results", it being the study: the study's
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in self.lex.leading_verbs:
                agent = next(iter(agents_of(child)), None)
                key = self.entity_of(agent) if agent is not None else None
                if key and self.found.entities[key].type in ("Person", "Organization"):
                    return key
        return None

    def _earlier_leader(self, tok: Token) -> str | None:
        """ "X led the study. … The study was funded by Y": a team or study the text has already
        given a leader is that leader when it comes back as "the study" or "its results"."""
        det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
        if det is None or det.lower_ not in ("the", "its", "their"):
            return None
        if self._leaders is None:
            self._leaders = [(t.i, key) for t in tok.doc if t.lemma_.lower() in self.lex.team_nouns
                             and (key := self._leader_of(t) or self._led_by_subject(t))]
        return next((key for i, key in reversed(self._leaders) if i < tok.i), None)

    def _led_by_subject(self, tok: Token) -> str | None:
        """ "X led the study (together with Y)": the object of a leading verb, led by its subject."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in self.lex.leading_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        key = self.entity_of(subject) if subject is not None else None
        return key if key and self.found.entities[key].type in ("Person", "Organization") else None

    def group_of(self, tok: Token) -> list[str]:
        """ "The two ministers signed …", "both banks expect …": the last two (or three) people or
        countries named together ("A and B"), else named last, in the last few sentences; for
        bodies, the ones the article has named most (the parties to a merger or a partnership are
        its topic, a regulator is named once). Only a definite phrase refers back: "survived by
        two daughters" brings in new people."""
        size = next((GROUP_SIZES[c.lower_] for c in tok.children
                     if c.dep_ in ("nummod", "det", "predet") and c.lower_ in GROUP_SIZES), None)
        if size is None or tok.tag_ != "NNS" or not any(c.lower_ in DEFINITE for c in tok.children):
            return []                            # "survived by two daughters": a bare count brings in new people
        kind = noun_kind(tok) or self.lex.definite_heads.get(tok.lemma_.lower()) or \
            ("Country" if tok.lemma_.lower() in ("side", "government") else None)     # "the two sides signed"
        if kind not in ("Person", "Country", "Organization"):
            return []
        first = 0 if kind == "Organization" else sentences_back(tok, 2)     # this sentence and two before
        named = sorted([(m.start, m.entity) for m in self.found.mentions if first <= m.start < tok.i]
                       + [(i, k) for i, k in self.refs.items() if first <= i < tok.i])
        keys = [k for _, k in named if self.found.entities[k].type == kind]
        if kind == "Organization":
            top = Counter(keys).most_common(size + 1)
            clear = len(top) == size or (len(top) > size and top[size - 1][1] > top[size][1])
            return [k for k, _ in top[:size]] if clear else []
        coordinated = self._last_coordination(tok, first, kind, size)
        if coordinated:
            return coordinated                   # "Vietnam and the Philippines … both countries"
        recent = list(dict.fromkeys(reversed(keys)))
        return recent[:size] if len(recent) >= size else []

    def _last_coordination(self, tok: Token, first: int, kind: str, size: int) -> list[str]:
        """The last `size` entities of a kind named together ("A and B") from `first` up to `tok`."""
        doc, found = tok.doc, self.found
        for m in reversed([m for m in found.mentions if first <= m.start < tok.i]):
            head = doc[m.end - 1]
            if found.entities[m.entity].type != kind or head.dep_ == "conj":
                continue                         # a coordination is read from its first member
            keys = [m.entity] + [found.entity_at(c.i) for c in head.conjuncts if c.i > head.i]
            if len(keys) == size and None not in keys and all(found.entities[k].type == kind for k in keys):
                return keys if len(set(keys)) == size else []
        return []

    def round_owner(self, round_noun: Token) -> Token | None:
        """Whose funding round "the round" is: the subject of the last verb of raising before it
        with a round or a sum as its object ("X raised $85 million in a Series C round", "X has
        raised $40 million"), else its possessor ("its previous round")."""
        def raising(tok: Token) -> Token | None:
            if tok.ent_type_ == "MONEY" and tok.dep_ == "dobj" and tok.head.lemma_ in self.lex.raising_verbs:
                return tok.head              # "X said it had raised $40 million. The round was led by …"
            if tok.lemma_ not in self.lex.funding_nouns or tok.dep_ not in ("pobj", "dobj"):
                return None
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            return verb if verb.lemma_ in self.lex.raising_verbs else None
        found = self._subject_of_last(round_noun, raising)
        return found or next((c for c in round_noun.children if c.dep_ == "poss"), None)

    def _buyer_before(self, noun: Token) -> Token | None:
        """Who is buying in "the deal" or "the takeover": the subject of the last verb of buying
        before it ("X agreed to buy Y", "X will acquire Y"), if the article has one."""
        return self._subject_of_last(noun, lambda tok: tok if tok.pos_ == "VERB" and
                                     tok.lemma_ in self.lex.buying_verbs else None)

    def _subject_of_last(self, before: Token, verb_at: Callable[[Token], Token | None]) -> Token | None:
        """The subject of the last verb before `before` that `verb_at` finds (None once one is
        found without a subject: an earlier one is another event)."""
        doc = before.doc
        for i in range(before.i - 1, -1, -1):
            verb = verb_at(doc[i])
            if verb is not None:
                found = self.subjects(verb)
                return found[0].token if found else None
        return None

    def _by_round(self, tok: Token, depth: int) -> str | None:
        """ "the round, which values the firm at $620 million" and "its previous round": the firm
        and "its" are who raised the article's round."""
        if tok.dep_ == "poss" and tok.pos_ == "PRON" and tok.head.lemma_ in self.lex.funding_nouns:
            owner = self.round_owner(tok.head)
            return self._entity_of(owner, depth + 1) if owner is not None and owner.i != tok.i else None
        if tok.dep_ != "dobj" or tok.head.lemma_ != "value" or tok.pos_ != "NOUN":
            return None
        found = self.subjects(tok.head)
        subject = found[0].token if found else None
        if subject is not None and subject.lower_ in self.lex.relative_pronouns and tok.head.dep_ == "relcl":
            subject = tok.head.head               # "the round, which values …"
        if subject is None or subject.lemma_ not in self.lex.funding_nouns:
            return None
        owner = self.round_owner(subject)
        return self._entity_of(owner, depth + 1) if owner is not None else None

    def examples_of(self, tok: Token) -> list[Token]:
        """ "like-minded nations, such as Australia" / "other regions, including X": the examples;
        "a consortium of A and B": its members (any body or person named in the phrase, as the
        parser often leaves one of them outside the coordination)."""
        out = []
        members = tok.lemma_.lower() in self.lex.collective_nouns
        for prep in tok.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ == "including" or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)):
                out += [c for c in prep.children if c.dep_ == "pobj"]
            elif members and prep.lower_ == "of":
                out += [t for c in prep.children if c.dep_ == "pobj" for t in c.subtree
                        if t.dep_ in ("pobj", "conj", "nmod") and self.entity_type(t) in ("Organization", "Person", "Country")]
        return list(dict.fromkeys(t for e in out for t in (e, *e.conjuncts)))

    def subjects(self, pred: Token, depth: int = 0) -> list[Subject]:
        """The subject(s) of a verbal or nominal predicate, following control and attachment;
        many patterns match the same predicate, so answers are kept."""
        key = (pred.i, depth)
        if key not in self._subjects:
            self._subjects[key] = self._find_subjects(pred, depth)
        return self._subjects[key]

    def _find_subjects(self, pred: Token, depth: int) -> list[Subject]:
        if depth > 6:
            return []
        candidates = [c for c in pred.children if c.dep_ in SUBJECT_DEPS]
        subj = next((c for c in candidates if self.entity_of(c) is not None), candidates[0] if candidates else None)
        if subj is not None:
            if subj.lower_ in self.lex.relative_pronouns and pred.dep_ == "relcl" and _said_of_all_conjuncts(pred):
                return [Subject(t) for t in _coordination(pred.head)]
            return [Subject(t) for t in with_conjuncts(subj)]
        head, dep = pred.head, pred.dep_
        if head.i == pred.i:
            return []
        controller = head.lemma_.lower()
        urged = dep == "xcomp" and controller in self.lex.object_control_verbs
        replacing = dep == "advcl" and pred.tag_ == "VBG" and pred.lemma_.lower() in self.lex.succession_verbs \
            and any(c.dep_ == "dobj" and self.entity_type(c) == "Person" for c in pred.children)   # a successor
        appointer = head if controller in self.lex.appointing_verbs else None
        if appointer is None and replacing:  # "intends to name X as minister, replacing Y"
            appointer = next((c for c in head.children
                              if c.dep_ == "xcomp" and c.lemma_.lower() in self.lex.appointing_verbs), None)
        appointed = appointer is not None and ((dep in ("xcomp", "advcl") and _infinitive(pred)) or replacing)
        if urged or appointed:
            source = appointer if appointed else head
            obj = next((c for c in source.children if c.dep_ in (("dobj",) if replacing else ("dobj", "oprd"))), None)
            if appointed and (obj is None or self.entity_of(obj) is None):
                obj = _name_on_role(source) or obj   # "named X chief executive", X parsed into the role
            if obj is not None:                 # "urged Poland to join Y": Poland, as urged; "named X
                modality = controller if urged else None     # to succeed Y", "…, replacing Y": X succeeds
                return [Subject(t, modality) for t in with_conjuncts(obj)]
        if dep in ("xcomp", "ccomp") or (dep == "acomp"):
            modality = head.lemma_.lower() if head.lemma_.lower() in self.lex.control_verbs - COPULAS else None
            return [Subject(s.token, modality or s.modality) for s in self.subjects(head, depth + 1)]
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return self._subjects_of_noun_complement(pred, head, depth)
        if dep == "relcl":
            return [Subject(head)]
        if dep in ("advcl", "conj", "pcomp", "dep") and head.pos_ in ("VERB", "AUX", "ADP"):
            target = head.head if head.pos_ == "ADP" else head
            deed_of = self._object_blamed(pred) if dep == "pcomp" and head.lower_ == "for" else None
            if deed_of is not None:
                return [Subject(t) for t in with_conjuncts(deed_of)]
            found = self.subjects(target, depth + 1)
            if dep == "advcl" and pred.tag_ == "VBN":
                return [self._possessor_if_unnamed(s) for s in found]
            return found
        if pred.pos_ == "NOUN":
            poss = next((c for c in pred.children if c.dep_ == "poss"), None)
            if poss is not None:
                return [Subject(poss)]
            if dep == "pobj" and head.dep_ == "prep":
                owner = head.head            # "the country's largest group with assets of …": the
                if head.lower_ == "with" and owner.pos_ in ("NOUN", "PROPN") and \
                        (self.entity_of(owner) is not None or any(c.dep_ == "poss" for c in owner.children)):
                    return [Subject(owner)]  # group's, not the country's
                return self.subjects(owner, depth + 1)
            if dep in ("dobj", "attr", "nsubj", "npadvmod") and head.pos_ in ("VERB", "AUX"):
                return self.subjects(head, depth + 1) if dep != "nsubj" else []
        return []

    def named_agents(self, pred: Token) -> list[Token]:
        """The named doers in a passive's by-phrase ("was signed in Maseru by X and Y")."""
        return [t for a in agents_of(pred) for t in with_conjuncts(a) if self.entity_of(t) is not None]

    def _object_blamed(self, deed: Token) -> Token | None:
        """ "fined Vantrel for breaching the act", "fined Vantrel 40 million euros for breaching
        it": the one fined (thanked, sued, ...) for a deed did it, not the subject of the verb."""
        verb = deed.head.head                  # deed <- "for" <- the verb, or the amount it hangs on
        if verb.pos_ not in ("VERB", "AUX") and verb.dep_ == "dobj":
            verb = verb.head
        if verb.lemma_.lower() not in self.lex.reason_verbs:
            return None
        return next((c for c in verb.children if c.dep_ == "dative"), None) or \
            next((c for c in verb.children if c.dep_ == "dobj"), None)

    def _possessor_if_unnamed(self, subject: Subject) -> Subject:
        """ "Founded in 1949, its primary purpose is …": the participle is about the possessor."""
        if self.entity_of(subject.token) is None:
            poss = next((c for c in subject.token.children if c.dep_ == "poss"), None)
            if poss is not None:
                return Subject(poss, subject.modality)
        return subject

    def _subjects_of_noun_complement(self, pred: Token, noun: Token, depth: int) -> list[Subject]:
        lemma = noun.lemma_.lower()
        if pred.tag_ == "VBN" or lemma not in self.lex.modal_nouns:
            return [Subject(noun)]              # "a company founded in 2001": the noun is the subject
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            return [Subject(poss, lemma)]
        if noun.dep_ in ("dobj", "attr", "nsubj") and noun.head.pos_ in ("VERB", "AUX"):
            if noun.dep_ == "nsubj":
                return []
            return [Subject(s.token, lemma) for s in self.subjects(noun.head, depth + 1)]
        return [Subject(s.token, lemma) for s in self.subjects(noun, depth + 1)]


def agents_of(verb: Token) -> list[Token]:
    """The objects of a passive verb's by-phrase: X in "was led by X"."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _name_on_role(verb: Token) -> Token | None:
    """ "named X chief executive": the parser often makes the name a modifier of the role noun
    it is appointed to (the verb's object or predicate noun); that name is the one appointed."""
    return next((m for c in verb.children if c.dep_ in ("dobj", "oprd") and c.pos_ == "NOUN"
                 for m in c.lefts if m.dep_ in ("compound", "nmod") and m.ent_type_ == "PERSON"), None)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def is_passive(pred: Token) -> bool:
    if pred.tag_ != "VBN":
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in pred.children):
        return True
    return pred.dep_ in ("acl", "advcl") and not any(c.dep_ in SUBJECT_DEPS for c in pred.children)


def _buyer_named_in(deal: Token) -> Token | None:
    """ "the purchase of Y by X", "X's takeover of Y": the buyer the deal noun itself names; the
    by-phrase first, as a possessor may be the target ("Y's takeover by X")."""
    agent = _object_of(deal, "by")
    if agent is not None or not any(c.dep_ == "prep" and c.lower_ in ("of", "for", "with") for c in deal.children):
        return agent                          # "Y's takeover needs approval": Y is the target
    return next((c for c in deal.children if c.dep_ == "poss"), None)


def _object_of(tok: Token, preposition: str) -> Token | None:
    """The object of the preposition on `tok`: X in "most of X", "the port of X"."""
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _beside_its_head(appos: Token) -> bool:
    """An apposition follows its head's own phrase: "Denmark wants to become a partner of ASEAN,
    a status held by Norway" is about the partnership, though the parser hangs it on Denmark."""
    head = appos.head
    if appos.i < head.i:
        return True
    own = {t.i for t in head.subtree} - {t.i for t in appos.subtree}
    return all(i in own or appos.doc[i].is_punct for i in range(head.i + 1, appos.left_edge.i))


def _acts(tok: Token) -> bool:
    """A subject or a passive's agent: a team or study acts through its leader there, while
    "worked on the project" is about the project itself."""
    return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")


def _appoints(verb: Token) -> bool:
    """ "named X as its chief executive": an appointment, not a name given."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and noun_kind(g) == "Person"
                                                             for g in c.children) for c in verb.children)


def _coordination(tok: Token) -> list[Token]:
    """All of "X, Y and Z", from any one of them, in text order."""
    return sorted((tok, *tok.conjuncts), key=lambda t: t.i)


def _antecedent(relcl: Token) -> Token:
    """ "met X and Y, who heads Z": a relative clause after a coordination is about its nearest
    member, wherever the parser hung it. "Rui Costa of the Liberal Party, who won": "who" is a
    person, so the clause is about the person the body's phrase belongs to, as it is about the
    person a demonym describes."""
    members = _coordination(relcl.head)
    before = [t for t in members if t.i < relcl.i]
    head = before[-1] if len(members) > 1 and before else relcl.head
    if _says_who(relcl) and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.ent_type_ == "PERSON":
        return head.head.head
    if _says_who(relcl) and head.dep_ == "appos" and gazetteer().demonym(head.text):
        return head.head                     # "X, a Finn who took charge": X
    return head


def _says_who(relcl: Token) -> bool:
    return any(c.lower_ in ("who", "whom") and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in relcl.children)


def _said_of_all_conjuncts(relcl: Token) -> bool:
    """ "Haddad and Mansour, who met as students": a relative clause after "X and Y" is about both,
    unless its verb is singular ("… and Mansour, who heads the agency")."""
    members = _coordination(relcl.head)
    if len(members) < 2 or members[-1].i > relcl.i:
        return False                         # a clause inside the coordination is its member's
    if not any(c.dep_ == "cc" and c.lower_ == "and" for m in members for c in m.children):
        return False                         # "X or Y, who …": one of them
    verbs = [relcl, *(c for c in relcl.children if c.dep_ in ("aux", "auxpass"))]
    return not any(v.tag_ == "VBZ" or v.lower_ == "was" for v in verbs)


def with_conjuncts(tok: Token) -> list[Token]:
    """The token and its conjuncts; also the first name of "[Polaris Line] and [Orca] Shipping"
    when the parser hung it, with its "and", on the second name's head."""
    misparsed = [c for c in tok.lefts if tok.pos_ == "PROPN" and c.pos_ == "PROPN" and c.dep_ in ("nmod", "compound")
                 and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
                 and any(g.dep_ == "conj" and g.pos_ == "PROPN" and g.i < tok.i for g in c.children)]
    named = [c for a in tok.children if a.dep_ == "appos" for c in a.conjuncts] if tok.tag_ == "NNS" else []
    return [*misparsed, tok, *tok.conjuncts, *named]  # (not "the Shell and Exxon executives": a noun's modifiers;
    #                                          but "engineers X and Y": the plural's apposition names them all)
