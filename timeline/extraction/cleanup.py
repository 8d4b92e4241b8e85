"""Repair a report body: fix mojibake, join hard wraps, drop page furniture, keep bullets."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

import ftfy

from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import Block


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())


_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False)

# ------------------------------------------------------------------ characters

# A closing quote is E2 80 9D; read as cp1252 its last byte is undefined and gets lost,
# leaving "â€" (or "â€" + a no-break space, which ftfy turns into a dagger).
_LOST_CLOSE_QUOTE = re.compile(r"(?:â€|(?<=\S)†)(?=(\S)?)")
# Characters that mojibake, HTML entities or odd widths leave behind.
_SUSPECT = re.compile(
    r"[\x80-\x9f\u00c2\u00c3\u00c5\u00e2\u00d0\u00d1\u20ac\u2122\u0153\ufffd&\uff01-\uff5e\ufb00-\ufb06]"
)
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def _closing_quote(match: re.Match[str]) -> str:
    following = match.group(1)
    # the no-break space that followed the quote was swallowed, so give a space back
    return "” " if following and (following.isalnum() or following in "“‘") else "”"


def fix_text(text: str) -> str:
    """Mojibake fixed, odd spaces folded, line breaks normalised to "\\n"."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = text.replace("â€\ufffd", "”")  # ftfy would drop the "â€" and keep only "\ufffd"
    if _SUSPECT.search(text):  # ftfy is the slowest step; clean text does not need it
        text = ftfy.fix_text(text, _FTFY)
    text = _LOST_CLOSE_QUOTE.sub(_closing_quote, text)
    text = _INVISIBLE.sub("", text).replace("\ufffd", "")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


# ------------------------------------------------------------------ furniture

_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
_ZONE = r"(?:(?-i:[A-Z]{2,4})|GMT[+-]?\d*|UTC[+-]?\d*|local time|Kyiv time|Moscow time)"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|"
    rf"\d{{1,2}}\s+{_MONTH},?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|{_WEEKDAY})"
)
_STAMP_LABEL = r"(?:posted|updated|last updated|published|breaking|update|edited)"
_AGO = r"(?:\d+\s*(?:min|mins|minutes?|h|hrs?|hours?|d|days?)\s*)+ago"
_STAMP_PART = rf"(?:{_DATE}|{_TIME}\s*{_ZONE}?|{_AGO})"
_STAMP = rf"(?:{_STAMP_LABEL}\s*:?\s*)?{_STAMP_PART}(?:\s*(?:,|at|\||·)?\s*{_STAMP_PART})*"
_STAMP_LINE = re.compile(rf"^(?:{_STAMP_LABEL}\s*:?\s*)?(?:{_STAMP})?\s*[—–\-|:·]?\s*$", re.I)
# Only a clock time or a "Posted:" label makes a paragraph's opening a stamp: "March 10 —"
# on its own may be the date of the happening, which the dating stage needs.
_CLOCK = rf"\d{{1,2}}(?:[:.]\d{{2}}\s*(?:[ap]\.?\s?m\.?)?|\s*[ap]\.?\s?m\.?)\s*{_ZONE}?"
_STAMP_PREFIX = re.compile(
    rf"^(?:{_STAMP_LABEL}\s*:?\s*{_STAMP}|(?:{_DATE},?\s*(?:at\s+)?)?{_CLOCK}(?:,?\s*{_DATE})?)"
    rf"\s*[—–\-|:·]\s*",
    re.I,
)
# "KYIV, Ukraine (AP) — ", "KYIV, Nov 9 (Reuters) - " and "(Bloomberg) -- " datelines
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]+(?:,\s*[\w .]{1,25}?)?\s*|[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?"
    r"\((?:AP|Reuters|AFP|CNN|Bloomberg|dpa|Xinhua|Al Jazeera|UPI|TASS|Interfax)\)\s*[—–-]+\s*"
)
_CREDIT_PARENS = re.compile(
    r"\s*[(\[](?:[^()\[\]]*?\b(?:Photo|Image|Picture|Video|Credit)s?\b[^()\[\]]*?|"
    r"(?-i:AP|AFP|Reuters|EPA)\b[^()\[\]]*?|Getty Images[^()\[\]]*?)[)\]]",
    re.I,
)

