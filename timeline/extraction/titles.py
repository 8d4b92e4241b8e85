"""Short headlines for events: a bullet's heading, or the first sentence condensed."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPEECH = (
    r"(?:said|says|say|stated|states|told(?: [^,]{1,40})?|tells(?: [^,]{1,40})?|claimed|"
    r"claims|reported|reports|added|adds|announced|tweeted|wrote|writes|confirmed|warned|"
    r"noted|insisted|argued|continued)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# "Intense fighting continues for control of Bakhmut: The Ukrainian military says ..."
_HEADING = re.compile(r"^(?P<head>[^:.!?]{3,100}?):\s+(?=\S)")
_HEADING_SPEECH = re.compile(rf"\b{_SPEECH}$", re.I)
_PARENS = re.compile(r"\s*\([^()]{0,120}\)")
# Leading phrases that set the scene rather than say what happened.
_LEAD_IN = re.compile(
    rf"^(?:(?:earlier|later|late|early)\s+)?(?:on\s+|this\s+|last\s+)?"
    rf"(?:{_WEEKDAY}|today|yesterday|tonight|overnight|morning|afternoon|evening|week)"
    rf"(?:\s+(?:morning|afternoon|evening|night))?,\s+|"
    rf"^(?:meanwhile|separately|however|also|but|and|in addition|additionally|elsewhere|"
    rf"earlier|later|overnight|in turn|beyond that|in other news),\s+",
    re.I,
)
_INTRO = re.compile(
    r"^(?:in|at|on|during|after|before|amid|following|despite|with|while|when|as|since|"
    r"speaking|asked|according to|in the face of|to)\b",
    re.I,
)
_PLACE_INTRO = re.compile(r"^in\s+(?:[A-Z][\w’'-]*\s*){1,3},$")
# "Vladimir Medinsky, Russia's chief negotiator, struck ..." -> "Vladimir Medinsky struck ..."
# "Russia's deputy foreign minister, Andrey Rudenko, said ..." -> "Andrey Rudenko said ..."
_ROLE_THEN_NAME = re.compile(
    r"^[^,“”]{3,80},\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*),\s+(?=[a-z])"
)
# ", as had been planned," and ", who spoke on condition of anonymity," are asides
_ASIDE = re.compile(r",\s+(?:as|which|who|whose|where)\b[^,“”]{2,90},\s+(?=[a-z])")
_APPOSITIVE = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*),\s+(?P<mid>[^,“”]{2,90}?),\s+"
    r"(?=(?!and\b|or\b|but\b)[a-z])"
)
_TRAILING_ATTRIBUTION = re.compile(
    rf"(?:,(?P<quote>[”\"’']?)|(?P<quote2>[”\"’']))\s+(?:(?:according to|citing)\s+[^,]+|"
    rf"[^,“”]{{0,90}}?\s+(?:has |have |had )?{_SPEECH}(?:\s+[^,“”]{{0,60}})?)$",
    re.I,
)
_SAID_AFTER = re.compile(rf",\s+(?:[^,“”]{{0,60}}?\s+)?(?:has |have )?{_SPEECH}\s*$", re.I)
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:including|saying|adding|citing|which|who|while|as|after|despite|in what|"
    r"with|amid|according to|following|prompting|marking|making|leaving)\b[^,]*$|"
    r"\s+[—–]\s+[^—–]*$|;\s.*$",
    re.I,
)
_THAT = re.compile(r"\b(said|says|stated|announced|warned|confirmed|claimed) that\b", re.I)
_CLAUSE_BREAKS = (
    re.compile(r"(?:,[”\"’']?|;|\s[—–])\s"),
    re.compile(
        r"\s(?=(?:but|as|after|before|while|because|despite|since|until|unless|although|"
        r"though|when|amid|following|including|which|who|where|whether)\s)"
    ),
    re.compile(
        r"\s(?=(?:in|on|at|for|from|over|with|near|during|by|into|against|outside|inside|"
        r"toward|towards|across|through|around|along|under|within|without|between|among)\s)"
    ),
)
_TIER_PENALTY = (0, 8, 16)  # prefer punctuation, then conjunctions, then prepositions
_DANGLING = re.compile(
    r"(?:\s+(?:a|an|the|of|to|in|on|at|for|from|by|with|and|or|but|that|which|who|as|its|"
    r"their|his|her|is|are|was|were|has|have|had|will|would|said|says))+$",
    re.I,
)
_MIN_WORDS = 4


def _heading(sentence: str) -> str:
    """A bullet's "Heading: text" heading, when the part before the colon reads like one."""
    match = _HEADING.match(sentence)
    if not match:
        return ""
    head = match["head"].strip()
    words = len(head.split())
    if words < 2 or words > 12 or _HEADING_SPEECH.search(head):
        return ""  # "Zelensky: ..." names a speaker, it is no heading
    if head.count("“") != head.count("”") or head.count('"') % 2:
        return ""
    return head


