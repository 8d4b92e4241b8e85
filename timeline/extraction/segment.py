"""Group repaired paragraphs into events: one event per happening, continuations joined.

A paragraph starts a new event unless it clearly leans on the event before it: a quote,
a pronoun, a connective, a surname or a "the <noun>" already used, a background aside,
or nothing new at all (no name the event has not mentioned). Wrongly joining two
happenings costs more than wrongly splitting one, so only such cues join.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import Block, Segment


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())


_OPEN_QUOTE = "“\"‘'«"
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w’'-]*")
_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'.&/-]*")
_CAP_RUN = re.compile(r"(?:[A-Z][\w’'.-]*\s+)+([A-Z][\w’-]*[a-z])\b")
_NUMBER = re.compile(r"\d[\d,.]*\d%?|\d%")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_POSSESSIVE = re.compile(r"[’']s?$")

_PRONOUNS = _wordset("he she they it his her their its this that these those such")
_TIME_NOUNS = _wordset(
    "week weekend morning afternoon evening night year month time day days weeks months"
)
_CALENDAR = _wordset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)
# Capitalised only because they open a sentence or a quote: not names.
_OPENER_WORDS = _wordset(
    """
    a an the this that these those there here it its he she they we i you his her their our
    my your in on at of to for from by with without within among amid after before during
    since until as while when where what what’s what's who why how if so but and or nor yet
    still also however meanwhile separately elsewhere earlier later then now just only even
    both all any each every some many much more most few several no not one two three four
    five according asked speaking despite following across beyond under over overall today
    yesterday tonight instead thus therefore moreover besides again another other such
    is are was were has have had will would could should may might can do does did"""
)
_CONNECTIVES = re.compile(
    r"^(?:however|but|and|also|yet|still|moreover|furthermore|in addition|additionally|"
    r"beyond that|besides|instead|nonetheless|nevertheless|even so|as a result|therefore|"
    r"thus|otherwise|in turn|in response|according to|(?:when )?asked (?:about|whether|if)|"
    r"the (?:statement|report|announcement|move|decision|comments?|remarks?) (?:came|comes))\b",
    re.I,
)
# Openers that announce another happening even when the same people are involved.
_NEW_TOPIC = re.compile(
    r"^(?:meanwhile|separately|elsewhere|in other (?:news|developments)|in a separate|"
    r"at a separate|in another|on another)\b|\bseparate(?:ly)?\b|"
    r"\b(?:video|footage|image|photo|map|tweet|clip|chart|graphic)s?\s+(?:below|above)\b",
    re.I,
)
# Mid-paragraph, only an explicit turn starts another event.
_TURN = re.compile(r"^(?:meanwhile|separately|elsewhere|in other (?:news|developments)),", re.I)
# A short lead-in before the subject: "In his daily address, Zelensky said ..."
_INTRO = re.compile(
    r"^(?:in|at|on|during|after|before|amid|following|speaking|asked|earlier|later|"
    r"despite|with|while|when|since|from|for|under|over|across|as)\b[^,]{0,70},\s+",
    re.I,
)
_SPEECH_AFTER_COMMA = re.compile(
    r"^[^,]{1,60},\s+(?:he|she|they|it)\s+(?:said|says|stated|added|noted|told|claimed|argued|"
    r"continued|wrote|insisted)\b",
    re.I,
)
_ANAPHOR_DET = re.compile(r"\b(?:these|those|such)\s+[“\"‘']?(?!as\b)([a-z][\w-]*)")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# An aside about something older than the news: it explains the event before it.
_BACKGROUND = re.compile(
    rf"\b(?:last (?:week|month|year)|earlier this (?:week|month|year)|"
    rf"in (?:early|mid|late)[- ]{_MONTH}|in {_MONTH}\b(?! \d)|repeatedly|previously|"
    rf"in the past\b|since the (?:start|beginning))",
    re.I,
)
_PAST_PERFECT_SUBJECT = re.compile(r"^(?:\S+\s+){1,3}had\s+(?:been\s+)?\w+(?:ed|en|wn|t)\b")
_ADJECTIVES = _wordset("latest new other more most same first last second")
_STOP = _wordset(
    """
    a an the of to in on at for from by with and or but as is are was were be been has
    have had will would could should may might said says say told its their his her our
    who which that this these those than then also again still new latest other more most
    some any all no not over about after before into"""
)
# "..., a spokeswoman for the ministry said": the next paragraph often names her.
_UNNAMED_SOURCE = re.compile(
    r"\b(?:a|an)\s+(?:[\w’'-]+\s+){0,5}?(?:officials?|spokes(?:man|woman|person)|sources?|aide|"
    r"advis[eo]r|diplomat|officer|person|people)\b"
)
_FULL_NAME = re.compile(
    r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+(?:,|\s+(?:said|says|stated|told|added|confirmed|"
    r"explained|wrote|tweeted)\b)"
)
# Too common as subjects in this domain to show two paragraphs share an actor.
_BELLIGERENTS = _wordset(
    "russia russian russians ukraine ukrainian ukrainians kyiv kiev moscow kremlin"
)
_LONG_PARAGRAPH = 8  # sentences; more means the report lost its paragraph breaks
_STRONG_OVERLAP = 5  # shared content words that make a paragraph a restatement
_OVERLAP_SHARE = 0.4


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem so "shelled", "shelling" and "shells" meet."""
    word = word.lower().strip("’'")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "al"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text) if w.islower() and w not in _STOP}


