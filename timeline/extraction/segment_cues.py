"""What one sentence says about its neighbours: the cues the segmenter weighs.

Each helper looks at a sentence (and what the event being built already mentions) and
answers one question: does it point back (a pronoun, "the minister", "such losses"),
does it add to the story ("also", a shared figure, background), and who is speaking or
acting in it (its party), so a statement by another party can start an event of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())


OPEN_QUOTE = "“\"‘'«"
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w’'-]*")
NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'.&/-]*")
_CAP_RUN = re.compile(r"(?:[A-Z][\w’'.-]*\s+)+([A-Z][\w’-]*[a-z])\b")
_NUMBER = re.compile(r"\d[\d,.]*\d%?|\d%")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
POSSESSIVE = re.compile(r"[’']s?$")

PRONOUNS = _wordset(
    "he she they it his her their its this that these those such it’s it's they’re they're"
)
TIME_NOUNS = _wordset(
    "week weekend morning afternoon evening night year month time day days weeks months"
)
_CALENDAR = _wordset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)
# Capitalised only because they open a sentence or a quote: not names.
OPENER_WORDS = _wordset(
    """
    a an the this that these those there here it its he she they we i you his her their our
    my your in on at of to for from by with without within among amid after before during
    since until as while when where what what’s what's who why how if so but and or nor yet
    still also however meanwhile separately elsewhere earlier later then now just only even
    both all any each every some many much more most few several no not one two three four
    five according asked speaking despite following across beyond under over overall today
    yesterday tonight instead thus therefore moreover besides again another other such
    below above
    is are was were has have had will would could should may might can do does did"""
)
CONNECTIVES = re.compile(
    r"^(?:however|but|and|also|yet|still|moreover|furthermore|in addition|additionally|"
    r"beyond that|besides|instead|nonetheless|nevertheless|even so|as a result|therefore|"
    r"thus|otherwise|in turn|in response|according to|(?:when )?asked (?:about|whether|if)|"
    r"the (?:statement|report|announcement|move|decision|comments?|remarks?) (?:came|comes))\b",
    re.I,
)
# Openers that announce another happening even when the same people are involved.
NEW_TOPIC = re.compile(
    r"^(?:meanwhile|separately|elsewhere|in other (?:news|developments)|in a separate|"
    r"at a separate|in another|on another)\b|\bseparate(?:ly)?\b|"
    r"\b(?:video|footage|image|photo|map|tweet|clip|chart|graphic)s?\s+(?:below|above)\b",
    re.I,
)
# Mid-paragraph, an explicit turn starts another event whatever else the sentence says.
TURN = re.compile(r"^(?:meanwhile|separately|elsewhere|in other (?:news|developments)),", re.I)
# A short lead-in before the subject: "In his daily address, Zelensky said ..."
_INTRO = re.compile(
    r"^(?:in|at|on|during|after|before|amid|following|speaking|asked|earlier|later|"
    r"despite|with|while|when|since|from|for|under|over|across|as|meeting|"
    r"just (?:today|yesterday)|today|yesterday)\b[^,]{0,70},\s+",
    re.I,
)
SPEECH_AFTER_COMMA = re.compile(
    r"^[^,]{1,60},\s+(?:he|she|they|it)\s+(?:said|says|stated|added|noted|told|claimed|argued|"
    r"continued|wrote|insisted)\b",
    re.I,
)
_ANAPHOR_DET = re.compile(
    r"\b(?:these|those|such|this|similar)\s+[“\"‘']?"
    # not "such as", "this is", "those who", "those involved": no noun pointed at
    r"(?!(?:as|is|was|will|would|who|which|that|responsible|\w+ed)\b)([a-z][\w-]*)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# An aside about something older than the news: it explains the event before it.
BACKGROUND = re.compile(
    rf"\b(?:last (?:week|month|year)|earlier this (?:week|month|year)|"
    rf"in (?:early|mid|late)[- ]{_MONTH}|in {_MONTH}\b(?! \d)|repeatedly|previously|"
    rf"in the past\b|since the (?:start|beginning)|in (?:19|20)\d\d\b|since then\b)",
    re.I,
)
# "Stremousov had posted ...": background; but "Ukraine said it had shot down" is news.
_PAST_PERFECT_SUBJECT = re.compile(
    r"^(?:(?!(?:said|says|told|added|claimed|reported|stated)\b)\S+\s+){1,3}"
    r"had\s+(?:been\s+)?\w+(?:ed|en|wn|t)\b"
)
# Words that add to a story already told: "Dozens of cars were also damaged".
ADDITIVE = re.compile(
    r"\b(?:also|as well|again|subsequently|similar|likewise)\b",
    re.I,
)
# "Lavrov also said that Putin ...", "Western countries responded by ...": the same story
MORE_OF_THE_SAME = re.compile(
    r"\balso (?:said|says|told|tells|added|noted|stressed)\b|"
    r"\b(?:in response|responded|in reaction|reacted|in retaliation|retaliated)\b"
)
_ADJECTIVES = _wordset("latest new other more most same first last second")
STOP = _wordset(
    """
    a an the of to in on at for from by with and or but as is are was were be been has
    have had will would could should may might said says say told its their his her our
    who which that this these those than then also again still new latest other more most
    some any all no not over about after before into"""
)
# Nouns so general that "the war" or "the country" does not point back to anything.
_GENERIC_NOUNS = _wordset(
    """
    war conflict invasion country world people time day year government military army
    front frontline end start"""
)
# "..., a spokeswoman for the ministry said": the next paragraph often names her.
UNNAMED_SOURCE = re.compile(
    r"\b(?:a|an)\s+(?:[\w’'-]+\s+){0,5}?(?:officials?|spokes(?:man|woman|person)|sources?|aide|"
    r"advis[eo]r|diplomat|officer|person|people)\b"
)
FULL_NAME = re.compile(
    r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+(?:,|\s+(?:said|says|stated|told|added|confirmed|"
    r"explained|wrote|tweeted)\b)"
)
# Too common as subjects in this domain to show two paragraphs share an actor.
BELLIGERENTS = _wordset(
    "russia russian russians ukraine ukrainian ukrainians kyiv kiev moscow kremlin"
)
SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|stated|states|claimed|claims|wrote|writes|"
    r"reported|reports|announced|announces|posted|confirmed|noted|insisted|warned|tweeted)"
)
# "Airstrikes in western Ukraine: Sirens sounded ...": a digest's headed item
_HEADED = re.compile(r"^[A-Z][^:.!?“”\"]{2,80}:\s+(?=[A-Z“\"‘])")
_SPEECH_END = re.compile(rf"\b{SPEECH}$")
LONG_SENTENCE_WORDS = 8  # a shorter sentence rarely tells a whole happening of its own


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem so "shelled", "shelling" and "shells" meet."""
    word = word.lower().strip("’'")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "al"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if w.islower() and w not in STOP}


