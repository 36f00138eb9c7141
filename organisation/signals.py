from django.db.models.signals import post_delete, post_save

from .caching import touch
from .models import Organisation, Person, Unit


def forget_cached_pages(instance, **kwargs):
    touch(instance.site_id)


for model in (Organisation, Unit, Person):
    post_save.connect(forget_cached_pages, sender=model, dispatch_uid=f"org-save-{model}")
    post_delete.connect(forget_cached_pages, sender=model, dispatch_uid=f"org-del-{model}")
