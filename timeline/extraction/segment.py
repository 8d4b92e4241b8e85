"""Group repaired paragraphs into events: one event per happening, continuations joined.

A paragraph starts a new event unless it clearly leans on the event before it: a quote,
a pronoun, a connective, a surname or a "the <noun>" already used, a background aside,
or nothing new at all (no name the event has not mentioned). Wrongly joining two
happenings costs more than wrongly splitting one, so only such cues join; and a statement
by a party the event has not heard from starts an event of its own.

Inside a paragraph the default is the other way round: sentences stay together unless one
turns away explicitly ("Meanwhile, ...") or, in dense prose, a new named party acts or
speaks without pointing back at anything already told.

Every decision carries how sure it was; an event's confidence is its weakest decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.extraction import segment_cues as cue
from timeline.extraction.segment_parties import party, proper_names
from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import Block, Segment

_LONG_PARAGRAPH = 8  # sentences; more means the report lost its paragraph breaks
_STRONG_OVERLAP = 5  # shared content words that make a paragraph a restatement
_OVERLAP_SHARE = 0.4
# A bullet list whose markers survived inside one paragraph: "- Kyiv was hit - Two died"
_INLINE_BULLET_START = re.compile(r"^[-–•▪●]\s+")
_INLINE_BULLET = re.compile(r"\s+[-–•▪●]\s+(?=[A-Z“\"])")

# How sure each kind of decision is (0 to 1); an event's confidence is its weakest one.
BULLET = 0.95
EXPLICIT = 0.9  # a quote, a colon's introduction, "Meanwhile," or "Separately"
STRONG_CUE = 0.85  # a pronoun, a connective, a known surname or "the minister"
CUE = 0.75  # a pointer back, a shared figure, background
WEAK_CUE = 0.6  # the same actor again, nothing new named, mostly the same words
NEW_PARTY = 0.7  # another party acts or speaks: a new event, but it might be a reaction
NO_CUE = 0.65  # nothing joined the paragraph, so it stands alone
KEPT_TOGETHER = 0.7  # sentences of one paragraph with no cue either way
SHORT_KEPT = 0.8  # a short sentence cannot tell a new happening of its own
CROWDED = 0.05  # less per further uncued sentence a paragraph keeps together


@dataclass(frozen=True)
class _Decision:
    joins: bool
    certainty: float


class _Event:
    """The sentences of the event being built, what they mention and how sure we are."""

    def __init__(self, sentences: list[str], *, bullet: bool, certainty: float, proper) -> None:
        self.sentences: list[str] = []
        self.actor = cue.subject_name(sentences[0]) if sentences else ""
        self.unnamed_source = bool(sentences and cue.UNNAMED_SOURCE.search(sentences[0]))
        self.bullet = bullet
        self.confidence = certainty
        self.uncued = 0  # sentences kept in the paragraph without a cue
        self.surnames: set[str] = set()
        self.stems: set[str] = set()
        self.names: set[str] = set()
        self.numbers: set[str] = set()
        self.parties: set[str] = set()  # heads of who acts or speaks, folded or stemmed
        self.named_party = False  # whether one of them is named ("Russia", "Lavrov")
        self.add(sentences, proper, certainty)

    def add(self, sentences: list[str], proper: frozenset[str], certainty: float) -> None:
        self.sentences.extend(sentences)
        self.confidence = min(self.confidence, certainty)
        for sentence in sentences:
            surnames, stems, names, numbers = cue.mentions(sentence)
            self.surnames |= surnames
            self.stems |= stems
            self.names |= names
            self.numbers |= numbers
            head, found, _, _ = party(sentence, proper)
            if head:
                self.parties.add(cue.fold_name(head) if found else cue.stem(head))
                self.named_party |= bool(found)

    def segment(self) -> Segment:
        confidence = self.confidence - CROWDED * max(0, self.uncued - 1)
        return Segment(self.sentences, round(max(0.05, min(1.0, confidence)), 2))


def _leans_back(sentence: str, event: _Event) -> bool:
    """Whether the sentence's subject refers to something the event already introduced."""
    for text in dict.fromkeys((sentence, cue.subject_start(sentence))):
        words = cue.WORD.findall(text)
        if not words:
            continue
        first = words[0].lower()
        if first in cue.PRONOUNS and not (len(words) > 1 and words[1].lower() in cue.TIME_NOUNS):
            return True
        if words[0] in event.surnames and not (len(words) > 1 and words[1] == "and"):
            return True  # "Zakharova also said", but "Kuleba and Lavrov met" is news
        if cue.definite_known(words, event.stems, event.sentences):
            return True
        if cue.past_perfect_subject(text):
            return True
    return False