def fold_name(name: str) -> str:
    """ "Russian" and "Russia", "Ukrainian" and "Ukraine" meet: a name's first five letters."""
    return name.lower()[:5]


def names(sentence: str, *, all_words: bool = False) -> set[str]:
    """Capitalised words, minus those capitalised only for opening a sentence or quote."""
    out = set()
    for match in NAME.finditer(sentence):
        word = POSSESSIVE.sub("", match.group().rstrip(".-/"))
        low = word.lower()
        if len(word) < 2 or low in _CALENDAR:
            continue
        if not all_words and low in OPENER_WORDS:
            before = sentence[: match.start()].rstrip(" ([")
            if not before or before[-1] in "“\"‘':":
                continue
        out.add(word)
    return out


def numbers(text: str) -> set[str]:
    """Figures worth matching: not years, not one or two digits."""
    return {n for n in _NUMBER.findall(text) if len(n) >= 3 and not re.fullmatch(r"(19|20)\d\d", n)}


@lru_cache(maxsize=8192)
def mentions(sentence: str) -> tuple[frozenset[str], ...]:
    """Surnames, word stems, names and figures a sentence mentions."""
    surnames = set()
    for match in _CAP_RUN.finditer(sentence):
        # the last word of a multi-word name ("Maria Zakharova") is how she is cited next
        if sum(1 for w in match.group().split() if w.lower() not in STOP) >= 2:
            surnames.add(match.group(1))
    # capitalised words too: "the president" points back to "President Zelensky"
    word_stems = {stem(w) for w in WORD.findall(sentence) if w.lower() not in STOP}
    return (
        frozenset(surnames),
        frozenset(word_stems),
        frozenset(names(sentence, all_words=True)),
        frozenset(numbers(sentence)),
    )


