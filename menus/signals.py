"""The site's menus are made again when their rows change, or a row a menu points to.

Receivers are connected per model: a receiver for every model would make Django read each
row before deleting it (no fast delete) everywhere.
"""

from django.db.models.signals import post_delete, post_save

from . import registry
from .caching import invalidate
from .models import Link, Menu, MenuItem, Placement


def site_of_item(item):
    """The item's site, read by id: while a menu is deleted its items go first, and the menu
    row is still there for them."""
    return Menu.objects.filter(pk=item.menu_id).values_list("site_id", flat=True).first()


def forget_bundle(sender, instance, **kwargs):
    """Anything the menus show changed: their own rows, or a row of a registered kind of
    target (a category renamed or deleted, a page unpublished)."""
    site_id = site_of_item(instance) if sender is MenuItem else instance.site_id
    if site_id:
        invalidate(site_id)


def watch(model):
    label = model._meta.label_lower
    post_save.connect(forget_bundle, sender=model, dispatch_uid=f"menus-save-{label}")
    post_delete.connect(forget_bundle, sender=model, dispatch_uid=f"menus-delete-{label}")


for model in (Menu, MenuItem, Link, Placement):
    watch(model)
registry.watch_models(watch)