def _another_party(sentence: str, event: _Event, proper: frozenset[str]) -> bool:
    """Whether a named party the event has not heard from acts or speaks in the sentence."""
    head, found, title, _ = party(sentence, proper)
    if not head or not found or not event.parties:
        return False  # nobody has acted yet: the first to act is the event's own news

    if cue.fold_name(head) in event.parties or cue.stem(head) in event.parties:
        return False
    known = {cue.fold_name(name) for name in event.names}
    if title and event.surnames and all(cue.fold_name(name) in known for name in found):
        return False  # "The Ukrainian Foreign Minister" after Kuleba was named
    head_name = next((name for name in found if name.lower() == head), "")
    if head_name and head not in cue.BELLIGERENTS and cue.fold_name(head_name) in known:
        return False  # "the US" after "the US estimates": already in the story
    if not head_name and not event.named_party and all(cue.fold_name(n) in known for n in found):
        return False  # "Russian forces shelled" after "Fighting went on despite Russia's ..."
    return not any(cue.fold_name(s) == cue.fold_name(head) for s in event.surnames)


def _adds_to(sentence: str, event: _Event, proper: frozenset[str]) -> bool:
    """ "The Commerce Department also announced controls": more of the same happening, unless
    it names new places or people ("Russian forces also shelled Chernihiv")."""
    own = cue.QUOTED.sub("", sentence)
    if cue.MORE_OF_THE_SAME.search(own):
        return True  # "Lavrov also said ...", "Western states responded by ..."
    if not cue.ADDITIVE.search(own):
        return False
    speaker = party(sentence, proper).text
    known = {cue.fold_name(name) for name in event.names}
    return all(cue.fold_name(n) in known or n in speaker for n in cue.names(sentence))


def _restates(sentence: str, event: _Event) -> bool:
    """Whether most of the sentence's content words were already used in the event."""
    stems = cue.stems(sentence)
    shared = len(stems & event.stems)
    return shared >= _STRONG_OVERLAP and shared >= _OVERLAP_SHARE * len(stems)


def _paragraph_joins(
    sentences: list[str], event: _Event, previous: str, proper: frozenset[str]
) -> _Decision:
    """Whether a paragraph (its sentences) elaborates the current event, and how surely."""
    sentence = sentences[0]
    if previous.endswith(":") or sentence[0] in cue.OPEN_QUOTE:
        return _Decision(True, EXPLICIT)
    if cue.NEW_TOPIC.search(cue.QUOTED.sub("", sentence)) or cue.headed_item(sentence):
        return _Decision(False, EXPLICIT)  # the reporter's words turn to a new happening
    if cue.mostly_quote(sentence):
        return _Decision(True, EXPLICIT)
    if event.bullet:
        return _Decision(False, BULLET)  # a bullet is a summary of its own; only quotes follow
    if cue.CONNECTIVES.match(sentence) or cue.SPEECH_AFTER_COMMA.match(sentence):
        return _Decision(True, STRONG_CUE)
    if _leans_back(sentence, event) or cue.anaphor(sentence):
        return _Decision(True, STRONG_CUE)
    if cue.numbers(sentence) & event.numbers:
        return _Decision(True, CUE)
    if event.unnamed_source and cue.FULL_NAME.match(sentence):
        return _Decision(True, CUE)  # the source the event's lead left unnamed
    if cue.BACKGROUND.search(sentence) or _adds_to(sentence, event, proper):
        return _Decision(True, CUE)
    if _another_party(sentence, event, proper):
        return _Decision(False, NEW_PARTY)
    actor = cue.subject_name(sentence)
    if actor and actor == event.actor and actor.lower() not in cue.BELLIGERENTS:
        return _Decision(True, WEAK_CUE)  # "An Italian official" after "The Italian government"
    # nobody and nothing new is named: more about the same happening
    if not set().union(*(cue.names(s) for s in sentences)) - event.names:
        return _Decision(True, WEAK_CUE)
    if _restates(sentence, event):
        return _Decision(True, WEAK_CUE)
    return _Decision(False, NO_CUE)


