from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import current
from .models import Domain, Site


@receiver([post_save, post_delete], sender=Site)
@receiver([post_save, post_delete], sender=Domain)
def site_changed(sender, using=None, **kwargs):
    """Forget at once here; tell every process once the change is committed."""
    current.site_map.forget()
    transaction.on_commit(current.changed, using=using)
