"""An event's passage shown inside its report's text, for the editor (pure but for Report)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ..curation import text_sentences
from ..extraction.cleanup import repair
from ..extraction.frontmatter import FrontMatterError, parse_report
from ..models import Report


def passage_spans(text: str, passages: Iterable[str]) -> tuple[list[tuple[int, int]], int]:
    """Where the passages' sentences occur in `text`, ignoring differences of whitespace:
    the merged (start, end) spans and how many sentences were not found."""
    spans: list[tuple[int, int]] = []
    missing = 0
    for passage in passages:
        position = 0
        for _, sentence in text_sentences(passage):
            pattern = re.compile(r"\s+".join(map(re.escape, sentence.split())))
            match = pattern.search(text, position) or pattern.search(text)
            if match is None:
                missing += 1
                continue
            spans.append(match.span())
            position = match.end()
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged, missing


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> SafeString:
    """`text`, escaped, with <mark> around each span."""
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts += [escape(text[last:start]), "<mark>", escape(text[start:end]), "</mark>"]
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # every piece of text is escaped above


# Inline, so the box looks the same on the change form and on a version from the history.
_BOX_STYLE = (
    "max-height: 28em; overflow: auto; white-space: pre-wrap; padding: .5em .75em; "
    "border: 1px solid var(--border-color); background: var(--darkened-bg); line-height: 1.5"
)


def report_context(report: Report, passages: list[str]) -> SafeString:
    """The report's text with the passages highlighted.

    The passages are the extraction's sentences, taken from the repaired text: where the
    repair changed them (mojibake, quotes, furniture), the repaired text is shown instead.
    """
    try:
        body = parse_report(report.raw_text).body
    except FrontMatterError:
        body = report.raw_text
    spans, missing = passage_spans(body, passages)
    note = ""
    if missing:
        repaired = "\n\n".join(block.text for block in repair(body))
        repaired_spans, repaired_missing = passage_spans(repaired, passages)
        if repaired_missing < missing:
            body, spans, missing = repaired, repaired_spans, repaired_missing
            note = "Shown as repaired for the extraction. "
        if missing:
            note += f"{missing} sentence(s) of the event are not in the report's text."
    return format_html(
        '<div class="report-context" style="{}">{}</div>{}',
        _BOX_STYLE,
        highlighted(body, spans),
        format_html('<p class="help">{}</p>', note) if note else "",
    )
