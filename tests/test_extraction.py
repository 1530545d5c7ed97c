"""Each construction the extractor handles, on sentences written for these tests (real model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.extract.values import date_value
from kg.model import Article
from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    ents = doc._.kg_entities
    return {(ents[f.subject].label, f.predicate, f.object if f.is_literal else ents[f.object].label)
            for f in doc._.kg_facts}


def modalities(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    return {f.predicate: f.modality for f in doc._.kg_facts}


def test_verb_with_prepositional_object_and_coordination(nlp):
    got = facts(nlp, "Peru and Chile signed a fisheries agreement. The Peruvian diplomat Luis Quispe studied at Harvard University.")
    assert ("Luis Quispe", "study at", "Harvard University") in got


def test_coordinated_objects(nlp):
    got = facts(nlp, "The Spanish minister Elena Ruiz visited Egypt, Jordan and Lebanon last week.")
    assert {("Elena Ruiz", "visit", c) for c in ("Egypt", "Jordan", "Lebanon")} <= got


def test_nominal_predicates(nlp):
    got = facts(nlp, "The visit of Norwegian Prime Minister Ingrid Berg to Canada was brief. "
                     "Berg's trip to Mexico followed.")
    assert ("Ingrid Berg", "visit", "Canada") in got
    assert ("Ingrid Berg", "visit", "Mexico") in got


def test_control_chain_keeps_modality(nlp):
    text = "Ottawa has signaled a desire to take part in the Arctic Research Consortium (ARC)."
    got = facts(nlp, text)
    assert ("Canada", "take part in", "Arctic Research Consortium") in got      # capital stands for country
    assert modalities(nlp, text)["take part in"] == "desire"


def test_passive_with_agent_and_date(nlp):
    got = facts(nlp, "Lumora was founded in 2004 by Sven Dahl.")
    assert ("Sven Dahl", "found", "Lumora") in got
    assert ("Lumora", "founding date", "2004") in got


def test_a_day_without_a_year_is_kept_as_written(nlp):
    doc = nlp("Prime Minister Kaja Tamm resigned on Thursday. Tamm was sworn in on Feb. 18.")
    dated = {(f.predicate, f.object, f.datatype) for f in doc._.kg_facts if f.is_literal}
    assert ("date resigned", "Thursday", "string") in dated
    assert any(obj == "Feb. 18" and kind == "string" for _, obj, kind in dated)
    sworn = nlp("Tavo Kessel was sworn in on Jan 7 in Maseru.")                 # NER's DATE is "on Jan 7"
    assert ("date sworn in", "Jan 7", "string") in {(f.predicate, f.object, f.datatype) for f in sworn._.kg_facts}
    said = nlp("Kaja Tamm said on Thursday that she was tired.")
    assert not [f for f in said._.kg_facts if f.is_literal]                # "said" dates no event


def test_a_particle_the_parser_calls_an_adverb_stays_with_its_verb(nlp):
    """ "stepped down" is not "stepped": the model labels this "down" advmod, not prt."""
    doc = nlp("Tavo Kessel stepped down as chief executive of Orvik Mining on Friday.")
    assert ("date stepped down", "Friday") in {(f.predicate, f.object) for f in doc._.kg_facts}


def test_a_trailing_attribution_dates_the_news_it_reports(nlp):
    got = facts(nlp, "Dravon Logistics agreed to buy the port operator Kelbrook Terminals for 2.1 billion euros, "
                     "the company said on Tuesday.")
    assert ("Dravon Logistics", "date announced", "Tuesday") in got
    got = facts(nlp, "Corvane Airways will cut 900 jobs, the airline said on Friday.")
    assert ("Corvane Airways", "date announced", "Friday") in got
    quoted = facts(nlp, '"We will keep every route," Corvane Airways said on Friday.')
    assert not any(p == "date announced" for _, p, _ in quoted)           # a quotation is no news
    rumoured = facts(nlp, "Helix Systems has hired Bergmann Partners to advise on a sale, people familiar with "
                          "the matter said on Friday.")
    assert not any(p == "date announced" for _, p, _ in rumoured)         # Helix said nothing
    got = facts(nlp, "Helix Systems will open a plant in Mexico, it said on Monday.")
    assert ("Helix Systems", "date announced", "Monday") in got            # a body speaks, not the country


def test_a_names_plural_members_are_not_the_name(nlp):
    got = facts(nlp, "The Pelmora Health Office has approved a new vaccine, clearing the way for it to be bought "
                     "by Ostravia Union agencies, the agency said on Wednesday.")
    assert ("Pelmora Health Office", "date announced", "Wednesday") in got   # "the agency" is not the union


def test_a_club_described_by_its_league_is_a_member_not_the_league(nlp):
    got = facts(nlp, "Talvern United signed the striker Joao Mendes from Rio Claro. The Premier League club "
                     "announced on Thursday that Mendes had agreed a four-year contract.")
    assert ("Talvern United", "date announced", "Thursday") in got
    alone = facts(nlp, "The Premier League club sold its stadium to Hollin Estates on Monday.")
    assert not any(s == "Premier League" for s, _, _ in alone)
    organ = facts(nlp, "Ostara Power joined the UN Global Compact. The European Union regulator fined the company.")
    assert ("European Union", "fine", "Ostara Power") in organ              # a union's organ, no member


def test_a_result_in_a_with_clause_is_the_named_runners(nlp):
    got = facts(nlp, "Nadira Kwesiba won the race in 2:21:05, with Ghana's Efua Mensimah second in 2:22:40.")
    assert {("Efua Mensimah", "finishing position", "second"), ("Efua Mensimah", "finishing time", "2:22:40")} <= got
    got = facts(nlp, "Pelle Aronsen finished fourth in 1:58:12, with Austria's Lotta Verhorst fifth in 1:58:40.")
    assert {("Lotta Verhorst", "finishing position", "fifth"), ("Lotta Verhorst", "finishing time", "1:58:40")} <= got
    assert not any(p.endswith(" with") for _, p, _ in got)                # she is no object of "finished"
    got = facts(nlp, "Pelle Aronsen edged Norway's Bram Vinterlund by two seconds in 1:58:12.")
    assert ("Pelle Aronsen", "finishing time", "1:58:12") in got           # the winner's time
    got = facts(nlp, "Prime Minister Tavita Odhera met with Kenya's President William Nyaga first, then with reporters.")
    assert ("Tavita Odhera", "meet with", "William Nyaga") in got          # no race: no result
    assert not any(p == "finishing position" for _, p, _ in got)
    got = facts(nlp, "Ruel Skeie won in 1:57:12, with Sweden's Anna Lind second and Austria's Lena Huber third.")
    assert {("Anna Lind", "finishing position", "second"), ("Lena Huber", "finishing position", "third")} <= got
    assert not any(p == "win with" for _, p, _ in got)
    match = facts(nlp, "Lena Huber beat Anna Lind 6-4, 6-3 in 1:32 to reach the quarter-finals.")
    assert not any(p == "finishing time" for _, p, _ in match)            # a match's length


def test_the_support_a_poll_measures(nlp):
    got = facts(nlp, "A poll published on Wednesday by the pollster Harrow Insight put support for the Green "
                     "Alliance at 17%, down from 31% at the election.")
    assert ("Green Alliance", "support", "17%") in got
    got = facts(nlp, "Support for the Green Alliance stood at 17 percent.")     # an alliance is a body, not a place
    assert ("Green Alliance", "support", "17 percent") in got
    got = facts(nlp, "A poll put support for Prime Minister Tomas Berg at 31 percent.")   # "for" on the verb
    assert ("Tomas Berg", "support", "31 percent") in got


def test_criticism_drawn_from_a_critic_is_the_critics(nlp):
    got = facts(nlp, "Osterby Energy drew sharp criticism from the Danish Nature Society.")
    assert ("Danish Nature Society", "criticize", "Osterby Energy") in got
    assert not any(s == "Osterby Energy" for s, _, _ in got)               # not "Osterby draw criticism from"
    society = {("Danish Nature Society", "country", "Denmark")}                 # its name says so
    got = facts(nlp, "Osterby Energy received support from the Danish Nature Society.")
    assert got - society == {("Danish Nature Society", "support", "Osterby Energy")}
    assert not facts(nlp, "Osterby Energy faced no criticism from the Danish Nature Society.") - society
    assert not facts(nlp, "Osterby Energy signed no agreement with Ostara Power.")


def test_a_studys_sample_places_and_years(nlp):
    got = facts(nlp, "A survey published on Monday asked farmers about water. The survey of 1,200 farmers in Peru "
                     "and Bolivia found that most had lost crops.")
    assert {("survey", "survey of farmers", "1200"), ("survey", "survey in", "Peru"),
            ("survey", "survey in", "Bolivia")} <= got
    got = facts(nlp, "A study published on Monday links air pollution to asthma. The analysis of 40,000 patient "
                     "records in Chile between 2012 and 2020 found that cases rose.")
    assert ("analysis", "analysis period", "between 2012 and 2020") in got


def test_a_second_apposition_coordinated_with_the_firsts_object(nlp):
    got = facts(nlp, "A study published on Monday links air pollution to asthma. \"It is serious,\" said Amaru "
                     "Quenta, an epidemiologist at the University of Cusco and the study's lead author.")
    assert {("Amaru Quenta", "author of", "study"), ("Amaru Quenta", "epidemiologist at", "University of Cusco")} <= got


def test_he_is_not_a_person_the_article_called_she(nlp):
    got = facts(nlp, "Foreign Minister Tavita Odhera signed the pact with her Danish counterpart, Ruel Skeie, on "
                     "Monday. Odhera told reporters that the talks had gone well. She said a second deal was close. "
                     "Skeie, 52, a former ambassador, called the pact useful. He is due to fly to Lima on Wednesday.")
    assert ("Ruel Skeie", "visit", "Lima") in got                           # no name dictionary knows either
    assert ("Tavita Odhera", "visit", "Lima") not in got


def test_the_meeting_a_trip_is_for(nlp):
    got = facts(nlp, "Ruel Skeie will fly to Lima on Wednesday for talks with Peru's defence minister, Joaquin Ferro.")
    assert {("Ruel Skeie", "talk with", "Joaquin Ferro"), ("Ruel Skeie", "visit", "Lima")} <= got


def test_an_amount_earned_by_the_one_named_as_a_pronoun(nlp):
    got = facts(nlp, "Mia Jurak won the title on Saturday. The victory earned her $523,000 in prize money.")
    assert ("Mia Jurak", "earn", "$523,000") in got


def test_a_ranking_written_before_a_name(nlp):
    assert ("Alena Dvorska", "ranking", "3") in facts(
        nlp, "Mia Jurak won the final, beating world number three Alena Dvorska of Poland.")
    assert ("Alena Dvorska", "ranking", "2") in facts(nlp, "The world No. 2 Alena Dvorska withdrew.")


def test_the_company_is_not_its_investor(nlp):
    got = facts(nlp, "Payzilo, a payments start-up, has raised $40 million. Redfern Ventures led the round, and "
                     "Kilima Capital joined it. The company will open an office in Nairobi.")
    assert ("Payzilo", "open office in", "Nairobi") in got
    assert not any(s in ("Redfern Ventures", "Kilima Capital") and o == "Nairobi" for s, _, o in got)


def test_a_city_before_based_is_the_city_even_inside_an_org_tag(nlp):
    doc = nlp("According to the Agency for Marine Research, the Lyon-based research agency of the United "
              "Nations, catches fell by a third.")
    places = {e.label: e.type for e in doc._.kg_entities.values()}
    assert places["Lyon"] == "City"


def test_gapped_counts_repeat_the_verb_and_noun(nlp):
    got = facts(nlp, "Kenya won 12 gold medals, Ethiopia nine and Uganda four, while Morocco took two.")
    assert {("Kenya", "win gold medal", "12"), ("Ethiopia", "win gold medal", "9"),
            ("Uganda", "win gold medal", "4")} <= got
    assert not any(o == "Ethiopia" for _, _, o in got)                     # Kenya did not win Ethiopia
    ranked = facts(nlp, "The Renewal Party won 37 seats, followed by the Homeland Movement with 17 and "
                        "Forward Latvia with 14.")
    assert {("Homeland Movement", "win seat", "17"), ("Forward Latvia", "win seat", "14")} <= ranked
    assert not any(p == "follow" for _, p, _ in ranked)


def test_gapped_share_after_a_determiner(nlp):
    got = facts(nlp, "Under the deal, Corvane Motors will own 60% of the venture and Pellmark Energy the remaining 40%.")
    assert ("Pellmark Energy", "own %", "40%") in got
    assert not any(o == "Pellmark Energy" for _, _, o in got)          # Corvane does not own Pellmark
    spelled = facts(nlp, "Corvane Motors holds 55 percent of the venture, and Pellmark Energy the other 45 percent.")
    assert ("Pellmark Energy", "hold percent", "45 percent") in spelled
    assert not any(p == "description" for _, p, _ in spelled)           # "the other 45 percent" is no kind


def test_worth_of_a_direct_object_is_labelled_with_the_verb_and_the_object(nlp):
    got = facts(nlp, "Brannock Power exported turbines worth more than $14 billion last year.")
    assert ("Brannock Power", "export turbine worth", "$14 billion") in got
    assert not any(p.endswith(" for") for _, p, _ in got)
    assert ("Brannock Power", "buy for", "$2 billion") in facts(nlp, "Brannock Power bought Ostrel Dravik for $2 billion.")


def test_it_as_subject_of_a_coordinated_clause_is_the_first_clause_subject(nlp):
    got = facts(nlp, "Portugal already hosts car plants run by Kestrava Motors in Braga and by Vellin Auto in Porto, "
                     "and it exported vehicles worth $9 billion last year.")
    assert ("Portugal", "export vehicle worth", "$9 billion") in got
    assert not any(s == "Porto" and p.startswith("export") for s, p, _ in got)


def test_it_in_an_adverbial_clause_is_the_subject_of_the_clause_it_modifies(nlp):
    got = facts(nlp, "Kelvar Energy, which has offices in Lagos and Accra, expects to double its output when "
                     "it opens its new refinery in Ghana on Monday.")
    assert ("Kelvar Energy", "open refinery in", "Ghana") in got        # not Accra, named nearer
    assert not any(s == "Accra" for s, p, o in got)


def test_it_after_an_unnamed_subject_in_the_first_clause_is_no_entity(nlp):
    got = facts(nlp, "Marrick Logistics signed Quenby Tovar in May. The deal will lift the club to third, "
                     "and it earned the agent $40,000 in fees.")
    assert not any(s == "Marrick Logistics" and p.startswith("earn") for s, p, _ in got)


def test_a_part_of_a_body_stands_for_the_body_unless_the_subject_heads_the_part(nlp):
    assert ("Elin Marrick", "work at", "Quenby Power") in facts(nlp, "Elin Marrick works at the Ghent office of Quenby Power.")
    assert ("Elin Marrick", "sit on", "Quenby Power") in facts(nlp, "Elin Marrick sits on the board of Quenby Power.")
    assert ("Elin Marrick", "work at", "Quenby Power") in facts(
        nlp, "Elin Marrick previously worked at Quenby Power's regional office in Ghent.")
    assert not any(p == "chair" for _, p, _ in facts(nlp, "Elin Marrick chairs the audit committee of Quenby Power."))
    assert not any(p == "head" for _, p, _ in facts(nlp, "Elin Marrick heads Quenby Power's chemicals division."))


def test_a_word_class_given_twice_is_an_error():
    import json

    from kg.extract.lexicon import _once_each

    with pytest.raises(ValueError, match="leading_verbs"):
        json.loads('{"leading_verbs": ["lead"], "heading_verbs": [], "leading_verbs": ["chair"]}',
                   object_pairs_hook=_once_each)


def test_a_second_coordinated_apposition_is_read_like_the_first(nlp):
    got = facts(nlp, '"Sleep matters," said Dr. Elin Marrick, the study\'s lead author and an epidemiologist '
                     'at Quenby Medical University.')
    assert ("Elin Marrick", "epidemiologist at", "Quenby Medical University") in got
    assert ("Elin Marrick", "occupation", "epidemiologist") in got


def test_capitalised_title_with_a_possessor_after_the_name(nlp):
    assert ("Elin Marrick", "minister of finance of", "Latvia") in facts(
        nlp, "Elin Marrick, Latvia's Minister of Finance, told reporters.")
    assert ("Elin Marrick", "chief executive of", "Quenby Power") in facts(
        nlp, "Elin Marrick, Quenby Power's Chief Executive, told reporters.")


def test_a_capitalised_title_with_of_in_apposition(nlp):
    assert ("Tavo Kessel", "president of", "Lesotho") in facts(
        nlp, "The President of Lesotho, Tavo Kessel, arrived on Monday.")
    assert ("Tavo Kessel", "president of", "Lesotho") in facts(
        nlp, "Tavo Kessel, the President of Lesotho, arrived on Monday.")


def test_heading_a_part_of_a_body_names_the_part(nlp):
    got = facts(nlp, "Professor Tavo Kessel, who chairs the audit committee of the Orvik Agency, praised the study. "
                     "Elin Marrick, the chief economist, heads Orvik Bank's research unit. "
                     "Ilka Marwede chairs the board of Orvik Bank.")
    assert ("Tavo Kessel", "chair audit committee of", "Orvik Agency") in got
    assert ("Elin Marrick", "head research unit of", "Orvik Bank") in got
    assert ("Ilka Marwede", "chair", "Orvik Bank") in got            # the board is the bank


def test_the_one_fined_an_amount_the_parser_hung_on_the_amount(nlp):
    got = facts(nlp, "The Lesotho Communications Authority fined Orvik Telecom 5 million euros on Monday.")
    assert ("Lesotho Communications Authority", "fine", "Orvik Telecom") in got
    assert ("Orvik Telecom", "fine", "5 million euros") in got


def test_a_passive_about_an_unnamed_thing_is_told_of_its_named_agents(nlp):
    got = facts(nlp, "The agreement was signed in Maseru by Lesotho and Eswatini on Monday. "
                     "The poll was published by Orvik Polling on Wednesday.")
    assert {("Lesotho", "sign in", "Maseru"), ("Eswatini", "sign in", "Maseru")} <= got
    assert ("Orvik Polling", "date published", "Wednesday") in got
    assert not any(p == "signing date" for _, p, _ in got)        # the agreement's date, as in the active
    assert not any(p == "founding date" for _, p, _ in facts(
        nlp, "The Lesotho Trade Commission set the duties in January."))     # set, not set up


def test_a_preposition_the_parser_calls_a_dative_is_read_as_a_preposition(nlp):
    got = facts(nlp, "Orvik Mining, the Lesotho-based diamond producer, said on Tuesday it had agreed to sell its "
                     "stake in the Letseng Ridge mine to Eswatini Holdings for $310 million.")
    assert ("Orvik Mining", "sell stake to", "Eswatini Holdings") in got


def test_it_in_a_when_clause_is_the_main_clauses_unnamed_subject(nlp):
    got = facts(nlp, "The $1.2 billion project will be financed by the Orvik Fund and is expected to supply power "
                     "when it opens in 2030.")
    assert not any(p == "opening date" for _, p, _ in got)        # the project's, not the fund's
    got = facts(nlp, "Orvik Mining reported record profits. Its new plant will employ 300 people when it opens "
                     "in Maseru in 2027.")
    assert ("Orvik Mining", "opening date", "2027") in got          # its plant's: the owner's


def test_an_object_it_is_a_nearer_unnamed_thing_not_the_name_before_it(nlp):
    got = facts(nlp, "Lesotho and Eswatini, both members of the Southern African Development Community, have "
                     "clashed over the pact since Eswatini suspended it.")
    assert not any(p == "suspend" for _, p, _ in got)                # the pact, no entity
    got = facts(nlp, "Orvik Mining bought the stake from Quenby Power and sold it to Eswatini Holdings.")
    assert ("Orvik Mining", "sell", "Quenby Power") not in got        # the stake it bought
    got = facts(nlp, "Quenby Power bought Orvik Mining in 2019 and sold it to Eswatini Holdings last year.")
    assert ("Quenby Power", "sell", "Orvik Mining") in got


def test_a_percentage_of_a_company_is_a_stake_in_it(nlp):
    assert ("Tavo Kessel", "own stake in", "Orvik Mining") in facts(nlp, "Tavo Kessel owns 12% of Orvik Mining.")
    assert ("Quenby Power", "buy stake in", "Orvik Mining") in facts(
        nlp, "Quenby Power bought 30 percent of Orvik Mining for $20 million.")
    assert not any(p == "hold stake in" for _, p, _ in facts(
        nlp, "The Marrick Party holds 40% of the Senate after Sunday's vote."))   # seats


def test_a_place_ner_tagged_alone_before_an_organisation_name_word_starts_that_name(nlp):
    doc = nlp("Maseru United beat Orvik City 3-1 in the cup final on Sunday.")
    assert {e.label: e.type for e in doc._.kg_entities.values()}.get("Maseru United") == "Organization"
    assert ("Maseru United", "beat", "Orvik City") in facts(nlp, "Maseru United beat Orvik City 3-1 on Sunday.")


def test_review_cases_for_titles_passive_agents_amounts_and_it(nlp):
    got = facts(nlp, "The Archbishop of Mbabane, Tavo Kessel, preached on Sunday.")
    assert not any(s == "Tavo Kessel" and o == "Archbishop of Mbabane" for s, _, o in got)   # a title, no body
    assert not any(p == "acquisition date" for _, p, _ in facts(
        nlp, "The stake was acquired by Orvik Mining in 2019."))              # the stake's date, not the buyer's
    got = facts(nlp, "Orvik Mining owes the Lesotho Revenue Authority 2 billion euros.")
    assert not any(s == "Lesotho Revenue Authority" and p == "owe" for s, p, _ in got)     # the debtor owes
    got = facts(nlp, "Critics attacked Quenby Power when it raised prices in Mbabane in January. "
                     "The board of Orvik Bank will meet when it moves to Mbabane in 2026.")
    assert ("Quenby Power", "date raised", "January") in got            # critics are no "it"
    assert ("Orvik Bank", "move to", "Mbabane") in got                   # the board of X: X's


def test_an_appointment_to_a_bare_office(nlp):
    assert ("Tavo Kessel", "chief executive of", "Quenby Power") in facts(
        nlp, "Quenby Power named Tavo Kessel as chief executive.")
    got = facts(nlp, "Quenby Power named Tavo Kessel chief executive, replacing Elin Marrick.")
    assert ("Tavo Kessel", "chief executive of", "Quenby Power") in got     # the name parsed into the role
    assert ("Tavo Kessel", "replace", "Elin Marrick") in got and ("Quenby Power", "replace", "Elin Marrick") not in got
    got = facts(nlp, "Quenby Power said on Monday that its supplier Orvik Mining had named Elin Marrick "
                     "as chief executive.")
    assert ("Elin Marrick", "chief executive of", "Orvik Mining") in got     # the appointer's, not the story's
    got = facts(nlp, "Orvik Mining appointed Elin Marrick as chief financial officer in March. "
                     "Quenby Power named Tavo Kessel as its new chief operating officer.")
    assert ("Elin Marrick", "chief financial officer of", "Orvik Mining") in got     # a date is no body
    assert ("Tavo Kessel", "chief operating officer of", "Quenby Power") in got


def test_a_plurals_apposition_names_every_member(nlp):
    got = facts(nlp, "Quenby, founded in 2019 by former Orvik Mining engineers Tavo Kessel and Elin Vance, "
                     "will use the money to expand.")
    assert {("Tavo Kessel", "found", "Quenby"), ("Elin Vance", "found", "Quenby")} <= got


def test_a_capital_opening_a_quotation_is_no_name(nlp):
    with nlp.select_pipes(disable=["kg_extractor"]):
        doc = nlp('"Kidneys are quietly taking the hit," said Tavo Kessel, an epidemiologist.')
    doc[1].pos_ = "PROPN"                    # as the tagger reads it in some texts
    doc = nlp.get_pipe("kg_extractor")(doc)
    assert {e.label for e in doc._.kg_entities.values()} == {"Tavo Kessel"}


def test_the_pole_who_speaks_is_a_person_not_poland(nlp):
    doc = nlp('Tavo Kessel beat Elin Marrick 6-4, 6-2 on Saturday. "Today she deserved it," the Pole said.')
    assert "Poland" not in {e.label for e in doc._.kg_entities.values()}


def test_a_title_keeps_the_adjective_between_its_title_words(nlp):
    got = facts(nlp, "Dorin Calvesk, Quenby Power's chief medical officer, spoke. "
                     "Quenby Power named Ilka Marwede as its chief financial officer on Monday.")
    assert ("Dorin Calvesk", "chief medical officer of", "Quenby Power") in got
    assert ("Ilka Marwede", "chief financial officer of", "Quenby Power") in got


def test_the_one_fined_or_thanked_for_a_deed_did_it(nlp):
    got = facts(nlp, "The Varos Commission fined Quenby Power 200 million euros for breaching the Tandry Act.")
    assert ("Quenby Power", "breach", "Tandry Act") in got and not any(
        s == "Varos Commission" and p == "breach" for s, p, _ in got)
    assert ("Tomas Vellin", "visit", "Ghent") in facts(nlp, "Elin Marrick thanked Tomas Vellin for visiting Ghent.")


def test_its_shares_are_a_company_s(nlp):
    got = facts(nlp, "Quenby Power made a bid for Vellin Auto. In Norway, its shares fell 3.1%.")
    assert ("Quenby Power", "fall by", "3.1%") in got and not any(s == "Norway" for s, _, _ in got)


def test_a_kind_leaves_out_where_the_body_is_based(nlp):
    got = facts(nlp, "The loan was arranged by Marrick & Co, the Oslo-based investment bank that advised Quenby Power.")
    assert ("Marrick & Co", "description", "investment bank") in got and ("Marrick & Co", "based in", "Oslo") in got
    got = facts(nlp, "Vellin Auto, a San Francisco venture capital firm, raised money.")
    assert ("Vellin Auto", "description", "venture capital firm") in got and ("Vellin Auto", "based in", "San Francisco") in got


def test_sums_with_a_scale_suffix_keep_it(nlp):
    assert ("Quenby Power", "raise", "£14.5m") in facts(nlp, "Quenby Power raised £14.5m from investors.")
    assert ("Varos Commission", "fine", "€780m") in facts(nlp, "The Varos Commission fined Quenby Power €780m on Tuesday.")
    assert not any(p.endswith(" m") for _, p, _ in facts(nlp, "Elin Marrick won the 100m final."))


def test_shares_of_a_company_are_no_part_of_its_name(nlp):
    """NER glues "Shares of" onto the company in some contexts (a review article's lede): given
    that span, the extractor keeps the company's name only."""
    from spacy.tokens import Span

    with nlp.select_pipes(disable=["kg_extractor"]):
        doc = nlp("Shares of Tamsin Stores Inc. fell 8% on Thursday.")
    doc.ents = [Span(doc, 0, 5, label="ORG")]
    doc = nlp.get_pipe("kg_extractor")(doc)
    assert [n for e in doc._.kg_entities.values() for n in e.names] == ["Tamsin Stores Inc."]


def test_a_full_name_taken_for_a_body_whose_surname_names_a_person_is_a_person(nlp):
    """NER reads some names as an organisation in full and as a person by the surname (a read
    article's marathon winner): given those spans, the extractor makes one person of them."""
    text = "Ethiopia's Worknesh Dibaba won the race on Sunday. Dibaba, 24, pulled away after 35 kilometres."
    with nlp.select_pipes(disable=["kg_extractor"]):
        doc = nlp(text)
    spans = [("Ethiopia", "GPE"), ("Worknesh Dibaba", "ORG"), ("Dibaba,", "PERSON")]
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t.rstrip(",")), label=label) for t, label in spans]
    doc = nlp.get_pipe("kg_extractor")(doc)
    people = [e for e in doc._.kg_entities.values() if e.type == "Person"]
    assert [(p.label, p.names) for p in people] == [("Worknesh Dibaba", ["Worknesh Dibaba", "Dibaba"])]
    ents = doc._.kg_entities
    assert ("Worknesh Dibaba", "nationality", "Ethiopia") in {
        (ents[f.subject].label, f.predicate, ents[f.object].label) for f in doc._.kg_facts if not f.is_literal}


