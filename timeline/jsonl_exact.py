"""JSON Lines that keep times to the microsecond, for `dumpdata`, `loaddata` and backups.

Django's JSON encoder cuts times to the millisecond, so a backup would come back a little
different from what was stored (and the admin's stale-edit check compares `updated`
exactly). Registered as the "jsonl" format in settings.SERIALIZATION_MODULES; reading is
Django's own.
"""

import datetime as dt

from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class Serializer(jsonl.Serializer):
    def _init_options(self) -> None:
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder


Deserializer = jsonl.Deserializer
