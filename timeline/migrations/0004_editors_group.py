"""The "Editors" group: full rights over the timeline's models, none over users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
MODELS = ["report", "event", "region", "actor", "topic"]
ACTIONS = ["add", "change", "delete", "view"]


def codenames():
    return [f"{action}_{model}" for model in MODELS for action in ACTIONS] + [
        f"view_historical{model}" for model in MODELS
    ]


def create_group(apps, schema_editor):
    # Permissions are normally created after the last migration; this one needs them now.
    app_config = apps.get_app_config("timeline")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = codenames()
    permissions = Permission.objects.filter(
        content_type__app_label="timeline", codename__in=wanted
    )
    if permissions.count() != len(wanted):
        raise RuntimeError("timeline permissions are missing; cannot create the Editors group")
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("timeline", "0003_curation_history"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