@pytest.mark.parametrize("text, spans, entities", [
    # NER's person alone is no proof: the company may be named after its founder
    ("Marlowe Hart reported higher sales. Hart said demand was strong.",
     [("Marlowe Hart", "ORG"), ("Hart", "PERSON")], {("Marlowe Hart", "Organization"), ("Hart", "Person")}),
    # a place's name, or one with a word for a kind of body, is not the person's
    ("Lake Dibaba flooded the valley. Dibaba, 24, said the water rose fast.",
     [("Lake Dibaba", "LOC"), ("Dibaba", "PERSON")], {("Lake Dibaba", "Place"), ("Dibaba", "Person")}),
    ("The Worknesh Dibaba Foundation opened a school. Dibaba, 24, thanked the donors.",
     [("Worknesh Dibaba Foundation", "ORG"), ("Dibaba", "PERSON")],
     {("Worknesh Dibaba Foundation", "Organization"), ("Dibaba", "Person")}),
])
def test_a_full_name_taken_for_a_body_is_not_a_person_without_proof(nlp, text, spans, entities):
    with nlp.select_pipes(disable=["kg_extractor"]):
        doc = nlp(text)
    doc.ents = [doc.char_span(text.rindex(t) if label == "PERSON" else text.index(t),
                              (text.rindex(t) if label == "PERSON" else text.index(t)) + len(t), label=label)
                for t, label in spans]                   # (the person: the name's last occurrence)
    doc = nlp.get_pipe("kg_extractor")(doc)
    assert {(e.label, e.type) for e in doc._.kg_entities.values()} == entities


def test_per_cent_written_in_two_words(nlp):
    assert ("Tamsin Stores Inc.", "fall by", "8 per cent") in facts(
        nlp, "Tamsin Stores Inc. shares fell more than 8 per cent on Thursday.")
    assert ("Marrick Holdings", "hold percent", "55 per cent") in facts(nlp, "Marrick Holdings holds 55 per cent of the venture.")


def test_amount_written_as_a_hyphenated_modifier_of_the_object(nlp):
    got = facts(nlp, "Ostrel Dravik earned an additional 20,000-euro bonus. Brannock Power will build a "
                     "500-megawatt plant near Ghent.")
    assert ("Ostrel Dravik", "earn bonus", "20,000-euro") in got
    assert ("Brannock Power", "build plant", "500-megawatt") in got
    assert not any(p.endswith("plant") for _, p, o in facts(nlp, "Brannock Power will build a solar plant near Ghent."))
    with_count = facts(nlp, "The Homeland Movement finished third with 17 seats, ahead of Forward Latvia on 14.")
    assert {("Homeland Movement", "seat", "17"), ("Forward Latvia", "seat", "14")} <= with_count


def test_copula_demonym_and_role(nlp):
    got = facts(nlp, "Hana Novak is a Czech economist. She serves as governor of the Czech National Bank.")
    assert ("Hana Novak", "nationality", "Czechia") in got
    assert ("Hana Novak", "governor of", "Czech National Bank") in got


def test_title_before_name(nlp):
    got = facts(nlp, "UNESCO Director General Paolo Ferri opened the meeting.")
    assert ("Paolo Ferri", "director general of", "UNESCO") in got


def test_born_participle_adjunct(nlp):
    got = facts(nlp, "Born on 4 May 1980 in Lyon, France, Claire Moreau studied law.")
    assert ("Claire Moreau", "birth date", "1980-05-04") in got
    assert ("Claire Moreau", "birth place", "Lyon") in got
    assert ("Lyon", "located in", "France") in got
    assert ("Claire Moreau", "birth place", "France") not in got


def test_based_in_compound(nlp):
    got = facts(nlp, "The Milan-based fashion house Vettori opened a store in Seoul.")
    assert ("Vettori", "based in", "Milan") in got


def test_demonym_descriptor_gives_country_node(nlp):
    doc = nlp("The Brazilian striker Rafael Costa joined the club. The Brazilian government welcomed it.")
    labels = {e.label for e in doc._.kg_entities.values()}
    assert "Brazil" in labels and "Brazilian" not in labels
    assert ("Rafael Costa", "nationality", "Brazil") in facts(nlp, doc.text)


def test_population_literal(nlp):
    got = facts(nlp, "With a population of about 5 million, Norway is a wealthy country.")
    assert ("Norway", "population", "5 million") in got


def test_pronoun_and_surname_resolution(nlp):
    doc = nlp("The Irish author Niamh Kelly won the prize. Kelly said she would visit Japan in June.")
    people = [e for e in doc._.kg_entities.values() if e.type == "Person"]
    assert len(people) == 1 and set(people[0].names) >= {"Niamh Kelly", "Kelly"}
    assert ("Niamh Kelly", "visit", "Japan") in facts(nlp, doc.text)


def test_acronym_introduced_in_parentheses_is_one_node(nlp):
    doc = nlp("The Pacific Fisheries Council (PFC) met in Fiji. The PFC approved new quotas.")
    councils = [e for e in doc._.kg_entities.values() if "PFC" in e.names]
    assert len(councils) == 1 and councils[0].label == "Pacific Fisheries Council"


def test_an_acronym_never_defined_stands_for_the_organisation_whose_initials_it_spells(nlp):
    doc = nlp("The Federal Institute for Nutrition and Dietetics approved the label on Monday. "
              "A senior FIND policy official, Dr. Tavita Leota, called the decision overdue.")
    institutes = [e for e in doc._.kg_entities.values() if e.type == "Organization"]
    assert [e.label for e in institutes] == ["Federal Institute for Nutrition and Dietetics"]
    assert "FIND" in institutes[0].names
    assert ("Tavita Leota", "policy official of", "Federal Institute for Nutrition and Dietetics") \
        in facts(nlp, doc.text)


def test_the_company_is_the_storys_maker_not_the_venture_firm_that_funded_it(nlp):
    found = facts(nlp, "Brenvik Robotics, a Danish maker of farm drones, has raised $40 million in a round "
                       "led by the venture firm Harlund Capital. The company plans to open an office in Lisbon.")
    assert ("Brenvik Robotics", "open office in", "Lisbon") in found
    assert ("Harlund Capital", "open office in", "Lisbon") not in found


def test_a_bid_or_exports_after_a_support_verb_name_the_relation(nlp):
    found = facts(nlp, "Orsa Mining made an unsolicited bid of 18 reais per share for Tovik Metals. "
                       "Tovik hopes to begin exports to Brazil in 2026.")
    assert ("Orsa Mining", "make bid for", "Tovik Metals") in found
    assert ("Tovik Metals", "begin export to", "Brazil") in found


def test_the_study_is_no_body_whose_name_merely_ends_in_research(nlp):
    found = facts(nlp, "The trial was co-sponsored by the Nordic Council of Medical Research. In Latvia, the study "
                       "was led by Dr. Ilze Berzina of the Riga-based Institute of Hygiene.")
    assert not any("Nordic Council of Medical Research" in (s, o) for s, _, o in found)
    assert ("Ilze Berzina", "member of", "Institute of Hygiene") in found


def test_the_one_a_leader_intends_to_appoint_is_the_one_replacing(nlp):
    found = facts(nlp, "Tove Hallin won the vote. Hallin said he intends to appoint Efua Marvik as interior minister, "
                       "replacing Yaw Odell.")
    assert ("Efua Marvik", "replace", "Yaw Odell") in found
    assert ("Tove Hallin", "replace", "Yaw Odell") not in found


def test_a_persons_name_ner_ends_one_word_early_is_whole(nlp):
    found = facts(nlp, "Officials met Vietnamese President Vo Kiet Nhan at the Opera House on Monday.")
    assert ("Vo Kiet Nhan", "president of", "Vietnam") in found


def test_after_which_is_a_time_not_the_place_before_it(nlp):
    found = facts(nlp, "Renata Ilunga held talks with President Lam Hoang Nhan at the Opera House, "
                       "after which the two leaders signed five agreements.")
    assert not any(p.endswith(" after") for _, p, _ in found)


def test_a_demonym_tagged_a_person_in_apposition_is_the_persons_country(nlp):
    found = facts(nlp, "Orvik Athletic hired Jens Kestrup, a Finn who coached in Sweden, in June.")
    assert ("Jens Kestrup", "nationality", "Finland") in found
    assert ("Jens Kestrup", "coach in", "Sweden") in found


def test_a_known_town_before_a_body_noun_is_where_the_body_is(nlp):
    found = facts(nlp, '"We needed him," said Orvik coach Jens Kestrup, a Dane who took charge of the '
                       'Rotterdam club in June.')
    assert not any(o == "Rotterdam" for _, _, o in found)


def test_it_made_into_a_score_is_no_entity(nlp):
    found = facts(nlp, "Orvik Athletic beat Varsen United 2-1 on Saturday. Varsen had equalised before Orvik "
                       "captain Ola Brandt, a Norwegian defender, made it 2-1 in the 80th minute.")
    assert not any(p == "make" for _, p, _ in found)


def test_a_town_based_description_finds_the_company_from_that_towns_country(nlp):
    found = facts(nlp, "The court ordered South Korean equipment maker Hanul Networks to pay damages to Nigerian "
                       "operator Telnor. Telnor sued Hanul in 2022. The Abuja-based operator had sought $95 million. "
                       "The judge ruled that the Seoul-based company had breached its contract with Telnor.")
    assert ("Hanul Networks", "based in", "Seoul") in found
    assert ("Telnor", "based in", "Seoul") not in found


def test_a_company_shortened_by_its_last_word_is_one_node(nlp):
    found = facts(nlp, 'Brazilian pulp company Clara Vista Agro agreed on Monday to buy a sugar mill. "This deal '
                       'matters," said Tomas Rebelo, Clara Vista\'s chief executive.')
    assert ("Tomas Rebelo", "chief executive of", "Clara Vista Agro") in found


def test_the_pulp_maker_is_the_body_described_with_pulp(nlp):
    found = facts(nlp, "Brazilian pulp producer Vale Alto Celulose rejected a bid from Indonesian conglomerate Karsa "
                       "Jaya on Friday. Karsa Jaya already owns 9% of Vale Alto. The Arruda family, which founded the "
                       "pulp maker in 1987, holds a 41% stake.")
    assert ("Vale Alto Celulose", "founding date", "1987") in found
    assert ("Karsa Jaya", "founding date", "1987") not in found


def test_a_body_whose_name_opens_with_a_demonym_is_of_that_country(nlp):
    found = facts(nlp, "The Nigerian Fisheries Authority fined the trawler operator on Monday.")
    assert ("Nigerian Fisheries Authority", "country", "Nigeria") in found


def test_a_hyphenated_given_name_is_one_proper_noun(nlp):
    doc = nlp("The research, led by Dr. Song Min-seo of Daerim University, tracked 9,000 schoolchildren.")
    assert any(t.text == "Min-seo" and t.pos_ == "PROPN" for t in doc)
    assert ("Song Min-seo", "member of", "Daerim University") in facts(nlp, doc.text)


def test_the_company_said_is_no_country_heading_the_sentence(nlp):
    found = facts(nlp, "Zambia's drugs regulator has approved a vaccine developed by the Lusaka-based company "
                       "Sankofa Biologics, the company said on Thursday.")
    assert ("Sankofa Biologics", "date announced", "Thursday") in found
    assert ("Zambia", "date announced", "Thursday") not in found


def test_junk_never_becomes_entities(nlp):
    doc = nlp("Two of the three ministers met on Monday. The navy said one ship was lost.")
    labels = {e.label.lower() for e in doc._.kg_entities.values()}
    assert not labels & {"two", "three", "one", "monday", "navy"}


def test_a_stage_is_no_name(nlp):
    doc = nlp("Quorvia raised $40 million in a Series B round, and its drug entered a Phase III trial.")
    labels = {e.label for e in doc._.kg_entities.values()}
    assert "Quorvia" in labels and not labels & {"Series B", "Phase III"}


def test_negated_statement_is_not_a_fact(nlp):
    got = facts(nlp, "Sweden did not sign the treaty with Russia.")
    assert not any(p.startswith("sign") for _, p, _ in got)


def test_counted_object_and_deal_price(nlp):
    got = facts(nlp, "Siemens Energy employs about 3,200 people in Spain. "
                     "Siemens Energy agreed to buy Nettle Labs for 1.5 billion dollars.")
    assert ("Siemens Energy", "employ people", "3200") in got
    assert ("Siemens Energy", "buy", "Nettle Labs") in got
    assert ("Siemens Energy", "buy for", "1.5 billion dollars") in got


def test_creation_verb_gives_place_and_date_to_the_thing_created(nlp):
    got = facts(nlp, "In 2011 the engineer Lars Berg founded Quillo in Gothenburg.")
    assert ("Lars Berg", "found", "Quillo") in got
    assert ("Quillo", "founded in", "Gothenburg") in got


def test_adjective_with_prepositional_object(nlp):
    got = facts(nlp, "The Irish violinist Aoife Byrne is married to the painter Tomas Reyes.")
    assert ("Aoife Byrne", "married to", "Tomas Reyes") in got


def test_examples_after_such_as_are_objects(nlp):
    got = facts(nlp, "Chile wants to deepen cooperation with Pacific nations such as Peru and Japan.")
    assert {("Chile", "deepen cooperation with", "Peru"), ("Chile", "deepen cooperation with", "Japan")} <= got


def test_definite_description_goes_to_the_topic(nlp):
    text = ("The Baltic Shipping Union (BSU) met in Riga. The BSU agreed new rules. "
            "Its charter, the Riga Protocol, was signed by Latvia. The union also signed a deal with Estonia.")
    assert ("Baltic Shipping Union", "sign deal with", "Estonia") in facts(nlp, text)


@pytest.mark.parametrize("text", [
    "Siemens's chief executive Roland Busch visited India.",
    "Roland Busch, Siemens's chief executive, visited India.",
    "The chief executive of Siemens, Roland Busch, visited India.",
    "Roland Busch was named chief executive of Siemens in 2021.",
])
def test_role_constructions(nlp, text):
    assert ("Roland Busch", "chief executive of", "Siemens") in facts(nlp, text)


@pytest.mark.parametrize("text", [
    "Ilse Varga, the Hungarian finance minister, arrived in Vienna.",
    "The Hungarian finance minister, Ilse Varga, arrived in Vienna.",
])
def test_demonym_on_a_state_office_is_the_office_of_that_country(nlp, text):
    assert ("Ilse Varga", "finance minister of", "Hungary") in facts(nlp, text)


def test_it_given_a_verdict_is_no_entity(nlp):
    got = facts(nlp, "Chile and Peru signed the pact on Friday. The Chilean envoy, Rosa Vidal, called it historic. "
                     "Vidal later described it as fragile.")
    assert not any(s == "Rosa Vidal" and o in ("Chile", "Peru") and p in ("call", "describe") for s, p, o in got)


def test_a_role_after_as_on_any_verb(nlp):
    got = facts(nlp, "Tomas Ferreira and Ines Lobo, who met as students at the Coimbra Institute of Design, "
                     "founded Lumo Labs. Ines Lobo served as ambassador to Chile. The board named Rui Costa as "
                     "envoy to Peru. Karl Weber replaced Rui Costa as chief executive of Miro Bank.")
    assert {("Tomas Ferreira", "student at", "Coimbra Institute of Design"),
            ("Ines Lobo", "student at", "Coimbra Institute of Design"), ("Ines Lobo", "ambassador to", "Chile"),
            ("Rui Costa", "envoy to", "Peru"), ("Karl Weber", "chief executive of", "Miro Bank")} <= got
    assert not any(p.endswith(" as") for _, p, _ in got)               # "as students" is no object
    assert ("Rui Costa", "chief executive of", "Miro Bank") not in got  # the role is the successor's


def test_relative_clause_after_a_coordination_is_about_both_unless_singular(nlp):
    got = facts(nlp, "The envoy met Tomas Ferreira and Ines Lobo, who heads the Coimbra Institute of Design.")
    assert ("Ines Lobo", "head", "Coimbra Institute of Design") in got
    assert not any(s == "Tomas Ferreira" and o == "Coimbra Institute of Design" for s, _, o in got)


def test_hyphenated_title_after_an_acronym(nlp):
    got = facts(nlp, "WHO Director-General Ana Lopes praised the plan. OPEC Secretary-General Omar Haddad agreed.")
    assert {("Ana Lopes", "director-general of", "WHO"), ("Omar Haddad", "secretary-general of", "OPEC")} <= got


def test_a_lone_sentence_opener_is_nobody(nlp):
    doc = nlp("Kaja Tamm won the vote. Turnout was 61 percent. She thanked her voters in Tartu.")
    types = {e.label: e.type for e in doc._.kg_entities.values()}
    assert types.get("Turnout", "Entity") == "Entity" and types["Kaja Tamm"] == "Person"


def test_a_demonym_after_a_place_participle_is_not_the_subject(nlp):
    got = facts(nlp, "Paola Rinaldi, the Italian-born Argentine novelist, has died in Rosario.")
    assert ("Paola Rinaldi", "birth place", "Italy") in got
    assert not any(s == "Argentina" for s, _, _ in got)


def test_an_unknown_name_opening_a_sentence_and_described_there_is_a_company(nlp):
    doc = nlp("ACCRA, May 4 (Reuters) - Payzilo, a Ghanaian payments start-up, has raised $40 million "
              "in a round led by Harbor Ventures. The company was founded in 2019 by Ada Obi.")
    ents = doc._.kg_entities
    got = {(ents[f.subject].label, f.predicate, f.object if f.is_literal else ents[f.object].label)
           for f in doc._.kg_facts}
    assert {e.label: e.type for e in ents.values()}["Payzilo"] == "Organization"
    assert {("Ada Obi", "found", "Payzilo"), ("Harbor Ventures", "invest in", "Payzilo")} <= got


def test_club_names_and_repeated_full_names_are_not_people(nlp):
    doc = nlp("Vila Nova beat Sporting Ribeira 3-1 on Sunday. Coach Jorge Neves praised his players. "
              "Vila Nova finished with 82 points, five ahead of Sporting Ribeira.")
    types = {e.label: e.type for e in doc._.kg_entities.values()}
    assert types["Vila Nova"] == "Organization" and types["Sporting Ribeira"] == "Organization"
    assert types["Jorge Neves"] == "Person"
    assert ("Jorge Neves", "coach of", "Vila Nova") in facts(nlp, doc.text)


def test_a_two_word_surname_is_the_person_named_in_full(nlp):
    doc = nlp("Beatriz Lemos Cardoso won the vote. Lemos Cardoso, 46, thanked voters in Braga.")
    people = [e for e in doc._.kg_entities.values() if e.type == "Person"]
    assert [p.label for p in people] == ["Beatriz Lemos Cardoso"]


@pytest.mark.parametrize("text, person, label, body", [
    ("Lao Minister of Energy and Mines Khamla Sengdara signed the deal.", "Khamla Sengdara",
     "minister of energy and mines of", "Laos"),
    ("Kenya's Minister of Defence Amos Wekesa signed the deal.", "Amos Wekesa", "minister of defence of", "Kenya"),
    ("Peru and Chile signed the pact. It was signed by Minister of Foreign Affairs Rosa Vidal.", "Rosa Vidal",
     "minister of foreign affairs of", "Peru"),
    ("Ireland named an envoy. Minister for Foreign Affairs Tadhg Brennock announced it.", "Tadhg Brennock",
     "minister for foreign affairs of", "Ireland"),
    ("India hosted the talks. Minister of State for External Affairs Arvind Talwarkar opened them.",
     "Arvind Talwarkar", "minister of state for external affairs of", "India"),
    ("US Secretary of State Marla Quent arrived on Monday.", "Marla Quent", "secretary of state of", "United States"),
])
def test_office_of_a_portfolio_before_a_name(nlp, text, person, label, body):
    got = facts(nlp, text)
    assert (person, label, body) in got
    assert not any(person in s and s != person for s, _, _ in got)     # the title is not part of the name


def test_a_title_alone_is_no_entity(nlp):
    doc = nlp("The deal was signed by Morocco's Minister of Industry and Trade, Idriss Ouazzani.")
    assert {e.label for e in doc._.kg_entities.values()} == {"Morocco", "Idriss Ouazzani"}
    doc = nlp("The Minister of Energy of Lesotho, Tavo Kessel, arrived on Monday.")
    assert not any(e.label.startswith("of ") for e in doc._.kg_entities.values())   # its place, not a name
    text = "Transport for London raised fares. The state governor, Ana Lira, objected."
    with nlp.select_pipes(disable=["kg_extractor"]):
        doc = nlp(text)
    doc.ents = [doc.char_span(0, len("Transport for London"), label="ORG")]   # as NER reads it in some texts
    doc = nlp.get_pipe("kg_extractor")(doc)
    assert "Transport for London" in {e.label for e in doc._.kg_entities.values()}     # a body, not a title
    assert ("Ana Lira", "role", "state governor") not in facts(nlp, text)            # "state" is no portfolio