# Whole sentences (or whole lines) that are about the page, not the war. Split into
# patterns anchored at the start (cheap `match`) and the few that may sit anywhere.
_FURNITURE_START = re.compile(
    "|".join(
        (
            r"(?:skip )?advertisement\b",
            r"story continues below",
            r"(?:read|see|watch|listen|related|also read|more|recommended|most read)"
            r"(?: more| also)?\s*:",
            r"(?:read|see|watch) more\b",
            r"(?:follow|catch up|keep up|stay up|get|find|sign up|subscribe|click|tap|check out)"
            r"\b(?!-).*\b(?:here|below|live blog|live coverage|newsletter|live updates)\b",
            r"(?:you can|readers can)\b.*\b(?:here|follow|coverage|read|catch up)\b",
            r"readers\b",
            r"(?:editor['’]?s note|note to readers|note)\s*:",
            r"(?:we|we['’]ll|we will)\b.*\b(?:updat\w*|bring you|keep you)\b.*"
            r"\b(?:post|page|blog|story|developments|live)\b",
            r"this (?:is a )?(?:developing|breaking) (?:story|news)",
            r"(?:check back|refresh)\b",
            r"(?:welcome|hello|good (?:morning|evening|afternoon))\b.*\b(?:live|coverage|blog)\b",
            r"(?:hi|hello|hey)\b,",
            r"we['’]re (?:ending|pausing|closing|wrapping up) (?:our|this)\b",
            r"(?:contact|email|e-mail|write to) (?:the )?(?:author|us|reporter|writer|editor)s?\b",
            r"https?://\S+$",
            r"\(?(?:additional |further )?(?:reporting|writing|editing|compiled|research"
            r"|graphics|production) by\b",
            r"our standards\s*:",
            r"(?:©|copyright\b)",
            r"(?:image|media|photo|video) (?:caption|source|credit)\b",
            r"(?:here (?:is|are)|here['’]s|these are|below (?:is|are))\b.*\b(?:latest|key|main|"
            r"summary|roundup|recap|situation|developments|what we know|where things stand)\b",
            r"(?:a )?note from the (?:author|editor)",
            r"(?:the latest|latest(?: updates| news)?|live(?: updates)?|key (?:developments|events|"
            r"points)|what we know(?: so far)?|summary|in case you missed it)\s*:?$",
        )
    ),
    re.I,
)
_FURNITURE_ANYWHERE = re.compile(
    "|".join(
        (
            r"\b(?:let['’]?s|let us) (?:move on|get (?:to|into)|dive|turn|jump|catch up)\b",
            r"\bour (?:previous|earlier|rolling|live|full|ongoing|latest) "
            r"(?:coverage|blog|updates?)",
            r"\b(?:this|the) (?:post|page|blog|live blog|story|article) (?:will be|is being|"
            r"has been|was) (?:updated|closed|paused)",
            r"[\w.+-]+@[\w-]+\.[a-z]{2,}",
            r"\bcontributed (?:reporting|research)\b",
            r"\bcontributed to (?:this|the) (?:report|article|story|post|piece|coverage)\b",
            r"\b(?:writers?|reporters?|correspondents?|journalists?|staff)\b.*\bcontributed\.?$",
            r"\ball rights reserved\b",
            r"\bthank you for (?:reading|following)\b",
            r"\b(?:consider )?support(?:ing)? (?:us|our (?:work|journalism|reporting))\b",
            r"\bbecome a (?:paying )?(?:subscriber|patron|supporter)\b|\bmember today\b",
            r"\bnot responsible for the content of external|\bexternal linking\b",
        )
    ),
    re.I,
)
# Words one of which every _FURNITURE_ANYWHERE pattern contains: a cheap test first.
_FURNITURE_TRIGGERS = (
    "let",
    "our ",
    "post",
    "page",
    "blog",
    "story",
    "article",
    "@",
    "contributed",
    "rights",
    "thank you",
    "support",
    "become a",
    "external",
)
# Sentence punctuation at the end, possibly inside closing quotes: `said.` `“no.”`, not
# a headline's `is “difficult decision”`.
_TERMINAL = re.compile(r"[.!?…:;][”\"’')\]]*$")
_TEASER = re.compile(r"(?:…|\.\.\.)$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_BULLET = re.compile(r"^(?:[-–—•*·▪●◦]|\d{1,2}[.)])\s+(?=\S)")
_MAX_HEADING_WORDS = 12
_MAX_BYLINE_WORDS = 30
_BYLINE = re.compile(r"(?:by|from|edited by|compiled by)\s+\S", re.I)
_WRAP_WIDTH = 55
# A line ending on one of these words stops mid-sentence, so the next line continues it.
_DANGLING = _wordset(
    """
    a an the of to in on at for from by with and or but nor that which who whose as than
    is are was were be been has have had will would could should may might its their his her
    our your this these those into onto over under about after before between against during
    said says told"""
)


def is_furniture(sentence: str) -> bool:
    """Whether a sentence or line is page furniture rather than reporting."""
    text = sentence.strip().strip("*_#>")
    if not text:
        return True
    if _FURNITURE_START.match(text):
        return True
    own_words = _QUOTED.sub("", text)  # "Let's get to the table," a speaker may say
    low = own_words.lower()
    if any(word in low for word in _FURNITURE_TRIGGERS) and _FURNITURE_ANYWHERE.search(own_words):
        return True
    return bool(_STAMP_LINE.match(text)) and any(ch.isdigit() for ch in text)


