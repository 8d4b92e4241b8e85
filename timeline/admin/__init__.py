"""The editors' admin: one module per kind of model."""

from . import events, reports, taxonomy

__all__ = ["events", "reports", "taxonomy"]