def test_an_infrastructure_project_the_article_keeps_talking_about(nlp):
    text = ("Laos and Vietnam agreed to build the Kaunas Ridge Interconnector, a 500-kilovolt transmission line. "
            "The project is financed by the Asian Development Bank. The line will run 320 km to Quang Tri.")
    doc = nlp(text)
    assert {e.label: e.type for e in doc._.kg_entities.values()}["Kaunas Ridge Interconnector"] == "Facility"
    got = facts(nlp, text)
    assert {("Asian Development Bank", "finance", "Kaunas Ridge Interconnector"),
            ("Kaunas Ridge Interconnector", "run km", "320")} <= got
    unnamed = facts(nlp, "Chile will build a new pipeline to Argentina. The pipeline is financed by the World Bank. "
                         "The pipeline will open in 2029.")
    assert ("World Bank", "finance", "new pipeline") in unnamed


def test_a_datelines_month_is_no_place(nlp):
    doc = nlp("HANOI, Nov 20 (Reuters) - Laos and Vietnam signed a power deal on Thursday.")
    assert all("Nov" not in e.names for e in doc._.kg_entities.values())


@pytest.mark.parametrize("text", [
    "The forum was opened by OPEC's secretary-general, Omar Haddad.",
    "Omar Haddad, the secretary-general of OPEC, opened the forum.",
    "Omar Haddad, OPEC's secretary-general, opened the forum.",
])
def test_lower_case_hyphenated_title_is_one_word(nlp, text):
    assert ("Omar Haddad", "secretary-general of", "OPEC") in facts(nlp, text)


def test_a_given_name_beginning_another_name_is_not_the_first_person(nlp):
    doc = nlp("WHO Director-General Ana Lopes praised the plan. Vice-President Ana Ruiz of Peru spoke.")
    assert sorted(e.label for e in doc._.kg_entities.values() if e.type == "Person") == ["Ana Lopes", "Ana Ruiz"]
    assert ("Ana Ruiz", "vice-president of", "Peru") in facts(nlp, doc.text)


def test_an_organisation_name_cut_at_its_and_is_one_name(nlp):
    doc = nlp("The plan drew criticism from the Baltic Transport and Allied Dockers Union on Friday. "
              "Mazda and General Motors Company did not comment.")
    assert {e.label for e in doc._.kg_entities.values()} == {
        "Baltic Transport and Allied Dockers Union", "Mazda", "General Motors Company"}


def test_an_unknown_name_that_opens_two_sentences_is_a_name(nlp):
    got = facts(nlp, "Payzilo, founded in 2019 by Ada Obi, lets merchants accept card payments. The round was led "
                     "by Redfern Ventures. Payzilo will use the money to hire 200 engineers.")
    assert {("Ada Obi", "found", "Payzilo"), ("Payzilo", "hire engineer", "200")} <= got


def test_appointed_as_its_role(nlp):
    got = facts(nlp, "Lumatek, which makes industrial sensors, named Sara Holm as its new chief technology "
                     "officer on Monday. Orbis Bank has appointed Tom Reyes as its chief executive.")
    assert ("Tom Reyes", "chief executive of", "Orbis Bank") in got
    assert any(s == "Sara Holm" and p.endswith("officer of") and o == "Lumatek" for s, p, o in got)
    assert not any(p == "make" and o == "Sara Holm" for _, p, o in got)     # an appointment, not a name


def test_built_things_ending_in_or_are_no_people(nlp):
    from kg.extract.mentions import noun_kind
    doc = nlp("The corridor and the reactor were inspected by a surveyor.")
    assert [noun_kind(t) for t in doc if t.pos_ == "NOUN"] == [None, None, "Person"]


def test_review_cases_for_titles_and_country_endings(nlp):
    doc = nlp("Kenya hosted the talks. Secretary-General Ana Lopes of the United Nations spoke. "
              "Michael Jordan visited Kenya.")
    types = {e.label: e.type for e in doc._.kg_entities.values()}
    assert types["Michael Jordan"] == "Person"                      # a given name: no party "X Jordan"
    assert ("Ana Lopes", "secretary-general of", "Kenya") not in facts(nlp, doc.text)


def test_surname_that_is_a_city_stays_the_person(nlp):
    doc = nlp("The chemist Maria Santos leads the lab. Santos was born in Lisbon in 1979.")
    got = facts(nlp, doc.text)
    assert ("Maria Santos", "birth place", "Lisbon") in got
    assert not any(e.label == "Santos" for e in doc._.kg_entities.values())


def test_definite_description_prefers_the_name_it_repeats(nlp):
    got = facts(nlp, "Researchers at the University of Toronto worked with Panasonic. "
                     "Maria Santos joined the university in 2015.")
    assert ("Maria Santos", "join", "University of Toronto") in got


def test_nominal_demonym_is_a_person_and_scores_are_not_names(nlp):
    doc = nlp("Liverpool beat Arsenal 2-1 on Saturday, with Mohamed Salah scoring twice. "
              "The Egyptian has scored 20 goals this season.")
    labels = {e.label for e in doc._.kg_entities.values()}
    assert "Arsenal" in labels and "Arsenal 2-1" not in labels
    assert ("Mohamed Salah", "score goal", "20") in facts(nlp, doc.text)


def test_pronoun_agrees_with_a_known_given_name(nlp):
    got = facts(nlp, "Carlos Mendes met the novelist Julia Reyes in Lima. "
                     "She later visited Bolivia, and he returned to Chile.")
    assert ("Julia Reyes", "visit", "Bolivia") in got
    assert ("Carlos Mendes", "return to", "Chile") in got


def test_possessive_work_gives_its_maker(nlp):
    got = facts(nlp, "The Chilean writer Lucia Arreola won the prize for her novel The Salt Orchard.")
    assert ("Lucia Arreola", "write", "The Salt Orchard") in got or ("Lucia Arreola", "write", "Salt Orchard") in got


def test_cofounder_with_and_organisation_parts(nlp):
    got = facts(nlp, "The engineer Ingrid Halvorsen co-founded Lumora Robotics in 2021 with the researcher Tobias Kern. "
                     "Samira Oduya will join Lumora Robotics's board.")
    assert ("Tobias Kern", "found", "Lumora Robotics") in got
    assert ("Lumora Robotics", "founding date", "2021") in got
    assert ("Samira Oduya", "join", "Lumora Robotics") in got


def test_dateline_is_not_the_subject(nlp):
    text = "OSLO, May 2 — Fjordtek Systems has raised 40 million euros from investors."
    got = facts(nlp, text)
    assert ("Fjordtek Systems", "raise", "40 million euros") in got


def test_news_style_person_attributes(nlp):
    got = facts(nlp, "Colombia's Julian Arboleda won the race. Rui Faria of the Social Democratic Party conceded. "
                     "Beatriz Moura, 46, who ran for the Socialist Party, won.")
    assert ("Julian Arboleda", "nationality", "Colombia") in got
    assert ("Rui Faria", "member of", "Social Democratic Party") in got
    assert ("Beatriz Moura", "age", "46") in got


def test_title_without_organisation_belongs_to_the_story_company(nlp):
    text = ("WINDHOEK, Nov. 6 — Namibia signed a port deal with Nordhavn Terminals on Thursday. "
            "Nordhavn Terminals, which is headquartered in Aarhus, operates 11 terminals. "
            "Chief executive Lars Brodsgaard called it the company's largest investment in Africa. "
            "Transport Minister Helena Shikongo welcomed the deal.")
    got = facts(nlp, text)
    assert ("Lars Brodsgaard", "chief executive of", "Nordhavn Terminals") in got
    assert ("Helena Shikongo", "transport minister of", "Namibia") in got
    assert ("Nordhavn Terminals", "based in", "Århus") in got       # the gazetteer knows Aarhus as Århus


def test_person_patterns_use_our_types_and_named_teams(nlp):
    got = facts(nlp, "Britain's Callum Reeve of Ardent Racing finished third overall, 41 seconds back.\n"
                     "The Vireo-Kestrel team was founded in 2019.")
    assert ("Callum Reeve", "nationality", "United Kingdom") in got
    assert ("Callum Reeve", "member of", "Ardent Racing") in got
    assert ("Vireo-Kestrel", "founding date", "2019") in got


def test_hyphenated_place_participles(nlp):
    got = facts(nlp, "The Lagos-born artist Ada Obi moved to Paris.")
    assert ("Ada Obi", "birth place", "Lagos") in got


def test_prices_in_currency_nouns_and_apposed_populations(nlp):
    got = facts(nlp, "The French carmaker Orvelle Automobiles agreed to acquire Kallby Energi for 4.2 billion euros. "
                     "Vietnam, a country of about 100 million people, has grown.")
    assert ("Orvelle Automobiles", "acquire for", "4.2 billion euros") in got
    assert ("Vietnam", "population", "100 million") in got


def test_surname_mistyped_by_ner_still_joins_the_person(nlp):
    doc = nlp("Canadian Trade Minister Helen Marchetti arrived in Seoul on Tuesday. "
              "The visit of Marchetti to South Korea is the first stop of her trip.")
    got = facts(nlp, doc.text)
    assert ("Helen Marchetti", "visit", "South Korea") in got
    assert [e.label for e in doc._.kg_entities.values() if "Marchetti" in e.names] == ["Helen Marchetti"]


def test_members_stand_for_their_organisation(nlp):
    got = facts(nlp, "European Union leaders agreed on Thursday to extend sanctions against Russia.")
    assert ("European Union", "extend sanction against", "Russia") in got


def test_prefixed_verbs_parse_as_one_verb(nlp):
    got = facts(nlp, "Harbour Data is a Lisbon company. Its chief executive Rosa Dias, an engineer who co-founded "
                     "the company in 2015 with Paulo Neves, spoke on Monday. Dias was re-elected chair of Unicef in May.")
    assert ("Rosa Dias", "found", "Harbour Data") in got
    assert ("Paulo Neves", "found", "Harbour Data") in got
    assert ("Harbour Data", "founding date", "2015") in got


def test_title_does_not_hide_other_facts_between_the_same_pair(nlp):
    got = facts(nlp, "Orbis Bank chief economist Lena Vogt, who founded Orbis Bank in 1998, retired.")
    assert ("Lena Vogt", "chief economist of", "Orbis Bank") in got
    assert ("Lena Vogt", "found", "Orbis Bank") in got


def test_place_comma_in_place_hung_on_the_verb(nlp):
    got = facts(nlp, "Her job took her to Lyon, in France, and later to Cairo.")
    assert ("Lyon", "located in", "France") in got


def test_copula_with_possessed_noun(nlp):
    got = facts(nlp, "Kraft Heinz is Unilever's biggest rival in soups.")
    assert ("Kraft Heinz", "rival of", "Unilever") in got


def test_definite_description_finds_the_entity_it_was_described_as(nlp):
    got = facts(nlp, "Ana Lima worked for the International Labour Organization before joining Oxfam, the British "
                     "charity, in 2010. She later ran the charity's office in Nairobi.")
    assert ("Oxfam", "office in", "Nairobi") in got


def test_finishing_positions(nlp):
    got = facts(nlp, "Kenya's Ruth Wanjiru came fourth. Tigist Alemu of Ethiopia finished second, 38 seconds behind, "
                     "and the German Laura Hoffmann took third place.")
    assert ("Ruth Wanjiru", "finishing position", "fourth") in got
    assert ("Tigist Alemu", "finishing position", "second") in got
    assert ("Laura Hoffmann", "finishing position", "third") in got
    assert ("Tigist Alemu", "finishing position", "third") not in got


def test_dateline_town_unknown_to_the_gazetteer_is_a_place(nlp):
    got = facts(nlp, "KLOSTERVAL, Norway, May 3 — Fishermen in the village protested on Monday.")
    assert ("Klosterval", "located in", "Norway") in got


def test_noun_followed_by_a_name_after_a_comma_is_that_name(nlp):
    got = facts(nlp, "Ana Ruiz moved to Europe in 2020 to ride for a Spanish amateur squad, Club Ciclista Ebro, "
                     "before signing with another team.")
    assert ("Ana Ruiz", "ride for", "Spain") not in got
    assert ("Ana Ruiz", "ride for", "Club Ciclista Ebro") in got


def test_title_swallowed_by_ner_and_country_possessive_in_a_name(nlp):
    doc = nlp("Works and Transport Minister Helena Shikongo spoke. South Korea's Ministry of Trade, Industry and "
              "Energy disagreed. Exports to Korea fell.")
    names = {n for e in doc._.kg_entities.values() for n in e.names}
    assert "Works and Transport Minister" not in names
    assert "Ministry of Trade, Industry and Energy" in names
    korea = [e for e in doc._.kg_entities.values() if "Korea" in e.names]
    assert len(korea) == 1 and korea[0].type == "Country"


def test_set_off_relative_clause_keeps_a_definite_reference(nlp):
    got = facts(nlp, "Hardest hit is Marlow Steel, a Leeds-based producer. The company, which employs 6,500 people, "
                     "said it would cut output by 15 percent.")
    assert ("Marlow Steel", "employ people", "6500") in got
    assert ("Marlow Steel", "cut by", "15 percent") in got


def test_it_after_an_unnamed_subject_is_not_a_named_entity(nlp):
    got = facts(nlp, "The study, led by the University of Lagos, appeared in Nature Medicine. "
                     "It was funded by the Gates Foundation.")
    assert not any(p.startswith("fund") for _, p, _ in got)


def test_it_is_not_inside_its_own_clause_subject_nor_a_thing_it_is_called(nlp):
    got = facts(nlp, "Experts praised the report. Hugh Marsden, a professor at King's College London, described it "
                     "as careful. Havnia Ports said the World Bank had agreed to lend money. Chief executive Ola Berg "
                     "called it the company's largest investment in Africa.")
    assert ("Hugh Marsden", "describe", "King's College London") not in got
    assert not any(p == "call" for _, p, _ in got)
    assert ("Havnia Ports", "invest in", "Africa") in got
    assert ("World Bank", "invest in", "Africa") not in got


def test_where_clauses_locate_their_verb(nlp):
    got = facts(nlp, "Talks ended in Munich, where Isar Kliniken has its headquarters. The race ends in Lille, "
                     "where Jonas Vingaard won in 2022.")
    assert ("Isar Kliniken", "based in", "Munich") in got
    assert ("Jonas Vingaard", "win in", "Lille") in got


def test_definite_description_with_a_place_word(nlp):
    got = facts(nlp, "Atlético Norte FC signed the striker Rafael Lima on Friday. The deal was announced by the "
                     "Lisbon club on Sunday.")
    assert ("Atlético Norte FC", "based in", "Lisbon") in got


def test_demonym_on_a_definite_description_picks_the_entity_of_that_country(nlp):
    doc = nlp("Orbel Motors agreed to buy Tallby Energi, a Swedish maker of battery cells. Tallby said talks were "
              "long. The deal needs approval from the European Commission. The Swedish company employs 1,400 people "
              "and reported revenue of 610 million euros last year.")
    ents = doc._.kg_entities
    got = {(ents[f.subject].label, f.predicate, f.object if f.is_literal else ents[f.object].label)
           for f in doc._.kg_facts}
    assert ents["name:tallby energi"].type == "Organization"
    assert ("Tallby Energi", "employ people", "1400") in got
    assert ("Tallby Energi", "revenue", "610 million euros") in got


def test_sentence_without_a_verb_does_not_hang_pronoun_resolution(nlp):
    import signal

    def give_up(*_):
        raise TimeoutError("pronoun resolution did not finish")

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(30)
    try:
        doc = nlp("Ana Ruiz met the press. A new chapter for Ana Ruiz and her party.")
    finally:
        signal.alarm(0)
    assert "name:ana ruiz" in doc._.kg_entities


def test_organisations_placed_by_possessive_country_and_place_words(nlp):
    got = facts(nlp, "Singapore's Harbour Capital bought the stake. The poll by the Riga pollster Norstat was published.")
    assert ("Harbour Capital", "country", "Singapore") in got
    assert ("Norstat", "based in", "Riga") in got


def test_roles_and_nationality_in_appositions_either_way_round(nlp):
    got = facts(nlp, "Ana Ruiz, a senior UNICEF official, spoke. A senior UNICEF official, Rosa Diaz, also spoke. "
                     "Maria Olsen met her Danish counterpart, Lars Berg, in Oslo.")
    assert ("Ana Ruiz", "official of", "UNICEF") in got
    assert ("Rosa Diaz", "official of", "UNICEF") in got
    assert ("Lars Berg", "nationality", "Denmark") in got


def test_passive_phrasal_verb_keeps_its_particle(nlp):
    got = facts(nlp, "Atlas Cell was set up by Meridian Holdings in 2019.")
    assert any(s == "Atlas Cell" and p.startswith("set up") and o == "Meridian Holdings" for s, p, o in got) or \
        ("Meridian Holdings", "set up", "Atlas Cell") in got


def test_nominal_demonym_is_a_person_reference_and_a_number_after_a_noun_is_no_count(nlp):
    doc = nlp('Mads Lindqvist, 27, lost. "He was stronger," the Dane told Danish broadcaster TV 2.')
    names = {n for e in doc._.kg_entities.values() for n in e.names}
    assert "Dane" not in names
    assert not any(f.object == "2" for f in doc._.kg_facts)


def test_definite_thing_refers_only_to_a_thing_named_with_that_noun(nlp):
    got = facts(nlp, "The Nordic Heart Study followed 4,000 adults. The study was funded by the Lindqvist Trust. "
                     "The results appeared in The Lancet. The film was funded by the Ostrava Fund.")
    assert ("Lindqvist Trust", "fund", "Nordic Heart Study") in got
    assert not any(s == "Ostrava Fund" for s, _, _ in got)


def test_finishing_times_and_a_given_name_tagged_as_a_noun(nlp):
    got = facts(nlp, "Faith Chepkoech won the Berlin Marathon on Sunday in 2:15:42. Ruth Wanjiru clocked 2:19:40 for third.")
    assert ("Faith Chepkoech", "finishing time", "2:15:42") in got
    assert ("Ruth Wanjiru", "finishing time", "2:19:40") in got
    assert ("Ruth Wanjiru", "finishing position", "third") in got


def test_share_moves_belong_to_the_company(nlp):
    got = facts(nlp, "Shares in Vantor Systems jumped 22% on Monday. Acme Corp's shares fell 5 percent.")
    assert ("Vantor Systems", "jump by", "22%") in got
    assert ("Acme Corp", "fall by", "5 percent") in got


def test_a_book_refers_to_the_novel_and_the_firm_to_the_name_after_it(nlp):
    got = facts(nlp, "The writer Ana Vidal won the prize for her novel The Copper Coast. The book, which was published "
                     "in 2021 by the Lisbon-based house Editora Farol, follows a family. Vidal, a former lawyer at the "
                     "Porto law firm Sousa & Lima, lives in Braga.")
    assert ("Editora Farol", "publish", "Copper Coast") in got
    assert ("Copper Coast", "date published", "2021") in got
    assert ("Ana Vidal", "former lawyer at", "Sousa & Lima") in got
    assert ("Sousa & Lima", "based in", "Porto") in got


def test_a_plural_noun_is_no_apposition_of_a_name(nlp):
    doc = nlp("She won for her novel The Copper Coast, the organisers of the award announced in Madrid.")
    coast = [e for e in doc._.kg_entities.values() if "Copper Coast" in e.names]
    assert coast and coast[0].type == "Work"


def test_coordinated_parties_members_listed_and_groups_from_a_country(nlp):
    got = facts(nlp, "Chile and Peru signed a fisheries accord on Monday. Lumora Robotics raised money last year. "
                     "Its backers include Sequoia Capital and the European Investment Bank. Health ministers from "
                     "Kenya asked to join the Gavi Alliance.")
    assert ("Chile", "sign accord with", "Peru") in got
    assert ("Sequoia Capital", "backer of", "Lumora Robotics") in got
    assert ("European Investment Bank", "backer of", "Lumora Robotics") in got
    assert ("Kenya", "join", "Gavi Alliance") in got


def test_a_person_is_not_a_city_by_one_of_its_alternate_names(nlp):
    doc = nlp("Kenyan runner Mary Kamau won. Kamau said she was happy.")
    assert not any(e.type == "City" for e in doc._.kg_entities.values())


def test_organisation_names_in_apposition_are_one_entity_but_a_person_stays_a_person(nlp):
    doc = nlp("The shots were paid for by Gavi, the Vaccine Alliance, which has backed the programme since 2019. "
              "Anna Kessler arrived. Kessler, a lawyer at the Hamburg law firm Lenz & Partner, spoke.")
    by_name = {n: e for e in doc._.kg_entities.values() for n in e.names}
    assert by_name["Gavi"] is by_name["Vaccine Alliance"] and by_name["Gavi"].type == "Organization"
    assert by_name["Kessler"].type == "Person" and "Lenz & Partner" not in by_name["Kessler"].names


def test_possessive_pronoun_may_be_its_own_clause_subject_and_names_sharing_a_surname_stay_apart(nlp):
    got = facts(nlp, "World number three Ana Kovač beat Maria Sakkari in the final. Sakkari, who is ranked 41st in "
                     "the world, had won in Doha. Kovač, the second seed, is coached by her mother, Ivana Kovač.")
    assert ("Ana Kovač", "beat", "Maria Sakkari") in got
    assert ("Ivana Kovač", "mother of", "Ana Kovač") in got
    assert ("Maria Sakkari", "ranking", "41st") in got


def test_something_received_from_a_provider(nlp):
    got = facts(nlp, "Atlas Cell Ltd secured a $90 million loan from the African Development Bank. "
                     "Orvelle Group won approval from the European Commission in May.")
    assert ("African Development Bank", "lend to", "Atlas Cell Ltd") in got
    assert ("European Commission", "approve", "Orvelle Group") in got


def test_place_names_are_not_absorbed_and_acronyms_before_their_expansion_join_it(nlp):
    doc = nlp("The Munich Africa Business Forum opened in Munich. Talks in Abuja, Nigeria, ended. Uganda signed; "
              "Ugandan officials cheered. The EU said the European Union would help.")
    by_name = {n: e for e in doc._.kg_entities.values() for n in e.names}
    assert by_name["Munich"].type == "City" and by_name["Munich"] is not by_name["Munich Africa Business Forum"]
    assert by_name["Abuja"].type == "City" and by_name["Nigeria"].type == "Country"
    assert by_name["Ugandan"] is by_name["Uganda"]
    assert by_name["EU"] is by_name["European Union"]


def test_its_founder_belongs_to_a_body_not_a_city(nlp):
    got = facts(nlp, "Voltera Energy opened a plant in Celje last year. Its founder, Marko Pirc, said the city was ideal.")
    assert ("Marko Pirc", "founder of", "Voltera Energy") in got


def test_valuations_and_currency_adjectives(nlp):
    got = facts(nlp, "Acme Corp was valued at $2 billion. The deal values Lumora Robotics at 1.1 billion "
                     "euros. Nordvik Holdings is valued at 31 billion Danish crowns.")
    assert ("Acme Corp", "value", "$2 billion") in got
    assert any(s == "Lumora Robotics" and p == "value" and "1.1 billion" in o for s, p, o in got)
    assert not any(o == "Denmark" for _, _, o in got)


def test_start_up_is_one_noun_that_describes_the_name_after_it(nlp):
    doc = nlp("Kenyan payments start-up Kilimo Pay has raised $85 million in a round led by London-based Harbor "
              "Ridge Capital, the company said. The firm, which was set up in 2019 by David Otieno, plans to "
              "launch in Ethiopia.")
    ents = doc._.kg_entities
    got = {(ents[f.subject].label, f.predicate, f.object if f.is_literal else ents[f.object].label)
           for f in doc._.kg_facts}
    assert ents["name:kilimo pay"].type == "Organization"
    assert ("David Otieno", "set up", "Kilimo Pay") in got
    assert not any(s == "Harbor Ridge Capital" and p.startswith("launch") for s, p, _ in got)


def test_event_noun_with_patient_of_and_agent_by(nlp):
    got = facts(nlp, "The takeover of Nordhavn Strait by Kanemura Shipping requires approval. "
                     "The acquisition of Kallby Energi by Orvelle Automobiles closed in May.")
    assert ("Kanemura Shipping", "take over", "Nordhavn Strait") in got
    assert ("Orvelle Automobiles", "acquire", "Kallby Energi") in got


def test_approval_a_deal_noun_needs_belongs_to_the_buyer_it_names(nlp):
    got = facts(nlp, "Velnor's takeover of Teskel Mills still needs the approval of the Lorvia Trade Commission. "
                     "The purchase of Brisk Harbour Lines by Kovrat Group requires clearance from the Maritime Authority.")
    assert ("Velnor", "need approval from", "Lorvia Trade Commission") in got
    assert ("Kovrat Group", "require clearance from", "Maritime Authority") in got
    got = facts(nlp, "The purchase of Brisk Harbour Lines by Kovrat Group requires the approval of shareholders.")
    assert not any(p.endswith("approval from") for _, p, _ in got)          # no body named