def _names(sentence: str, *, all_words: bool = False) -> set[str]:
    """Capitalised words, minus those capitalised only for opening a sentence or quote."""
    out = set()
    for match in _NAME.finditer(sentence):
        word = _POSSESSIVE.sub("", match.group().rstrip(".-/"))
        low = word.lower()
        if len(word) < 2 or low in _CALENDAR:
            continue
        if not all_words and low in _OPENER_WORDS:
            before = sentence[: match.start()].rstrip(" ([")
            if not before or before[-1] in "“\"‘':":
                continue
        out.add(word)
    return out


def _numbers(text: str) -> set[str]:
    """Figures worth matching: not years, not one or two digits."""
    return {n for n in _NUMBER.findall(text) if len(n) >= 3 and not re.fullmatch(r"(19|20)\d\d", n)}


class _Event:
    """The sentences of the event being built and what they mention."""

    def __init__(self, sentences: list[str], bullet: bool) -> None:
        self.sentences: list[str] = []
        self.actor = _subject_name(sentences[0]) if sentences else ""
        self.unnamed_source = bool(sentences and _UNNAMED_SOURCE.search(sentences[0]))
        self.bullet = bullet
        self.surnames: set[str] = set()
        self.stems: set[str] = set()
        self.names: set[str] = set()
        self.numbers: set[str] = set()
        self.add(sentences)

    def add(self, sentences: list[str]) -> None:
        self.sentences.extend(sentences)
        for sentence in sentences:
            surnames, stems, names, numbers = _mentions(sentence)
            self.surnames |= surnames
            self.stems |= stems
            self.names |= names
            self.numbers |= numbers


@lru_cache(maxsize=8192)
def _mentions(sentence: str) -> tuple[frozenset[str], ...]:
    """Surnames, word stems, names and figures a sentence mentions."""
    surnames = set()
    for match in _CAP_RUN.finditer(sentence):
        # the last word of a multi-word name ("Maria Zakharova") is how she is cited next
        if sum(1 for w in match.group().split() if w.lower() not in _STOP) >= 2:
            surnames.add(match.group(1))
    # capitalised words too: "the president" points back to "President Zelensky"
    stems = {_stem(w) for w in _WORD.findall(sentence) if w.lower() not in _STOP}
    return (
        frozenset(surnames),
        frozenset(stems),
        frozenset(_names(sentence, all_words=True)),
        frozenset(_numbers(sentence)),
    )


def _subject_start(sentence: str) -> str:
    """The sentence with a short introductory phrase removed."""
    match = _INTRO.match(sentence)
    return sentence[match.end() :] if match else sentence


def _subject_name(sentence: str) -> str:
    """The name that opens the subject ("Italian" in "An Italian official said"), if any."""
    words = _WORD.findall(_subject_start(sentence))[:2]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words or not words[0][0].isupper() or words[0].lower() in _OPENER_WORDS:
        return ""
    return _POSSESSIVE.sub("", words[0])


def _mostly_quote(sentence: str) -> bool:
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(sentence))
    return quoted * 2 > len(sentence)


def _definite_known(words: list[str], event: _Event) -> bool:
    """'The official said', 'The list includes': a "the" phrase whose noun was already used."""
    if len(words) < 2 or words[0].lower() != "the":
        return False
    nouns = 0
    capitals: list[str] = []
    for word in words[1:6]:
        if word.lower() in _ADJECTIVES:
            continue
        if word.lower() in _STOP or word.endswith("ed") or nouns == 2:
            break  # past the noun phrase: a verb or a preposition
        if word[0].isupper():
            capitals.append(word)
            continue
        nouns += 1
        if _stem(word) in event.stems:
            return True
    # "The Ukrainian Defense Ministry" after "the Russian Defense Ministry"
    if nouns == 0 and len(capitals) >= 2:
        tail = " ".join(capitals[-2:])
        return any(tail in sentence for sentence in event.sentences)
    return False