def _sentence_joins(sentence: str, event: _Event, proper: frozenset[str]) -> _Decision:
    """Whether a sentence inside a paragraph stays with the event the paragraph tells."""
    if cue.TURN.match(sentence) or cue.headed_item(sentence):
        return _Decision(False, EXPLICIT)
    if sentence[0] in cue.OPEN_QUOTE or cue.mostly_quote(sentence):
        return _Decision(True, EXPLICIT)
    if min(len(cue.WORD.findall(sentence)), _words(event)) < cue.LONG_SENTENCE_WORDS:
        return _Decision(True, SHORT_KEPT)  # too short to tell a happening, or to be one
    if cue.SPEECH_AFTER_COMMA.match(sentence) or _leans_back(sentence, event):
        return _Decision(True, STRONG_CUE)
    if cue.CONNECTIVES.match(sentence) and not sentence.lower().startswith("according"):
        return _Decision(True, STRONG_CUE)
    if (
        _adds_to(sentence, event, proper)
        or cue.refers_back(sentence, event.stems)
        or cue.numbers(sentence) & event.numbers
        or cue.BACKGROUND.search(sentence)
        or _restates(sentence, event)
    ):
        return _Decision(True, CUE)
    if _another_party(sentence, event, proper):
        return _Decision(False, NEW_PARTY)  # dense prose: another party's statement or act
    return _Decision(True, KEPT_TOGETHER)


def _words(event: _Event) -> int:
    return sum(len(cue.WORD.findall(sentence)) for sentence in event.sentences)


def _inline_bullets(block: Block) -> list[Block]:
    """A paragraph that opens with a bullet marker and holds several: one block per item."""
    if block.bullet or not _INLINE_BULLET_START.match(block.text):
        return [block]
    items = _INLINE_BULLET.split(_INLINE_BULLET_START.sub("", block.text))
    return [Block(item.strip(), bullet=True) for item in items if item.strip()]


class _Segmenter:
    """Builds the events of one report, block by block."""

    def __init__(self, proper: frozenset[str]) -> None:
        self.proper = proper
        self.events: list[_Event] = []
        self.previous = ""

    def start(self, sentences: list[str], *, bullet: bool, certainty: float) -> None:
        self.events.append(
            _Event(sentences, bullet=bullet, certainty=certainty, proper=self.proper)
        )

    def paragraph(self, sentences: list[str]) -> None:
        """A paragraph of prose: its opening joined or not, then each sentence judged."""
        if self.events:
            decision = _paragraph_joins(sentences[:1], self.events[-1], self.previous, self.proper)
        else:
            decision = _Decision(False, EXPLICIT)
        if decision.joins:
            self.events[-1].add(sentences[:1], self.proper, decision.certainty)
        else:
            self.start(sentences[:1], bullet=False, certainty=decision.certainty)
        open_quotes = _quote_balance(0, sentences[0])
        for sentence in sentences[1:]:
            event = self.events[-1]
            if open_quotes:
                decision = _Decision(True, EXPLICIT)  # a quotation running on
            else:
                decision = _sentence_joins(sentence, event, self.proper)
            if not decision.joins:
                self.start([sentence], bullet=False, certainty=decision.certainty)
            else:
                event.add([sentence], self.proper, decision.certainty)
                event.uncued += decision.certainty == KEPT_TOGETHER
            open_quotes = _quote_balance(open_quotes, sentence)

    def wall(self, sentences: list[str]) -> None:
        """A wall of text (line breaks lost): every sentence judged as if a paragraph."""
        for sentence in sentences:
            decision = (
                _paragraph_joins([sentence], self.events[-1], self.previous, self.proper)
                if self.events
                else _Decision(False, NO_CUE)
            )
            if decision.joins:
                self.events[-1].add([sentence], self.proper, decision.certainty)
            else:
                self.start([sentence], bullet=False, certainty=min(decision.certainty, CUE))
            self.previous = sentence


def _quote_balance(open_quotes: int, sentence: str) -> int:
    return max(0, open_quotes + sentence.count("“") - sentence.count("”"))


def segment_events(blocks: Sequence[Block]) -> list[Segment]:
    """The events of a report's blocks, each with the segmenter's confidence."""
    paragraphs = [
        (piece.bullet, split_sentences(piece.text))
        for block in blocks
        for piece in _inline_bullets(block)
    ]
    builder = _Segmenter(proper_names([s for _, ss in paragraphs for s in ss]))
    for (bullet, sentences), block_text in zip(paragraphs, _texts(paragraphs), strict=True):
        if not sentences:
            continue
        if bullet:
            builder.start(sentences, bullet=True, certainty=BULLET)
        elif len(sentences) > _LONG_PARAGRAPH:
            builder.wall(sentences)
        else:
            builder.paragraph(sentences)
        builder.previous = block_text
    return [event.segment() for event in builder.events]


def _texts(paragraphs: list[tuple[bool, list[str]]]) -> list[str]:
    return [" ".join(sentences) for _, sentences in paragraphs]


def segment(blocks: Sequence[Block]) -> list[list[str]]:
    """Group the blocks' sentences into events, each a list of sentences in order."""
    return [event.sentences for event in segment_events(blocks)]