def test_approval_of_the_thing_approved_is_not_approval_from_it(nlp):
    got = facts(nlp, "Novex Pharma won approval of Zelarin from the Food and Drug Administration on Monday. "
                     "Novex Pharma awaits approval of Zelarin by the Medicines Agency.")
    assert not any(o == "Zelarin" for _, p, o in got if "approval" in p)
    assert ("Novex Pharma", "await approval from", "Medicines Agency") in got


def test_a_deal_noun_names_its_buyer_only_where_the_deal_awaits_something(nlp):
    got = facts(nlp, "Teskel Mills' takeover by Velnor still needs the approval of the Trade Commission.")
    assert ("Velnor", "need approval from", "Trade Commission") in got          # the by-phrase, not the target
    got = facts(nlp, "Velnor's acquisition of Teskel Mills values the company at $4 billion.")
    assert not any(s == "Velnor" and p.startswith("value") for s, p, _ in got)  # the company valued is the target


def test_place_on_the_object_of_a_preposition(nlp):
    got = facts(nlp, "Kurosawa Motors will invest $1 billion in a battery plant in Ghana.")
    assert ("Kurosawa Motors", "invest in", "Ghana") in got


def test_results_in_an_absolute_clause_and_a_club_typed_by_its_noun(nlp):
    got = facts(nlp, "Sanne de Vries finished second in 2:16:07, with Ethiopia's Tigist Alemu third in 2:19:40. "
                     "Thomas Girard was sold to Italian side Ravenna Calcio in 2019.")
    assert ("Tigist Alemu", "finishing position", "third") in got
    assert ("Tigist Alemu", "finishing time", "2:19:40") in got
    assert ("Sanne de Vries", "finishing position", "third") not in got
    assert ("Ravenna Calcio", "country", "Italy") in got


def test_who_led_a_funding_round_invested(nlp):
    got = facts(nlp, "Kenyan payments start-up Kilimo Pay has raised $85 million in a Series C funding round led by "
                     "London-based Harbor Ridge Capital, the company said. Lumora Robotics has raised 140 million euros "
                     "in a Series B round led by Northgate Capital and Fjordline Ventures.")
    assert ("Harbor Ridge Capital", "invest in", "Kilimo Pay") in got
    assert ("Northgate Capital", "invest in", "Lumora Robotics") in got
    assert ("Fjordline Ventures", "invest in", "Lumora Robotics") in got


def test_implicit_office_is_not_the_country_visited_and_a_verb_is_no_title_word(nlp):
    visit = facts(nlp, "Germany and Kenya agreed to cooperate. Chancellor Olaf Scholz flew to Kenya on Monday.")
    assert ("Olaf Scholz", "chancellor of", "Kenya") not in visit
    got = facts(nlp, "Kenyan President William Ruto met Chancellor Olaf Scholz. Microsoft gaming chief Phil Spencer spoke.")
    assert not any(p.startswith("met ") for _, p, _ in got)
    assert ("Phil Spencer", "gaming chief of", "Microsoft") in got


@pytest.mark.parametrize("text, fact, wrong", [
    # a country gone to ("ambassador to Japan") is not the story's own
    ("Irish diplomat named ambassador to Japan. Orla Kinsella is to become Ireland's next ambassador to Japan. "
     "She will take up the post in Tokyo once the Japanese government consents. Announcing it, Minister for "
     "Foreign Affairs Tadhg Brennock praised her.",
     ("Tadhg Brennock", "minister for foreign affairs of", "Ireland"), "Japan"),
    # a country a minister will represent is no country visited
    ("Latvia's government fell after a row over the border with Belarus, which Belarus disputes. "
     "Foreign Minister Ilze Kalnina will represent Latvia at the summit.",
     ("Ilze Kalnina", "foreign minister of", "Latvia"), "Belarus"),
])
def test_an_untitled_minister_is_the_story_s_own_country_s(nlp, text, fact, wrong):
    got = facts(nlp, text)
    assert fact in got and (fact[0], fact[1], wrong) not in got


def test_ages_written_as_n_year_old(nlp):
    got = facts(nlp, "The 46-year-old Ana Lima took office in May. Marco Bellini, a 52-year-old former professor, "
                     "was appointed.")
    assert ("Ana Lima", "age", "46") in got
    assert ("Marco Bellini", "age", "52") in got


def test_lower_case_titles_after_a_body_and_roles_the_tagger_missed(nlp):
    got = facts(nlp, "Harbor Ridge partner Sophie Lindgren will join the board. Brazilian forward Caio Mendes scored twice.")
    assert ("Sophie Lindgren", "partner of", "Harbor Ridge") in got
    assert ("Caio Mendes", "nationality", "Brazil") in got


def test_the_object_named_between_verb_and_preposition_is_in_the_relation(nlp):
    got = facts(nlp, "Kenya recalled its ambassador to Ethiopia. Lena Ostrova studied economics at the University "
                     "of Tartu.")
    assert ("Kenya", "recall ambassador to", "Ethiopia") in got               # not "recall to Ethiopia"
    assert ("Lena Ostrova", "study economics at", "University of Tartu") in got    # not "economic"


def test_people_at_a_body_act_for_it(nlp):
    got = facts(nlp, "Engineers at the Tallinn Institute of Robotics have tested a walking robot for Volvo.")
    assert ("Tallinn Institute of Robotics", "test robot for", "Volvo") in got
    got = facts(nlp, "Biologists at Lake Baikal counted seals for Rosprirodnadzor.")
    assert not any(s == "Lake Baikal" for s, _, _ in got)           # people at a place are not the place


def test_a_team_and_its_study_act_through_their_leader(nlp):
    got = facts(nlp, "The team, led by the chemist Ines Varga, used the Keck Observatory in Hawaii. "
                     "Her group collaborated with researchers from the University of Leeds.")
    assert ("Ines Varga", "use", "Keck Observatory") in got
    assert ("Ines Varga", "collaborate with", "University of Leeds") in got
    got = facts(nlp, "The virologist Pavel Horak led the study. Its results were published in the journal Cell.")
    assert ("Pavel Horak", "published in", "Cell") in got
    got = facts(nlp, "The virologist Pavel Horak led the study. The study was funded by the Novo Nordisk "
                     "Foundation, and its results were published in the journal Cell.")
    assert {("Pavel Horak", "lead", "study"), ("Novo Nordisk Foundation", "fund", "study")} <= got
    # (a study the article refers to twice is a node of its own: see the unnamed-things tests)
    got = facts(nlp, "The project was led by Fennec Dynamics. Ana Silva has worked on the project since 2019.")
    assert not any(o == "Fennec Dynamics" and s == "Ana Silva" for s, _, o in got)   # the project itself


def test_the_two_ministers_and_both_banks_are_each_of_them(nlp):
    got = facts(nlp, "Irish Foreign Minister Siobhan Kelly met her Chilean counterpart Diego Rivas in Dublin. "
                     "The two ministers signed the Atlantic Fisheries Accord.")
    assert {("Siobhan Kelly", "sign", "Atlantic Fisheries Accord"),
            ("Diego Rivas", "sign", "Atlantic Fisheries Accord")} <= got
    got = facts(nlp, "Norvik Bank agreed to merge with Baltica Bank on Monday. Norvik Bank is the larger lender, "
                     "and Baltica Bank has 40 branches. The deal needs approval from the Finance Authority. "
                     "Both banks intend to list their shares on the Oslo Stock Exchange.")
    listed = {s for s, p, o in got if o == "Oslo Stock Exchange"}
    assert listed == {"Norvik Bank", "Baltica Bank"}                  # the parties, not the regulator
    assert not any(s == "Finance Authority" for s, _, _ in got)        # "their shares" are the banks'
    assert ("Norvik Bank", "need approval from", "Finance Authority") in got     # the deal is the buyer's


def test_a_definite_body_is_not_one_of_another_kind(nlp):
    got = facts(nlp, "The Dutch chipmaker Velto employs 3,200 people. Velto reported revenue of 2.1 billion euros. "
                     "The agency fined Orbis Bank 40 million euros on Tuesday.")
    assert not any(s == "Velto" and "fine" in p for s, p, _ in got)      # "the agency" is no chipmaker
    got = facts(nlp, "The maritime regulator Kustverket opened an inquiry. "
                     "The agency fined Orbis Shipping 40 million crowns.")
    assert ("Kustverket", "fine", "40 million crowns") in got             # "fined" is "fine", not "fin"


def test_object_control_the_object_does_it_as_asked(nlp):
    text = "The prime minister asked Maria Keller to lead the Ministry of Finance. Helsinki urged Estonia to join the Nordic Energy Pact."
    got = facts(nlp, text)
    assert ("Maria Keller", "lead", "Ministry of Finance") in got
    assert ("Estonia", "join", "Nordic Energy Pact") in got
    assert not any(s == "Finland" and p == "join" for s, p, _ in got)     # the asker does not join
    assert modalities(nlp, text)["join"] == "urge"


def test_a_sum_of_money_as_object(nlp):
    got = facts(nlp, "The Nordic Investment Bank will lend $300 million, and the Fennec Fund will provide $45 million.")
    assert ("Nordic Investment Bank", "lend", "$300 million") in got
    assert ("Fennec Fund", "provide", "$45 million") in got


def test_match_score_goes_to_the_winner(nlp):
    got = facts(nlp, "Hana Ito beat Chloe Marsh 7-6(4), 3-6, 6-2 in the final. Sporting Braga defeated Vitoria 3-1 on Sunday.")
    assert ("Hana Ito", "beat with score", "7-6(4), 3-6, 6-2") in got
    assert ("Sporting Braga", "defeat with score", "3-1") in got
    got = facts(nlp, "The survey, run by Gallup in 2010-2022, found that 5-4 majorities backed Velto.")
    assert not any(p.endswith("with score") for _, p, _ in got)          # a range of years is no score


def test_apposition_role_needs_a_role_noun(nlp):
    got = facts(nlp, "Karin Solberg, who was born in Tromsø on 4 March 1941, studied chemistry at the University of Oslo. "
                     "Fennec Leasing, the leasing arm of Vega Bank, opened an office in Riga.")
    assert not any(p.startswith("chemistry") for _, p, _ in got)       # a misparsed field is no role
    assert ("Fennec Leasing", "arm of", "Vega Bank") in got


def test_ages_written_aged_and_at_the_age_of(nlp):
    got = facts(nlp, "The sculptor Rosa Lind died in Malmö aged 91. Erik Holm retired at the age of 64. "
                     "Tove Berg, aged 44, won the vote.")
    assert {("Rosa Lind", "age", "91"), ("Erik Holm", "age", "64"), ("Tove Berg", "age", "44")} <= got


def test_shares_of_the_vote(nlp):
    got = facts(nlp, "Lena Vogt won 55.1 percent of the vote, against 44.9 percent for Paul Dressler. "
                     "Jonas Brenner came third with 18.7 percent.")
    assert ("Lena Vogt", "win percent", "55.1 percent") in got
    assert ("Paul Dressler", "share", "44.9 percent") in got
    assert ("Jonas Brenner", "come with", "18.7 percent") in got


def test_places_placed_by_appositions_and_phrases(nlp):
    got = facts(nlp, "The ship docked at the port of Mersin in Turkey on Friday. "
                     "Voters in Gothenburg, Sweden's second-largest city, backed the plan. "
                     "She grew up in Jaén, in the southern region of Andalusia. "
                     "Fennec Robotics, a Munich start-up that builds drones, raised 40 million euros. "
                     "Ana Reyes reached the final of the Dubai Open in the United Arab Emirates.")
    assert {("Mersin", "located in", "Turkey"), ("Gothenburg", "located in", "Sweden"),
            ("Jaén", "located in", "Andalusia"), ("Fennec Robotics", "based in", "Munich"),
            ("Dubai Open", "held in", "United Arab Emirates")} <= got


STUDY = ("A study published on Monday found that coffee lowers the risk of gout. The study, led by Marta Sousa "
         "of the University of Minho, followed 9,000 adults. The study was funded by the Gulbenkian Foundation. "
         "Sousa now plans a larger trial in Spain.")


def test_an_unnamed_study_the_article_keeps_talking_about_is_a_node(nlp):
    doc = nlp(STUDY)
    studies = [e for e in doc._.kg_entities.values() if e.local]
    assert [(e.type, e.label) for e in studies] == [("Work", "study")]
    got = facts(nlp, STUDY)
    assert ("Gulbenkian Foundation", "fund", "study") in got
    assert not any(o == "study" and "Spain" in (s, o) for s, _, o in got)   # "a larger trial" is another
    named = nlp("The Nordic Heart Study followed 9,000 adults. The study was funded by the Gulbenkian Foundation.")
    assert not any(e.local for e in named._.kg_entities.values())          # the study has a name


def test_general_words_refer_back_to_the_unnamed_study(nlp):
    text = ("A new survey of 6,000 fishers in Chile found that warmer seas cut catches. The survey was run by the "
            "University of Valparaiso. The work appeared in the journal Marine Policy. It was funded by the Lotka "
            "Trust. Results of the survey were presented in Lima.")
    got = facts(nlp, text)
    assert {("new survey", "appear in", "Marine Policy"), ("Lotka Trust", "fund", "new survey")} <= got
    assert [e.names for e in nlp(text)._.kg_entities.values() if e.local] == [["survey", "new survey"]]
    once = facts(nlp, "A survey of 6,000 fishers found that warmer seas cut catches. The results appeared in "
                      "Marine Policy.")
    assert not any("survey" in (s, o) for s, _, o in once)     # "the results" alone do not make a node


def test_each_article_has_its_own_unnamed_study(tmp_path):
    from kg.api import ingest
    from kg.store import EmbeddedStore
    store = EmbeddedStore(str(tmp_path / "store"))
    other = STUDY.replace("coffee", "tea").replace("Marta Sousa", "Ines Lobo").replace("Sousa", "Lobo")
    ingest([Article(text=STUDY, source="a.txt"), Article(text=other, source="b.txt")], store)
    rows = list(store.query("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e kg:extractedType kg:Work } "
                            "?e rdfs:label 'study' }"))
    store.close()
    assert len(rows) == 2                                                   # two studies, two nodes


def test_stakes_in_percent(nlp):
    got = facts(nlp, "Hanbit Power will hold a 55% stake in the venture. Velto owns a 12.5 percent share in Orbis.")
    assert {("Hanbit Power", "stake", "55%"), ("Velto", "stake", "12.5 percent")} <= got


def test_obituary_idioms(nlp):
    got = facts(nlp, "Karin Holt, the Danish architect, has died in Copenhagen. She was 93. "
                     "She studied architecture at the Royal Danish Academy and at the Technical University of Munich.")
    assert {("Karin Holt", "age", "93"), ("Karin Holt", "study at", "Royal Danish Academy"),
            ("Karin Holt", "study at", "Technical University of Munich")} <= got


def test_a_portfolio_before_a_title_is_part_of_the_title(nlp):
    doc = nlp("Kenyan Defence Minister John Kamau welcomed her. Energy Cabinet Secretary Daniel Ouma signed the deal.")
    assert {e.label for e in doc._.kg_entities.values()} == {"Kenya", "John Kamau", "Daniel Ouma"}
    got = facts(nlp, doc.text)
    assert ("John Kamau", "defence minister of", "Kenya") in got


def test_coordinated_roles_and_financing_from_a_lender(nlp):
    got = facts(nlp, "Tessel's co-founder and chief executive, Erik Vang, will stay. "
                     "Holmgren will finance the purchase with a bridge loan from Deutsche Bank and Commerzbank.")
    assert {("Erik Vang", "founder of", "Tessel"), ("Erik Vang", "chief executive of", "Tessel")} <= got
    assert {("Deutsche Bank", "lend to", "Holmgren"), ("Commerzbank", "lend to", "Holmgren")} <= got


def test_rankings_seeds_and_a_time_after_was(nlp):
    got = facts(nlp, "Hana Ito, ranked 52nd in the world, beat the fourth seed, Chloe Marsh, in the quarter-finals. "
                     "Ito will rise to 23rd in the WTA rankings on Monday. Germany's Lena Sommer was third in 2:23:05.")
    assert {("Hana Ito", "ranking", "52nd"), ("Hana Ito", "ranking", "23rd"), ("Chloe Marsh", "seed", "fourth"),
            ("Lena Sommer", "finishing time", "2:23:05")} <= got
    assert ("Mia Duval", "ranking", "41st") in facts(nlp, "Ranked 41st in the world, Mia Duval reached the final.")


def test_backed_applications_reliance_and_far_appositions(nlp):
    got = facts(nlp, "Chile said it supported Peru's application. Chile hopes to reduce its reliance on Russia.")
    assert {("Chile", "support", "Peru"), ("Chile", "reduce reliance on", "Russia")} <= got
    got = facts(nlp, "Chile wants to become an associate member of the Pacific Alliance, a status already held by Canada and Japan.")
    assert not any(o == "Chile" and p == "hold" for _, p, o in got)     # the status is not Chile


def test_penalties_and_loans_of_an_amount(nlp):
    got = facts(nlp, "The judge ordered Lumex Credit to pay a penalty of $30 million.")
    assert ("Lumex Credit", "penalty", "$30 million") in got          # object control: Lumex pays


def test_coordinated_place_participles_and_consortium_members(nlp):
    got = facts(nlp, "Ghana signed a deal with a consortium of Kobe-based Daiwa Engineering and Bilbao-based Solaria Energia. "
                     "It was funded by Wellcome, the London-based medical research charity.")
    assert {("Daiwa Engineering", "based in", "Kobe"), ("Solaria Energia", "based in", "Bilbao"),
            ("Ghana", "sign deal with", "Daiwa Engineering"), ("Ghana", "sign deal with", "Solaria Energia"),
            ("Wellcome", "based in", "London")} <= got
    assert ("Solaria Energia", "based in", "Kobe") not in got


def test_roles_after_as_and_to_and_a_capital_in_apposition(nlp):
    got = facts(nlp, "Karl Brandt replaced Anna Weber as chief executive of Velto in March. "
                     "The ministry said Jonas Berg would be appointed ambassador to Japan. "
                     "Dodoma, the capital of Tanzania, hosted the talks.")
    assert {("Karl Brandt", "chief executive of", "Velto"), ("Jonas Berg", "ambassador to", "Japan"),
            ("Dodoma", "capital of", "Tanzania")} <= got


def test_nationality_nouns_refer_to_the_person_from_there(nlp):
    text = ("Mikko Lahti of Finland met Pedro Salgado of Brazil in the final. "
            "The Finn won the first set, but the Brazilian beat him 7-5 4-6 6-3. "
            "The Spaniard Jordi Puig coaches Salgado.")
    doc = nlp(text)
    assert "Finn" not in {e.label for e in doc._.kg_entities.values()}
    got = facts(nlp, text)
    assert {("Pedro Salgado", "beat", "Mikko Lahti"), ("Pedro Salgado", "beat with score", "7-5 4-6 6-3"),
            ("Jordi Puig", "nationality", "Spain"), ("Jordi Puig", "coach", "Pedro Salgado")} <= got


def test_a_place_named_with_a_demonym_is_one_place(nlp):
    text = "The cable reached the Orbis Research Station in French Polynesia on Tuesday."
    doc = nlp(text)
    assert {e.label for e in doc._.kg_entities.values()} == {"Orbis Research Station", "French Polynesia"}
    assert ("Orbis Research Station", "based in", "French Polynesia") in facts(nlp, text)
    doc = nlp("Elections were held in French Polynesia on Sunday.")                 # NER: a "language"
    assert [e.label for e in doc._.kg_entities.values()] == ["French Polynesia"]


def test_an_owners_facility_named_by_its_place(nlp):
    got = facts(nlp, "Song Da Cement said it would cut output at its Danang plant.")
    assert ("Song Da Cement", "plant in", "Da Nang") in got


def test_a_named_probe_and_the_spacecraft(nlp):
    text = ("The Nordic Space Office launched its Heron probe to the asteroid Vesta on Thursday. "
            "The mission was assembled by Astra Spatiale in Toulouse.")
    doc = nlp(text)
    assert {e.label: e.type for e in doc._.kg_entities.values()}.get("Astra Spatiale") == "Organization"
    got = facts(nlp, text)
    assert {("Nordic Space Office", "launch", "Heron"), ("Astra Spatiale", "assemble", "Heron")} <= got


def test_a_named_facility_and_where_it_is(nlp):
    text = "The Tamarugo mine in northern Chile produced 40,000 tonnes. The plant is in Setúbal, near Lisbon."
    doc = nlp(text)
    assert {e.label: e.type for e in doc._.kg_entities.values()}["Tamarugo"] == "Facility"
    assert {("Tamarugo", "located in", "Chile"), ("Setúbal", "located near", "Lisbon")} <= facts(nlp, text)


def test_a_building_named_after_a_person_is_no_person(nlp):
    doc = nlp("The treaty was signed at the Orlanda Palace in Vesterby on Monday.")
    assert {e.label: e.type for e in doc._.kg_entities.values()}["Orlanda Palace"] == "Facility"
    doc = nlp("Ostara Power chief executive Anna Palace said profits would rise.")
    assert {e.label: e.type for e in doc._.kg_entities.values()}["Anna Palace"] == "Person"   # NER said so


def test_the_company_is_rather_the_one_named_in_its_sentence(nlp):
    got = facts(nlp, "Holmgren Freight agreed to buy Tessel Software. Tessel's founder, Erik Vang, will continue to run the company.")
    assert ("Erik Vang", "run", "Tessel Software") in got


def test_any_dated_event_dates_its_subject(nlp):
    got = facts(nlp, "The comet Vessa was discovered in 1887 by Karl Brandt. Marta Lind joined the board in 2015. "
                     "Ove Hall said in 2019 that the plan would fail.")
    assert ("Vessa", "date discovered", "1887") in got
    assert ("Marta Lind", "join date", "2015") in got            # a listed event keeps its own name
    assert not any(p.endswith("date") for s, p, o in got if s == "Ove Hall")     # saying is not an event


def test_whose_refers_to_the_name_before_it(nlp):
    got = facts(nlp, "The levy was opposed by Fjordvakt, a tenants' group whose director Hilde Strand called it unfair. "
                     "Norway is a member of the Nordic Tenants Union (NTU), whose headquarters are in Bergen.")
    assert ("Hilde Strand", "director of", "Fjordvakt") in got
    assert ("Nordic Tenants Union", "based in", "Bergen") in got
    assert ("Norway", "based in", "Bergen") not in got


def test_a_title_word_and_an_age_refer_back_to_the_person(nlp):
    got = facts(nlp, "Chilean Trade Minister Rosa Pinto met Ivar Lund, the head of Nordlys Bank, in Oslo on Monday. "
                     "Lund welcomed the talks. The minister, 58, was for ten years a member of the Senate.")
    assert ("Rosa Pinto", "age", "58") in got                    # "the minister" is the one titled minister
    assert ("Rosa Pinto", "member of", "Senate") in got
    assert not any(s == "Ivar Lund" and p in ("age", "member of") for s, p, o in got)


def test_the_n_year_old_is_a_person_named_before(nlp):
    got = facts(nlp, "Wrexford Rovers have signed the striker Tomas Vik from Dalby Athletic. "
                     "The 24-year-old, who scored 19 goals for Dalby, will wear the number nine shirt.")
    assert ("Tomas Vik", "age", "24") in got
    assert ("Tomas Vik", "score goal", "19") in got
    assert ("Wrexford Rovers", "sign", "Tomas Vik") in got       # a club name ending: an organisation


def test_a_place_before_the_subject_belongs_to_the_fronted_participle(nlp):
    got = facts(nlp, "Born on May 2, 1939, in Bodø, the daughter of a harbour pilot and a midwife, "
                     "Berg studied architecture at the Swedish Institute of Design.")
    assert ("Berg", "birth place", "Bodø") in got                # the parser hangs "in Bodø" on "studied"
    assert ("Berg", "study in", "Bodø") not in got
    assert ("Berg", "study at", "Swedish Institute of Design") in got


def test_a_literal_rule_for_people_skips_other_subjects(nlp):
    got = facts(nlp, "Halvik Shipping, 41, said on Monday it would sell two vessels.")
    assert not any(p == "age" for s, p, o in got)


def test_the_city_of_x_is_x(nlp):
    got = facts(nlp, "Solvik Energi will build a solar park near the town of Alta. "
                     "Halvik plans to open a plant in the port city of Narvik.")
    assert ("Solvik Energi", "build near", "Alta") in got
    assert any(s == "Halvik" and o == "Narvik" for s, p, o in got)
    doc = nlp("Solvik Energi will build a solar park near the town of Alta.")
    assert {e.type for e in doc._.kg_entities.values() if e.label == "Alta"} == {"Place"}


