"""Settings for the test suite: production settings with a throw-away secret key."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from timeline.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT = None  # tests never collectstatic; whitenoise serves from the finders instead
WHITENOISE_USE_FINDERS = True
TIMELINE_COLUMNS = "inline"  # build the in-memory columns within the request, on this connection
