"""The extraction's evidence of an event, as the editor reads it on the change form."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


def _percent(value: float | None) -> str:
    return "?" if value is None else f"{value:.0%}"


def evidence_html(data: dict | None) -> SafeString | str:
    """The date's rule and expression, the words behind each tag and topic, confidences."""
    if not data:
        return "None: written by an editor, or imported before evidence was kept."
    date = data.get("date") or {}
    expression = format_html(" from “<mark>{}</mark>”", date["text"]) if date.get("text") else ""
    tags = format_html_join(
        "",
        "<li>{} <b>{}</b>: “{}” ({})</li>",
        (
            (t["kind"], t["name"], t.get("text") or "?", _percent(t.get("confidence")))
            for t in data.get("tags", [])
        ),
    )
    topics = format_html_join(
        "",
        "<li>topic <b>{}</b>: {} ({})</li>",
        (
            (t["slug"], ", ".join(f"“{s}”" for s in t["signals"]) or "?", _percent(t["confidence"]))
            for t in data.get("topics", [])
        ),
    )
    segmentation = (data.get("segmentation") or {}).get("confidence")
    return format_html(
        "<p>Date{}: {} ({})</p><ul>{}{}</ul><p>One happening: {}</p>",
        expression,
        date.get("rule", "?"),
        _percent(date.get("confidence")),
        tags,
        topics,
        _percent(segmentation),
    )
