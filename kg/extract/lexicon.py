"""The word classes and predicate tables the rules consult, loaded once from kg/data."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Lexicon:
    """Every `frozenset[str]` field is the lexicon.json list of the same name."""

    entity_labels: dict[str, str]
    role_words: frozenset[str]
    honorifics: frozenset[str]
    modal_nouns: frozenset[str]
    control_verbs: frozenset[str]
    negative_control_verbs: frozenset[str]   # "failed to consult Y": the embedded fact did not happen
    title_keep_words: frozenset[str]     # "former", "acting": qualify a title, are not part of it
    definite_heads: dict[str, str]          # noun lemma -> entity type it refers back to
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    country_standins: frozenset[str]
    light_nouns: frozenset[str]
    organisation_part_nouns: frozenset[str]
    institution_words: frozenset[str]
    organisation_name_endings: frozenset[str]
    organisation_name_openings: frozenset[str]   # "Sporting X", "Real X", "FC X": a club
    built_things: frozenset[str]             # "the Truong Son Interconnector", "the pipeline": a facility
    event_name_endings: frozenset[str]       # "the Oslo Marathon", "the Bergen Open": events
    organisation_kind_nouns: frozenset[str]
    currency_nouns: frozenset[str]
    stock_nouns: frozenset[str]              # "shares in X" move with X
    naming_verbs: frozenset[str]             # "the drug, called Veltrix,": the drug is Veltrix
    funding_nouns: frozenset[str]            # "took part in the round": invested in who raised it
    raising_verbs: frozenset[str]
    takeover_nouns: frozenset[str]           # "the takeover requires approval": the buyer's
    buying_verbs: frozenset[str]
    takeover_verbs: frozenset[str]           # what a deal itself does: requires approval, closes, forms X
    deal_approval_verbs: frozenset[str]      # "X's takeover of Y needs approval": what a deal its buyer names awaits
    approval_nouns: frozenset[str]           # "needs the approval of X": what a deal awaits from a body
    journey_nouns: frozenset[str]            # "on a visit to Japan": a trip that places an event elsewhere
    share_words: frozenset[str]              # "claims most of X": X
    tally_nouns: frozenset[str]              # "won nine seats": a count written in words worth keeping
    unit_nouns: frozenset[str]               # "by 75 basis points": a count whose unit is the noun it counts
    reason_verbs: frozenset[str]             # "fined X for breaching Y": X did the deed the object is fined for
    heading_verbs: frozenset[str]            # "heads the bank's Paris office": heads the part, not the bank
    governing_parts: frozenset[str]          # "chairs the board of X": the part that leads the whole
    measure_units: frozenset[str]            # "a 294-kilometre border", "a 500-megawatt plant": units of size
    state_asset_nouns: frozenset[str]        # "a Turkish army unit", "an Iranian drone": the state's, even indefinite
    stake_nouns: frozenset[str]              # "a 20% stake": what a percentage of ownership is written as
    tenure_nouns: frozenset[str]             # "after eight years as chair", "during her stint as coach"
    prize_nouns: frozenset[str]              # "claimed the Rhone Open title": the Rhone Open
    prize_holder_nouns: frozenset[str]       # "was crowned champion of Y", "became winner of Y"
    undated_verbs: frozenset[str]            # "said in 2019": the date is not an event of the subject
    light_verbs: frozenset[str]              # "made his debut in 2021": the date is the debut's
    staging_verbs: frozenset[str]            # "the summit will be held in May": a light verb dated with no noun
    verb_lemma_exceptions: dict[str, str]    # "fined" -> "fine", "rides" -> "ride": endings the rule
                                             # lemmatizer strips to another word of its index
    place_prepositions: frozenset[str]       # "in Odense", "to Odense": a name after one is a place
    position_prepositions: frozenset[str]    # "talks in Kyiv": where things are; "aid to Kyiv" is not
    visiting_verbs: frozenset[str]           # "visited Lima and met Interior Minister X": X is Peru's
    change_verbs: frozenset[str]             # "sales fell 5 percent", "Latvia's economy grew 2.1 percent"
    measure_nouns: frozenset[str]            # "revenue of 610 million euros": nouns a number measures (labels: predicates.json)
    level_verbs: frozenset[str]              # "inflation stood at 3.1 percent": a level, not a change
    measure_kind_words: frozenset[str]       # "annual consumer price inflation": kinds of a measure, not owners
    playing_positions: frozenset[str]        # "X, a striker,": a position in a team, not an occupation
    military_ranks: frozenset[str]           # "Lieutenant General X": a title that is a rank, not a role
    post_nouns: frozenset[str]               # "after five years in the post": a post held, not a place
    span_verbs: frozenset[str]               # "will run for ten years": verbs of a state that lasts
    national_measure_nouns: frozenset[str]   # "inflation rose to 6 percent": a measure of the article's country
    seat_nouns: frozenset[str]               # "the bank's Bangkok headquarters": based in Bangkok
    place_name_endings: frozenset[str]       # "the Atacama Desert", "the Vaal River": a place, whatever NER said
    law_name_endings: frozenset[str]         # "the Baltic Shield Pact": a name ending in one is a Law
    nationals_nouns: frozenset[str]          # "Sudanese refugees", "Japanese rivals": the country's people or firms, not it
    stage_nouns: frozenset[str]              # "a Series B round", "the Phase III trial": a stage, not a name
    legislature_words: frozenset[str]        # "holds 40% of the Senate": seats, not a stake
    mass_nouns_in_s: frozenset[str]          # "economics", "physics": one thing; the lemmatizer strips the s
    relational_person_nouns: frozenset[str]  # "her brother", "a member": how someone stands, no occupation
    object_control_verbs: frozenset[str]     # "urged Poland to join": Poland joins, as urged
    result_verbs: frozenset[str]             # "beat Y 6-4, 7-5": the score is the subject's
    place_nouns: frozenset[str]              # "Gothenburg, Sweden's second city": in Sweden
    place_participles: frozenset[str]        # "the Lyon-based agency", "Lagos-born": in that place
    unnamed_things: dict[str, str]           # "the study" an article never names: noun -> type
    unnamed_back_references: frozenset[str]  # "the work", "its findings": that study again, never a new one
    portfolio_words: frozenset[str]          # "Energy Cabinet Secretary X": the title's, not a body
    candidacy_nouns: frozenset[str]          # "backed Denmark's application": Denmark
    collective_nouns: frozenset[str]         # "a consortium of A and B": A and B
    facility_nouns: frozenset[str]           # "Renault's Valladolid plant": in Valladolid
    team_nouns: frozenset[str]               # "her team", "the study, led by X": X
    leading_verbs: frozenset[str]
    succession_verbs: frozenset[str]         # "X replaced Y as chief of Z": the role is X's, not Y's
    serving_verbs: frozenset[str]            # "X serves as / was named as envoy": the subject's role
    appointing_verbs: frozenset[str]         # "Acme named X as its chief": the object's role
    synonyms: dict[str, frozenset[str]]      # "the book" may be the article's "novel"
    organisation_family: dict[str, str]      # "agency" -> "public": not the article's "chipmaker"
    joined_prefixes: tuple[str, ...]         # "co-", "re-": hyphenated words kept whole
    joined_title_prefixes: tuple[str, ...]   # "vice-": kept whole too, and a title of its own
    joined_particles: tuple[str, ...]        # "start-up", "spin-off": nouns kept whole
    institutions_named_of_place: frozenset[str]  # "[Reserve Bank] of Malawi": a name NER cut at "of"
    relational_organisation_nouns: frozenset[str]   # "existing backer X", "rival Y": a relation, not a kind
    speech_verbs: frozenset[str]             # "Microsoft said": what speaks is a body, not a site
    deed_verbs: frozenset[str]               # "signed it": its object is a document or a work, not a town
    site_nouns: frozenset[str]               # "the Tarvik gas field": a name before one names the site
    territory_nouns: frozenset[str]          # "operates in nine countries": places a reach is counted in
    presence_verbs: frozenset[str]           # "operates in nine countries": what a body does across places
    term_nouns: frozenset[str]               # "a five-year contract": things that run for a time
    time_unit_nouns: frozenset[str]          # "a five-year contract", "for six years": units a span is counted in
    lifetime_nouns: frozenset[str]           # "its 118-year history": how long the possessor has existed
    study_nouns: frozenset[str]              # "an analysis of 2.4 million admissions in India": a study's sample and scope
    building_words: frozenset[str]           # "the Orlanda Palace" tagged FAC: a building after a given name, no person
    placed_event_verbs: frozenset[str]       # "CITY — X signed …": events that happen in one place
    winning_verbs: frozenset[str]            # "CITY — X won the Y Open": a contest won is held somewhere
    signed_documents: frozenset[str]         # "signed an agreement": what a signing signs ("signed up" is none)
    remote_meeting_words: frozenset[str]     # "met by video link": a meeting in no one place
    race_verbs: frozenset[str]               # "X won, with Y third": verbs a race result hangs on
    receiving_verbs: frozenset[str]          # "X secured a loan from Y", "drew criticism from Y": the giver is Y
    poll_verbs: frozenset[str]               # "a poll put support for X at 17%"
    support_nouns: frozenset[str]            # "a poll put support for X at 17%": what a poll measures of a party
    grouping_nouns: frozenset[str]           # "the Premier League club": a body of bodies names a member's league
    grouping_members: frozenset[str]         # "club", "state": what a league's or a union's members are called
    body_heads_before_of: frozenset[str]     # "the Coalition for the Revival of X": a body, named by its head
    founding_verbs: frozenset[str]           # "X, founded in 1962 by Y,": X is a body, not Y's namesake
    party_name_endings: frozenset[str]       # "Tomas Kral's Civic Centre Party": the owner is a member
    money_homonyms: frozenset[str]           # "the capital" is a city, "the fresh capital" money
    former_words: frozenset[str]             # "a former mayor of Y": the role is past, and the label says so
    named_only_heads: frozenset[str]         # "the committee": only a body the article called a committee
    generic_body_nouns: frozenset[str]       # "the company": any business, the article's carmaker too
    time_prepositions: frozenset[str]        # "after which": a time, not the place named before it
    corporate_offices: frozenset[str]        # "Clara Vista's chief executive": a body's
    body_kind_adjectives: frozenset[str]     # "central bank governor X": part of the body's kind, not "rival club"
    offices: dict[str, str]                  # title head word -> "Country" | "Organization"
    office_bodies: dict[str, frozenset[str]]  # "governor" -> {"bank"}: words the body's name carries
    nominalizations: dict[str, dict]
    symmetric_verbs: dict[str, str]
    label_map: dict[str, str]
    literal_labels: dict[str, str]
    standard_properties: dict[str, str]
    creation_verbs: dict[str, str]
    work_nouns: dict[str, str]
    provision_nouns: dict[str, str]          # "a loan from Y" -> Y "lend to" the receiver


def _once_each(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object whose keys are all different: a class given twice would silently lose one."""
    table = dict(pairs)
    if len(table) != len(pairs):
        seen: set[str] = set()
        twice = sorted({k for k, _ in pairs if k in seen or seen.add(k)})
        raise ValueError(f"word lists given twice in kg/data: {twice}")
    return table


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    words = json.loads((DATA / "lexicon.json").read_text(), object_pairs_hook=_once_each)
    preds = json.loads((DATA / "predicates.json").read_text(), object_pairs_hook=_once_each)
    built = words["built_things"]
    word_sets = {f.name: frozenset(words[f.name]) for f in fields(Lexicon)
                 if f.type == "frozenset[str]" and f.name != "built_things"}
    definite_heads = {noun: kind for kind, nouns in words["definite_heads"].items() for noun in nouns}
    word_sets["role_words"] |= {f"{prefix}-{w}" for prefix in words["joined_title_prefixes"]   # one token:
                                for w in word_sets["role_words"]}                              # "vice-president"
    return Lexicon(
        **word_sets,
        built_things=frozenset(built["words"]),
        entity_labels=words["entity_labels"],
        definite_heads=definite_heads | dict.fromkeys(built["words"], "Thing"),
        verb_lemma_exceptions=_table(words["verb_lemma_exceptions"]),
        unnamed_things=_table(words["unnamed_things"]) | dict.fromkeys(built["words"], "Facility"),
        synonyms={w: frozenset(group) for group in words["reference_synonyms"] for w in group},
        organisation_family={w: family for family, group in _table(words["organisation_families"]).items()
                             for w in group},
        joined_prefixes=tuple(words["joined_prefixes"]),
        joined_title_prefixes=tuple(words["joined_title_prefixes"]),
        joined_particles=tuple(words["joined_particles"]),
        offices={w: kind for kind, ws in _table(words["offices"]).items() for w in ws},
        office_bodies={w: frozenset(heads) for w, heads in _table(words["office_bodies"]).items()},
        nominalizations=_table(preds["nominalizations"]),
        symmetric_verbs=preds["symmetric_verbs"],
        label_map=preds["label_map"],
        literal_labels=preds["literal_labels"],
        standard_properties=preds["standard_properties"],
        creation_verbs=_table(preds["creation_verbs"]),
        work_nouns=_table(preds["work_nouns"]),
        provision_nouns=_table(preds["provision_nouns"]),
    )


def _table(entries: dict) -> dict:
    """A data table without its "about" note."""
    return {k: v for k, v in entries.items() if k != "about"}


@lru_cache(maxsize=1)
def rule_confidence() -> dict[str, float]:
    """Rule precision measured on the dev set by bench/calibrate_confidence.py."""
    path = DATA / "rule_confidence.json"
    return json.loads(path.read_text()) if path.exists() else {}


def load_patterns() -> list[dict]:
    return json.loads((DATA / "patterns.json").read_text())
