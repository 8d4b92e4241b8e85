from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Conflict timeline"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the bookkeeping receivers)
