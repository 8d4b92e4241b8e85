"""Who acts or speaks in a sentence: its party, so another party's statement can be told
from more words of the same speaker ("Ukraine said" after "Russia said" is news).

The party is the head of the speaker ("..., the British defence ministry said", "According
to the Ukrainian military, ...") or else of the subject after any short lead-in.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from timeline.extraction.segment_cues import (
    BELLIGERENTS,
    NAME,
    OPENER_WORDS,
    POSSESSIVE,
    PRONOUNS,
    QUOTED,
    SPEECH,
    WORD,
    subject_start,
)


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())


# ", the British defence ministry said." or ", said Sergiy Popko, head of ...": the speaker.
_SPEAKER_TAIL = re.compile(
    rf",[”\"’']?\s+(?:(?P<before>[^,“”\"]{{2,80}}?)\s+{SPEECH}|{SPEECH}\s+(?P<after>[^,“”\"]{{2,80}}))"
    r"(?:,[^,]*)?[.!]?[”\"’']?$"
)
_ACCORDING = re.compile(r"^according to (?P<who>[^,]{2,80}),\s+", re.I)
# The words a subject's noun phrase ends before: auxiliaries and common verbs.
_VERBISH = _wordset(
    """
    is are was were has have had will would could should may might must can did does do
    said says say told tells added claimed wrote reported announced confirmed warned
    accused denied rejected launched struck hit killed met held called described seized
    vowed plans plan planned signed"""
)
_DETERMINERS = _wordset("the a an some several many most two three four five six dozens")
_PREPOSITIONS = _wordset("of from for in on at with near by to")
_NP_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ](?:[\w’'-]|\.(?=\w))*")  # "U.S" stays one word


def _noun_phrase(text: str) -> tuple[list[str], str]:
    """The words of the noun phrase `text` opens (up to its verb, an "-ing" or first comma),
    and the verb that follows it ("" if none)."""
    head = text.split(",", 1)[0]
    out: list[str] = []
    for word in _NP_WORD.findall(head):
        low = word.lower()
        if low in _VERBISH or (out and word.islower() and low.endswith(("ed", "ing"))):
            return out, low
        if low in _ADVERBS:
            return out, ""
        if not out and word.islower() and low not in _DETERMINERS:
            return [], ""  # "see our coverage": no subject
        if not out and low in OPENER_WORDS and low not in _DETERMINERS:
            return [], ""  # "Among the measures are": not a subject
        out.append(POSSESSIVE.sub("", word))
        if len(out) == 8:
            break
    return out, ""


_COPULAS = _wordset("is are remains remain")
_ADVERBS = _wordset("also now reportedly still just already again later then too")


class Party(NamedTuple):
    head: str  # lowercase: "lavrov", "ukraine", "officials"; "" when nobody is named
    names: frozenset[str]  # the report's proper names in the phrase
    title: bool  # "The Ukrainian Foreign Minister": a title standing for a person
    text: str  # the phrase as written


_NOBODY = Party("", frozenset(), False, "")


@lru_cache(maxsize=8192)
def party(sentence: str, proper: frozenset[str]) -> Party:
    """Who speaks or acts in the sentence: the head of its speaker or subject (lowercase),
    the proper names (of `proper`, the report's names) in that phrase, and whether the phrase
    is a title standing for a person ("The Ukrainian Foreign Minister") rather than a name.

    "Russian Foreign Minister Sergey Lavrov said" gives "lavrov"; "Ukraine said" "ukraine";
    "Officials from Ukraine and Russia met" "officials" (with Ukraine, Russia); "The death
    toll rose, officials said" "officials" (no names); "Ukraine is home to" nothing: a state
    of affairs, not an act."""
    own = QUOTED.sub("“”", sentence)
    according = _ACCORDING.match(own)
    tail = _SPEAKER_TAIL.search(own) if not according else None
    if according:
        phrase, _ = _noun_phrase(according["who"])
    elif tail and (tail["before"] or tail["after"]):
        phrase, _ = _noun_phrase(tail["before"] or tail["after"])
    else:
        phrase, verb = _noun_phrase(subject_start(own))
        if verb in _COPULAS:
            return _NOBODY
    if not phrase or phrase[0].lower() in PRONOUNS:
        return _NOBODY
    if phrase[0].lower() in ("a", "an"):  # "a person close to the Kremlin": not named
        return Party(phrase[-1].lower(), frozenset(), False, " ".join(phrase))
    core = phrase
    for i, word in enumerate(phrase[1:], 1):
        if word.lower() in _PREPOSITIONS:
            core = phrase[:i]  # "the number of refugees": the head is "number"
            break
    found = frozenset(word for word in phrase if word in proper)
    # "The Ukrainian Foreign Minister": a title standing for a person already named
    title = phrase[0].lower() == "the" and core[-1][0].isupper() and core[-1] not in proper
    return Party(core[-1].lower(), found, title, " ".join(phrase))


def proper_names(sentences: list[str]) -> frozenset[str]:
    """Words a report capitalises in mid-sentence and never writes in lowercase: its names
    ("Russia", "Kuleba"), not "Officials" opening a sentence or "Minister" in a title.

    Of the words only ever seen opening a sentence, only the warring states count: a report
    names its parties mid-sentence too, but "Border guards" may open a sentence."""
    capitals: set[str] = set()
    openers: set[str] = set()
    lowercase: set[str] = set()
    for sentence in sentences:
        lowercase.update(w for w in WORD.findall(sentence) if w.islower())
        for match in NAME.finditer(sentence):
            word = POSSESSIVE.sub("", match.group().rstrip(".-/"))
            before = sentence[: match.start()].rstrip()
            if before and before[-1] not in ".!?:“\"‘'(—–-":
                capitals.add(word)
            elif match.start() == 0:
                openers.add(word)
    capitals |= {w for w in openers if w.lower() in BELLIGERENTS}
    return frozenset(w for w in capitals if w.lower() not in lowercase)