def test_a_thing_called_by_a_name_is_that_name(nlp):
    got = facts(nlp, "The drug, called Veltrix, was developed by Norgen Pharma.")
    assert ("Norgen Pharma", "develop", "Veltrix") in got


def test_symmetric_verbs_with_coordinated_subjects_and_disputes(nlp):
    got = facts(nlp, "Norway and Sweden agreed on Saturday to share water from the Klar River. "
                     "The deal could ease the dispute between Estonia and Latvia over fishing rights.")
    assert ("Norway", "agree with", "Sweden") in got
    assert ("Estonia", "in dispute with", "Latvia") in got


def test_one_of_a_named_set_and_a_tour_that_takes_someone_places(nlp):
    got = facts(nlp, "The Oslo Marathon was first held in 1981. It is one of the Nordic Running Series. "
                     "Swedish Foreign Minister Eva Berg arrived in Lima on Monday at the start of a five-day tour "
                     "that will also take her to Quito and Bogota.")
    assert ("Oslo Marathon", "part of", "Nordic Running Series") in got
    assert {("Eva Berg", "visit", "Quito"), ("Eva Berg", "visit", "Bogotá")} <= got


def test_serving_as_needs_a_role_noun(nlp):
    got = facts(nlp, "Olsen was elected to the Storting for the Labour Party.")
    assert not any(p.startswith("storting") for s, p, o in got)


def test_light_verb_dates_trip_destinations_and_an_untied_nationality_noun(nlp):
    got = facts(nlp, "Wrexford Rovers have signed the Brazilian forward Bruno Lima from Dalby Athletic. "
                     "Manager Tom Hale said he was delighted. The Englishman, who took charge at Wrexford in 2023, "
                     "has twice won promotion. Lima made his professional debut in 2019. "
                     "Kari Dahl spoke on Monday. Her first foreign trip will be to Brussels.")
    assert ("Tom Hale", "date took charge", "2023") in got     # not the Brazilian
    assert not any(s == "Bruno Lima" and "charge" in p for s, p, o in got)
    assert ("Bruno Lima", "date made debut", "2019") in got
    assert ("Kari Dahl", "visit", "Brussels") in got


def test_a_short_name_without_its_ending_and_a_co_founder_with_a_particle_verb(nlp):
    doc = nlp("Lendo raised $40 million in a round led by Granite Peak Capital. Granite Peak partner Ida Solberg "
              "will join the board. Granite Peak, which manages about $1.5 billion, has invested in Kartona.")
    granite = [e for e in doc._.kg_entities.values() if e.label.startswith("Granite Peak")]
    assert len(granite) == 1 and "Granite Peak" in granite[0].names
    got = facts(nlp, "Ana Ruiz set up Lendo in 2021 with Omar Haddad. Vetra was co-founded in 2019 by Per Dahl.")
    assert ("Omar Haddad", "set up", "Lendo") in got
    assert ("Vetra", "founding date", "2019") in got


def test_investors_joining_a_funding_round_invest_in_who_raised_it(nlp):
    got = facts(nlp, "Lendo has raised $40 million in a Series B funding round led by Granite Peak Capital. The Nordic "
                     "Investment Bank and existing backer Fjell Ventures also joined the round, which values the firm "
                     "at $310 million. Its first round, a $12 million Series A led by Tarn Partners, closed in 2022.")
    assert {("Nordic Investment Bank", "invest in", "Lendo"), ("Fjell Ventures", "invest in", "Lendo"),
            ("Tarn Partners", "invest in", "Lendo"), ("Lendo", "value", "$310 million")} <= got
    assert not any(s == "Nordic Investment Bank" and p == "value" for s, p, o in got)


def test_race_results_times_participants_and_event_names(nlp):
    text = ("Kenya's Amos Kiprop won the Oslo Marathon on Sunday. Germany's Jonas Vogt finished third in a "
            "national record of 2:06:40. Lelisa Bekele finished second, 50 seconds behind, with Belgian runner "
            "Femke van Dam third in a course record of 2:24:31. The women's race was won by Ethiopia's Tirunesh Gebre "
            "in 2:19:02. Gebre crossed the line in 2 hours, 19 minutes, 2 seconds. "
            "Some 31,000 runners took part in the race.")
    got = facts(nlp, text)
    assert ("Jonas Vogt", "finishing time", "2:06:40") in got
    assert not any(s == "Lelisa Bekele" and o in ("2:24:31", "third") for s, p, o in got)   # the absolute's
    assert ("Tirunesh Gebre", "finishing time", "2:19:02") in got         # both the passive and the words
    assert ("Oslo Marathon", "participants", "31000") in got
    assert {e.type for e in nlp(text)._.kg_entities.values() if e.label == "Oslo Marathon"} == {"Event"}


def test_seat_tallies_out_of_a_whole_and_in_words(nlp):
    got = facts(nlp, "The Civic Party took 27.9 percent of the vote and 33 of the 120 seats in the National Assembly. "
                     "The Farmers Party holds 17 of the 169 seats in the Storting. The Green Party won seven seats. "
                     "The accord commits the two countries to joint patrols.")
    assert {("Civic Party", "take seat", "33"), ("Farmers Party", "hold seat", "17"),
            ("National Assembly", "seats", "120"), ("Storting", "seats", "169"), ("Green Party", "win seat", "7")} <= got
    assert not any(o == "2" for s, p, o in got)                  # "the two countries" is no tally


def test_amounts_a_lender_provides_and_facilities_operated_by_a_body(nlp):
    got = facts(nlp, "The financing includes a $270 million loan from the Nordic Investment Bank and $190 million "
                     "from the Export Bank of Chile. Lendo received a 20 million euro grant from "
                     "the European Union. Power comes from the Lyngen complex operated by Statkraft.")
    assert {("Nordic Investment Bank", "loan", "$270 million"),
            ("Export Bank of Chile", "loan", "$190 million"),
            ("European Union", "grant", "20 million euro")} <= got
    assert any(s == "Statkraft" and p == "operate" and o == "Lyngen" for s, p, o in got)


def test_a_headline_then_a_dateline(nlp):
    text = ("Norwegian runner wins in Tromsø\n\nTROMSØ, Norway, June 2 - Kari Dahl won the Arctic Marathon on "
            "Sunday.\n")
    got = facts(nlp, text)
    assert ("Tromsø", "located in", "Norway") in got
    assert ("Kari Dahl", "win", "Arctic Marathon") in got


def test_the_company_is_not_a_court(nlp):
    got = facts(nlp, "The Federal Court of Canada on Tuesday ordered Lendo Finance, a Toronto-based lender, to pay a "
                     "penalty. The ruling also names the company's founder and former chief executive, Mark Doyle, "
                     "as responsible.")
    assert ("Mark Doyle", "founder of", "Lendo Finance") in got
    assert not any(o == "Federal Court of Canada" and p == "founder of" for s, p, o in got)


def test_a_known_city_after_in_is_a_place_whatever_ner_said(nlp):
    got = facts(nlp, "The Stensby Town Hall in Aalborg opened in 1998.")
    assert ("Stensby Town Hall", "based in", "Aalborg") in got


def test_a_role_for_a_body_then_the_name_and_a_proper_noun_between_place_and_noun(nlp):
    got = facts(nlp, "Regulators fined Lendo Finance, a Toronto-based payday lender, last year. "
                     "A lawyer for Doyle, Paul Wren, said the ruling was wrong. The Ministry of Health said it was "
                     "pleased. A spokesman for the ministry, Ole Berg, declined to comment.")
    assert {("Paul Wren", "lawyer for", "Doyle"), ("Ole Berg", "spokesman for", "Ministry of Health"),
            ("Lendo Finance", "based in", "Toronto")} <= got


def test_a_body_named_on_over_for(nlp):
    doc = nlp("Léa Morel is based at the Lyon Observatory for Polar Studies.")
    assert "Lyon Observatory for Polar Studies" in {e.label for e in doc._.kg_entities.values()}
    assert not any(e.label == "Polar Studies" for e in doc._.kg_entities.values())


def test_a_share_of_a_whole_is_about_the_whole(nlp):
    got = facts(nlp, "Peru, which claims most of the Humboldt Bank, did not comment. Lendo bought half of Vetra Bank.")
    assert ("Peru", "claim", "Humboldt Bank") in got
    assert ("Lendo", "buy", "Vetra Bank") in got


def test_how_many_times(nlp):
    got = facts(nlp, "Brann, which was founded in 1908, has won the Norwegian league three times. "
                     "Vik, who has been capped 23 times by Norway, is expected to play on Sunday.")
    assert {("Brann", "win count", "3"), ("Vik", "capped count", "23")} <= got


def test_an_untagged_company_ending_and_how_many_started(nlp):
    got = facts(nlp, "The Oslo Marathon was first held in 1981 and is organised by Fjell Events. "
                     "About 21,000 runners from 90 countries started the race this year.")
    assert ("Fjell Events", "organise", "Oslo Marathon") in got
    assert ("Oslo Marathon", "participants", "21000") in got


def test_what_a_takeover_needs_is_the_buyers(nlp):
    got = facts(nlp, "Halvik Group agreed on Monday to buy the Norwegian ferry operator Vetra for 900 million euros. "
                     "The acquisition needs approval from the European Commission. "
                     "The deal gives the Danish group a foothold in Norway.")
    assert ("Halvik Group", "need approval from", "European Commission") in got
    assert not any(s == "Halvik Group" and p == "give" for s, p, o in got)   # the deal's own verbs only


def test_a_phrase_after_a_coordinated_verb_and_its_object_is_that_verbs(nlp):
    got = facts(nlp, "Brekka Systems employs 900 staff and supplies turbine blades to manufacturers such as "
                     "Denmark's Halvik Wind.")
    assert ("Brekka Systems", "supply to", "Halvik Wind") in got
    assert not any(p == "employ to" for s, p, o in got)


def test_a_dateline_is_no_subject(nlp):
    got = facts(nlp, "LYON, France — Norwegian qualifier Freja Holm won the Rhone Open on Sunday, beating "
                     "top seed Ilaria Conti of Italy.")
    assert {("Freja Holm", "win", "Rhone Open"), ("Freja Holm", "beat", "Ilaria Conti")} <= got
    assert ("Ilaria Conti", "nationality", "Italy") in got          # "Conti of" is no name
    assert not any(s in ("Lyon", "France") for s, p, o in got if p != "located in")


def test_a_capitalised_person_noun_before_a_name_is_no_part_of_it(nlp):
    got = facts(nlp, "LYON, May 4 – Qualifier Freja Holm of Denmark stunned the top seed on Sunday.")
    assert ("Freja Holm", "nationality", "Denmark") in got


def test_a_blank_line_ends_the_headline(nlp):
    doc = nlp("Holm wins in Lyon\n\nLYON, France, May 4 (Reuters) - Freja Holm won the Rhone Open on Sunday.")
    names = {name for e in doc._.kg_entities.values() for name in e.names}
    assert "Lyon" in names and not any("\n" in name for name in names)
    assert [s.text.strip() for s in doc.sents][0] == "Holm wins in Lyon"      # the headline is a sentence


def test_a_continent_is_no_short_name_of_a_country(nlp):
    doc = nlp("The company runs ports in South Africa. Its terminals are among the busiest in Africa.")
    names = {e.label: e.names for e in doc._.kg_entities.values()}
    assert "Africa" in names and "Africa" not in names["South Africa"]


def test_a_portfolio_joined_by_and_opens_the_title(nlp):
    doc = nlp("Employment and Labour Minister Tumelo Dube welcomed the ruling.")
    assert {e.label for e in doc._.kg_entities.values()} == {"Tumelo Dube"}
    assert ("Tumelo Dube", "role", "Employment and Labour Minister") in facts(nlp, doc.text)


def test_a_common_noun_before_a_title_is_the_articles_body(nlp):
    text = ("The tomb was found by a team from Lima University and the Coastal Heritage Museum. "
            "Museum director Julio Paz said the find was important.")
    assert ("Julio Paz", "director of", "Coastal Heritage Museum") in facts(nlp, text)    # the museum, not
    assert "Museum" not in {e.label for e in nlp(text)._.kg_entities.values()}          # the university
    got = facts(nlp, "Atlético Fontana sacked its coach on Monday. Rival club president Alicia Ruiz said "
                     "nothing. Club president Ana Soto thanked him.")
    assert ("Ana Soto", "president of", "Atlético Fontana") in got
    assert not any(s == "Alicia Ruiz" for s, p, o in got)        # a rival club's president: not Fontana's


def test_a_locative_phrase_right_after_a_named_place_places_it(nlp):
    got = facts(nlp, "The president was welcomed at the Presidential Palace in Hanoi on Thursday. "
                     "Kim studied at Yonsei University in Seoul.")
    assert {("Presidential Palace", "located in", "Hanoi"), ("Yonsei University", "located in", "Seoul")} <= got


def test_a_city_and_its_region(nlp):
    got = facts(nlp, "The drug was developed at a laboratory in Leeds, England, last year.")
    assert ("Leeds", "located in", "England") in got


def test_a_club_is_named_by_its_distinctive_word_and_beaten_though_misparsed(nlp):
    doc = nlp("Atlético Fontana sacked its coach on Monday. Deportivo Almendra beat Fontana 3-0 on Saturday.")
    clubs = [e.names for e in doc._.kg_entities.values() if "Atlético Fontana" in e.names]
    assert clubs == [["Atlético Fontana", "Fontana"]]
    assert ("Deportivo Almendra", "beat", "Atlético Fontana") in facts(nlp, doc.text)


def test_a_dateline_city_of_several_words(nlp):
    got = facts(nlp, "BUENOS AIRES, Argentina — Norwegian qualifier Freja Holm won the Plata Open on Sunday.")
    assert ("Freja Holm", "win", "Plata Open") in got
    assert ("Buenos Aires", "located in", "Argentina") in got


def test_titles_with_domain_words_and_bodies_named_around_them(nlp):
    got = facts(nlp, "The Coastal Port Workers' Union (CPWU) welcomed the ruling. "
                     "CPWU general secretary Sipho Dlamini said it was a victory. "
                     "Judge Naledi Khumalo of the Labour Court read the ruling.")
    assert ("Sipho Dlamini", "general secretary of", "Coastal Port Workers' Union") in got
    assert ("Naledi Khumalo", "judge of", "Labour Court") in got
    assert not any(p == "member of" for s, p, o in got)           # the title says more
    got = facts(nlp, "Acme Corp said on Monday its finance chief would retire. "
                     "Acme chief financial officer Ana Lopes joined in 2010.")
    assert ("Ana Lopes", "chief financial officer of", "Acme Corp") in got


def test_an_event_noun_before_a_title_is_the_articles_event(nlp):
    got = facts(nlp, "The Danube Open drew a record crowd. Tournament director Luka Maric said the event had grown.")
    assert ("Luka Maric", "director of", "Danube Open") in got


def test_a_short_company_name_read_as_a_person_is_the_company(nlp):
    doc = nlp("Marlow Vance Logistics bought two ships. Marlow Vance, founded in 1990, said it would buy more.")
    assert [e.names for e in doc._.kg_entities.values()] == [["Marlow Vance Logistics", "Marlow Vance"]]


def test_a_hyphenated_name_is_one_name_unless_it_joins_places(nlp):
    doc = nlp("Piet Vos, of the Brenna-Lux squad, crashed on the descent. "
              "The Paris-Berlin train was cancelled.")
    kinds = {e.label: e.type for e in doc._.kg_entities.values()}
    assert kinds.get("Brenna-Lux") == "Organization" and "Lux" not in kinds
    assert {"Paris", "Berlin"} <= set(kinds)
    assert ("Piet Vos", "member of", "Brenna-Lux") in facts(nlp, doc.text)


def test_a_bare_lower_case_office_belongs_to_the_articles_body(nlp):
    got = facts(nlp, "Talvik Motors opened a plant in Tartu. The plant will employ 400 people, "
                     "finance director Mari Kask said. The Brazilian striker Joao Silva did not play.")
    assert ("Mari Kask", "finance director of", "Talvik Motors") in got
    assert not any(s == "Joao Silva" and "striker" in p for s, p, o in got)    # "the … striker X" describes


def test_since_when_a_state_has_held_keeps_the_state(nlp):
    got = facts(nlp, "Poland has been a member of the European Union since 2004. "
                     "Maria Nowak has led the Civic Party since 2019.")
    assert {("Poland", "member since", "2004"), ("Maria Nowak", "lead since", "2019")} <= got


def test_a_negative_implicative_keeps_the_fact_from_being_asserted(nlp):
    got = facts(nlp, "Harbourline Holdings failed to consult the Harbour Workers Union before the dismissals.")
    assert ("Harbourline Holdings", "fail to consult", "Harbour Workers Union") in got
    assert not any(p == "consult" for s, p, o in got)


@pytest.mark.parametrize("text, fact", [
    ("Marta Zielinska, the newly appointed Polish Minister of Finance, is a former central banker.",
     ("Marta Zielinska", "minister of finance of", "Poland")),
    ("Britain will raise spending. Olwen Pryce, the Secretary of State for Health, defended the plan.",
     ("Olwen Pryce", "secretary of state for health of", "United Kingdom")),
    ("Olwen Pryce, the UK's Secretary of State for Business and Trade, visited Japan.",
     ("Olwen Pryce", "secretary of state for business and trade of", "United Kingdom")),
])
def test_a_capitalised_office_with_its_portfolio_in_an_apposition(nlp, text, fact):
    got = facts(nlp, text)
    assert fact in got
    assert not any(s.startswith(("for ", "State ")) for s, _, _ in got)     # no node of the title's words


def test_a_prize_named_by_its_event_and_a_prize_holder(nlp):
    got = facts(nlp, "Freja Holm lifted the Rhone Open trophy on Sunday. "
                     "Ilaria Conti was crowned champion of the Baltic Open in 2019.")
    assert ("Freja Holm", "lift trophy", "Rhone Open") in got
    assert ("Ilaria Conti", "champion of", "Baltic Open") in got


def test_a_common_noun_named_by_a_product_name_of_two_words(nlp):
    got = facts(nlp, "Kestrel Sky Airways ordered 18 Orvane Q30 jets on Monday.")
    assert ("Kestrel Sky Airways", "order", "Orvane Q30") in got


def test_a_score_after_a_name_is_no_age_and_an_ordinal_no_break_in_a_descriptor(nlp):
    got = facts(nlp, "In the semi-final, Freja Holm beat the Czech fourth seed Petra Novakova 6-3, 6-2.")
    assert ("Petra Novakova", "nationality", "Czechia") in got
    assert not any(p == "age" for s, p, o in got)


def test_the_tournament_is_the_one_the_story_opens_with(nlp):
    got = facts(nlp, "Freja Holm won the Rhone Open on Sunday. Her coach, Anders Berg, played in the Davis Cup "
                     "for Sweden in the 1990s. Alpen Telekom, the tournament's title sponsor, extended its contract.")
    assert ("Alpen Telekom", "title sponsor of", "Rhone Open") in got


def test_a_participle_set_off_by_commas_adds_to_the_referent(nlp):
    got = facts(nlp, "Freja Holm won the Rhone Open on Sunday. The tournament, founded in 2016, is played on clay.")
    assert ("Rhone Open", "founding date", "2016") in got


def test_a_state_office_followed_by_a_party_is_membership(nlp):
    got = facts(nlp, "Foreign Minister Kadri Saar of the Reform Alliance said the party would stay in government.")
    assert ("Kadri Saar", "member of", "Reform Alliance") in got
    assert not any(p == "foreign minister of" and o == "Reform Alliance" for s, p, o in got)


def test_a_dateline_needs_a_free_standing_dash_but_no_comma(nlp):
    doc = nlp("NATO, UN-backed monitors and local police met in Pristina on Monday.")
    assert len(list(doc.sents)) == 1                           # not cut at the hyphen of "UN-backed"
    got = facts(nlp, "LONDON — Norwegian qualifier Freja Holm won the Thames Open on Sunday.")
    assert ("Freja Holm", "win", "Thames Open") in got


def test_a_company_named_after_its_founder_stays_apart_from_him(nlp):
    doc = nlp("The Walt Disney Company reported record profits. Walt Disney was born in Chicago in 1901.")
    assert ("Walt Disney", "birth place", "Chicago") in facts(nlp, doc.text)
    assert len(doc._.kg_entities) == 3


def test_a_prize_word_inside_a_name_keeps_the_plain_verb(nlp):
    got = facts(nlp, "Spain won the Davis Cup in 2019. Ana Ruiz won the London title.")
    assert ("Spain", "win", "Davis Cup") in got
    assert not any(p == "win title" for s, p, o in got)          # London is no event


def test_given_names_and_title_qualifiers_are_not_titles(nlp):
    doc = nlp("Walter Ivo Brenner founded the company. New coach Pep Ruiz arrived on Monday.")
    labels = {e.label for e in doc._.kg_entities.values()}
    assert "Walter Ivo Brenner" in labels
    assert ("Pep Ruiz", "role", "New coach") not in facts(nlp, doc.text)



def test_a_demonym_as_the_apposition_itself(nlp):
    got = facts(nlp, "The dig was led by archaeologist Lucia Quispe, a Peruvian who has studied the culture for decades.")
    assert ("Lucia Quispe", "nationality", "Peru") in got


def test_a_quantity_set_to_a_level(nlp):
    got = facts(nlp, "The central bank raised its main interest rate by 50 basis points to 6.25 percent on "
                     "Wednesday. Halvik Group cut its growth forecast to 2.9 percent.")
    assert ("Halvik Group", "cut growth forecast to", "2.9 percent") in got


def test_a_standing_ahead_of_a_rival(nlp):
    got = facts(nlp, "Ana Lopes took 41 percent of the vote, comfortably ahead of the incumbent, Rui Costa.")
    assert ("Ana Lopes", "ahead of", "Rui Costa") in got


def test_who_after_a_persons_party_is_the_person(nlp):
    got = facts(nlp, "The incumbent, Rui Costa of the Liberal Party, who won 33 percent, conceded on Monday.")
    assert ("Rui Costa", "win percent", "33 percent") in got
    assert not any(s == "Liberal Party" and p.startswith("win") for s, p, o in got)


def test_a_capitalised_function_word_after_a_comma_starts_a_name(nlp):
    doc = nlp("\"We will appeal,\" Laos's Minister of Energy and Mines, Do Thanh Phong, told reporters in Vientiane.")
    assert "Do Thanh Phong" in {e.label for e in doc._.kg_entities.values()}


def test_a_dateline_without_a_comma_names_its_town(nlp):
    doc = nlp("KLOSTERVAL — Norwegian skier Kari Dahl won the Fjell Cup on Sunday.")
    assert {e.label: e.type for e in doc._.kg_entities.values()}.get("Klosterval") == "City"


def test_a_city_and_its_country_named_apart(nlp):
    got = facts(nlp, "Trade ministers met in Porto Alegre on Monday. Brazil hopes to sign the pact this year.")
    assert ("Porto Alegre", "located in", "Brazil") in got


def test_a_capital_standing_for_its_government_is_not_placed(nlp):
    got = facts(nlp, "Finland sent winter equipment to Kyiv. Ukraine welcomed the shipment.")
    assert not any(p == "located in" for s, p, o in got)
    got = facts(nlp, "Talks resumed in Kyiv on Friday. Ukraine welcomed them.")
    assert ("Kyiv", "located in", "Ukraine") in got


def test_a_verb_the_lemmatizer_shortens_to_another_word(nlp):
    got = facts(nlp, "Marta Ilves rides for Team Korvald, a Danish squad.")
    assert ("Marta Ilves", "ride for", "Team Korvald") in got


def test_a_result_verb_tagged_as_a_noun(nlp):
    got = facts(nlp, "Timur Iskakov beat Iker Morales 6-4, 3-6, 7-6 in the final of the Faro Open on Sunday.")
    assert ("Timur Iskakov", "beat", "Iker Morales") in got


def test_a_beaten_side_read_as_an_adverbial(nlp):
    got = facts(nlp, "Sofia Varga beat Ana Ilic 6-4, 3-6, 7-6 in the final of the Braga Open on Sunday.")
    assert ("Sofia Varga", "beat", "Ana Ilic") in got


def test_a_copula_role_whose_body_hangs_off_the_verb(nlp):
    got = facts(nlp, "Lindgren, 54, was previously chief economist at Sundbanken.")
    assert ("Lindgren", "chief economist at", "Sundbanken") in got


def test_an_apposition_says_what_someone_or_something_is(nlp):
    got = facts(nlp, "Dr Ifeoma Adeyemi, a microbiologist at Severn University, led the work. It was paid for "
                     "by the Calder Trust, a medical charity. Paulo Nunes, the third Portuguese novelist to win the prize, "
                     "was delighted.")
    assert ("Ifeoma Adeyemi", "occupation", "microbiologist") in got
    assert ("Calder Trust", "description", "medical charity") in got
    assert ("Paulo Nunes", "occupation", "Portuguese novelist") in got


