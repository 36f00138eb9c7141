from django.db.models.signals import post_delete, post_save

from sectors.models import Sector

from .caching import touch
from .models import Question


def forget_cached_pages(instance, **kwargs):
    touch(instance.site_id)


for model in (Question, Sector):
    post_save.connect(forget_cached_pages, sender=model, dispatch_uid=f"questions-{model.__name__}")
    post_delete.connect(
        forget_cached_pages, sender=model, dispatch_uid=f"questions-delete-{model.__name__}"
    )
