from django.db.models.signals import post_delete, post_save

from .caching import invalidate
from .models import Page


def forget_cached_pages(instance, **kwargs):
    invalidate(instance.site_id)


post_save.connect(forget_cached_pages, sender=Page, dispatch_uid="pages-save")
post_delete.connect(forget_cached_pages, sender=Page, dispatch_uid="pages-delete")
