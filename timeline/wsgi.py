"""WSGI entry point: `gunicorn timeline.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

application = get_wsgi_application()

from django.conf import settings  # noqa: E402

settings.SECRET_KEY  # noqa: B018  fail at start-up, not on the first request, when it is unset