def _words(text: str) -> int:
    return len(text.split())


def _strip_intro(text: str) -> str:
    """Drop a scene-setting opener ("On Wednesday,", "Amid fierce fighting in X,")."""
    text = _LEAD_IN.sub("", text, count=1)
    if not _INTRO.match(text):
        return text
    for match in re.finditer(r",\s+", text[:160]):
        intro, rest = text[: match.start() + 1], text[match.end() :]
        if _PLACE_INTRO.match(intro):
            return text  # "In Kharkiv, ..." is where it happened: keep it
        if _words(rest) >= _MIN_WORDS and (
            rest[0].isupper() or rest[0] in '“"' or re.match(r"(?:the|a|an) ", rest)
        ):
            return rest
    return text


def _keep_quote(match: re.Match[str]) -> str:
    """Replacement that keeps a closing quote the attribution followed."""
    groups = match.groupdict()
    return groups.get("quote") or groups.get("quote2") or ""


def _condense(sentence: str) -> str:
    """The first sentence without its scene-setting, asides, attribution and tail clauses."""
    text = sentence.strip().rstrip(".!?…").strip()
    text = _PARENS.sub("", text)
    text = _strip_intro(text)
    text = _ROLE_THEN_NAME.sub(lambda m: f"{m['name']} ", text, count=1)
    text = _APPOSITIVE.sub(lambda m: f"{m['name']} ", text, count=1)
    text = _ASIDE.sub(" ", text)
    for pattern in (_TRAILING_CLAUSE, _TRAILING_ATTRIBUTION, _SAID_AFTER, _TRAILING_CLAUSE):
        shorter = pattern.sub(_keep_quote, text).strip()
        if _words(shorter) >= _MIN_WORDS:
            text = shorter
    return _THAT.sub(r"\1", text)


def _balance_quotes(text: str) -> str:
    if text.count("“") > text.count("”"):
        text += "”"
    if text.count('"') % 2:
        text += '"'
    return text


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"[,;:]([”\"’']?)$", r"\1", text)  # `“no breakthrough,”` -> `“no breakthrough”`
    text = text.rstrip(" .,;:—–-")
    return text[:1].upper() + text[1:]


def _fit(text: str, max_length: int) -> str:
    """Cut to `max_length` at the latest clause boundary, else at a word with an ellipsis."""
    text = _tidy(text)
    if len(text) <= max_length:
        return text
    room = max_length
    best, best_score = "", -1
    for tier, pattern in enumerate(_CLAUSE_BREAKS):
        for match in pattern.finditer(text):
            if match.start() > room:
                break
            head = text[: match.end()].rstrip(" ,;:—–-")
            if len(head) > room or len(head) < room // 2 or _DANGLING.search(head):
                continue  # too long or short, or it stops on "the", "of", "said" ...
            if head.count("“") != head.count("”"):
                continue  # the cut falls inside a quotation
            score = len(head) - _TIER_PENALTY[tier]
            if score > best_score:
                best, best_score = head, score
    if best:
        return _tidy(best)
    head = text[: room - 2].rsplit(" ", 1)[0]  # room for "…" and a closing quote
    head = _DANGLING.sub("", head).rstrip(" ,;:—–-")
    if head.count("“") > head.count("”"):
        return head + "…”"
    return _balance_quotes(head + "…")


def make_title(sentences: Sequence[str], max_length: int = 90) -> str:
    """A short readable headline for an event, at most `max_length` characters."""
    first = next((s.strip() for s in sentences if s and s.strip()), "")
    if not first:
        return ""
    heading = _heading(first)
    title = _fit(heading or _condense(first), max_length)
    return title[:max_length]
