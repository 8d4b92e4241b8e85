import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS = "Editors"
PASSWORD_ENV = "TIMELINE_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a staff user in the Editors group, who curates the timeline in the admin. "
        f"The password is asked for, or read from ${PASSWORD_ENV} in scripts."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, email="", **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"a user named {username!r} exists already")
        group = Group.objects.filter(name=EDITORS).first()
        if group is None:
            raise CommandError(f"there is no {EDITORS} group: run `manage.py migrate` first")
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            password = self._ask_password()
        if not password:
            raise CommandError("the password is empty")
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        user.set_password(password)
        with transaction.atomic():
            user.save()
            user.groups.add(group)
        self.stdout.write(f"Editor {username!r} created: they can log in at /admin/.")

    def _ask_password(self) -> str:
        try:
            password = getpass.getpass("Password: ")
            if password and password != getpass.getpass("Password (again): "):
                raise CommandError("the passwords do not match")
        except EOFError:
            raise CommandError(f"no password: type it, or set ${PASSWORD_ENV}") from None
        return password
