"""Precompiled regexes and word lists that find date expressions in one sentence."""

from __future__ import annotations

import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Full names and AP abbreviations; "May" and "March" are also a modal and a verb,
# so month names are matched capitalised only and month-alone needs a preposition.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Abbreviations may carry a dot ("Sept. 14"); full names must end at a word boundary.
_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# Part of a month ("early April", "mid-March", "the end of May").
_PART = (
    r"(?:(?i:early|mid|late)[\s-]+|(?i:the\s+)?(?i:end|start|beginning|middle|first\s+half"
    r"|second\s+half|first\s+week|last\s+week)\s+of\s+)"
)
# Prepositions that turn a bare month or year into a time expression.
_PREP = r"(?i:in|during|since|until|till|through|from|by|before|after|of|to)\s+(?i:the\s+)?"

_ALTERNATIVES = [
    rf"(?P<iso>(?<![\d-])(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d-]))",
    # "Feb. 24", "February 24th, 2022", "June 15 and 16"
    rf"(?P<md>\b(?P<md_m>{_MON})\s+(?P<md_d>{_DAY})(?![\d,.]\d|\s*(?:%|percent|per\b))"
    rf"(?:,?\s+(?P<md_y>{_YEAR})(?!\d))?)",
    # "24 February", "the 24th of February 2022"
    rf"(?P<dm>(?<![\d,.$£€])\b(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MON})"
    rf"(?:,?\s+(?P<dm_y>{_YEAR})(?!\d))?)",
    # "in early September", "since December", "February 2022"
    rf"(?P<mo>(?:\b(?P<mo_pre>{_PREP}){_PART}?|\b{_PART})(?P<mo_m>{_MON})(?!\.?\s+{_DAY}\b)"
    rf"(?:,?\s+(?P<mo_y>{_YEAR})(?!\d))?)",
    rf"(?P<my>\b(?P<my_m>{_MON}),?\s+(?P<my_y>{_YEAR})(?![\d,.]\d))",
    # "last Thursday", "this past Friday"
    rf"(?P<lastwd>\b(?i:last|this\s+past|past)\s+(?P<lastwd_d>{_WD})\b)",
    rf"(?P<nextwd>\b(?i:next|this\s+coming|coming)\s+{_WD}\b)",
    # "overnight into Wednesday" names the night by the weekday that follows it.
    rf"(?P<nightwd>\b(?i:overnight|late)\s+(?P<night_rel>(?i:on|into|to)\s+)?(?P<night_d>{_WD})\b)",
    rf"(?P<wd>\b(?P<wd_d>{_WD})\b)",
    r"(?P<ago>\b(?P<ago_n>(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve)|\d{1,2})\s+(?P<ago_u>(?i:day|week|month|year))s?\s+(?i:ago)\b)",
    r"(?P<period>\b(?P<period_q>(?i:last|past|earlier\s+this|this|later\s+this|next|"
    r"this\s+coming))\s+(?P<period_u>(?i:week|weekend|month|year))\b)",
    # "over the weekend", "at the weekend": the weekend just past.
    r"(?P<weekend>\b(?i:over|at|during|on|across)\s+the\s+weekend\b)",
    # Feast days with a fixed date: "a Christmas Day attack", "on New Year's Eve".
    r"(?P<holiday>\b(?P<holiday_n>Christmas\s+(?:Day|Eve)|Orthodox\s+Christmas"
    r"|New\s+Year['’]?s\s+(?:Eve|Day)|Victory\s+Day)\b)",
    r"(?P<word>\b(?P<word_w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
    r"|yesterday|today|tonight|tomorrow|overnight|last\s+night|this\s+morning"
    r"|this\s+afternoon|this\s+evening))\b)",
    # "in 2014", "since 2014", "early 2023"
    rf"(?P<yr>\b(?P<yr_pre>{_PREP}|(?i:early|mid|late)[\s-]+){_PART}?(?P<yr_y>{_YEAR})"
    r"(?![\d%-]|[,.]\d|\s*(?:percent|per\b)))",
]
DATE_RE = re.compile("|".join(_ALTERNATIVES))

