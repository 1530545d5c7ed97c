"""Literal values (dates, counts, amounts) from entity text to (lexical form, XSD datatype)."""

from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "m": 10**6}
SCALE_SUFFIXES = ("m", "bn", "mn", "tn")    # written onto the number: "£14.5m", which the tokenizer cuts

_MDY = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4})\b")
_MY = re.compile(r"\b([A-Za-z]+)\.?,?\s+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_Y = re.compile(r"^(?:in\s+|the\s+year\s+)?(\d{4})$")
_MD = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?$")   # "May 12-14" too
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
DAY_WORDS = ("today", "yesterday", "tonight")     # days a news story names by their distance from it
# "HANOI, Nov 20 —": month and weekday words (and their abbreviations) are never place names
CALENDAR_WORDS = frozenset([*MONTHS, *WEEKDAYS, *(d[:3] for d in WEEKDAYS), "tues", "thur", "thurs"])
_NUM = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m)?\b", re.I)


def date_value(text: str) -> tuple[str, str] | None:
    """'March 14, 1967' -> ('1967-03-14', 'date'); 'May 2021' -> gYearMonth; '1949' -> gYear;
    'Thursday', 'Feb. 18', 'March' and periods with a year ('the first half of 2027', 'the 1990s')
    -> as written (a string); None for what names no day, month or year ('next month'). A
    preposition NER took into the date goes ('on Jan 7')."""
    text = _LEADING_PREPOSITION.sub("", text.strip())
    if m := _ISO.search(text):
        return m.group(0), "date"
    if (m := _MDY.search(text)) and m.group(1).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}", "date"
    if (m := _DMY.search(text)) and m.group(2).lower() in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}", "date"
    if (m := _MY.search(text)) and m.group(1).lower() in MONTHS:
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}", "gYearMonth"
    if m := _Y.match(text.lower()):
        return m.group(1), "gYear"
    if text.lower() in WEEKDAYS or text.lower() in MONTHS or ((m := _MD.match(text)) and m.group(1).lower() in MONTHS):
        return text, "string"                # "on Thursday", "on Feb. 18", "May 12-14": no year to make
                                             # a date of; the day as the article wrote it
    if _YEAR_INSIDE.search(text):            # "the first half of 2027", "the 1990s", "mid-2026": a
        return _LEADING_THE.sub("", text), "string"     # period no xsd type says, as written
    return None


def names_a_day(text: str) -> bool:
    """ "Tuesday", "Feb. 18", "Tuesday, Jan 9", "yesterday": a day, not "1990", "March" or "next
    month"."""
    words = text.lower().replace(",", " ").replace(".", " ").split()
    return any(w in WEEKDAYS or w in DAY_WORDS for w in words) or bool(
        (m := _MD.match(text.strip())) and m.group(1).lower() in MONTHS)


_LEADING_PREPOSITION = re.compile(r"^(?:on|in)\s+(?=\S)", re.I)     # not "by 2028": a deadline
_YEAR_INSIDE = re.compile(r"(?<!\d)(1[5-9]|20)\d\d(?:s|\b)")
_LEADING_THE = re.compile(r"^the\s+", re.I)


APPROXIMATELY = re.compile(r"^(about|approximately|around|nearly|almost|over|more than|some|roughly|up to|"
                           r"at least|less than|fewer than)\s+", re.I)


CURRENCY_SYMBOLS = ("$", "€", "£", "¥")


def number_value(text: str) -> tuple[str, str] | None:
    """'6,800' -> ('6800', 'integer'), 'nine' -> ('9', 'integer'); amounts written with a scale
    word or a currency keep the writer's words ('128 million', '$4.2 billion') as text, which is
    how people search for them."""
    m = _NUM.search(text)
    if not m:
        word = APPROXIMATELY.sub("", text.strip()).lower()
        return (str(NUMBER_WORDS[word]), "integer") if word in NUMBER_WORDS else None   # "won nine seats"
    if m.group(2) or any(sym in text for sym in (*CURRENCY_SYMBOLS, "%")) or \
            any(word in text.lower() for word in ("percent", "per cent")) or \
            re.search(r"\b(dollars?|euros?|pounds?|yen|yuan|rupees?|francs?)\b", text, re.I):
        return APPROXIMATELY.sub("", text.strip()), "string"
    number = float(m.group(1).replace(",", ""))
    if m.group(2):
        number *= SCALE[m.group(2).lower()]
    if number.is_integer():
        return str(int(number)), "integer"
    return repr(number), "decimal"