def _anaphor(sentence: str, event: _Event) -> bool:
    """'such contacts', 'these losses' point back, unless the noun came earlier in the sentence."""
    for match in _ANAPHOR_DET.finditer(sentence):
        noun = match.group(1)
        if noun in _TIME_NOUNS:
            continue
        if _stem(noun) not in _stems(sentence[: match.start()]):
            return True
    return False


def _leans_back(sentence: str, event: _Event) -> bool:
    """Whether the sentence's subject refers to something the event already introduced."""
    for text in dict.fromkeys((sentence, _subject_start(sentence))):
        words = _WORD.findall(text)
        if not words:
            continue
        first = words[0].lower()
        if first in _PRONOUNS and not (len(words) > 1 and words[1].lower() in _TIME_NOUNS):
            return True
        if words[0] in event.surnames and not (len(words) > 1 and words[1] == "and"):
            return True  # "Zakharova also said", but "Kuleba and Lavrov met" is news
        if _definite_known(words, event):
            return True
        if _PAST_PERFECT_SUBJECT.match(text):
            return True  # "Stremousov had posted ...": background to the news
    return False


def _restates(sentence: str, event: _Event) -> bool:
    """Whether most of the sentence's content words were already used in the event."""
    stems = _stems(sentence)
    shared = len(stems & event.stems)
    return shared >= _STRONG_OVERLAP and shared >= _OVERLAP_SHARE * len(stems)


def _continues(sentences: list[str], event: _Event, previous: str) -> bool:
    """Whether a paragraph (its sentences) elaborates the current event."""
    sentence = sentences[0]
    if previous.endswith(":") or sentence[0] in _OPEN_QUOTE:
        return True
    if _NEW_TOPIC.search(_QUOTED.sub("", sentence)):
        return False  # the reporter's words, not a speaker's, turn to a new happening
    if _mostly_quote(sentence):
        return True
    if event.bullet:
        return False  # a bullet is a summary of its own; only quotes may follow it
    if _CONNECTIVES.match(sentence) or _SPEECH_AFTER_COMMA.match(sentence):
        return True
    if _leans_back(sentence, event) or _anaphor(sentence, event):
        return True
    if _numbers(sentence) & event.numbers or _BACKGROUND.search(sentence):
        return True
    actor = _subject_name(sentence)
    if actor and actor == event.actor and actor.lower() not in _BELLIGERENTS:
        return True  # the same actor again: "An Italian official" after "The Italian government"
    if event.unnamed_source and _FULL_NAME.match(sentence):
        return True  # the source the event's lead left unnamed
    # nobody and nothing new is named: more about the same happening
    if not set().union(*(_names(s) for s in sentences)) - event.names:
        return True
    return _restates(sentence, event)


def _split_paragraph(sentences: list[str]) -> list[list[str]]:
    """Split a paragraph where a sentence explicitly turns to another happening."""
    parts: list[list[str]] = [[]]
    open_quotes = 0
    for sentence in sentences:
        if parts[-1] and not open_quotes and _TURN.match(sentence):
            parts.append([])
        parts[-1].append(sentence)
        open_quotes = max(0, open_quotes + sentence.count("“") - sentence.count("”"))
    return parts


def segment(blocks: Sequence[Block]) -> list[list[str]]:
    """Group the blocks' sentences into events, each a list of sentences in order."""
    events: list[_Event] = []
    previous = ""
    for block in blocks:
        sentences = split_sentences(block.text)
        if not sentences:
            continue
        if block.bullet:
            events.append(_Event(sentences, bullet=True))
        elif len(sentences) > _LONG_PARAGRAPH:
            # a wall of text (line breaks lost): judge every sentence as if a paragraph
            for sentence in sentences:
                if events and _continues([sentence], events[-1], previous):
                    events[-1].add([sentence])
                else:
                    events.append(_Event([sentence], bullet=False))
                previous = sentence
        else:
            for i, part in enumerate(_split_paragraph(sentences)):
                if i == 0 and events and _continues(part, events[-1], previous):
                    events[-1].add(part)
                else:
                    events.append(_Event(part, bullet=False))
        previous = block.text
    return [event.sentences for event in events]


def segment_events(blocks: Sequence[Block]) -> list[Segment]:
    """The events of a report's blocks, each with the segmenter's confidence."""
    return [Segment(sentences) for sentences in segment(blocks)]
