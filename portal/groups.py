"""Helpers for the data migrations that create permission groups."""

from django.contrib.auth.management import create_permissions


def create_all_permissions(apps):
    """Permissions are made after migrations run; a data migration that needs them makes them."""
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module


def grant(apps, group_name, app_label, codenames):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    return group
