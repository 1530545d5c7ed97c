"""Dependency patterns (kg/data/patterns.json) -> Facts between the article's entities.

Each pattern names its nodes: `pred` (the predicate word), `obj`, optionally `subj` (otherwise the
subject is found by `Arguments.subjects`, which follows control, relative clauses and
participles), and the words that spell the label (`prep`, `prt`, `noun`). The code here only turns
a match into facts: expand coordination, map tokens to entities, canonicalise the label.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy
from spacy.attrs import DEP, HEAD, LOWER
from spacy.tokens import Doc, Span, Token

from ..model import Entity, Fact
from .arguments import COPULAS, Arguments, Subject, is_passive, with_conjuncts
from .containment import RULE as CONTAINMENT_RULE
from .containment import containment_facts
from .coref import COMPATIBLE, agrees, dominant_entity, gone_to, salient_entity, sentences_back
from .dateline_place import RULE as DATELINE_RULE
from .dateline_place import dateline_facts
from .gapping import RULE as GAPPED_RULE
from .gapping import with_gapped_counts
from .gazetteer import Place, gazetteer
from .lexicon import lexicon, load_patterns, rule_confidence
from .mentions import (DocumentEntities, Mention, agentive, at_position, body_noun_kind, descriptor_nouns,
                       looks_like_acronym, noun_kind, office_of, portfolio_after_office)
from .prefixed_words import joined_start
from .scores import RULE as SCORE_RULE
from .scores import score_facts
from .tree_matcher import TreeMatcher
from .values import APPROXIMATELY, CURRENCY_SYMBOLS, NUMBER_WORDS, SCALE_SUFFIXES, date_value, number_value

LABEL_PARTS = ("pred", "lemma", "embedded", "prep", "prt", "noun", "word", "unit")   # what label templates may name
LOCATIVE = {"located in", "based in", "capital of", "birth place", "death place"}
LITERAL_ENT_TYPES = {"date": ("DATE",), "number": ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"),
                     "age": ("DATE", "CARDINAL"), "rank": ("ORDINAL",)}


def _expand_word_classes(node: dict, lex) -> dict:
    """Patterns name word classes as flags (`"_": {"kg_nominal": true}`); the matcher gets them as
    plain LEMMA/ENT_TYPE sets, which it tests far faster than Python extension getters."""
    flags = node.get("RIGHT_ATTRS", {}).get("_")
    if not flags:
        return node
    classes = {
        "kg_light_noun": ("LEMMA", sorted(lex.light_nouns)),
        "kg_nominal": ("LEMMA", sorted(lex.nominalizations)),
        "kg_symmetric": ("LEMMA", sorted(lex.symmetric_verbs)),
        "kg_role_noun": ("LEMMA", sorted(lex.role_words)),
        "kg_work_noun": ("LEMMA", sorted(lex.work_nouns)),
        "kg_currency": ("LEMMA", sorted(lex.currency_nouns)),
        "kg_organisation_kind": ("LEMMA", sorted(lex.organisation_kind_nouns)),
        "kg_provision_noun": ("LEMMA", sorted(lex.provision_nouns)),
        "kg_place_noun": ("LEMMA", sorted(lex.place_nouns)),
        "kg_place_participle": ("LOWER", sorted(lex.place_participles)),
        "kg_facility_noun": ("LEMMA", sorted(lex.facility_nouns)),
        "kg_seat_noun": ("LOWER", sorted(lex.seat_nouns)),
        "kg_serving_verb": ("LEMMA", sorted(lex.serving_verbs)),
        "kg_appointing_verb": ("LEMMA", sorted(lex.appointing_verbs)),
        "kg_result_verb": ("LEMMA", sorted(lex.result_verbs)),
        "kg_change_verb": ("LEMMA", sorted(lex.change_verbs)),
        "kg_level_verb": ("LEMMA", sorted(lex.level_verbs)),
        "kg_post_noun": ("LEMMA", sorted(lex.post_nouns)),
        "kg_tally_noun": ("LEMMA", sorted(lex.tally_nouns)),
        "kg_territory_noun": ("LEMMA", sorted(lex.territory_nouns)),
        "kg_presence_verb": ("LEMMA", sorted(lex.presence_verbs)),
        "kg_measure_noun": ("LEMMA", sorted(lex.measure_nouns)),
        "kg_national_measure": ("LOWER", sorted(lex.national_measure_nouns)),
        "kg_unit_noun": ("LEMMA", sorted(lex.unit_nouns)),
        "kg_amount_unit": ("LEMMA", sorted(lex.measure_units | lex.currency_nouns)),
        "kg_stake_noun": ("LEMMA", sorted(lex.stake_nouns)),
        "kg_approval_noun": ("LEMMA", sorted(lex.approval_nouns)),
        "kg_tenure_noun": ("LEMMA", sorted(lex.tenure_nouns)),
        "kg_succession_verb": ("LEMMA", sorted(lex.succession_verbs)),
        "kg_speech_verb": ("LEMMA", sorted(lex.speech_verbs)),
        "kg_support_noun": ("LEMMA", sorted(lex.support_nouns)),
        "kg_race_verb": ("LEMMA", sorted(lex.race_verbs)),
        "kg_receiving_verb": ("LEMMA", sorted(lex.receiving_verbs)),
        "kg_poll_verb": ("LEMMA", sorted(lex.poll_verbs)),
        "kg_study_noun": ("LEMMA", sorted(lex.study_nouns)),
        "kg_prize_noun": ("LEMMA", sorted(lex.prize_nouns)),
        "kg_term_noun": ("LEMMA", sorted(lex.term_nouns)),
        "kg_lifetime_noun": ("LEMMA", sorted(lex.lifetime_nouns)),
        "kg_time_unit": ("LEMMA", sorted(lex.time_unit_nouns)),
        "kg_prize_holder": ("LEMMA", sorted(lex.prize_holder_nouns)),
        "kg_party_ending": ("LOWER", sorted(lex.party_name_endings)),
        "kg_state_office": ("LEMMA", sorted(w for w, kind in lex.offices.items() if kind == "Country")),
        "kg_heading_verb": ("LEMMA", sorted(lex.heading_verbs)),
        "kg_legislature": ("LOWER", sorted(lex.legislature_words)),
        "kg_led_part": ("LEMMA", sorted(lex.organisation_part_nouns - lex.governing_parts)),
    }
    attrs = {k: v for k, v in node["RIGHT_ATTRS"].items() if k != "_"}
    for flag, wanted in flags.items():
        if flag == "kg_demonym":
            attrs["ENT_TYPE"] = "NORP"       # a NORP that is not a demonym has no country node
            continue
        attr, words = classes[flag]
        forms = set(words) | {w[:-1] for w in words if w.endswith("s") and len(w) > 3}
        if attr == "LEMMA":                  # a proper noun's lemma keeps its capital: "Minister"
            forms |= {w[:1].upper() + w[1:] for w in forms}
        attrs[attr] = {"IN" if wanted else "NOT_IN": sorted(forms)}   # lemmas: "sanctions" -> "sanction"
    return {**node, "RIGHT_ATTRS": attrs}


def _calibrated(rule: str, default: float) -> float:
    return rule_confidence().get(rule, default)


class RelationExtractor:
    def __init__(self, vocab) -> None:
        self.lex = lexicon()
        patterns = load_patterns()
        names = Counter(p["name"] for p in patterns)
        if len(names) != len(patterns):          # a second pattern of one name would silently replace the first
            raise ValueError(f"patterns.json: rule names used twice: {sorted(n for n, k in names.items() if k > 1)}")
        self.specs = {p["name"]: {**p, "confidence": _calibrated(p["name"], p["confidence"]),
                                  "pattern": [_expand_word_classes(n, self.lex) for n in p["pattern"]]}
                      for p in patterns}
        self.matcher = TreeMatcher(vocab)      # spaCy DependencyMatcher's matches, about 14x faster
        for spec in self.specs.values():
            self.matcher.add(spec["name"], [spec["pattern"]])
        # per match id: the spec and its node names, in the order the matcher gives the tokens
        self._by_key = {vocab.strings.add(spec["name"]): (spec, tuple(n["RIGHT_ID"] for n in spec["pattern"]))
                        for spec in self.specs.values()}
        # per rule: the parts its label template names, made per match (see `_label_part`)
        self._label_parts = {spec["name"]: tuple(part for part in LABEL_PARTS if "{" + part + "}" in spec["label"])
                             for spec in self.specs.values()}
        self._deps = {name: vocab.strings.add(name) for name in
                      ("neg", "conj", "prep", "agent", "advcl", "xcomp", "acl", "det", "advmod")}
        self._no, self._yet, self._to = (vocab.strings.add(w) for w in ("no", "yet", "to"))

    def _tree_marks(self, doc: Doc) -> tuple[set[int], set[int], set[int]]:
        """Three per-doc sets read off one `Doc.to_array`: the tokens with a "neg" child or a "no"
        determiner and the verbs denied by what governs them ("has no plans to close", "has yet to
        win"; `_facts` asks of every match's predicate, role noun and subjects), the prepositions repeated in a
        coordination ("by A and by B": the first "by"), and the tokens with a "conj", "advcl" or
        "xcomp" child (without one, `_nearer_verb` and `_fronted_participle` find nothing: most
        predicates have none). Asking each `Token` costs a Token per child and a string
        look-up per attribute."""
        table = doc.to_array([DEP, HEAD, LOWER])
        deps, lowers = table[:, 0].tolist(), table[:, 2].tolist()
        heads = (table[:, 1].astype(numpy.int64) + numpy.arange(len(doc))).tolist()
        neg, conj, prep, agent, advcl, xcomp, acl, det, advmod = (
            self._deps[name] for name in ("neg", "conj", "prep", "agent", "advcl", "xcomp", "acl", "det", "advmod"))
        no_nouns = {head for head, dep, lower in zip(heads, deps, lowers) if dep == det and lower == self._no}
        negated = {head for head, dep in zip(heads, deps) if dep == neg} | no_nouns      # "faced no criticism"
        not_yet = {head for k, (head, dep, lower) in enumerate(zip(heads, deps, lowers))   # "has yet to win",
                   if dep == advmod and lower == self._yet and k + 1 < len(lowers) and lowers[k + 1] == self._to}   # not "and yet"
        negated |= {i for i, (head, dep) in enumerate(zip(heads, deps))
                    if (dep == acl and head in no_nouns) or (dep == xcomp and head in not_yet)}
        repeated = {head for head, dep, lower in zip(heads, deps, lowers)
                    if dep == conj and deps[head] in (prep, agent) and lower == lowers[head]}
        clause_heads = {head for head, dep in zip(heads, deps) if dep in (conj, advcl, xcomp)}
        return negated, repeated, clause_heads

    def __call__(self, doc: Doc, found: DocumentEntities, refs: dict[int, str]) -> list[Fact]:
        args = Arguments(found, refs)
        facts: list[Fact] = []
        negated, repeated, clause_heads = self._tree_marks(doc)
        for match_id, token_ids in self.matcher(doc):
            spec, names = self._by_key[match_id]
            nodes = {name: doc[i] for name, i in zip(names, token_ids)}
            if "pred" in nodes:
                if "prep" in nodes and nodes["pred"].i in clause_heads:     # else neither finds one
                    nodes["pred"] = _fronted_participle(nodes["pred"], nodes["prep"]) \
                        or _nearer_verb(nodes["pred"], nodes["prep"]) or nodes["pred"]
                if spec.get("literal") in RESULT_LITERALS and \
                        _after_absolute(nodes["pred"], nodes.get("prep") or nodes["obj"]):
                    continue
            for each in _with_coordinated_prepositions(nodes) if repeated.intersection(token_ids) else (nodes,):
                facts.extend(self._facts(spec, each, args, found, negated))
        titled = _title_words(found)
        facts = [f for f in facts if (frozenset((f.subject, f.object)), f.anchor) not in titled]
        title_facts = _title_facts(doc, found)
        held = {(f.subject, f.object) for f in title_facts}         # "Judge X of the Court": judge, not member
        facts = [f for f in facts if f.rule != "person-of-organisation" or (f.subject, f.object) not in held]
        facts.extend(title_facts)
        facts.extend(_descriptor_facts(doc, found))
        facts.extend(_name_demonym_facts(doc, found))
        facts.extend(_demonym_reference_facts(doc, found, refs))
        facts.extend(_kind_before_name_facts(doc, found))
        facts.extend(_affiliation_facts(doc, found))
        facts.extend(containment_facts(doc, found, _calibrated(CONTAINMENT_RULE, 0.8)))
        facts.extend(_counterpart_offices(facts, found))
        facts.extend(score_facts(doc, args, _calibrated(SCORE_RULE, 0.75)))
        facts.extend(dateline_facts(doc, found, args, _calibrated(DATELINE_RULE, 0.6)))
        facts = with_gapped_counts(doc, found, facts, _calibrated(GAPPED_RULE, 0.7))
        return _most_specific(self._received_read_as_given(facts))

    def _received_read_as_given(self, facts: list[Fact]) -> list[Fact]:
        """ "X drew criticism from Y" is Y criticizing X: the giver's reading replaces the literal
        one read off the same verb ("X draw criticism from Y")."""
        given = {(f.anchor, f.object, f.subject) for f in facts if self.specs.get(f.rule, {}).get("provision")}
        return [f for f in facts if (f.anchor, f.subject, f.object) not in given
                or self.specs.get(f.rule, {}).get("provision")] if given else facts

    def _facts(self, spec: dict, nodes: dict[str, Token], args: Arguments,
               found: DocumentEntities, negated: set[int]) -> list[Fact]:
        """`negated`: the tokens with a "neg" child or a "no" determiner and the verbs denied by
        what governs them (see `_tree_marks`)."""
        pred = nodes.get("pred") or nodes.get("noun") or nodes["obj"]
        if pred.i in negated or ("noun" in nodes and nodes["noun"].i in negated):
            return []                        # "did not sign", "faced no criticism from Y"
        if spec.get("active_only") and is_passive(pred):
            return []                        # "was freed under a deal with Y": the deal is not the subject's
        literal = spec.get("literal")
        if "no_complement" in spec and any(c.dep_ == "prep" for c in nodes[spec["no_complement"]].children):
            return []                        # "its 20-year history of losses", "… history at X"
        if "no_clause" in spec and _with_clause(nodes[spec["no_clause"]]):
            return []                        # "with 38 vessels waiting at anchor": not the subject's vessels
        if "precedes" in spec and nodes[spec["precedes"][0]].i > nodes[spec["precedes"][1]].i:
            return []                        # "X, president of Y and a keen sailor": not the sailor's Y
        if "no_of" in spec and any(c.dep_ == "prep" and c.lower_ == "of" for c in nodes[spec["no_of"]].children):
            return []                        # "three years of tuition", "3 million pounds of copper"
        if "prep" in nodes and nodes["prep"].lower_ == "with" and not literal and _ranked(nodes["obj"]) \
                and pred.lemma_.lower() in self.lex.race_verbs:
            return []                        # "finished second, with Norway's X third": X's result, no object
        if "undetermined" in spec and any(c.dep_ == "det" for c in nodes[spec["undetermined"]].children):
            return []                        # "in the two countries", "those 12 markets": named before
        if "unquoted" in spec and _quoted(nodes[spec["unquoted"]]):
            return []                        # '"We will grow," X said on Tuesday': words, not news
        if spec.get("state_span") and not _states_a_span(pred):
            return []
        if spec.get("role_noun") and not _role_noun(nodes["noun"]):
            return []                        # "X, a former banker at Y", not a misparsed "chemistry at Y"
        if spec.get("said_of_subject") and pred.lemma_.lower() not in self.lex.succession_verbs \
                and any(c.dep_ == "dobj" and args.entity_type(c) == "Person" for c in pred.children):
            return []                        # "named Vidal as envoy to Peru": the role is the object's
        frame = self._frame(spec, nodes, pred, args)
        if frame is None:
            return []                        # no entity to point to: no need to make the label
        label = self._label(spec, nodes)
        if label is None:
            return []
        subjects, objects, label = frame[0], frame[1], frame[2] or label
        sent = args.sentence(pred)
        out = []
        for subject in subjects:
            if subject.token.i in negated and subject.modality is None:
                continue
            said = f"{subject.modality} to {label}" if subject.modality in self.lex.negative_control_verbs \
                else label                   # "failed to consult Y": not "consult Y"
            keys = _measure_owner(subject.token, found) if spec.get("unowned_measure") else _subject_keys(subject.token, args)
            for s_key in keys:
                if "unpossessed" in spec and _someone_elses(nodes[spec["unpossessed"]], s_key, args):
                    continue                 # "praised X for her years as chair": X's years, not the subject's
                for obj in objects:
                    if literal:
                        value = _literal(obj, literal)
                        if value is None or not _types_ok(spec, found.entities[s_key]):
                            continue
                        if literal == "description":
                            said = _description_label(obj, found.entities[s_key])
                            if said is None:
                                continue
                        out.append(Fact(s_key, said, value[0], spec["name"], sent.start_char, sent.end_char,
                                        spec["confidence"], value[1], subject.modality, pred.i))
                        continue
                    o_key = args.entity_of(obj)
                    if o_key is None or o_key == s_key or (
                            "noun" in nodes and found.entity_at(nodes["noun"].i) == o_key):
                        continue             # "The Archbishop of Mbabane, X,": the title is no body
                    if not _types_ok(spec, found.entities[s_key], found.entities[o_key]):
                        continue
                    s_final = _metonymy(s_key, label, found)
                    if s_final == o_key:
                        continue
                    out.append(Fact(s_final, _for_subject(said, found.entities[s_final]), o_key, spec["name"],
                                    sent.start_char, sent.end_char, spec["confidence"], None, subject.modality, pred.i))
        return out

    def _frame(self, spec: dict, nodes: dict[str, Token], pred: Token,
               args: Arguments) -> tuple[list[Subject], list[Token], str | None] | None:
        """Who the fact is about and what it points to (and, rarely, a label that replaces the
        template's); None when the match says nothing about the entities."""
        literal = spec.get("literal")
        if spec["object"] == "@pred":
            objects = [s.token for s in args.subjects(pred)]
        elif spec["object"] == "@raiser":
            owner = args.round_owner(nodes["round"])
            objects = [owner] if owner is not None else []
        elif spec.get("possessor_is_agent") and nodes["obj"].tag_ == "PRP$" and not is_passive(pred):
            objects = [s.token for s in args.subjects(pred)]     # "Acme named X as its chief": Acme's
        elif literal or spec.get("symmetric") or spec.get("lone_object"):   # "between X and Y": Y is the
                                                    # conjunct itself; "X's party and its partner": X's is one
            objects = [nodes["obj"]]
            if literal == "number":
                objects += _converted_amounts(nodes["obj"])
        else:
            objects = _without_city_country(nodes["obj"], args)
        objects += [e for o in objects if args.entity_of(o) is None for e in args.examples_of(o)]
        if not literal and not any(args.entity_of(o) for o in objects):
            return None                      # most matches point to no entity: no subject to look for
        if spec["subject"] != "@pred":
            head = nodes[spec["subject"]]
            subjects = [Subject(t) for t in (with_conjuncts(head) if spec.get("coordinated_subjects") else (head,))]
        else:
            subjects = args.subjects(pred)
            if literal in (None, "date") and is_passive(pred) and not any(args.entity_of(s.token) for s in subjects) \
                    and (agents := args.named_agents(pred)):
                # "the agreement was signed in Maseru by X": the thing done is no entity, so the
                # clause tells of X, in the active ("sign in"); X takes an event date ("was
                # published by X on Monday"), not the thing's ("acquisition date", a creation's)
                if not literal:
                    return [Subject(t) for t in agents], objects, self._label(spec, nodes, active=True)
                said = None if pred.lemma_ in self.lex.creation_verbs else self._label(spec, nodes)
                return ([Subject(t) for t in agents], objects, None) if said and said.startswith("date ") else None
            if "described_sayer_of" in spec and subjects and _described(subjects[0].token, self.lex):
                main = args.subjects(nodes[spec["described_sayer_of"]])   # "X bought Y, the company said": X;
                kind = self.lex.definite_heads.get(subjects[0].token.lemma_.lower())   # not "India's regulator
                if kind is None or all(args.entity_type(s.token) in COMPATIBLE.get(kind, (kind,)) for s in main):
                    subjects = main                                       # approved it, the company said"
        created_in = self.lex.creation_verbs.get(pred.lemma_)
        if spec["subject"] != "@pred" or not created_in or is_passive(pred) or spec.get("taken_on"):
            return subjects, objects, None
        # Creation verbs: "X founded Y in 2008 in Z" -- the date and the place are Y's, and
        # "X co-founded Y with W" -- W founded Y too.
        made = [c for c in pred.children if c.dep_ == "dobj"]
        named = [c for c in made if args.entity_of(c)]
        prep = nodes["prep"].lower_ if "prep" in nodes else ""
        if literal == "date":
            if made and not named:
                return None                  # "launched a rail project in 2017": the project's date
            return ([Subject(c) for c in named] or subjects), objects, None
        if named and prep in ("in", "at", "near"):
            return [Subject(c) for c in named], objects, created_in
        if named and prep == "with" and any(args.entity_type(o) == "Person" for o in objects):
            return [Subject(o) for o in objects], named, _verb_form(pred, passive_as_lemma=True)
        return subjects, objects, None

    def _label(self, spec: dict, nodes: dict[str, Token], active: bool = False) -> str | None:
        """Render the label template, then canonicalise it through the predicate tables; `active`
        names a passive verb by its lemma, as its agent does it."""
        lex = self.lex
        pred = nodes.get("pred")
        template = spec["label"]
        parts = {}
        for name in self._label_parts[spec["name"]]:     # only what the template asks for
            part = self._label_part(name, nodes, template, active)
            if part is None:
                return None                  # a part the parse does not give ("intends … by 2028", no verb)
            parts[name] = part
        raw = " ".join(template.format(**parts).split())
        if spec.get("literal"):
            if pred is not None and "prep" in nodes and (spec.get("state_span") or (
                    spec.get("literal") == "date" and nodes["prep"].lower_ == "since")):
                return _state_label(pred, nodes["prep"].lower_)
            if raw in lex.literal_labels:
                return lex.literal_labels[raw]
            if spec.get("event_dates") and pred is not None and pred.lemma_.lower() not in lex.undated_verbs:
                return _event_date_label(pred)
            return raw if spec.get("raw_label") else None
        if spec.get("nominal"):
            return self._nominal_label(spec, nodes)
        if spec.get("work"):
            return lex.work_nouns.get(nodes["noun"].lemma_.lower())
        if spec.get("provision"):
            return lex.provision_nouns.get(nodes["noun"].lemma_.lower())
        if spec.get("symmetric"):
            return lex.symmetric_verbs.get(pred.lemma_.lower())
        return lex.label_map.get(raw, raw)

    def _label_part(self, name: str, nodes: dict[str, Token], template: str, active: bool = False) -> str | None:
        """One `{name}` of a label template, read off the match."""
        pred = nodes.get("pred")
        if name == "pred":
            return _verb_form(pred, with_particle="{prt}" not in template, passive_as_lemma=active) \
                if pred is not None else ""
        if name == "lemma":                  # "X set up Y"
            return _verb_form(pred, passive_as_lemma=True) if pred is not None else ""
        if name == "embedded":
            verb = _embedded(pred, self.lex)
            return _verb_form(verb, passive_as_lemma=True) if verb is not None else None
        if name == "noun":
            return _noun_phrase(nodes["noun"], self.lex.role_words) if "noun" in nodes else ""
        return nodes[name].lower_ if name in nodes else ""     # "prep", "prt", "word"

    def _nominal_label(self, spec: dict, nodes: dict[str, Token]) -> str | None:
        entry = self.lex.nominalizations.get(nodes["pred"].lemma_.lower())
        if entry is None:
            return None
        if "subj" not in nodes:
            agent_marker = "implicit"
        else:
            agent_marker = "poss" if nodes["subj"].dep_ == "poss" else nodes["aprep"].lower_
        if agent_marker not in entry["agent"] or nodes["prep"].lower_ not in entry["patient"]:
            return None
        return entry["verb"]


def _subject_keys(tok: Token, args: Arguments) -> list[str]:
    """The entity a subject stands for, or each one of "the two ministers"."""
    key = args.entity_of(tok)
    return [key] if key else args.group_of(tok)


PLACE_ENT_TYPES = ("GPE", "NORP", "LOC")


def _measure_owner(noun: Token, found: DocumentEntities) -> list[str]:
    """ "Inflation quickened to 24.8 percent": a national measure the sentence gives no owner is
    the country the article is about, if it is about one. Not when the sentence names a place or
    a people anywhere ("In Argentina, inflation …", "… in the euro zone"), nor when a modifier
    narrows the measure to something else ("the global economy"): an owner the sentence names is
    the possessed and placed patterns' to state."""
    kinds = lexicon().measure_kind_words
    if any(c.dep_ in ("poss", "prep", "nmod") or c.pos_ == "PROPN" or (
            c.dep_ in ("amod", "compound") and c.ent_type_ != "DATE" and c.lower_ not in kinds)
           for c in noun.children):
        return []                        # "annual consumer price inflation" is the measure itself
    if any(t.ent_type_ in PLACE_ENT_TYPES for t in noun.sent):
        return []
    country = dominant_entity(noun.doc, found, ("Country",))
    return [country] if country else []


def _role_noun(noun: Token) -> bool:
    """A noun that can say what someone or something is to a body: a person noun (banker, member,
    head) or a part of a body (arm, unit, board)."""
    return noun_kind(noun) is not None or noun.lemma_.lower() in lexicon().organisation_part_nouns


def _for_subject(label: str, subject: Entity) -> str:
    """People have a nationality; organisations and places have a country."""
    return "country" if label == "nationality" and subject.type != "Person" else label


def _without_city_country(obj: Token, args: Arguments) -> list[Token]:
    """Coordinated objects, except the country of "in Gdańsk, Poland": that one locates the city."""
    out = [obj]
    for conj in obj.conjuncts:
        city = args.entity_of(out[-1])
        country = args.entity_of(conj)
        entities = args.found.entities
        if city and country and entities[city].type == "City" and entities[country].type == "Country" \
                and conj.i == out[-1].i + 2 and conj.doc[conj.i - 1].text == ",":
            continue
        out.append(conj)
    return out


def _verb_form(tok: Token, with_particle: bool = True, passive_as_lemma: bool = False) -> str:
    """Lemma for active verbs and nouns; the participle for passives ("born", "located"); with
    the particle ("set up (by)", not "set") unless the label template places it itself."""
    word = tok.lower_ if tok.pos_ in ("VERB", "AUX") and is_passive(tok) and not passive_as_lemma \
        else tok.lemma_.lower()
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "") if with_particle else ""
    return f"{word} {prt}".strip()


def _fronted_participle(pred: Token, prep: Token) -> Token | None:
    """ "Born on May 12, 1937, in Bergen, the daughter of …, X studied …": the parser hangs "in
    Bergen" on the main verb, but a phrase before the main clause's subject belongs to the fronted
    participle it follows."""
    if prep.head.i != pred.i:
        return None
    subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or prep.i > subject.i:
        return None
    return next((c for c in pred.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < prep.i), None)


def _nearer_verb(pred: Token, prep: Token) -> Token | None:
    """ "X employs 1,800 people and supplies cells to carmakers", "X agreed to buy Y, a … maker of
    …, for $2 billion": the parser hangs the phrase on the first verb, but a phrase after a
    coordinated verb and its object, or after the verb a control verb governs and its object,
    belongs to that verb."""
    if prep.head.i != pred.i or prep.i < pred.i:
        return None
    controls = pred.lemma_.lower() in lexicon().control_verbs
    return next((c for c in reversed(list(pred.children)) if c.pos_ == "VERB" and c.i < prep.i
                 and (c.dep_ == "conj" or (c.dep_ == "xcomp" and controls))
                 and any(g.dep_ == "dobj" and g.i < prep.i for g in c.children)), None)


RESULT_LITERALS = ("time", "duration", "rank")


def _after_absolute(pred: Token, word: Token) -> bool:
    """ "X finished second, with Y third in 2:20:12": a place or time after an absolute "with"
    phrase is that phrase's runner's, even when the parser hangs it on the main verb."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and c.i < word.i for c in pred.children)


def _states_a_span(pred: Token) -> bool:
    """ "has led X for six years", "was banned for two years", "will run for ten years": a 'for'
    phrase measures a state that holds over the span when the verb is perfect, passive or one of
    lasting; not "asked for three days", "signed a contract for ten years", and not after a
    superlative or an ordinal ("closed at their lowest for 14 years": in 14 years)."""
    if any(t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL" for t in pred.subtree):
        return False
    return pred.lemma_.lower() in lexicon().span_verbs or any(
        c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "have") for c in pred.children)


def _state_label(pred: Token, word: str) -> str | None:
    """How long, or since when, a state has held: "has led the party since 2019" -> "lead since",
    "has run it for six years" -> "run for", "has been chief executive since 2019" -> "chief
    executive since" (a copula's noun says what the subject has been), "has been in office since"
    -> "since"; "has been there for six years" says too little to state."""
    if pred.lemma_.lower() in COPULAS:
        attr = next((c for c in pred.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is not None:
            return f"{_noun_phrase(attr, lexicon().role_words)} {word}"
        return word if word == "since" else None
    rest = next((f" {c.lower_}" for c in pred.children if c.dep_ == "prt"), "")
    return f"{pred.lemma_.lower()}{rest} {word}"


def _embedded(pred: Token | None, lex) -> Token | None:
    """The verb a control verb governs ("intends to double" -> double), else the verb itself: an
    adjunct the parser hung on the control verb belongs to what is intended (None when the parse
    shows no such verb)."""
    if pred is not None and pred.lemma_.lower() in lex.control_verbs:
        embedded = next((c for c in pred.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if embedded is not None or any(c.lower_ == "to" for c in pred.children):
            return embedded                  # (a "to" the parser left without its verb: say nothing)
    return pred                              # "managed the fund from 2012": a plain transitive


def _described(tok: Token, lex) -> bool:
    """ "the company", "the two carriers", "the government": a definite description of a body, not
    a name, a pronoun or people ("the officials" may be anyone's)."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in lex.definite_heads or lemma in lex.country_standins) \
        and noun_kind(tok) != "Person" and any(c.dep_ == "det" and c.lower_ in ("the", "both") for c in tok.children)


def _ranked(name: Token) -> bool:
    """A name with its finishing position, on it or right after it: the subject of an absolute
    with-clause."""
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    return any(c.ent_type_ == "ORDINAL" and c.dep_ in ("advmod", "amod", "npadvmod") for c in name.children) \
        or (after is not None and after.ent_type_ == "ORDINAL" and after.dep_ == "advmod")


def _quoted(clause: Token) -> bool:
    """Whether a clause is a quotation: a quotation mark opens it or closes it."""
    words = list(clause.subtree)
    doc = clause.doc
    edges = [words[0], *([doc[words[0].i - 1]] if words[0].i > 0 else []),
             words[-1], *([doc[words[-1].i + 1]] if words[-1].i + 1 < len(doc) else [])]
    return any(t.is_quote for t in edges)


def _event_date_label(pred: Token) -> str | None:
    """When an unlisted event happened to the subject: "was discovered in 1911" -> "date
    discovered", "joined in 2015" -> "date joined", "will reach it in 2031" -> "reach date"; a
    light verb needs its noun ("made his debut in 2021" -> "date made debut"), except an event
    held ("the summit will be held in October" -> "date held"). "Was first held in 1974" and "the
    first Cup was held in 1888" -> "first held"; not "finished first in 2019" (a rank)."""
    lex = lexicon()
    rest = next((f" {c.lower_}" for c in pred.children if c.dep_ == "prt"), "")
    if pred.lemma_.lower() in lex.light_verbs:   # "made his debut" -> "date made debut"
        noun = next((c for c in pred.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if noun is not None:
            rest = f"{rest} {noun.lemma_.lower()}"
        elif not (pred.lemma_.lower() in lex.staging_verbs and is_passive(pred)) or any(
                c.dep_ == "nsubjpass" and c.ent_type_ == "PERSON" for c in pred.children):   # "was held in custody"
            return None
    if pred.tag_ in ("VBD", "VBN"):
        first = any(c.dep_ == "advmod" and c.lower_ == "first" and c.i < pred.i for c in pred.children) or any(
            c.dep_ == "nsubjpass" and any(g.dep_ == "amod" and g.lower_ == "first" for g in c.children)
            for c in pred.children)
        return f"first {pred.lower_}{rest}" if first else f"date {pred.lower_}{rest}"
    return f"{pred.lemma_.lower()}{rest} date"


def _noun_phrase(noun: Token, role_words: frozenset[str]) -> str:
    """A noun with its compound words, for a label: "prime minister", "chief executive", whole
    where the tokenizer cut them at a hyphen ("non-executive chairman"); an adjective between title
    words ("chief medical officer") and a title's portfolio ("minister of finance") are kept; a past
    role says so ("former mayor", also for the second of "former president and chief executive"),
    other qualifiers ("acting", "new") are dropped."""
    lex = lexicon()
    doc = noun.doc
    mods = [c for c in noun.children if c.i < noun.i and (
        c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ in role_words and c.lower_ not in
                                 lex.title_keep_words))]
    mods += [c for c in noun.children if c.dep_ == "amod" and c.i < noun.i and c not in mods   # "chief
             and doc[c.i - 1] in mods and doc[c.i - 1].lower_ in role_words]       # [scientific] officer"
    words = [doc[joined_start(doc, m.i):m.i + 1].text.lower() for m in sorted(mods, key=lambda t: t.i)
             if m.lower_ in role_words or not (m.ent_type_ or m.pos_ == "PROPN" or looks_like_acronym(m.text)
                                                 or m.lemma_.lower() in lex.currency_nouns)]   # no names: "welcome the WHO
    owners = (noun, noun.head) if noun.dep_ == "conj" else (noun,)                # team", "euro grant"
    past = any(c.dep_ == "amod" and c.lower_ in lex.former_words for n in owners for c in n.children)
    lemma = noun.lower_ if noun.lower_ in lex.mass_nouns_in_s else noun.lemma_.lower()   # not "economic"
    return " ".join(["former"] * past + [*words, lemma, *_portfolio(noun)])


def _portfolio(noun: Token) -> list[str]:
    """The portfolio a title names after it: "Minister [of Finance]", "Secretary [of State for
    Business and Trade]"; nothing when what follows is a body or a place ("President of Kenya")."""
    doc = noun.doc
    end = portfolio_after_office(doc, noun.i, len(doc))
    if end is None or end == noun.i + 2 or any(t.right_edge.i >= end for t in doc[noun.i + 1:end] if t.pos_ == "ADP"):
        return []                            # "minister of national reconciliation": more than portfolio words
    return [t.lower_ for t in doc[noun.i + 1:end]]


ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


def _someone_elses(noun: Token, key: str, args: Arguments) -> bool:
    """The noun has a possessor that is not the entity `key`: a name, or a pronoun resolved to
    someone else ("In her two years as minister, X …": a "her" before its name stays X's)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    found = args.entity_of(owner)
    if found or owner.pos_ == "PROPN":
        return found != key
    if owner.lower_ in args.lex.plural_pronouns:    # an unresolved pronoun must fit the subject:
        return True                                  # not "their", not "his" for a woman
    return owner.lower_ in args.lex.person_pronouns and not agrees(owner, key, {key: args.found.entities[key].label})


def _with_coordinated_prepositions(nodes: dict[str, Token]) -> list[dict[str, Token]]:
    """The match, and the same match through a repeated preposition the parser coordinates with
    the matched one: "financed by A and by B", "talks in Oslo and in Riga" (B and Riga as objects)."""
    found = [nodes]
    for name, prep in nodes.items():
        if prep.dep_ not in ("prep", "agent"):
            continue
        below = [n for n, t in nodes.items() if t.dep_ == "pobj" and t.head.i == prep.i]
        if len(below) != 1 or any(nodes[below[0]].is_ancestor(t) for t in nodes.values()):
            continue                         # "as ambassador to Chile and as minister": the second
                                             # phrase has no "to Chile" of its own
        for again in prep.children:
            obj = next((g for g in again.children if g.dep_ == "pobj"), None)
            if again.dep_ == "conj" and again.lower_ == prep.lower_ and obj is not None:
                found.append({**nodes, name: again, below[0]: obj})
    return found


def _converted_amounts(value: Token) -> list[Token]:
    """The same amount in another unit, alone in brackets after it: "310 million euros ($335 million)",
    not "$2.1 billion ($35 a share)" or "($2.6 billion including debt)"."""
    doc = value.doc
    return [c for c in value.rights if c.dep_ in ("appos", "npadvmod", "dep")
            and (c.ent_type_ in ("MONEY", "QUANTITY") or c.lemma_.lower() in lexicon().currency_nouns)
            and doc[c.left_edge.i - 1].text == "(" and c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == ")"
            and all(t.i == c.i or t.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL") or t.tag_ == "$"
                    or APPROXIMATELY.match(t.lower_ + " ") for t in c.subtree)]   # not "($35 a share)"


def _literal(tok: Token, kind: str) -> tuple[str, str] | None:
    if kind in ("description", "ranking"):  # "ranking": "seventh-largest container carrier", as a rank
        text = _description(tok)
        return (text, "string") if text else None
    if kind == "amount":                     # "a 294-kilometre border", "a 20,000-euro bonus": as written
        return tok.doc[tok.left_edge.i:tok.head.i + 1].text, "string"
    if kind == "time":
        return tok.text, "string"            # the pattern's SHAPE made it a time: "2:15:42" as written
    if kind == "duration":
        return _spelled_time(tok)
    if kind == "period":                     # "a five-year contract", "by 14 seconds": as written
        span = _entity_around(tok)
        last = next((c for c in tok.children if c.dep_ == "conj" and c.ent_type_ == tok.ent_type_), None)
        end = _entity_around(last).end if last is not None else span.end
        return tok.doc[span.start:end].text, "string"     # "between 2010 and 2022", NER's two dates
    if kind == "number" and tok.lemma_.lower() in lexicon().currency_nouns:
        count = next((c for c in tok.lefts if c.dep_ == "nummod"), tok)   # "4.2 billion euros", not the
        return number_value(tok.doc[count.left_edge.i:tok.i + 1].text)   # name of "fined X 40 million crowns"
    if kind == "count":                      # "in nine countries": a number word counts too
        return number_value(tok.text) if tok.tag_ == "CD" and tok.ent_type_ in ("CARDINAL", "") else None
    if kind == "rank" and ORDINAL.match(tok.text):
        return tok.text.lower(), "string"    # "Ranked 41st …": NER misses ordinals at a sentence start
    if kind == "number" and not tok.ent_type_ and tok.tag_ == "CD" and tok.text[:1].isdigit():
        return number_value(tok.text)        # "Orsano Pharma's 900 employees": a count NER left untagged
    if tok.ent_type_ not in LITERAL_ENT_TYPES[kind]:
        return None
    if kind == "number" and tok.dep_ == "nummod" and tok.head.lemma_.lower() in lexicon().unit_nouns:
        return tok.doc[tok.left_edge.i:tok.head.i + 1].text, "string"    # "75 basis points", unit kept
    if kind == "number" and tok.dep_ == "nummod" and tok.head.lemma_.lower() in lexicon().currency_nouns:
        return number_value(tok.doc[tok.left_edge.i:tok.head.i + 1].text)   # "a loss of 40 million euros"
    if kind == "age":
        return (tok.text, "integer") if tok.text.isdigit() and 0 < int(tok.text) < 120 else None
    span = _entity_around(tok)
    text = span.text
    if span.start > 0 and tok.doc[span.start - 1].text in CURRENCY_SYMBOLS:
        text = tok.doc[span.start - 1].text + text     # "$120,000" when NER leaves the "$" out
    if span.end < len(tok.doc) and not span[-1].whitespace_ and tok.doc[span.end].lower_ in SCALE_SUFFIXES:
        text += tok.doc[span.end].text                  # "€780m": the tokenizer cut the "m" off as a unit
    if tok.head.lower_ == "cent" and tok.head.i > 0 and tok.doc[tok.head.i - 1].lower_ == "per" \
            and "cent" not in text:
        text += " per cent"                              # "8 per cent": NER left the unit out
    if kind == "number" and not any(c.isdigit() for c in text) \
            and tok.head.lemma_.lower() not in lexicon().tally_nouns and tok.head.lower_ not in ("number", "no."):
        return None                          # "the two countries", "three generations": not tallies
                                             # ("world number three" is one)
    if kind == "rank":
        return text.lower(), "string"        # "third", "7th": as the result was written
    return date_value(text) if kind == "date" else number_value(text)


def _description(noun: Token) -> str | None:
    """The noun with its modifiers, without determiners, possessors and counts: "a former
    Olympic champion" -> "former Olympic champion", "the country's largest lender" -> "largest lender",
    "the third Chilean author" -> "Chilean author"; an "of" complement that names no one stays:
    "a Swedish maker of battery cells"; "the Oslo-based investment bank" and "the Oslo shipping
    group" -> "investment bank", "shipping group" (where it is based is stated by itself); one
    that names a body makes the noun a role, which
    apposition-role states ("the head of the Nordic Council")."""
    start = max([c.right_edge.i + 1 for c in noun.lefts if c.dep_ in ("det", "poss", "predet", "nummod", "punct")
                 or c.ent_type_ == "ORDINAL" or c.lower_ in lexicon().place_participles   # "Oslo-based", "the
                 or (c.dep_ == "compound" and c.pos_ == "PROPN" and _place_name(c))]     # Oslo shipping group":
                + [noun.left_edge.i])                                                    # facts of their own
    end = noun.i + 1
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if thing is not None and thing.pos_ == "PROPN":
        return None                          # "the head of the Nordic Council": a role, stated as one
    if thing is not None and thing.pos_ == "NOUN":
        end = thing.right_edge.i + 1         # "a maker of battery cells": the noun alone says little
    return AGE_PREFIX.sub("", noun.doc[start:end].text)


def _place_name(tok: Token) -> bool:
    """A known country or city, with the words compounded before it ("San Francisco")."""
    return gazetteer().lookup(tok.doc[tok.left_edge.i:tok.i + 1].text, primary_only=True) is not None


AGE_PREFIX = re.compile(r"^\d+-year-old\s+")


def _description_label(noun: Token, subject: Entity) -> str | None:
    """A person noun is a person's occupation, an organisation noun an organisation's description; a
    noun of the other kind says nothing about the subject ("X, a Lyon club": no occupation). A
    counted noun is no description: "… and Y the other 45 percent" is a gapped count."""
    if any(c.dep_ == "nummod" for c in noun.children):
        return None
    if subject.type == "Person":
        return _occupation_label(noun) if _occupation(noun) else None
    return "description" if _organisation_kind(noun) else None


def _occupation_label(noun: Token) -> str:
    """A player's position in a team is a position, not an occupation ("X, a striker,"); not "a
    defender of human rights"."""
    if noun.lemma_.lower() in lexicon().playing_positions and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return "position"
    return "occupation"


def _occupation(noun: Token) -> bool:
    """A singular person noun that says what someone does: not an office (a role, which the title
    and role rules state with its body) and not a relation to others ("brother", "member")."""
    word = noun.lower_
    return noun_kind(noun) == "Person" and noun.tag_ not in ("NNS", "NNPS") and office_of([word]) is None \
        and word not in lexicon().relational_person_nouns


SPELLED_TIME = re.compile(r"^(\d+|" + "|".join(NUMBER_WORDS) + r") hours?,? (?:and )?(\d+) minutes?(?:,? (?:and )?(\d+) seconds?)?",
                          re.IGNORECASE)


def _spelled_time(hours: Token) -> tuple[str, str] | None:
    """ "2 hours, 17 minutes, 45 seconds" -> "2:17:45", as such times are written in results."""
    doc = hours.doc
    m = SPELLED_TIME.match(doc[hours.i - 1:min(len(doc), hours.i + 9)].text)
    if m is None:
        return None
    h, mins, secs = m.groups()
    h = NUMBER_WORDS.get(h.lower(), h)       # "two hours and 9 minutes"
    return f"{h}:{int(mins):02d}" + (f":{int(secs):02d}" if secs else ""), "string"


def _entity_around(tok: Token) -> Span:
    """The entity the token is in, read off the IOB tags: `doc.ents` builds every entity's span."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _with_clause(noun: Token) -> bool:
    """ "with 38 vessels waiting", "with 6.5 km remaining": the noun has a participle after it,
    however the parser hung it; the phrase says when or how, not what the subject has."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return any(c.dep_ in ("acl", "relcl") for c in noun.children) or (after is not None and after.tag_ in ("VBG", "VBN"))


def _types_ok(spec: dict, subject: Entity, obj: Entity | None = None) -> bool:
    """The types a rule allows its subject and (for facts between entities) its object."""
    if "subject_types" in spec and subject.type not in spec["subject_types"]:
        return False
    return obj is None or not ("object_types" in spec and obj.type not in spec["object_types"])


def _metonymy(key: str, label: str, found: DocumentEntities) -> str:
    """A capital city as the agent of a political act stands for its country."""
    ent = found.entities[key]
    if ent.type != "City" or label in LOCATIVE:
        return key
    gaz = gazetteer()
    place = next((m.place for m in found.mentions if m.entity == key and m.place), None)
    if place is None or not place.is_capital:
        return key
    country = gaz.country_of(place)
    if country is None:
        return key
    country_key = _country_entity(found, country)
    target = found.entities[country_key]
    rule = f"capital-metonymy: '{ent.label}' acting for '{country.name}'"
    if rule not in target.evidence:
        target.evidence.append(rule)
    return country_key


def _country_entity(found: DocumentEntities, country: Place) -> str:
    """The country's entity, made when the article named only one of its cities."""
    key = f"Country:{country.geonames_id}"
    found.entities.setdefault(key, Entity(key, "Country", [country.name], country.geonames_id))
    return key


def _title_facts(doc: Doc, found: DocumentEntities) -> list[Fact]:
    """'<Org> Secretary General X': X holds the role, and the role ties X to the organisation."""
    facts = []
    lex = lexicon()
    offices = lex.offices
    for role in found.roles:
        sent = doc[role.person.start].sent
        person = role.person.entity
        rule = "title-role"
        office = office_of(role.title.split())
        state_office = offices.get(office) == "Country"
        body = role.organization.entity if role.organization is not None else \
            _body_after(doc, found, role.person, "Country" if state_office else "Organization")
        if body is None and role.body_noun is not None:
            body, rule = _body_named_by(doc, found, doc[role.body_noun], role.person.start), "title-implicit-body"
        elif body is None and office in lex.office_bodies and \
                (named := _body_whose_name_has(doc, found, lex.office_bodies[office], ("Organization",), role.person.start)):
            body, rule = named, "title-implicit-body"     # "Governor X said …" in a story about a central bank
        elif body is None and state_office and (host := _host_country(doc, found, role.person)):
            body, rule = host, "title-host-country"
        elif body is None and office is not None:   # "Minister of Foreign Affairs X": the minister's country
            visited = {found.entity_at(t.i) for t in sent if _visited(t, lex)} - {None}  # "Chancellor X visited Kenya"
            body = salient_entity(doc, found, role.person.start, (offices[office],), exclude=visited,
                                  count_destinations=offices[office] != "Country")     # "ambassador to Japan"
            rule = "title-implicit-body"    # "Chief executive X said …": the company the story is about
        if body is None or body == person:
            label = "rank" if all(w in lex.military_ranks for w in role.title.lower().split()) else "role"
            #                        "Lieutenant General X" holds a rank, "Attorney General X" a role
            facts.append(Fact(person, label, role.title, "title-role", sent.start_char, sent.end_char,
                              _calibrated("title-role", 0.9), "string"))
        else:
            facts.append(Fact(person, f"{role.title.lower()} of", body, rule,
                              sent.start_char, sent.end_char, _calibrated(rule, 0.85 if rule == "title-role" else 0.7)))
    return facts


def _counterpart_offices(facts: list[Fact], found: DocumentEntities) -> list[Fact]:
    """ "Foreign Secretary X and her Vietnamese counterpart, Y": Y holds X's office, for the
    country the demonym names."""
    offices = lexicon().offices
    state_office = {r.person.entity: f"{r.title.lower()} of" for r in found.roles
                    if offices.get(office_of(r.title.split())) == "Country"}
    nationality = {(f.subject, f.sentence_start): f.object for f in facts if f.predicate == "nationality"}
    out = []
    for f in facts:
        if f.predicate != "counterpart of" or f.object not in state_office:
            continue
        country = nationality.get((f.subject, f.sentence_start))
        if country is None or found.entities[country].type != "Country":
            continue
        out.append(Fact(f.subject, state_office[f.object], country, "counterpart-office", f.sentence_start,
                        f.sentence_end, _calibrated("counterpart-office", 0.75)))
    return out


def _host_country(doc: Doc, found: DocumentEntities, person: Mention) -> str | None:
    """ "X arrived in Cairo and met Foreign Minister Y": a state office held by someone a visitor
    meets belongs to the country the meeting is in. Only for the one met (not the sentence's
    subject), and only where one place in the sentence is where things happen ("in Cairo",
    "visited Lima")."""
    head = doc[person.end - 1]
    if head.dep_ not in ("dobj", "npadvmod", "pobj") or (head.dep_ == "pobj" and head.head.lower_ not in ("with", "by")):
        return None                          # (npadvmod: "met Interior Minister X" as the parser may read it)
    sent = head.sent
    lex, gaz = lexicon(), gazetteer()
    hosts = {c for m in found.mentions if sent.start <= m.start < sent.end and m.place is not None
             and _where_things_happen(doc[m.end - 1], lex)
             and (c := m.place if m.place.kind == "Country" else gaz.country_of(m.place)) is not None}
    if len(hosts) != 1:
        return None
    return _country_entity(found, hosts.pop())


def _where_things_happen(place: Token, lex) -> bool:
    return at_position(place) or _visited_object(place, lex)


def _visited(tok: Token, lex) -> bool:
    """ "visited Kenya", "flew to Kenya": a place gone to, so not the traveller's own country;
    "will represent Estonia" is no visit."""
    return _visited_object(tok, lex) or gone_to(tok)


def _visited_object(tok: Token, lex) -> bool:
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.visiting_verbs


def _body_named_by(doc: Doc, found: DocumentEntities, noun: Token, position: int) -> str | None:
    """ "Museum director X": the museum the article named ("the Andean Heritage Museum"), the one
    whose name says the noun or a synonym of it; failing that, the body of that kind the story is
    about."""
    kinds = COMPATIBLE[body_noun_kind(noun)]
    heads = lexicon().synonyms.get(noun.lemma_.lower(), frozenset((noun.lemma_.lower(),)))
    return _body_whose_name_has(doc, found, heads, kinds, position) or salient_entity(doc, found, position, kinds)


def _body_whose_name_has(doc: Doc, found: DocumentEntities, heads: frozenset[str], kinds: tuple[str, ...],
                         position: int) -> str | None:
    """The body of `kinds` named so far whose name has one of `heads` (the story's most talked-of)."""
    before = {m.entity for m in found.mentions if m.start < position and found.entities[m.entity].type in kinds}
    named = {k for k in before if heads & set(found.entities[k].label.lower().split())}
    return salient_entity(doc, found, position, kinds, exclude=set(found.entities) - named) if named else None


def _body_after(doc: Doc, found: DocumentEntities, person: Mention, kind: str) -> str | None:
    """ "Professor X of Aldermoor University", "Judge Y of the Labour Court": the title's body, of
    the office's kind: a state office's is a country ("Defence Minister X of Sweden"; "Foreign
    Minister X of the Civic Union" is a party member)."""
    i = person.end
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    body = found.by_token.get(i + 2 if doc[i + 1].lower_ == "the" else i + 1)
    return body.entity if body is not None and body.type == kind else None


def _title_words(found: DocumentEntities) -> set[tuple[frozenset, int]]:
    """The words of each "<Org> <title> <Name>" phrase, per person-organisation pair: a fact
    another rule reads off those same words restates the title; one from elsewhere in the
    sentence ("X, who co-founded Y") is a fact of its own."""
    words = set()
    for role in found.roles:
        if role.organization is None:
            continue
        pair = frozenset((role.person.entity, role.organization.entity))
        words |= {(pair, i) for i in range(min(role.organization.start, role.person.start), role.person.end)}
    return words


def _descriptor_facts(doc: Doc, found: DocumentEntities) -> list[Fact]:
    """'the French carmaker X', 'the Chilean astronomer Y': nationality from the demonym."""
    facts = []
    for d in found.descriptors:
        if d.demonym.entity == d.named.entity:
            continue
        sent = doc[d.named.start].sent
        label = _for_subject("nationality", found.entities[d.named.entity])
        facts.append(Fact(d.named.entity, label, d.demonym.entity, "descriptor-nationality",
                          sent.start_char, sent.end_char, _calibrated("descriptor-nationality", 0.85)))
    return facts


def _name_demonym_facts(doc: Doc, found: DocumentEntities) -> list[Fact]:
    """ "the Nigerian Communications Commission", "Swiss Re": a body whose name opens with a
    demonym is of that country, said where the name first appears."""
    facts, seen = [], set()
    gaz = gazetteer()
    for m in found.mentions:
        ent = found.entities.get(m.entity)
        if ent is None or ent.type != "Organization" or m.entity in seen or m.end - m.start < 2:
            continue
        seen.add(m.entity)
        country = gaz.demonym(doc[m.start].text)
        if country is None:
            continue
        sent = doc[m.start].sent
        facts.append(Fact(m.entity, _for_subject("nationality", ent), _country_entity(found, country),
                          "name-demonym-country", sent.start_char, sent.end_char,
                          _calibrated("name-demonym-country", 0.85)))
    return facts


def _demonym_reference_facts(doc: Doc, found: DocumentEntities, refs: dict[int, str]) -> list[Fact]:
    """ "The 26-year-old Italian held off X": a demonym that coreference took for a person says
    the person's nationality, if that person is the only one the last sentences name (a guess
    between two is coreference's, not a fact)."""
    facts = []
    people = None
    for i, key in refs.items():
        tok = doc[i]
        country = gazetteer().demonym(tok.text) if tok.text[:1].isupper() else None   # most refs are pronouns
        if country is None or found.entities[key].type != "Person":
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None            # "the Italian", not "the Brazilian
        if not (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr")
                and any(c.dep_ == "det" for c in tok.children)) \
                or (after is not None and after.text.isalpha() and (after.text[:1].isupper() or (
                    after.pos_ not in ("VERB", "AUX", "ADP", "CCONJ", "PRON", "DET")))):   # league", "the Dane Per Holm"
            continue
        if people is None:
            people = [(m.start, m.entity) for m in found.mentions if found.entities[m.entity].type in ("Person", "Entity")]
        start = sentences_back(tok, 2)
        if len({k for j, k in people if start <= j < i}) != 1:
            continue
        sent = tok.sent
        facts.append(Fact(key, "nationality", _country_entity(found, country), "demonym-reference",
                          sent.start_char, sent.end_char, _calibrated("demonym-reference", 0.8)))
    return facts


def _kind_before_name_facts(doc: Doc, found: DocumentEntities) -> list[Fact]:
    """'microbiologist Ada Okoro', 'the Brazilian astronomer Lia Rocha': a person noun written
    before a name, as a title is, gives the person's occupation (a title the role rules read,
    'Veteran striker X', is theirs); 'Greek ferry operator X' gives an organisation's description."""
    titled = {r.person.start for r in found.roles}
    facts = []
    for m in found.mentions:
        if m.type not in ("Person", "Organization") or m.start in titled:
            continue
        nouns, _ = descriptor_nouns(doc, m.start)
        if not nouns or nouns[-1].i != m.start - 1:
            continue
        if m.type == "Person" and _occupation(nouns[-1]):
            label, rule = _occupation_label(nouns[-1]), "occupation-before-name"
        elif m.type == "Organization" and _organisation_kind(nouns[-1]):
            label, rule = "description", "kind-before-name"   # "Greek ferry operator X", "energy company Y"
        else:
            continue
        sent = doc[m.start].sent
        text = doc[joined_start(doc, nouns[0].i):nouns[-1].i + 1].text     # "left-arm spinner", not "arm spinner"
        facts.append(Fact(m.entity, label, text, rule,
                          sent.start_char, sent.end_char, _calibrated(rule, 0.8), "string"))
    return facts


def _organisation_kind(noun: Token) -> bool:
    """A singular noun for what a body is or does: an organisation noun ("company", "fund") or an
    agentive one ("maker", "operator", "lender"), but not a relation ("rival") or an office."""
    word = noun.lower_
    return noun.pos_ in ("NOUN", "PROPN") and noun.tag_ not in ("NNS", "NNPS") \
        and word not in lexicon().relational_organisation_nouns \
        and office_of([word]) is None and (noun_kind(noun) == "Organization" or agentive(word))


def _affiliation_facts(doc: Doc, found: DocumentEntities) -> list[Fact]:
    """ "Ida Morvan (Aquila Pro Cycling)": member of the team; "Ana Lopes (Portugal)": nationality."""
    facts = []
    for person, side in found.affiliations:
        kind = found.entities[side.entity].type
        label = "nationality" if kind == "Country" else "member of" if kind == "Organization" else None
        if label is None or person.entity == side.entity:
            continue
        sent = doc[person.start].sent
        facts.append(Fact(person.entity, label, side.entity, "parenthetical-affiliation", sent.start_char,
                          sent.end_char, _calibrated("parenthetical-affiliation", 0.8)))
    return facts


def _most_specific(facts: list[Fact]) -> list[Fact]:
    """Keep one fact per (subject, object, predicate word): the longest label wins, so "take part
    in" beats "take in" read off the same verb."""
    best: dict[tuple, Fact] = {}
    for fact in facts:
        key = (fact.subject, fact.object, fact.sentence_start, fact.anchor, fact.is_literal and fact.predicate)
        kept = best.get(key)
        if kept is None or (len(fact.predicate.split()), fact.confidence) > (len(kept.predicate.split()), kept.confidence):
            best[key] = fact
    once: dict[tuple, Fact] = {}                 # one statement per fact and sentence: the surest rule
    for fact in best.values():
        key = (fact.subject, fact.predicate, fact.object, fact.sentence_start)
        if key not in once or fact.confidence > once[key].confidence:
            once[key] = fact
    return list(once.values())
