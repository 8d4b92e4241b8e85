"""Pure extraction: report text and publication date in, events out (no ORM, no clock)."""