def test_an_appointers_own_role_goes_to_the_appointer_not_a_nearer_name(nlp):
    got = facts(nlp, "The Caspian Water Council on Monday appointed Irina Volkova, a Georgian engineer, as its "
                     "special envoy for Armenia.")
    assert ("Irina Volkova", "envoy of", "Caspian Water Council") in got
    assert not any(s == "Caspian Water Council" and p.startswith("envoy") for s, p, o in got)
    assert ("Irina Volkova", "envoy of", "Georgia") not in got


def test_a_person_noun_before_a_name_is_an_occupation(nlp):
    got = facts(nlp, "The strain was isolated by microbiologist Ada Okonjo. The study, led by Chilean astronomer "
                     "Inés Varela, took four years.")
    assert ("Ada Okonjo", "occupation", "microbiologist") in got
    assert ("Inés Varela", "occupation", "astronomer") in got


def test_no_occupation_from_a_kinship_a_membership_an_office_or_a_plural(nlp):
    got = facts(nlp, "Her brother, Tomas Vilk, a 29-year-old police officer, agreed. Lea Sorn, a member of the "
                     "Green League, and Otto Rask, chief executive of Brava Foods, spoke. Pia Lund, a 41-year-old "
                     "Danish lawyer, objected.")
    occupations = {(s, o) for s, p, o in got if p == "occupation"}
    assert occupations == {("Pia Lund", "Danish lawyer")}


def test_two_titled_people_joined_by_and_stay_two(nlp):
    got = facts(nlp, "Club president Joao Reis and coach Tiago Melo attended the draw.")
    assert ("Tiago Melo", "role", "coach") in got
    assert not any(o == "Joao Reis" for s, p, o in got)


def test_a_treaty_is_a_law_and_its_signing_date_is_its_own(nlp):
    doc = nlp("Latvia and Chile signed the Southern Kelp Accord in Riga on Wednesday.")
    ents = doc._.kg_entities
    assert {e.label: e.type for e in ents.values()}["Southern Kelp Accord"] == "Law"
    got = facts(nlp, "Latvia and Chile signed the Southern Kelp Accord in Riga on Wednesday.")
    assert ("Southern Kelp Accord", "signing date", "Wednesday") in got
    assert not any(p == "based in" for s, p, o in got)


def test_an_organisations_seat_named_by_its_place(nlp):
    got = facts(nlp, "The governor spoke at the Bank of Arden's Lisbon headquarters on Friday.")
    assert ("Bank of Arden", "based in", "Lisbon") in got


def test_the_one_replaced_held_the_role_too(nlp):
    got = facts(nlp, "Marta Ilves replaced Jon Berg as chief executive of Kessel Group in May.")
    assert ("Marta Ilves", "chief executive of", "Kessel Group") in got
    assert ("Jon Berg", "former chief executive of", "Kessel Group") in got


def test_possessed_changes_levels_held_and_aged(nlp):
    got = facts(nlp, "Latvia's economy grew 2.1 percent in the third quarter. The Tallinn Rate Board held its "
                     "benchmark rate at 3.5 percent. Ilse Marn, aged 63, retired on Friday.")
    assert ("Latvia", "economy grow by", "2.1 percent") in got
    assert ("Tallinn Rate Board", "hold rate at", "3.5 percent") in got
    assert ("Ilse Marn", "age", "63") in got


def test_a_professor_of_a_university_holds_that_title_there(nlp):
    got = facts(nlp, "Professor Edda Solberg of Nordvik University led the team.")
    assert ("Edda Solberg", "professor of", "Nordvik University") in got


def test_a_side_in_brackets_after_a_name(nlp):
    doc = nlp("Rik Verhoef (Velocita Pro Team) was second and Rosa Ibarra (Spain) third.")
    types = {e.label: e.type for e in doc._.kg_entities.values()}
    assert (types["Rik Verhoef"], types["Velocita Pro Team"]) == ("Person", "Organization")
    got = facts(nlp, "Rik Verhoef (Velocita Pro Team) was second and Rosa Ibarra (Spain) third.")
    assert ("Rik Verhoef", "member of", "Velocita Pro Team") in got
    assert ("Rosa Ibarra", "nationality", "Spain") in got


def test_a_demonym_after_an_owners_possessive_is_a_country(nlp):
    doc = nlp("Team Solvan's Norwegian sprinter Eirik Dahl won the opening stage.")
    assert {e.label: e.type for e in doc._.kg_entities.values()}["Team Solvan"] == "Organization"
    got = facts(nlp, "Team Solvan's Norwegian sprinter Eirik Dahl won the opening stage.")
    assert ("Eirik Dahl", "nationality", "Norway") in got


def test_a_one_word_name_repeated_where_the_tagger_reads_a_common_noun(nlp):
    got = facts(nlp, "Helvara agreed to buy Nordvik on Monday. Nordvik employs 140 people.")
    assert ("Nordvik", "employ people", "140") in got


def test_a_state_office_held_by_someone_a_visitor_meets_is_the_hosts(nlp):
    got = facts(nlp, "The Harbour Council named Ilona Varga, a Hungarian lawyer, as its envoy for Sudan. She arrived "
                     "in Cairo on Thursday and met Foreign Minister Tarek Fahmy to discuss border crossings.")
    assert ("Tarek Fahmy", "foreign minister of", "Egypt") in got
    got = facts(nlp, "Chilean Foreign Minister Jose Vidal visited Lima on Monday and met Interior Minister Rosa Paz.")
    assert ("Rosa Paz", "interior minister of", "Peru") in got
    assert ("Jose Vidal", "foreign minister of", "Chile") in got


def test_the_wire_agency_in_a_dateline_is_no_entity_of_the_story(nlp):
    text = ("PERTH, March 3 (Reuters) - Kalgoorlie Nickel, a subsidiary of Oslo-listed Fjeld Minerals, said on "
            "Tuesday it would appeal. Chief executive Ruth Avery called the ruling unfair. The company, which "
            "operates the Banjo mine, employs 900 people.")
    doc = nlp(text)
    assert "Reuters" not in {e.label for e in doc._.kg_entities.values()}
    got = facts(nlp, text)
    assert ("Ruth Avery", "chief executive of", "Kalgoorlie Nickel") in got


def test_an_amount_given_to_the_first_of_two_objects(nlp):
    got = facts(nlp, "Regulators fined Brava Bank $12 million last year.")
    assert ("Brava Bank", "fine", "$12 million") in got


def test_a_one_word_name_repeated_inside_a_longer_one_leaves_the_longer_name_whole(nlp):
    doc = nlp("Real Castellón sacked coach Mateo Ibarzo on Sunday after a 3-0 home defeat by Deportivo Sagra "
              "left the club 17th in the league.\n\nIbarzo, 48, joined Castellón from Portuguese side Vitória "
              "Lousada in June 2024 on a three-year contract.")
    assert "Real Castellón" in {e.label for e in doc._.kg_entities.values()}


def test_a_counterpart_holds_the_same_office_for_the_demonyms_country(nlp):
    got = facts(nlp, "Philippine Foreign Secretary Lorna Reyes and her Vietnamese counterpart, Pham Quoc Bao, "
                     "signed a memorandum in Hanoi on Friday.")
    assert ("Pham Quoc Bao", "foreign secretary of", "Vietnam") in got


def test_a_demonym_the_model_tags_as_a_name_is_still_a_nationality(nlp):
    got = facts(nlp, "Ugandan Foreign Minister Peter Okello met his Kazakh counterpart, Arman Seitkali, in Astana.")
    assert {("Arman Seitkali", "nationality", "Kazakhstan"),
            ("Arman Seitkali", "foreign minister of", "Kazakhstan")} <= got
    assert not any("Kazakh" in (s, o) for s, _, o in got)
    got = facts(nlp, "Mirela Vaduva, a Moldovan economist, joined the bank in March. Velomar is a Lithuanian company.")
    assert {("Mirela Vaduva", "nationality", "Moldova"), ("Velomar", "country", "Lithuania")} <= got
    assert not any("Moldovan" in (s, o) for s, _, o in got)

    got = facts(nlp, "Dane Ashby was named coach of the Tamsin Hawks. Lena Vogt, an English teacher from Ferris, won.")
    assert ("Dane Ashby", "coach of", "Tamsin Hawks") in got          # a first name, not a nationality
    assert not any(s == "Lena Vogt" and p == "nationality" for s, p, _ in got)     # a language taught


def test_a_sum_in_a_currency_noun_is_money_and_a_weight_is_not(nlp):
    got = facts(nlp, "Brannock Shipping's revenue rose to 24 million euros last year.")
    assert ("Brannock Shipping", "revenue rise to", "24 million euros") in got
    got = facts(nlp, "Velomar Metals shipped 3 million pounds of copper to Brannock Shipping.")
    assert not any("pounds" in o for _, _, o in got)
    sums = [e.text for text in ("Of the 40 nominees, 12 won awards.", "The 20 euro zone ministers met.",
                                "Brannock Shipping reported revenue of 3.4 trillion won.")
            for e in nlp(text).ents if e.label_ == "MONEY"]
    assert sums == ["3.4 trillion won"]                 # not the verb "won", nor the euro zone


def test_a_measure_in_a_with_phrase_belongs_to_the_noun_it_describes(nlp):
    got = facts(nlp, "The merger will form Pemberton Financial Group, a holding company with assets of 21 trillion yen.")
    assert ("Pemberton Financial Group", "assets", "21 trillion yen") in got
    got = facts(nlp, "Orvane Bank and Trelawny Trust, two Malaysian lenders, will merge, creating the country's "
                     "second-largest lender with combined assets of $92 billion.")
    assert not any(p == "assets" for _, p, _ in got)          # the new lender's, not Malaysia's


def test_how_many_countries_an_activity_reaches(nlp):
    got = facts(nlp, "Velomar Metals operates copper mines in nine countries. Brannock Shipping has offices across "
                     "12 countries. Orvane Bank, which operates in the two countries, declined to comment.")
    assert {("Velomar Metals", "operate in countries", "9"),
            ("Brannock Shipping", "have office in countries", "12")} <= got
    assert not any(s == "Orvane Bank" and "countries" in p for s, p, _ in got)     # "the two": named before
    got = facts(nlp, "Velomar Metals employs 4,000 people in the 2 countries. Brannock Shipping signed deals with "
                     "two countries, Chile and Peru.")
    assert not any(o in ("2", "two") for _, _, o in got)


@pytest.mark.parametrize("text, investors", [
    ("Brannock Labs raised $40 million in a round led by Orvane Capital, with participation from Trelawny Ventures "
     "and Pemberton Partners.", {"Trelawny Ventures", "Pemberton Partners"}),
    ("Brannock Labs, a start-up, said on Tuesday it had raised $40 million. The round was led by Orvane Capital, "
     "with participation from Trelawny Ventures.", {"Orvane Capital", "Trelawny Ventures"}),
])
def test_who_else_took_part_in_a_funding_round(nlp, text, investors):
    assert {(investor, "invest in", "Brannock Labs") for investor in investors} <= facts(nlp, text)


def test_a_state_office_of_a_country_named_after_the_person(nlp):
    got = facts(nlp, "Defence Minister Jan Ekdahl of Sweden and his Finnish counterpart, Mika Laine, signed the "
                     "deal in Oslo.")
    assert ("Jan Ekdahl", "defence minister of", "Sweden") in got
    assert ("Mika Laine", "defence minister of", "Finland") in got


def test_both_countries_are_the_pair_named_together(nlp):
    got = facts(nlp, "Chile and Peru agreed to share the data. The two countries will also hold talks with Japan. "
                     "Both countries joined the Pacific Fisheries Forum in the 1990s.")
    assert {("Chile", "join", "Pacific Fisheries Forum"), ("Peru", "join", "Pacific Fisheries Forum")} <= got
    assert ("Japan", "join", "Pacific Fisheries Forum") not in got


def test_a_relative_fronted_with_its_preposition(nlp):
    got = facts(nlp, "Chile and Peru agreed to share the data. The Pacific Fisheries Forum (PFF), of which both "
                     "countries are members, welcomed the deal.")
    assert ("Chile", "member of", "Pacific Fisheries Forum") in got
    assert ("Peru", "member of", "Pacific Fisheries Forum") in got


def test_names_ending_in_a_landform_or_a_built_thing_are_places_and_facilities(nlp):
    doc = nlp("Astronomers using the Halvorsen Space Telescope will observe it again from Chile's Atacama Desert.")
    types = {e.label: e.type for e in doc._.kg_entities.values()}
    assert types["Halvorsen Space Telescope"] == "Facility"
    assert types["Atacama Desert"] == "Place"
    got = facts(nlp, "Astronomers using the Halvorsen Space Telescope will observe it again from Chile's Atacama Desert.")
    assert ("Atacama Desert", "located in", "Chile") in got


def test_a_surname_with_a_particle_opening_a_sentence_is_the_same_person(nlp):
    doc = nlp("\"This is new,\" said lead author Sanne de Bruin, a researcher at Leiden University. "
              "De Bruin and her colleagues plan to observe the planet again in 2027.")
    people = [e for e in doc._.kg_entities.values() if e.type == "Person"]
    assert len(people) == 1 and set(people[0].names) >= {"Sanne de Bruin", "De Bruin"}


def test_a_copula_noun_that_is_no_role_gives_no_relation(nlp):
    got = facts(nlp, "The Kestrel Telescope found that Vanir, a planet, is about twice the size of Earth. "
                     "Ada Lunde is the chief executive of Orrin Labs.")
    assert not any(p.startswith("size") for s, p, o in got)
    assert ("Ada Lunde", "chief executive of", "Orrin Labs") in got


def test_appointed_a_member_of_a_body(nlp):
    got = facts(nlp, "Marta Lindqvist was appointed a member of the Swedish Academy of Letters in 2005.")
    assert ("Marta Lindqvist", "member of", "Swedish Academy of Letters") in got


def test_two_daughters_are_new_people_not_the_last_two_named(nlp):
    got = facts(nlp, "Solveig Rand was married to the painter Erik Haldor, who died in 2010. Her friend Nils Aas "
                     "spoke at the funeral. She is survived by two daughters.")
    assert not any(p.startswith("surviv") for s, p, o in got)


def test_a_country_abbreviation_used_as_a_demonym(nlp):
    got = facts(nlp, "U.S. cloud company Nimbrex will invest $1.2 billion in a data centre near Warsaw.")
    assert ("Nimbrex", "country", "United States") in got


def test_a_city_before_a_club_noun_and_its_name_is_the_clubs_city(nlp):
    got = facts(nlp, "Mia Carver trains with coach Dean Walsh at the Brisbane club Kangaroo Point Aquatic.")
    assert ("Kangaroo Point Aquatic", "based in", "Brisbane") in got
    assert ("Dean Walsh", "coach of", "Brisbane") not in got


def test_a_dateline_town_tagged_a_common_noun_and_an_agency_that_is_no_acronym(nlp):
    text = ("BAKU, Azerbaijan (AP) — Indian grandmaster Arjun Mehra won the Caspian Rapid Open on Sunday. "
            "Mehra, 19, collected $120,000 in prize money.")
    doc = nlp(text)
    ents = {e.label: e for e in doc._.kg_entities.values()}
    assert ents["Baku"].type == "City" and "AP" not in ents["Azerbaijan"].names
    got = facts(nlp, text)
    assert ("Baku", "located in", "Azerbaijan") in got
    assert ("Arjun Mehra", "collect", "$120,000") in got


def test_a_dateline_with_the_agency_right_after_the_town(nlp):
    text = "SEOUL (Reuters) - South Korean carmaker Hanbit Motors will recall 210,000 vehicles in Canada."
    doc = nlp(text)
    assert "Reuters" not in {e.label for e in doc._.kg_entities.values()}
    got = facts(nlp, text)
    assert ("Hanbit Motors", "recall in", "Canada") in got


def test_a_definite_reference_with_a_descriptive_apposition_still_refers_back(nlp):
    got = facts(nlp, "Hanbit Motors will recall 210,000 vehicles. The company, South Korea's third-largest "
                     "automaker, sold 1.4 million vehicles worldwide last year.")
    assert ("Hanbit Motors", "sell vehicle", "1.4 million") in got


def test_refugees_of_a_country_are_not_the_country(nlp):
    got = facts(nlp, "Niger, one of the poorest countries, already hosted about 300,000 Malian refugees.")
    assert ("Niger", "host", "Mali") not in got
    assert ("Niger", "host refugee", "300000") in got


def test_rivals_of_a_country_are_not_the_country(nlp):
    got = facts(nlp, "Orsin Motors criticised the French government and has lagged larger Japanese rivals "
                     "and Korean competitors.")
    assert ("Orsin Motors", "criticise", "France") in got                 # the government stands for France
    assert not any(o in ("Japan", "South Korea") for s, p, o in got)


def test_a_country_owning_a_named_region(nlp):
    got = facts(nlp, "Thousands have fled Ethiopia's Tigray region into Sudan.")
    assert ("Tigray", "located in", "Ethiopia") in got


def test_a_kind_word_keeps_a_definite_reference_a_place_word_or_a_following_name_does_not(nlp):
    got = facts(nlp, "The Danish Refugee Fund (DRF) said camps were full. The Copenhagen-based aid group warned "
                     "that funding would run out.")
    assert ("Danish Refugee Fund", "based in", "Copenhagen") in got
    got = facts(nlp, "Ana Serra, a former lawyer at the Porto law firm Vaz & Lima, joined the Harbour Council in "
                     "2005. She won a seat on the city council in 2019.")
    assert ("Ana Serra", "former lawyer at", "Vaz & Lima") in got
    assert not any(p.startswith("win seat") and o == "Harbour Council" for s, p, o in got)


def test_a_plural_proper_noun_after_the_is_a_party_and_never_a_person(nlp):
    text = ("The Liberal Union won the election. Its leader, Anna Kivela, will hold talks with the Social "
            "Democrats. Prime Minister Mikko Rask, who leads the Social Democrats, conceded defeat.")
    doc = nlp(text)
    assert {e.label: e.type for e in doc._.kg_entities.values()}.get("Social Democrats") == "Organization"
    got = facts(nlp, text)
    assert ("Mikko Rask", "lead", "Social Democrats") in got
    assert not any(o == "Anna Kivela" for s, p, o in got)


def test_a_several_word_office_standing_bare(nlp):
    got = facts(nlp, "Northsea Petroleum agreed to sell the stake. Chief financial officer Claire Dunmore told "
                     "analysts the sale would cut debt.")
    assert ("Claire Dunmore", "chief financial officer of", "Northsea Petroleum") in got
    got = facts(nlp, "A bank chief Ana Lindt spoke at the Halden Bank meeting.")
    assert not any(s == "Ana Lindt" and p.endswith(" of") for s, p, o in got)


def test_a_dateline_town_with_the_agency_right_after_it(nlp):
    doc = nlp("KLOSTERVAL (Reuters) — Norwegian skier Kari Dahl won the Fjell Cup on Sunday.")
    assert {e.label: e.type for e in doc._.kg_entities.values()}.get("Klosterval") == "City"


def test_the_two_sisters_refers_back_a_bare_count_does_not(nlp):
    got = facts(nlp, "Ana Lopes and Rita Lopes won the doubles title. The two sisters joined the Atlantic Tennis "
                     "Union in 2019.")
    assert {("Ana Lopes", "join", "Atlantic Tennis Union"), ("Rita Lopes", "join", "Atlantic Tennis Union")} <= got
    got = facts(nlp, "Ana Lopes and Rita Lopes won the doubles title. Two sisters joined the Atlantic Tennis "
                     "Union in 2019.")
    assert not any(p == "join" for s, p, o in got)


def test_hyphenated_given_name_stays_in_the_person_name(nlp):
    got = facts(nlp, "Lee Min-seo met Defence Minister Jung Hae-woo in Busan.")
    assert ("Lee Min-seo", "meet", "Jung Hae-woo") in got


def test_appointee_is_the_subject_of_the_infinitive(nlp):
    got = facts(nlp, "The board on Friday named Orla Brandvik to replace Kees Modder as chair of Tallis Energy.")
    assert ("Orla Brandvik", "replace", "Kees Modder") in got
    assert ("Orla Brandvik", "chair of", "Tallis Energy") in got


def test_a_facility_named_after_its_place_is_not_the_place(nlp):
    got = facts(nlp, "Marit Haugen will run the firm's Kumasi office and the Tallow Fund.")
    assert ("Marit Haugen", "run", "Tallow Fund") in got
    assert not any(o == "Kumasi" for s, p, o in got if p == "run")


def test_copula_places_a_person_origin_and_a_place(nlp):
    got = facts(nlp, "Lucia Perez, who is from Salta, won the race. The Estadio Sur is in Mendoza.")
    assert ("Lucia Perez", "from", "Salta") in got
    assert ("Estadio Sur", "located in", "Mendoza") in got


def test_bare_title_belongs_to_the_body_its_office_names(nlp):
    got = facts(nlp, "The Reserve Bank of Malawi kept rates on hold. Governor Dalitso Banda said inflation was easing. "
                     "Orvik University won a grant. Rector Jonas Eide called it a milestone.")
    assert ("Dalitso Banda", "governor of", "Reserve Bank of Malawi") in got
    assert ("Jonas Eide", "rector of", "Orvik University") in got


def test_office_with_its_body_kind_before_or_in_apposition(nlp):
    got = facts(nlp, "The Bank of Zambia raised its policy rate. Central bank governor Mwila Chanda defended the move.")
    assert ("Mwila Chanda", "governor of", "Bank of Zambia") in got
    got = facts(nlp, "Tarsis Mining posted a loss. Edda Lund, the company chairman, blamed copper prices.")
    assert ("Edda Lund", "chairman of", "Tarsis Mining") in got
    got = facts(nlp, "The Bank of Zambia raised its policy rate. The bank governor, Mwila Chanda, defended the move.")
    assert ("Mwila Chanda", "governor of", "Bank of Zambia") in got


def test_length_and_end_of_a_term_taken_on(nlp):
    got = facts(nlp, "Winger Rui Tavora signed a four-year contract with Dunmore Rovers until May 2029. "
                     "Tessel Ports won a 25-year concession to run the Lobito terminal.")
    assert ("Rui Tavora", "contract duration", "four-year") in got
    assert ("Rui Tavora", "contract until", "2029-05") in got
    assert ("Tessel Ports", "concession duration", "25-year") in got


def test_demonym_before_adjectives_and_a_noun(nlp):
    got = facts(nlp, "Bellmont Mining agreed to buy Peruvian rival Andacollo Metals. The Qatari sovereign fund "
                     "Dunes Capital backed it.")
    assert ("Andacollo Metals", "country", "Peru") in got
    assert ("Dunes Capital", "country", "Qatar") in got
    got = facts(nlp, "Norwegian shipping group Fjordlink Line and Singapore-based Harbour Tideway Shipping "
                     "announced the alliance on Thursday.")
    assert ("Fjordlink Line", "country", "Norway") in got


def test_a_named_mine_with_its_commodity_is_placed(nlp):
    got = facts(nlp, "Tarvo Resources operates the Yandal gold mine in Western Australia.")
    assert ("Yandal", "located in", "Western Australia") in got


def test_age_in_a_reference_back_and_in_a_relative_copula(nlp):
    got = facts(nlp, "Ilse Vandermeer resigned on Friday. The 58-year-old said she was proud.")
    assert ("Ilse Vandermeer", "age", "58") in got
    got = facts(nlp, "Ilse Vandermeer resigned on Friday. The 58-year-old banker thanked her staff.")
    assert ("Ilse Vandermeer", "age", "58") in got
    got = facts(nlp, "Ilse Vandermeer resigned. Vandermeer, who is 58, thanked her staff.")
    assert ("Ilse Vandermeer", "age", "58") in got


def test_what_a_concession_or_approval_lets_its_holder_do(nlp):
    got = facts(nlp, "Corrin Terminals won a 20-year concession to run the container terminal. "
                     "The terminal at the Port of Beira handles 900,000 containers a year.")
    assert ("Corrin Terminals", "run", "container terminal") in got
    assert ("container terminal", "located at", "Port of Beira") in got


def test_kind_of_organisation_written_before_its_name(nlp):
    got = facts(nlp, "The regatta is sponsored by Greek ferry operator Kostas Marine Lines. "
                     "The round drew money from existing backer Tallow Ventures.")
    assert ("Kostas Marine Lines", "description", "ferry operator") in got
    assert not any(s == "Tallow Ventures" and p == "description" for s, p, o in got)


