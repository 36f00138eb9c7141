from django.db.models.signals import post_delete, post_save

from .caching import touch
from .models import Choice, Poll


def poll_changed(instance, **kwargs):
    touch(instance.site_id)


def choice_changed(instance, **kwargs):
    site_id = Poll.objects.filter(pk=instance.poll_id).values_list("site_id", flat=True).first()
    if site_id is not None:
        touch(site_id)


post_save.connect(poll_changed, sender=Poll, dispatch_uid="polls-poll-save")
post_delete.connect(poll_changed, sender=Poll, dispatch_uid="polls-poll-delete")
post_save.connect(choice_changed, sender=Choice, dispatch_uid="polls-choice-save")
post_delete.connect(choice_changed, sender=Choice, dispatch_uid="polls-choice-delete")