# Every expression above holds one of these words; a sentence without any is skipped
# and the big pattern is only tried at the few words before each of them.
TOKEN_RE = re.compile(r"\w+")
LOOKBACK_TOKENS = 5  # "in the first half of March"
_TRIGGER_WORDS = [
    "yesterday", "today", "tonight", "tomorrow", "overnight", "night", "morning",
    "afternoon", "evening", "week", "weekend", "month", "year", "ago",
]  # fmt: skip
TRIGGERS = frozenset(
    [w.capitalize() for w in WEEKDAYS]
    + [m.capitalize() for m in MONTHS]
    + _TRIGGER_WORDS
    + [w.capitalize() for w in _TRIGGER_WORDS]
    + [str(y) for y in range(1950, 2100)]
    + ["Christmas", "Victory", "Years"]
)

# Fixed-date feast days as (month, day), keyed by their name in lower case, one space.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "orthodox christmas": (1, 7),
    "new year's eve": (12, 31), "new year's day": (1, 1), "victory day": (5, 9),
}  # fmt: skip

# Clause boundaries: the window searched for markers never crosses them.
BOUNDARY_RE = re.compile(r"[,;:()\[\]—–]|\s-\s|[“”\"]")
# A closed aside "(1200 GMT)" is skipped over: the clause goes on around it.
PARENTHESIS_RE = re.compile(r"\([^()]*\)")
WORD_RE = re.compile(r"[A-Za-z'’]+")
WINDOW_WORDS = 12

# Words before an expression (same clause) that make it a plan, not a happening. Nouns
# like "plans" or "deadline" are left out: "the EU unveiled plans on Monday" happened.
FUTURE_WORDS = frozenset({
    "will", "won't", "wont", "shall", "scheduled", "rescheduled", "slated", "upcoming",
    "forthcoming", "expected", "expects", "expect", "expecting", "expire", "expires",
    "expiring", "expiry", "expiration", "would",
})  # fmt: skip
FUTURE_PHRASE_RE = re.compile(
    r"(?i)'ll\b|\b(?:set|poised|going|plans?|planning|planned|intends?|intending|aims?|aiming"
    r"|hopes?|hoping|wants?)\s+to\b|\b(?:is|are)\s+(?:due|to)\b|\bplanned\s+for\b"
    r"|\bto\s+be\s+held\b"
)
# Immediately before: a bound, deadline or start of a plan rather than a happening.
BOUND_RE = re.compile(
    r"(?i)\b(?:by|until|till|before|through|ahead\s+of|no\s+later\s+than"
    r"|starting|beginning|effective|as\s+of|as\s+from"
    r"|deadline(?:\s+(?:of|on|for))?)\s*$"
)
# Immediately after: "a March 31 deadline", "the November 19 expiry date".
FUTURE_AFTER_RE = re.compile(r"(?i)^\W{0,2}(?:deadline|expiry|expiration|cutoff|cut-off)")
# Words before an expression (same clause) that make it background to the event.
BACKGROUND_WORDS = frozenset({"since", "following", "which", "who", "whose", "whom"})
# Feast and market days are names, not weekdays of this report.
NOT_WEEKDAY_RE = re.compile(r"(?i)\b(?:black|good|bloody|ash|holy|easter|palm|cyber)\s*$")
# An inserted clause like ", signed in July," or ", launched last week," describes an
# older happening of the thing the main clause is about.
PARTICIPLE_CLAUSE_RE = re.compile(
    r"^\s*(?!(?:asked|questioned|interviewed|quoted|pressed|reached|contacted)\b)"
    r"(?:[a-z]+ed|begun|built|taken|held|born|made|seen|shot|known|won|lost|brought|sent"
    r"|caught|given|hit|struck|sunk|blown)\s+(?:by|in|on|at|during|from|back|last|earlier"
    r"|early|late|overnight)\b"
)
CLAUSE_CLOSES_RE = re.compile(r"^[^,;:.!?]{0,40}[,—–]\s*\S")
# "a March 2022 report", "the February 24 invasion": a date that modifies a noun.
ATTRIBUTIVE_BEFORE_RE = re.compile(r"(?i)\b(?:a|an|the|its|their|his|her|this|that)\s+$")
# "in the last week" is a span of days, not the previous calendar week.
SPAN_BEFORE_RE = re.compile(r"(?i)\b(?:the|a|over|within|for)\s*$")
QUOTE_RE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