def _is_heading(line: str) -> bool:
    """A short line with no sentence punctuation: an outlet name, headline, byline or title."""
    if _TERMINAL.search(line) or re.search(r",[”\"’']?$", line):
        return False
    words = line.split()
    limit = _MAX_BYLINE_WORDS if _BYLINE.match(line) else _MAX_HEADING_WORDS
    return 0 < len(words) <= limit and words[-1].lower() not in _DANGLING


def _is_teaser(line: str) -> bool:
    """A link to an unrelated story: one sentence cut off with an ellipsis."""
    if not _TEASER.search(line) or line.count("“") > line.count("”"):
        return False
    return len(split_sentences(line)) == 1


def _ends_open(line: str) -> bool:
    """Whether a line stops in the middle of a sentence."""
    if not line or _TEASER.search(line):
        return False
    if line[-1] in ",;-–—(“‘" or line.endswith((",”", ',"')):
        return True
    if _TERMINAL.search(line):
        return False
    # No full stop and a quote or bracket still open: the sentence goes on below.
    if line.count("“") > line.count("”") or line.count("(") > line.count(")"):
        return True
    return line.split()[-1].lower() in _DANGLING


def _starts_continuation(line: str) -> bool:
    """Whether a line can only be the rest of the previous line's sentence."""
    first = line[0]
    return first.islower() or first in ",;)]" or line.startswith(("and ", "or "))


# ------------------------------------------------------------------ assembly


def _wrap_width(lines: list[str]) -> int:
    """The width prose was hard-wrapped at, or 0 when single newlines end paragraphs."""
    inner = [a for a, b in pairwise(lines) if a and b]
    # short open lines are headings and timestamps; wrapped prose fills the line
    open_ends = [len(a) for a in inner if len(a) >= _WRAP_WIDTH and not _TERMINAL.search(a)]
    if len(open_ends) < 2 or len(open_ends) * 2 < len(inner):
        return 0
    return sorted(open_ends)[len(open_ends) // 2]


def _paragraphs(lines: list[str]) -> list[tuple[str, bool]]:
    """Join wrapped lines into paragraphs; each bullet item starts a paragraph of its own."""
    width = _wrap_width(lines)
    out: list[list] = []  # [text, bullet, closed, last line]
    for line in [*lines, ""]:
        if not line:
            if out:
                out[-1][2] = True
            continue
        bullet = _BULLET.match(line)
        if bullet:
            out.append([line[bullet.end() :], True, False, line])
            continue
        prev = out[-1] if out else None
        if prev and _joins(prev, line, width):
            prev[0] = f"{prev[0]} {line}"
            prev[3] = line
            continue
        out.append([line, False, False, line])
    return [(text, bullet) for text, bullet, _, _ in out]


def _joins(prev: list, line: str, width: int) -> bool:
    """Whether `line` continues the paragraph `prev` (`width`: the hard-wrap width or 0)."""
    text, bullet, closed, last = prev
    if _starts_continuation(line) and not closed:
        return True
    if closed or _is_teaser(text) or _is_teaser(line):
        return False
    # wrapped prose goes on below unless its last line stopped short after a full stop
    full = (
        width and not _is_heading(last) and (not _TERMINAL.search(last) or len(last) > width * 0.8)
    )
    if _ends_open(text) or full:
        return not (is_furniture(line) or is_furniture(text))
    if text.endswith(":") and not bullet and not is_furniture(_last_sentence(text)):
        return not is_furniture(line)  # "Zelensky said:" introduces the quote below
    return False


def _last_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[-1] if sentences else text


def _clean_paragraph(text: str, bullet: bool) -> str:
    """The paragraph without timestamps, datelines, credits and furniture sentences."""
    for _ in range(3):  # a timestamp can follow a dateline or another stamp
        stripped = _DATELINE.sub("", _STAMP_PREFIX.sub("", text))
        if stripped == text:
            break
        text = stripped
    text = _CREDIT_PARENS.sub("", text).strip()
    if not text or _is_teaser(text) or (not bullet and _is_heading(text)):
        return ""
    kept = [s for s in split_sentences(text) if not is_furniture(s)]
    if bullet and kept and kept[-1].endswith(":"):
        kept[-1] = kept[-1][:-1]
    if not bullet and kept and kept[-1].endswith(":") and len(kept[-1].split()) <= 6:
        kept.pop()  # "Key points:" that led into a list
    return " ".join(kept).strip()


def repair(body: str, *, title: str = "") -> list[Block]:
    """Repaired paragraphs of a report body, page furniture removed, bullets kept apart.

    `title` is the report's own title (front matter), which pages repeat in the body."""
    lines = fix_text(body).split("\n")
    blocks: list[Block] = []
    for text, bullet in _paragraphs(lines):
        cleaned = _clean_paragraph(text, bullet)
        if cleaned:
            blocks.append(Block(cleaned, bullet=bullet))
    return blocks