def subject_start(sentence: str) -> str:
    """The sentence with a short introductory phrase removed."""
    match = _INTRO.match(sentence)
    return sentence[match.end() :] if match else sentence


def subject_name(sentence: str) -> str:
    """The name that opens the subject ("Italian" in "An Italian official said"), if any."""
    words = WORD.findall(subject_start(sentence))[:2]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words or not words[0][0].isupper() or words[0].lower() in OPENER_WORDS:
        return ""
    return POSSESSIVE.sub("", words[0])


def mostly_quote(sentence: str) -> bool:
    quoted = sum(len(m.group()) for m in QUOTED.finditer(sentence))
    return quoted * 2 > len(sentence)


def definite_known(words: list[str], known_stems: set[str], sentences: list[str]) -> bool:
    """'The official said', 'The list includes': a "the" phrase whose noun was already used."""
    if len(words) < 2 or words[0].lower() != "the":
        return False
    nouns = 0
    capitals: list[str] = []
    for word in words[1:6]:
        if word.lower() in _ADJECTIVES:
            continue
        if word.lower() in STOP or word.endswith("ed") or nouns == 2:
            break  # past the noun phrase: a verb or a preposition
        if word[0].isupper():
            capitals.append(word)
            continue
        nouns += 1
        if stem(word) in known_stems:
            return True
    # "The Ukrainian Defense Ministry" after "the Russian Defense Ministry"
    if nouns == 0 and len(capitals) >= 2:
        tail = " ".join(capitals[-2:])
        return any(tail in sentence for sentence in sentences)
    return False


# A happening or a place named by its kind points back at the one just told: "the meeting",
# "the city". (Only inside a paragraph, where the one just told is in the same breath.)
_KNOWN_KINDS = _wordset(
    """
    attack attacks strike strikes meeting talks call visit decision move step announcement
    statement remarks comments blast explosion incident city town village region area plant
    station building site port bridge dam"""
)
_THE_NOUN = re.compile(r"\bthe\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")


def refers_back(sentence: str, known_stems: set[str]) -> bool:
    """Whether the sentence points at something already told: "such contacts", "this move",
    "the plant" or "the leaked documents" after they were named."""
    own = QUOTED.sub("“”", sentence)
    for match in _ANAPHOR_DET.finditer(own):
        noun = match.group(1)
        if noun not in TIME_NOUNS and stem(noun) not in stems(own[: match.start()]):
            return True
    for match in _THE_NOUN.finditer(own):
        for noun in filter(None, match.groups()):
            if noun in _KNOWN_KINDS:
                return True
            if noun not in _GENERIC_NOUNS and noun not in STOP and stem(noun) in known_stems:
                return True
            if noun in STOP:
                break
    return False


def anaphor(sentence: str) -> bool:
    """'such contacts', 'these losses' point back, unless the noun came earlier in the sentence."""
    for match in _ANAPHOR_DET.finditer(sentence):
        noun = match.group(1)
        if noun in TIME_NOUNS or match.group().startswith(("this", "similar")):
            continue
        if stem(noun) not in stems(sentence[: match.start()]):
            return True
    return False


def past_perfect_subject(text: str) -> bool:
    """ "Stremousov had posted ...": background to the news."""
    return bool(_PAST_PERFECT_SUBJECT.match(text))


def headed_item(sentence: str) -> bool:
    """Whether the sentence opens with a short label and a colon: a digest's item."""
    match = _HEADED.match(sentence)
    if not match:
        return False
    label = match.group().rstrip().rstrip(":")
    body = WORD.findall(sentence[match.end() :])
    if len(body) < 6 or not any(word.islower() for word in body):
        return False  # "Photograph: Jane Doe/AFP": a credit, not an item
    return len(label.split()) <= 12 and not _SPEECH_END.search(label)
