"""The query string is the whole state of a timeline view: parse it, write it, change it.

Pure helpers (no ORM): `parse_filters` turns any query string into the nearest valid
`TimelineFilters` plus a list of what it ignored; `TimelineFilters.query()` writes the
canonical, sorted query string back; `with_value`/`without_value` add or remove one
value and always drop the page, as a filter change starts again at page one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

FACETS = ("region", "actor", "topic")
SORTS = ("newest", "oldest")
MAX_VALUES_PER_FACET = 20  # more is never a reader's click, only a crafted URL
MAX_QUERY_LENGTH = 200
MAX_PAGE = 10_000
_SLUG = re.compile(r"^[-a-z0-9_]{1,200}$")


@dataclass(frozen=True)
class TimelineFilters:
    region: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""
    sort: str = "newest"
    page: int = 1
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @property
    def active(self) -> bool:
        """Whether anything narrows the events (sort and page do not)."""
        return bool(
            self.region or self.actor or self.topic or self.date_from or self.date_to or self.q
        )

    def pairs(self, *, page: bool = True) -> list[tuple[str, str]]:
        """The state as sorted (key, value) pairs, defaults left out."""
        items: list[tuple[str, str]] = []
        for facet in FACETS:
            items += [(facet, value) for value in sorted(getattr(self, facet))]
        if self.date_from:
            items.append(("from", self.date_from.isoformat()))
        if self.date_to:
            items.append(("to", self.date_to.isoformat()))
        if self.q:
            items.append(("q", self.q))
        if self.sort != "newest":
            items.append(("sort", self.sort))
        if page and self.page > 1:
            items.append(("page", str(self.page)))
        return sorted(items)

    def query(self, *, page: bool = True) -> str:
        """The canonical query string, with a leading '?' (or '' for the default view)."""
        encoded = urlencode(self.pairs(page=page))
        return f"?{encoded}" if encoded else ""

    def with_value(self, key: str, value: str) -> TimelineFilters:
        """These filters with one facet value added (or a scalar replaced), from page one."""
        if key in FACETS:
            values = getattr(self, key)
            return replace(self, page=1, **{key: values if value in values else (*values, value)})
        return replace(self, page=1, **{_SCALARS[key]: _parse_scalar(key, value)})

    def without_value(self, key: str, value: str | None = None) -> TimelineFilters:
        """These filters with one facet value (or a scalar) removed, from page one."""
        if key in FACETS:
            return replace(
                self, page=1, **{key: tuple(v for v in getattr(self, key) if v != value)}
            )
        return replace(self, page=1, **{_SCALARS[key]: _DEFAULTS[key]})

    def toggled(self, key: str, value: str) -> TimelineFilters:
        """Add the facet value if absent, remove it if present."""
        present = value in getattr(self, key)
        return self.without_value(key, value) if present else self.with_value(key, value)

    def cleared(self) -> TimelineFilters:
        """No filters, same sort order."""
        return TimelineFilters(sort=self.sort)


_SCALARS = {"from": "date_from", "to": "date_to", "q": "q", "sort": "sort", "page": "page"}
_DEFAULTS = {"from": None, "to": None, "q": "", "sort": "newest", "page": 1}


def _parse_scalar(key: str, value: str):
    if key in ("from", "to"):
        return dt.date.fromisoformat(value)
    if key == "page":
        return int(value)
    return value


def parse_filters(
    query: Mapping[str, Iterable[str]],
    *,
    known: Mapping[str, Collection[str]] | None = None,
) -> TimelineFilters:
    """The nearest valid filters for any query string, noting each value it dropped.

    `query` maps keys to their list of values (a QueryDict's `.lists()` as a dict);
    `known` maps a facet to its existing slugs, so unknown slugs are dropped too.
    """
    ignored: list[str] = []
    values: dict[str, object] = {}
    for facet in FACETS:
        kept: list[str] = []
        for raw in query.get(facet, ()):
            slug = raw.strip().lower()
            if not _SLUG.match(slug) or (known is not None and slug not in known.get(facet, ())):
                ignored.append(f"unknown {facet} “{_shorten(raw)}”")
            elif slug not in kept:
                kept.append(slug)
        if len(kept) > MAX_VALUES_PER_FACET:
            ignored.append(f"{len(kept) - MAX_VALUES_PER_FACET} {facet} values beyond the first")
            kept = kept[:MAX_VALUES_PER_FACET]
        values[facet] = tuple(kept)
    for key, attribute in (("from", "date_from"), ("to", "date_to")):
        raw = _last(query, key)
        if raw:
            try:
                values[attribute] = dt.date.fromisoformat(raw.strip())
            except ValueError:
                ignored.append(f"{key} date “{_shorten(raw)}” (use YYYY-MM-DD)")
    if (
        values.get("date_from")
        and values.get("date_to")
        and values["date_from"] > values["date_to"]
    ):
        values["date_from"], values["date_to"] = values["date_to"], values["date_from"]
    # Control characters (a NUL above all, which PostgreSQL refuses) are never search text.
    q = " ".join("".join(c if c.isprintable() else " " for c in _last(query, "q") or "").split())
    if len(q) > MAX_QUERY_LENGTH:
        ignored.append(f"search text beyond {MAX_QUERY_LENGTH} characters")
        q = q[:MAX_QUERY_LENGTH]
    values["q"] = q
    sort = _last(query, "sort")
    if sort and sort in SORTS:
        values["sort"] = sort
    elif sort:
        ignored.append(f"sort “{_shorten(sort)}”")
    page = _last(query, "page")
    if page:
        # ASCII digits only ("²" is a digit int() refuses), and short: int() refuses
        # more than 4,300 digits.
        digits = page.isascii() and page.isdigit() and len(page) <= len(str(MAX_PAGE))
        if digits and 1 <= int(page) <= MAX_PAGE:
            values["page"] = int(page)
        else:
            ignored.append(f"page “{_shorten(page)}”")
    return TimelineFilters(**values, ignored=tuple(ignored))


def is_slug(value: str) -> bool:
    """Whether a value could be a tag's slug at all (anything else is never looked up)."""
    return bool(_SLUG.match(value))


def _last(query: Mapping[str, Iterable[str]], key: str) -> str | None:
    found = list(query.get(key, ()))
    return found[-1] if found else None


def _shorten(value: str, limit: int = 40) -> str:
    value = "".join(ch if ch.isprintable() else "?" for ch in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"