def test_officials_named_by_a_demonym_act_for_their_country(nlp):
    got = facts(nlp, "Belgian prosecutors raided Orvath Bank on Tuesday. Chilean officials met Tarsis Mining.")
    assert ("Belgium", "raid", "Orvath Bank") in got
    assert ("Chile", "meet", "Tarsis Mining") in got


def test_an_unnamed_disaster_the_article_keeps_naming_is_a_node(nlp):
    got = facts(nlp, "A wildfire in northern Portugal forced hundreds to flee on Sunday. The blaze, which broke out "
                     "on Friday near Vila Real, has burned 7,500 hectares.")
    assert ("wildfire", "located in", "Portugal") in got
    assert ("wildfire", "burn hectare", "7500") in got
    assert ("wildfire", "date broke out", "Friday") in got


def test_margins_spelled_times_and_date_bounds(nlp):
    got = facts(nlp, "Lotte Brink won the Harlow Half Marathon by 22 seconds, finishing in one hour and 4 minutes.")
    assert ("Lotte Brink", "win margin", "22 seconds") in got
    assert ("Lotte Brink", "finishing time", "1:04") in got
    got = facts(nlp, "Jonas Vik ran the Tallow Ferry Company from 2012. Tallow Ferry Company has served Bergen since March.")
    assert ("Jonas Vik", "run from", "2012") in got
    assert ("Tallow Ferry Company", "serve since", "March") in got
    got = facts(nlp, "Ingrid Berg intends to double production at the Umea plant by 2028.")
    assert not any(p == "intend by" for s, p, o in got)     # the doubling's date, not the intending's
    got = facts(nlp, "Ingrid Berg intends to leave the Tallow Fund by 2028.")
    assert ("Ingrid Berg", "leave by", "2028") in got


def test_where_someone_is_from_set_off_by_commas(nlp):
    got = facts(nlp, "Mari Tamm, 27, from Narva, said she was tired.")
    assert ("Mari Tamm", "from", "Narva") in got


def test_it_as_the_object_of_a_deed_is_not_a_town(nlp):
    got = facts(nlp, "The council of Ostrava passed the budget. Mayor Eva Novakova signed it on Friday.")
    assert not any(p == "sign" and o == "Ostrava" for s, p, o in got)
    got = facts(nlp, "The council of Ostrava passed the Lumen Act. Mayor Eva Novakova signed it on Friday.")
    assert ("Eva Novakova", "sign", "Lumen Act") in got


def test_a_measure_of_a_named_owner_or_place_changes_to_a_level(nlp):
    got = facts(nlp, "Peru's inflation rose to 6.1 percent in May. Unemployment in Chile fell 2 percent.")
    assert ("Peru", "inflation rise to", "6.1 percent") in got
    assert ("Chile", "unemployment fall by", "2 percent") in got


def test_coordinated_parties_set_up_a_body_and_a_misparsed_coordination_of_names(nlp):
    got = facts(nlp, "Harvik Dairies and Molder Farms will set up a cheese cooperative.")
    assert ("Harvik Dairies", "set up cooperative with", "Molder Farms") in got
    got = facts(nlp, "Varden Line and Ostrel Shipping signed a deal with Tamsin Ports on Thursday.")
    assert ("Varden Line", "sign deal with", "Tamsin Ports") in got


def test_a_named_site_is_its_project_and_is_placed(nlp):
    got = facts(nlp, "Brekka Copper owns the Loma Parda project in Argentina.")
    assert ("Brekka Copper", "own", "Loma Parda") in got
    assert ("Loma Parda", "located in", "Argentina") in got


def test_a_rank_given_by_an_apposition_or_a_copula(nlp):
    got = facts(nlp, "Tessaly Freight, the world's ninth-largest container carrier, cut 200 jobs. "
                     "Brisa Air is Europe's fourth-biggest airline.")
    assert ("Tessaly Freight", "ranking", "ninth-largest container carrier") in got
    assert ("Brisa Air", "ranking", "fourth-biggest airline") in got


def test_review_counter_examples_for_this_stops_rules(nlp):
    got = facts(nlp, "Sven Dahl founded the Lumora company in Oslo in 2004.")
    assert not any(s == "Sven Dahl" and p == "found in" for s, p, o in got)     # the company's place
    got = facts(nlp, "Ukrainian forces lost Kharkiv in May. Ukrainian forces later recaptured it.")
    assert ("Ukraine", "recapture", "Kharkiv") in got                          # a town taken is a town
    got = facts(nlp, "Ana Reis was treated at Queen Elizabeth Hospital.")
    assert any(o == "Queen Elizabeth Hospital" for s, p, o in got)
    got = facts(nlp, "The Bank of Ghana cut rates. Kwame Mensah, the state governor, welcomed it.")
    assert ("Kwame Mensah", "governor of", "Bank of Ghana") not in got
    got = facts(nlp, "Jonas Vik managed the Tallow Fund from 2012.")
    assert ("Jonas Vik", "manage from", "2012") in got
    got = facts(nlp, "The Shell and Exxon executives met Ana Lopes on Monday.")
    assert not any(s == "Shell" and p == "meet" for s, p, o in got)
    got = facts(nlp, "Orvik University won a grant. Rector Jonas Eide said Tallow Energy had paid, "
                     "Tallow Energy had agreed and Tallow Energy had signed.")
    assert ("Jonas Eide", "rector of", "Orvik University") in got                # only a body of its kind
    kinds = {e.label: e.type for e in nlp("Microsoft said it would hire staff. The Microsoft project in "
                                          "Kenya will employ 300 people.")._.kg_entities.values()}
    assert kinds["Microsoft"] == "Organization"                                 # a body that speaks
    names = {e.label for e in nlp("Lee Min-seo Tuesday met Ana Lopes.")._.kg_entities.values()}
    assert "Lee Min-seo" in names


@pytest.mark.parametrize("text, value", [
    ("March", ("March", "string")),                          # a month with no year: as written
    ("the first half of 2027", ("first half of 2027", "string")),
    ("the 1990s", ("1990s", "string")),
    ("June 2030", ("2030-06", "gYearMonth")),
    ("May 12-14", ("May 12-14", "string")),                  # a range of days: as written
    ("next month", None),                                    # no year, no month name: no date
    ("on Jan 7", ("Jan 7", "string")),                       # NER took the preposition in
    ("in March 2024", ("2024-03", "gYearMonth")),
])
def test_date_values_no_xsd_type_says_are_kept_as_written(text, value):
    assert date_value(text) == value


def test_a_rule_name_used_twice_is_refused(monkeypatch):
    from kg.extract import relations
    twice = relations.load_patterns()[:1] * 2
    monkeypatch.setattr(relations, "load_patterns", lambda: twice)
    with pytest.raises(ValueError, match="used twice"):
        relations.RelationExtractor(load_pipeline().vocab)


def test_an_indefinite_noun_with_a_demonym_is_a_new_thing_not_the_country(nlp):
    got = facts(nlp, "A Latvian brewery has won 4 million euros from the Varro Kelmar Trust.")
    assert not any(s == "Latvia" for s, _, _ in got)
    assert ("Latvia", "meet", "Varro Kelmar Trust") in facts(nlp, "A Latvian delegation met the Varro Kelmar Trust.")


def test_an_amount_given_again_in_brackets_in_another_currency(nlp):
    got = facts(nlp, "Brannock Foods bought the Selmar dairy group for 310 million euros ($335 million).")
    assert {("Brannock Foods", "buy for", "310 million euros"), ("Brannock Foods", "buy for", "$335 million")} <= got
    got = facts(nlp, "Kelvar Mining agreed to sell its stake for $210 million (190 million euros).")
    assert ("Kelvar Mining", "sell for", "190 million euros") in got
    got = facts(nlp, "Kelvar Mining agreed to sell its stake for $210 million (the company's biggest deal).")
    assert [f for f in got if f[1] == "sell for"] == [("Kelvar Mining", "sell for", "$210 million")]


def test_the_level_a_change_starts_from_and_a_change_in_points(nlp):
    got = facts(nlp, "Pellham Bank said it would lift its deposit ratio to 9% from 7%. Pellham Bank cut its key "
                     "rate by 75 basis points to 5.25% on Tuesday.")
    assert {("Pellham Bank", "lift deposit ratio from", "7%"), ("Pellham Bank", "cut by", "75 basis points")} <= got
    got = facts(nlp, "Inflation in Peru rose to 6.1% from 5.4% in March.")
    assert ("Peru", "inflation rise from", "5.4%") in got


def test_a_named_body_with_a_body_as_its_possessor_is_part_of_it(nlp):
    got = facts(nlp, "The Rantoul Bank raised rates on Monday. The bank's Audit Council voted to tighten policy.")
    assert ("Audit Council", "part of", "Rantoul Bank") in got
    got = facts(nlp, "Ivar Ness also sits on the Quellmark Central Bank's Financial Stability Board.")
    assert {("Ivar Ness", "sit on", "Financial Stability Board"),
            ("Financial Stability Board", "part of", "Quellmark Central Bank")} <= got


def test_a_description_tagged_a_proper_noun_still_lets_a_reference_find_its_name(nlp):
    got = facts(nlp, "Drevon Labs said it would buy Quorvane Therapeutics, a Lyon-based start-up, for $300 million. "
                     "The start-up secured $45 million last year from Sorvik Capital.")
    assert ("Quorvane Therapeutics", "secure from", "Sorvik Capital") in got
    assert ("Drevon Labs", "secure from", "Sorvik Capital") not in got


def test_a_place_on_a_facility_the_verb_acts_on(nlp):
    got = facts(nlp, "Tarvo Group toured a plant near Kaunas on Friday.")
    assert ("Tarvo Group", "tour plant near", "Kaunas") in got


def test_a_stage_or_round_of_an_event_won_and_a_lead_measured_before_ahead(nlp):
    got = facts(nlp, "Mateo Rincon won the ninth stage of the Tour of Valdoria on Saturday, crossing the line "
                     "18 seconds ahead of Belgian rider Jens Vermaelen.")
    assert {("Mateo Rincon", "win stage of", "Tour of Valdoria"), ("Mateo Rincon", "ahead by", "18 seconds"),
            ("Mateo Rincon", "ahead of", "Jens Vermaelen")} <= got
    got = facts(nlp, "Laine Marsh is 14 points ahead of Jens Vermaelen in the standings.")
    assert ("Laine Marsh", "ahead by", "14 points") in got


def test_a_repeated_preposition_coordinated_and_a_relation_noun_in_an_adjunct(nlp):
    got = facts(nlp, "The Tarrow Observatory is financed by the Orrin Trust and by the Mossgard Science Council.")
    assert {("Orrin Trust", "finance", "Tarrow Observatory"),
            ("Mossgard Science Council", "finance", "Tarrow Observatory")} <= got
    got = facts(nlp, "Ostrel Motors will build a battery plant via a joint venture with Elbrac Energy.")
    assert ("Ostrel Motors", "venture with", "Elbrac Energy") in got


def test_teams_and_crews_from_a_country_act_for_it(nlp):
    got = facts(nlp, "Rescue teams from Norway were due to arrive in Athens on Monday.")
    assert {("Norway", "arrive in", "Athens"), ("Norway", "arrive date", "Monday")} <= got


def test_a_percentage_before_the_object_it_measures(nlp):
    got = facts(nlp, "Quarne Motors paid a 31% premium for Tessaro. Quillmore Insurance will keep a 15% "
                     "profit-sharing clause.")
    assert {("Quarne Motors", "pay premium", "31%"), ("Quillmore Insurance", "keep clause", "15%")} <= got
    got = facts(nlp, "Quarne Motors took a 20% stake in Tessaro.")
    assert [f for f in got if f[2] == "20%"] == [("Quarne Motors", "stake", "20%")]


def test_a_role_held_as_someones_or_for_a_stretch_of_time(nlp):
    got = facts(nlp, "Ana Varga had worked as Ecuador's ambassador to Bolivia.")
    assert {("Ana Varga", "ambassador of", "Ecuador"), ("Ana Varga", "ambassador to", "Bolivia")} <= got
    got = facts(nlp, "Elin Marsk joined Tallis Bank in 2019 after eight years as head economist at Korvel Bank.")
    assert ("Elin Marsk", "head economist at", "Korvel Bank") in got


def test_review_counter_examples_for_the_new_constructions(nlp):
    """Sentences a review found the first versions of this stop's rules got wrong."""
    got = facts(nlp, "Kelmar Group named Ana Holt as chief executive after eight years as finance director at "
                     "Ostrel Motors.")
    assert ("Kelmar Group", "finance director at", "Ostrel Motors") not in got   # a named appointee's years
    got = facts(nlp, "Ivar Ness praised Ana Holt for her years as chair of Velmora Bank.")
    assert ("Ivar Ness", "chair of", "Velmora Bank") not in got                  # her years, not his
    got = facts(nlp, "Ana Holt served as ambassador to Chile and as foreign minister.")
    assert ("Ana Holt", "ambassador to", "Chile") in got and ("Ana Holt", "foreign minister to", "Chile") not in got
    got = facts(nlp, "Ostrel Motors' parent Quarne Holdings reported a loss. Velmora Bank's rival Ostrel Bank "
                     "reported a profit.")
    assert not any(p == "part of" for _, p, _ in got)
    got = facts(nlp, "Nestor Foods' subsidiary Keltra Dairy recalled 40,000 bottles.")
    assert ("Keltra Dairy", "subsidiary of", "Nestor Foods") in got           # the part's kind said first
    got = facts(nlp, "Kelmar Airlines will fly to Quito under a new agreement between Norway and Peru. Ana Holt was "
                     "freed under a prisoner exchange deal with Russia.")
    assert not any(p.endswith(("between", "with")) for s, p, _ in got if s in ("Kelmar Airlines", "Ana Holt"))
    got = facts(nlp, "A Turkish army unit crossed into Syria on Monday.")
    assert ("Turkey", "cross into", "Syria") in got                              # a state's unit, indefinite
    got = facts(nlp, "Ostrel Capital agreed to buy Tessaro for $2.1 billion ($35 a share).")
    assert [o for _, p, o in got if p == "buy for"] == ["$2.1 billion"]
    got = facts(nlp, "Ivar Ness resigned 48 hours ahead of the Korsgaard Bank board meeting.")
    assert not any(p == "ahead by" for _, p, _ in got)                           # time, not a lead
    got = facts(nlp, "Ostrel Capital agreed to buy the Velmora Bank clinic in Varnholm.")
    assert ("Ostrel Capital", "buy", "Velmora Bank") not in got                 # the bank runs the clinic
    got = facts(nlp, "In her two years as finance minister of Peru, Ana Rojas cut the deficit.")
    assert ("Ana Rojas", "finance minister of", "Peru") in got                  # "her" before its name
    got = facts(nlp, "A Greek vessel carrying grain docked in Odessa. A Turkish jet crashed near Izmir.")
    assert not any(s in ("Greece", "Turkey") for s, _, _ in got)               # not state assets


def test_an_adjective_in_ant_or_ent_before_a_name_is_no_occupation(nlp):
    got = facts(nlp, "Doctors fear drug resistant Klebsiella will spread, said microbiologist Ana Brekkevold.")
    assert ("Ana Brekkevold", "occupation", "microbiologist") in got
    assert not any("resistant" in o for _, _, o in got)


def test_a_second_counted_object_coordinated_with_the_first(nlp):
    got = facts(nlp, "Estova dispatched 90 firefighters and 25 trucks.")
    assert {("Estova", "dispatch firefighter", "90"), ("Estova", "dispatch truck", "25")} <= got


def test_a_noun_given_a_name_in_a_relative_clause_is_that_name(nlp):
    got = facts(nlp, "Orsano Group and Talvik Lines agreed to form a shipping alliance. The alliance, to be called "
                     "Maricel Lines, will operate about 120 ships.")
    assert ("Maricel Lines", "operate ship", "120") in got
    assert ("Orsano Group", "operate ship", "120") not in got


def test_a_count_of_what_a_named_possessor_has(nlp):
    got = facts(nlp, "Orsano Biotech's 900 employees will stay in Dovrin. Talvik Lines said its 12 ships would sail.")
    assert {("Orsano Biotech", "employee", "900"), ("Talvik Lines", "ship", "12")} <= got


def test_review_counter_examples_for_naming_counts_and_possessors(nlp):
    """A third review's sentences: a noun is named only when it is what the naming verb names; a
    count is no score or unit; a facility named after a person is no person; a pronoun that does
    not fit the subject is someone else's."""
    got = facts(nlp, "Brenner Group sued Ostrava Steel in March. The company, calling Velt Motors a partner in the "
                     "scheme, demanded 40 million euros.")
    assert ("Brenner Group", "demand", "40 million euros") in got and not any(s == "Velt Motors" for s, _, _ in got)
    got = facts(nlp, "The senator, who called Ruth Ames a liar during the debate, was elected in Ohio in 2016.")
    assert not any(s == "Ruth Ames" for s, _, _ in got)
    got = facts(nlp, "Solvik Power's 300 megawatt plant opened. Rovik Town's 3-1 win over Torvald City stunned fans.")
    assert not any(p in ("plant", "win") for _, p, _ in got)
    got = facts(nlp, "Ostrava Steel bought the Nelson Mandela hospital in Durban.")
    assert ("Ostrava Steel", "buy", "Nelson Mandela") not in got
    got = facts(nlp, "The former chairman resigned in May. After his years as head of Rivanta Group, Greta Lind was "
                     "hired by Velt Motors.")
    assert ("Greta Lind", "head of", "Rivanta Group") not in got
    got = facts(nlp, "Skyward Tools acquired a Swedish unit of Brenner Group.")
    assert not any(o == "Sweden" for _, _, o in got)


def test_how_long_a_possessor_has_existed(nlp):
    got = facts(nlp, "It was the costliest signing in Talvik Rovers' 118-year history.")
    assert ("Talvik Rovers", "history", "118-year") in got
    got = facts(nlp, "Marlo Foods, which marks its 75-year history this week, opened a plant.")
    assert ("Marlo Foods", "history", "75-year") in got


def test_how_long_a_state_holds(nlp):
    got = facts(nlp, "Dario Fenn has led Marlo Foods for six years.")
    assert ("Dario Fenn", "lead for", "six years") in got
    got = facts(nlp, "The Corvell Accord will run for ten years.")
    assert ("Corvell Accord", "run for", "ten years") in got
    got = facts(nlp, "Dario Fenn has been chief executive of Marlo Foods for six years.")
    assert ("Dario Fenn", "chief executive for", "six years") in got
    got = facts(nlp, "Dario Fenn has lived in Orsk for years.")      # no length stated
    assert not any(p.endswith(" for") for _, p, _ in got)


def test_time_in_a_post_before_what_came_next(nlp):
    got = facts(nlp, "After nearly five years in the post, Dario Fenn resigned on Friday.")
    assert ("Dario Fenn", "time in post", "nearly five years") in got
    got = facts(nlp, "Dario Fenn joined Quarry Bank after eight years as chief economist at Brenlow Capital.")
    assert ("Dario Fenn", "time as chief economist", "eight years") in got
    assert ("Dario Fenn", "chief economist at", "Brenlow Capital") in got


def test_a_sum_in_a_currency_noun_is_money_not_a_count_of_pounds(nlp):
    got = facts(nlp, "Sella Pharma paid 35 million pounds for the striker.")
    assert ("Sella Pharma", "pay", "35 million pounds") in got
    assert not any(p == "pay pound" for _, p, _ in got)


def test_a_count_ner_left_untagged(nlp):
    got = facts(nlp, "Marlo Foods employs 900 people.")
    assert ("Marlo Foods", "employ people", "900") in got


def test_a_measure_changing_to_a_level_with_more_change_verbs(nlp):
    got = facts(nlp, "Mongolia's inflation eased to 3.1 percent in March.")
    assert ("Mongolia", "inflation ease to", "3.1 percent") in got


def test_the_level_a_measure_stands_at(nlp):
    got = facts(nlp, "Unemployment in Latvia stood at 6.8 percent.")
    assert ("Latvia", "unemployment", "6.8 percent") in got
    got = facts(nlp, "Mongolia's annual inflation stood at 3.1 percent in March.")
    assert ("Mongolia", "inflation", "3.1 percent") in got


def test_a_national_measure_without_an_owner_is_the_articles_country(nlp):
    got = facts(nlp, "Annual consumer price inflation quickened to 11.2% in March from 9.7% in February, "
                     "the statistics office said. The central bank of Mongolia met on Monday.")
    assert ("Mongolia", "price inflation quicken to", "11.2%") in got
    assert ("Mongolia", "price inflation quicken from", "9.7%") in got
    got = facts(nlp, "Mongolia's finance minister spoke on Monday. Jaran Tseren wants tax cuts to revive an "
                     "economy that grew just 2.4 percent last year.")
    assert ("Mongolia", "economy grow by", "just 2.4 percent") in got
    got = facts(nlp, "Inflation in Latvia rose to 5 percent, Mongolia's central bank said.")   # owned: Latvia
    assert ("Latvia", "inflation rise to", "5 percent") in got
    assert not any(s == "Mongolia" and "inflation" in p for s, p, _ in got)



def test_review_counter_examples_for_spans_measures_and_money(nlp):
    """Sentences from the review of the span, measure and money rules: none of these may state
    the facts the rules would have read into them."""
    def said(text: str) -> set[tuple[str, str, str]]:
        return facts(nlp, text)
    got = said("Mongolia's president visited Ulaanbaatar. Mongolia's currency rose. "
               "In Argentina, inflation quickened to 211 percent.")          # a place in the sentence
    assert not any("inflation" in p for _, p, _ in got)
    got = said("Mongolia's president visited Ulaanbaatar. Mongolia's currency rose. "
               "The global economy will grow 3.1 percent this year.")         # not the country's economy
    assert not any("economy" in p for _, p, _ in got)
    got = said("Bolivia's president met Nepal's prime minister. Inflation stood at 3 percent.")   # no one country
    assert not any(p == "inflation" for _, p, _ in got)
    got = said("Marlo Foods paid for three years of tuition. Marlo Foods asked for three days to respond. "
               "Marlo Foods signed a contract for ten years. Marlo Foods shares closed at their lowest for 14 years.")
    assert not any(p.endswith(" for") for _, p, _ in got)
    got = said("After two years in development, Marlo Foods released Crisp.")   # not a post
    assert not any(p.startswith("time in") for _, p, _ in got)
    got = said("It was Quarry Bank's 20-year history of losses. Dario Fenn's 20-year history at Quarry Bank ended.")
    assert not any(p == "history" for _, p, _ in got)
    got = said("Marlo Foods produced 3 million pounds of copper.")              # a weight, not money
    assert not any(v == "3 million pounds" for _, _, v in got)
    got = said("Quarry Bank recovered 3 million dollars from Dario Fenn.")      # not a change
    assert not any(p.endswith(" by") for _, p, _ in got)


def test_the_one_appointed_is_the_one_replacing(nlp):
    got = facts(nlp, "Marlo Foods named Dario Fenn as its new chief executive, replacing Ana Vidro.")
    assert ("Dario Fenn", "replace", "Ana Vidro") in got
    assert ("Marlo Foods", "replace", "Ana Vidro") not in got
    got = facts(nlp, "Dario Fenn was named chief executive of Marlo Foods, replacing Tomas Ferrand.")
    assert ("Dario Fenn", "replace", "Tomas Ferrand") in got


def test_a_players_position_is_not_an_occupation(nlp):
    got = facts(nlp, "Tomas Ferrand, a striker, joined Talvik Rovers. Uruguayan midfielder Ana Vidro joined too.")
    assert ("Tomas Ferrand", "position", "striker") in got
    assert ("Ana Vidro", "position", "midfielder") in got
    got = facts(nlp, "Tomas Ferrand, a lawyer, joined Talvik Rovers.")
    assert ("Tomas Ferrand", "occupation", "lawyer") in got


def test_a_military_title_is_a_rank(nlp):
    got = facts(nlp, "Lieutenant General Ana Vidro commands the Mongolian army.")
    assert ("Ana Vidro", "rank", "Lieutenant General") in got
    assert not any(p == "role" for _, p, _ in got)


