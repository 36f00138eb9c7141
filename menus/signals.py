from django.db.models.signals import post_delete, post_save

from . import registry
from .caching import invalidate
from .models import Link, Menu, MenuItem, Placement

OWN_MODELS = (Menu, Link, Placement)


def site_of_item(item):
    """The item's site, also while its menu is being deleted with it."""
    menu = Menu.objects.filter(pk=item.menu_id).values_list("site_id", flat=True).first()
    return menu


def forget_bundle(sender, instance, **kwargs):
    """Anything the menus show changed: their own rows, or a row of a registered kind of
    target (a category renamed or deleted, a page unpublished)."""
    if sender is MenuItem:
        site_id = site_of_item(instance)
    elif sender in OWN_MODELS or sender in registry.watched_models():
        site_id = getattr(instance, "site_id", None)
    else:
        return
    if site_id:
        invalidate(site_id)


post_save.connect(forget_bundle, dispatch_uid="menus-forget-on-save")
post_delete.connect(forget_bundle, dispatch_uid="menus-forget-on-delete")
