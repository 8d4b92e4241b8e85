"""Rule-based topic classification of an event's text (pure: no Django, no clock).

Each topic has weighted regex patterns (patterns.py: the language editors write in the
admin), found in a text by signals.py, scored and decided by classifier.py with the numbers
of settings.py (calibrated offline by scripts/calibrate_topics.py).
"""

from .classifier import TopicClassifier, TopicTally, sentence_ends
from .patterns import InvalidPattern, load_topic_rules, parse_pattern, pattern_error
from .settings import Confidence, TopicSettings, shipped_settings

__all__ = [
    "Confidence",
    "InvalidPattern",
    "TopicClassifier",
    "TopicSettings",
    "TopicTally",
    "load_topic_rules",
    "parse_pattern",
    "pattern_error",
    "sentence_ends",
    "shipped_settings",
]