def test_a_price_hung_on_the_control_verb_is_the_embedded_verbs(nlp):
    """After a long apposition the parser may hang "for $X" on "agreed" rather than on "buy" (seen
    in a real article); whether it does depends on the words, so the parse is given here."""
    rows = [("Orvane", "NNP", "PROPN", "Orvane", "compound", 1, "B-ORG"),
            ("Systems", "NNPS", "PROPN", "Systems", "nsubj", 2, "I-ORG"),
            ("agreed", "VBD", "VERB", "agree", "ROOT", 2, "O"),
            ("to", "TO", "PART", "to", "aux", 4, "O"),
            ("buy", "VB", "VERB", "buy", "xcomp", 2, "O"),
            ("Tessaly", "NNP", "PROPN", "Tessaly", "compound", 6, "B-ORG"),
            ("Optics", "NNP", "PROPN", "Optics", "dobj", 4, "I-ORG"),
            (",", ",", "PUNCT", ",", "punct", 6, "O"),
            ("a", "DT", "DET", "a", "det", 9, "O"),
            ("start-up", "NN", "NOUN", "start-up", "appos", 6, "O"),
            (",", ",", "PUNCT", ",", "punct", 2, "O"),
            ("for", "IN", "ADP", "for", "prep", 2, "O"),
            ("$", "$", "SYM", "$", "quantmod", 14, "B-MONEY"),
            ("2.4", "CD", "NUM", "2.4", "compound", 14, "I-MONEY"),
            ("billion", "CD", "NUM", "billion", "pobj", 11, "I-MONEY"),
            (".", ".", "PUNCT", ".", "punct", 2, "O")]
    words, tags, pos, lemmas, deps, heads, ents = (list(column) for column in zip(*rows))
    spaces = [w != "$" and nxt not in (",", ".") for w, nxt in zip(words, words[1:] + [""])]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, deps=deps,
              heads=heads, ents=ents)
    doc = nlp.get_pipe("kg_extractor")(doc)
    names = doc._.kg_entities
    got = {(names[f.subject].label, f.predicate, f.object) for f in doc._.kg_facts if f.is_literal}
    assert ("Orvane Systems", "buy for", "$2.4 billion") in got
    assert not any(p == "agree for" for _, p, _ in got)


def test_sport_tallies_in_words_and_the_appearances_they_came_in(nlp):
    got = facts(nlp, "Tomas Ferrand scored seven goals and provided six assists in 33 appearances last season.")
    assert ("Tomas Ferrand", "provide assist", "6") in got
    assert ("Tomas Ferrand", "appearance", "33") in got


def test_a_lede_description_named_in_a_later_sentence(nlp):
    got = facts(nlp, "RIGA, March 4 - A Latvian university has won 18.5 million euros from the European Union "
                     "to develop sodium batteries, the EU said on Tuesday. The Ravnholt University of Technology "
                     "said the grant was the largest in its history.")
    assert ("Ravnholt University of Technology", "win", "18.5 million euros") in got
    got = facts(nlp, "A Swedish bank has agreed to buy Orsk Chemicals for 200 million euros. "
                     "Tallby Bank said the deal would close in May.")
    assert ("Tallby Bank", "buy", "Orsk Chemicals") in got


def test_a_lede_description_is_not_whoever_speaks_next(nlp):
    """Review counter-examples: the next sentence's subject is often a regulator, a rival or an
    official, and a name with the noun may be another country's."""
    got = facts(nlp, "A Latvian runner has won the Ravnholt Marathon. Race director Tomas Ferrand said "
                     "the course was fast.")
    assert not any(s == "Tomas Ferrand" and p == "win" for s, p, _ in got)
    got = facts(nlp, "A French bank has opened an office in Hanoi. Vietnam's central bank, the State Bank of "
                     "Vietnam, said it welcomed the move.")
    assert not any(s == "State Bank of Vietnam" and p.startswith("open") for s, p, _ in got)
    got = facts(nlp, "A Swedish bank has agreed to buy Orsk Chemicals for 200 million euros. "
                     "Orsk said the deal would close in May.")             # named in the lede: not the buyer
    assert not any(p == "buy" for _, p, _ in got)


def test_review_counter_examples_for_ranks_positions_successors_and_tallies(nlp):
    got = facts(nlp, "Attorney General Maria Torres said the law was clear. Brigadier General Ana Vidro "
                     "commands the unit.")
    assert ("Maria Torres", "role", "Attorney General") in got         # "General" after a noun: no rank
    assert ("Ana Vidro", "rank", "Brigadier General") in got
    got = facts(nlp, "Maria Lopez, a defender of human rights, was arrested.")
    assert not any(p == "position" for _, p, _ in got)
    got = facts(nlp, "Marlo Foods named Ellen Stray as chief executive, replacing its board with a smaller one.")
    assert not any(p.startswith("replace") and s == "Ellen Stray" for s, p, _ in got)
    got = facts(nlp, "Mira Holt scored six goals in 14 appearances.")
    assert ("Mira Holt", "appearance", "14") in got


def test_a_sub_body_is_only_a_body_the_article_called_so(nlp):
    """ "the committee", "the council": a part of some institution, never an alliance or a
    company the article did not call one."""
    got = facts(nlp, "Lithuania and Chile signed a defence pact on Monday. The deal strengthens NATO's eastern "
                     "flank, officials said. Opposition lawmaker Rasa Vaitkute, who sits on the parliamentary "
                     "defence committee, said the costs were unclear.")
    assert not any(s == "Rasa Vaitkute" and o == "NATO" for s, _, o in got)
    got = facts(nlp, "The Tarvik Security Council met on Monday. Envoy Hana Lutz told the council that "
                     "the ceasefire was holding.")
    assert ("Hana Lutz", "tell", "Tarvik Security Council") in got


def test_one_of_several_coordinated_names_is_not_the_country(nlp):
    got = facts(nlp, "The Security Council voted on Thursday to extend an arms embargo on Burundi. Russia, "
                     "China and Algeria abstained. Joseph Ndayisaba, the country's U.N. ambassador, "
                     "welcomed the decision.")
    assert ("Joseph Ndayisaba", "ambassador of", "Burundi") in got
    assert not any(s == "Joseph Ndayisaba" and o in ("Russia", "China", "Algeria") for s, _, o in got)


def test_who_after_a_place_is_the_person_before_it(nlp):
    got = facts(nlp, "The top South African was Sipho Khumalo, from Kimberley, who finished eighth in 2:12:05.")
    assert ("Sipho Khumalo", "finishing time", "2:12:05") in got
    assert not any(s == "Kimberley" for s, _, _ in got)


def test_a_former_role_says_so(nlp):
    got = facts(nlp, "Prime Minister Ivo Kral, a former mayor of Olomouc, resigned on Friday. Trade Minister "
                     "Budi Santoso, the former governor of Bali, spoke.")
    assert ("Ivo Kral", "former mayor of", "Olomouc") in got
    assert not any(p == "mayor of" for _, p, _ in got)
    assert any(s == "Budi Santoso" and p == "former governor of" for s, p, _ in got)


def test_a_vice_title_is_one_word(nlp):
    got = facts(nlp, "Greta Marsh, vice-chancellor of the University of Leeds, signed the deal. "
                     "Ana Ruiz, the vice-president of Peru, spoke.")
    assert ("Greta Marsh", "vice-chancellor of", "University of Leeds") in got
    assert ("Ana Ruiz", "vice-president of", "Peru") in got
    assert not any(p in ("occupation", "president of", "chancellor of") for _, p, _ in got)
    got = facts(nlp, "Vice-President Ana Ruiz met Vice-Chancellor Tom Hale.")
    assert ("Ana Ruiz", "role", "Vice-President") in got


def test_capital_with_a_modifier_of_money_is_no_city(nlp):
    got = facts(nlp, "Kovali Pay is based in Kisumu. The fresh capital will fund Kovali Pay's entry into Uganda.")
    assert not any(s == "Kisumu" for s, p, _ in got if p != "located in")


def test_them_after_a_plural_noun_is_not_the_last_body(nlp):
    got = facts(nlp, "Dina Haddou, chief executive of Sefrou Minerals, said the company was in talks with two "
                     "European cell makers over supply deals, although she declined to name them.")
    assert ("Dina Haddou", "chief executive of", "Sefrou Minerals") in got
    assert not any(p.startswith("decline") for _, p, _ in got)


def test_a_name_given_to_a_made_thing_is_no_organisation(nlp):
    doc = nlp("The company confirmed that its payload, a 180-kilogram spacecraft named Hoshimi, had separated. "
              "She later founded a firm called Orvell.")
    kinds = {e.label: e.type for e in doc._.kg_entities.values()}
    assert kinds.get("Hoshimi") not in ("Organization", "Person", None)
    assert kinds.get("Orvell") == "Organization"


def test_a_city_is_the_namesake_in_the_country_the_article_is_about(nlp):
    """The larger San Jose is in California; a Costa Rican story means the capital, which the
    country table spells without its accent."""
    story = ("Yolanda Quiros won the runoff in Costa Rica. She addressed supporters in downtown San Jose on "
             "Sunday. Costa Rica exports coffee to the United States.")
    assert ("San José", "located in", "Costa Rica") in facts(nlp, story)
    got = facts(nlp, "The firm moved from San Jose, California, to Austin. The United States fined it.")
    assert not any(o == "Costa Rica" for _, _, o in got)


def test_a_dateline_town_joined_by_hyphens_is_no_subject(nlp):
    got = facts(nlp, "LUZ-SAINT-SAUVEUR, France, June 12 (Reuters) - Colombian climber Tomas Mora attacked on "
                     "the final ascent to win the fifth stage of the Tour des Alpes on Thursday.")
    assert ("Tomas Mora", "win stage of", "Tour des Alpes") in got
    assert not any(s == "Luz-Saint-Sauveur" and p != "located in" for s, p, _ in got)


def test_the_union_is_only_a_union_the_article_named(nlp):
    got = facts(nlp, "Brevik Shipping said on Sunday that exports rose. The union called a 72-hour strike at "
                     "the port on Monday.")
    assert not any(p.endswith("called") for _, p, _ in got)


def test_words_cut_at_hyphens_stay_whole_in_labels(nlp):
    got = facts(nlp, "Vesterlund Pharma said its drug succeeded in a late-stage trial. The trial enrolled "
                     "1,020 adults. The tourists fielded left-arm spinner Ravi Kumar, who took four wickets.")
    assert ("late-stage trial", "enrol adult", "1020") in got
    assert ("Ravi Kumar", "occupation", "left-arm spinner") in got


def test_an_organisations_role_with_the_name_parsed_as_a_modifier(nlp):
    got = facts(nlp, "Corvex Systems was fined by the regulator. The Corvex chief executive, Daniel Ekwe, said "
                     "the company would appeal.")
    assert ("Daniel Ekwe", "chief executive of", "Corvex Systems") in got


def test_coordinated_role_nouns_share_their_body(nlp):
    got = facts(nlp, "Ana Mora, president and chief executive of Pemberton Chem, signed the deal.")
    assert {("Ana Mora", "president of", "Pemberton Chem"), ("Ana Mora", "chief executive of", "Pemberton Chem")} <= got
    got = facts(nlp, "Ana Mora, president of Pemberton Chem and a keen sailor, signed the deal.")
    assert not any(p.startswith("sailor") for _, p, _ in got)


def test_a_persons_party(nlp):
    got = facts(nlp, "The departure leaves Tomas Kral's Unity Reform Party and its remaining partner, the "
                     "Marek Alliance, with 93 seats.")
    assert ("Tomas Kral", "member of", "Unity Reform Party") in got
    assert not any(s == "Tomas Kral" and o == "Marek Alliance" for s, _, o in got)
    assert not any("Kral's" in s or "Kral's" in o for s, _, o in got)


def test_it_in_what_a_body_says_is_that_body(nlp):
    got = facts(nlp, "Kovali Pay, a Zambian start-up that lends to shopkeepers, said on Tuesday it had raised "
                     "$48 million in a Series B round.")
    assert ("Kovali Pay", "raise", "$48 million") in got
    assert not any(s == "Zambia" and p == "raise" for s, p, _ in got)


def test_a_body_founded_by_its_namesake_is_not_the_founder(nlp):
    got = facts(nlp, "Villaret, founded in 1962 by engineer Ottavio Villaret, employs 3,200 people. It reported "
                     "revenue of 612 million euros last year.")
    assert ("Ottavio Villaret", "found", "Villaret") in got
    assert ("Villaret", "employ people", "3200") in got
    assert not any(s == "Ottavio Villaret" and p in ("employ people", "founding date") for s, p, _ in got)


def test_a_short_name_of_a_body_written_with_and_without_its_ending(nlp):
    doc = nlp("Tosei Optical CEO quits. Takeshi Hirakawa, chief executive of Tosei Optical Co, will step down. "
              "Mariko Sunaga joined Tosei in 2015.")
    tosei = [e for e in doc._.kg_entities.values() if any("Tosei" in n for n in e.names)]
    assert len(tosei) == 1 and {"Tosei", "Tosei Optical Co"} <= set(tosei[0].names)


def test_a_bare_governor_in_a_story_about_a_banco(nlp):
    got = facts(nlp, "The board of the Banco de la Republica was split, Governor Emilio Zarate told reporters.")
    assert ("Emilio Zarate", "governor of", "Banco de la Republica") in got


def test_a_with_phrase_of_circumstance_counts_nothing_and_events_finish_nowhere(nlp):
    got = facts(nlp, "Colombian climber Tomas Mora attacked with 6.5 km remaining to win the stage.")
    assert not any(s == "Tomas Mora" and o == "6.5" for s, _, o in got)
    got = facts(nlp, "A 72-hour strike by dockworkers has halted the Port of Velsa, with 38 vessels waiting at "
                     "anchor. The strike is the second at Velsa in 18 months.")
    assert not any(p in ("vessel", "finishing position") for _, p, _ in got)
    assert ("Social Democrats", "seat", "17") in facts(nlp, "The Social Democrats won the vote with 17 seats.")


def test_no_plans_to_and_yet_to_deny_the_verb(nlp):
    got = facts(nlp, "Tereza Holla has yet to win a main-draw match at Roland Garros.")
    assert not any(p.startswith("win") for _, p, _ in got)
    got = facts(nlp, "Tereza Holla won a main-draw match at Roland Garros.")
    assert any(p.startswith("win") for _, p, _ in got)
    got = facts(nlp, "Norrvik AB has no plans to close its factories in France, Ebba Lund said.")
    assert not any(p.startswith("close") for _, p, _ in got)


def test_names_that_differ_only_in_full_stops_are_one_entity(nlp):
    doc = nlp("The U.N. Security Council voted on Thursday. France drafted the text the UN Security Council adopted.")
    councils = [e for e in doc._.kg_entities.values() if "Security Council" in e.label]
    assert len(councils) == 1 and {"U.N. Security Council", "UN Security Council"} <= set(councils[0].names)


def test_a_body_named_with_for_the_or_of_the(nlp):
    doc = nlp("The measure adds to the sanctions list the leaders of the Coalition for the Revival of Kivu, an "
              "armed group. Fighters of the Movement for the Liberation of Azawad attacked.")
    kinds = {e.label: e.type for e in doc._.kg_entities.values()}
    assert kinds.get("Movement for the Liberation of Azawad") == "Organization"
    assert any(label.startswith("Coalition for the Revival") and kind == "Organization" for label, kind in kinds.items())
    assert "Coalition" not in kinds and "Revival" not in kinds


def test_an_office_in_an_apposition_with_a_or_former(nlp):
    got = facts(nlp, "Lena Varga, a former security minister who campaigned on crime, won the runoff in Costa Rica.")
    assert ("Lena Varga", "former security minister of", "Costa Rica") in got
    got = facts(nlp, "Lena Varga, the finance minister, spoke in Costa Rica.")
    assert ("Lena Varga", "finance minister of", "Costa Rica") in got


def test_a_demonym_standing_for_a_person_and_a_native_of_a_place(nlp):
    got = facts(nlp, "Luca Ferrante won the race on Sunday. The 26-year-old Italian held off Osku Lehtinen.")
    assert ("Luca Ferrante", "nationality", "Italy") in got
    got = facts(nlp, "Maeve Tully, a native of Galway, joined the ministry.")
    assert ("Maeve Tully", "from", "Galway") in got


def test_a_non_executive_chair_keeps_its_prefix(nlp):
    got = facts(nlp, "Ana Lopes, the non-executive chairman of Seri Capital, resigned.")
    assert ("Ana Lopes", "non-executive chairman of", "Seri Capital") in got
    assert not any(p == "executive chairman of" for _, p, _ in got)


def test_review_counter_examples_for_who_namesakes_demonyms_and_denials(nlp):
    """A reviewer's sentences against this stop's rules: each gave a wrong fact."""
    got = facts(nlp, "Coach Mark Hale praised Sweden, who beat Italy 2-0 on Sunday.")
    assert ("Sweden", "beat", "Italy") in got and not any(s == "Mark Hale" and p == "beat" for s, p, _ in got)
    got = facts(nlp, "Veltra, a chipmaker based in San Jose, California, will open a plant in Costa Rica. Costa Rica "
                     "offered tax breaks, and Costa Rica's trade minister welcomed the deal.")
    assert not any(o == "Costa Rica" and s.startswith("San Jos") for s, _, o in got)
    got = facts(nlp, "Marta Silva, former president and chief executive of Orvex, joined Zeta Corp.")
    assert ("Marta Silva", "former chief executive of", "Orvex") in got
    got = facts(nlp, "Sara Lindqvist beat Giulia Rossi 6-3 6-2 on Sunday. Lindqvist served well throughout. "
                     "The Italian said she was tired.")
    assert not any(p == "nationality" for _, p, _ in got)
    got = facts(nlp, "Lars Ek won the sprint. The Dane Per Holmqvist finished fourth.")
    assert ("Lars Ek", "nationality", "Denmark") not in got
    got = facts(nlp, "Hugo Weber, a former central bank governor, criticised the Bundesbank on Monday.")
    assert not any(p.endswith("governor of") for _, p, _ in got)
    got = facts(nlp, "Lake Kariba, formed by the Kariba Dam, is the largest reservoir in Zambia.")
    assert ("Lake Kariba", "located in", "Zambia") in got
    got = facts(nlp, "Acme's Chinese partner said it would build a plant in Wuhan.")
    assert not any(s == "Acme" for s, _, _ in got)
    got = facts(nlp, "Profits fell, and yet Acme Corp decided to buy Zeta Corp.")
    assert any(p == "buy" for _, p, _ in got)


def test_the_dateline_town_is_where_the_opening_event_took_place(nlp):
    got = facts(nlp, "TURKU, March 3 — Kenya and Lorvia signed a maritime security agreement on Tuesday.")
    assert {("Kenya", "sign in", "Turku"), ("Lorvia", "sign in", "Turku")} <= got
    got = facts(nlp, "TURKU, Oct 6 — Lena Moro won the Halvik Piano Competition on Sunday.")
    assert ("Halvik Piano Competition", "held in", "Turku") in got


def test_no_dateline_place_for_an_event_placed_elsewhere_or_placeless(nlp):
    got = facts(nlp, "TURKU, March 3 — Kenya and Lorvia signed a trade agreement in Hallstatt on Tuesday.")
    assert not any(o == "Turku" for _, _, o in got)
    got = facts(nlp, "TURKU, June 4 — Velnor Robotics raised 40 million euros in a Series B round.")
    assert not any(o == "Turku" for _, _, o in got)
    got = facts(nlp, "Kenya and Lorvia signed a maritime security agreement on Tuesday.")
    assert not any(p == "sign in" for _, p, _ in got)


def test_a_subject_it_is_not_a_setting_or_a_modifier_named_before_it(nlp):
    got = facts(nlp, "The vaccine, named Velosha, was granted Orvik Agency approval after a trial involving "
                     "9,800 children in Lesotho and Eswatini showed that it cut malaria cases by 71%.")
    assert ("Velosha", "cut by", "71%") in got
    assert not any(s in ("Eswatini", "Lesotho", "Orvik Agency") and p == "cut by" for s, p, _ in got)


def test_an_event_held_on_a_date_is_first_held_only_when_the_text_says_first(nlp):
    got = facts(nlp, "The Baltic Summit will be held in Tallinn in October. The Halvik Marathon was first held in 1974.")
    assert ("Baltic Summit", "date held", "October") in got
    assert ("Halvik Marathon", "first held", "1974") in got


@pytest.mark.parametrize("text", [
    "TURKU, May 3 — President Ana Lopes met Lorvian leader Marco Fenn outside Espoo on Tuesday.",
    "TURKU, May 3 — President Ana Lopes met Lorvian leader Marco Fenn at the Espoo City Hall on Tuesday.",
    "TURKU, May 3 — President Ana Lopes met Lorvian leader Marco Fenn by video link on Tuesday.",
    "TURKU, May 3 — Kallby Energi met analysts' expectations in the fourth quarter.",
    "TURKU, May 3 — Kallby Energi has signed up 1 million customers for its new tariff.",
    "TURKU, May 3 — Kenya and Lorvia did not sign the border agreement on Tuesday.",
    "TURKU, May 3 — Kenya and Lorvia signed a border agreement in 1990 that is now under strain.",
    "TURKU, May 3 — President Ana Lopes will meet Lorvian leader Marco Fenn next month.",
    "TURKU, April 15 — Lena Moro won the Gdynia Marathon on Monday.",
    "TURKU, May 3 — Halvik United won the Lorvia Cup final against Orsen FC in Espoo.",
])
def test_no_dateline_place_for_an_event_placed_dated_or_meant_otherwise(nlp, text):
    assert not any(o == "Turku" for _, _, o in facts(nlp, text))


def test_a_body_for_the_protection_of_competition_is_no_event(nlp):
    doc = nlp("The Commission for the Protection of Competition in Lorvia fined Orsen Telecom 2 million euros.")
    assert all(e.type != "Event" for e in doc._.kg_entities.values())


def test_a_subject_it_in_a_clause_on_a_place(nlp):
    got = facts(nlp, "Velnor opened a plant in Lesotho, where it employs 2,000 people.")
    assert not any(s == "Lesotho" for s, _, _ in got)          # "where it employs": the company
    got = facts(nlp, "Halvik Bio runs trials in Kenya, which said it would spend $20 million on research.")
    assert ("Kenya", "spend", "$20 million") in got
    got = facts(nlp, "A study of 2,000 patients in Lesotho found that it reduced heart attacks by 20%.")
    assert not any(s == "Lesotho" for s, _, _ in got)          # nor by the fallback to the last sentence


def test_first_as_a_rank_and_passive_light_verbs_give_no_first_date(nlp):
    got = facts(nlp, "Orsen FC finished first in the Lorvia league in 2019.")
    assert ("Orsen FC", "date finished", "2019") in got
    got = facts(nlp, "Orsen Metals was taken private in 2019. The first Lorvia Cup was held in 1888.")
    assert not any(p == "date taken" for _, p, _ in got)
    assert ("Lorvia Cup", "first held", "1888") in got


def test_a_share_for_a_candidate_hung_on_the_verb(nlp):
    got = facts(nlp, "Ana Lopes won the presidential vote with 53.4% against 44.1% for Vice President Tomas Ferro.")
    assert ("Tomas Ferro", "share", "44.1%") in got


def test_a_deal_noun_is_its_buyer_only_before_an_approval(nlp):
    got = facts(nlp, "Marlin Trust's takeover still requires the approval of the Trade Commission.")
    assert not any(s == "Marlin Trust" for s, _, _ in got)      # a possessor alone is the target
    got = facts(nlp, "Kelvora Bank's takeover of Marlin Trust requires the company to sell 40 branches.")
    assert ("Kelvora Bank", "require", "Marlin Trust") not in got


@pytest.mark.parametrize("text", [
    "TURKU, Feb 3 — Lesotho has signed several agreements with Eswatini.",
    "TURKU, May 3 — Greta Holm met Louis Arnaud two weeks ago.",
])
def test_no_dateline_place_for_news_not_of_the_day(nlp, text):
    assert not any(o == "Turku" for _, _, o in facts(nlp, text))


@pytest.mark.parametrize("text, fact", [
    ("TURKU, May 3 — Greta Holm and Louis Arnaud met on Tuesday.", ("Greta Holm", "meet in", "Turku")),
    ("TURKU, May 3 — Chancellor Greta Holm met Louis Arnaud on Jan 9.", ("Greta Holm", "meet in", "Turku")),
    ("TURKU, May 3 — Lesotho and Eswatini signed an agreement at a ceremony at the palace on Tuesday.",
     ("Lesotho", "sign in", "Turku")),
    ("ESPOO, May 3 — Thunder Road won the Espoo Derby on Saturday.", ("Espoo Derby", "held in", "Espoo")),
])
def test_a_dateline_place_for_a_meeting_a_ceremony_or_a_derby(nlp, text, fact):
    assert fact in facts(nlp, text)


def test_a_percentage_for_a_country_is_no_share(nlp):
    got = facts(nlp, "The Orvik Fund cut its growth forecast to 2.1% for Lesotho.")
    assert not any(p == "share" for _, p, _ in got)


def test_a_person_held_in_custody_has_no_date_held(nlp):
    got = facts(nlp, "Marta Velk was held in custody in 2020.")
    assert not any(p == "date held" for _, p, _ in got)
