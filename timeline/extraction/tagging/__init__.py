"""Entity tagging: which gazetteer regions, actors and people each event names."""

from .tagger import EntityTagger

__all__ = ["EntityTagger"]
