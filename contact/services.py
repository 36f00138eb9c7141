"""Writes of the contact app: a reader's message (after the flood limits), staff's answer."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guard.flood import Limits, flood_refusal, sent_by
from portal.locks import lock_names

from .models import ContactMessage
from .notifications import notify_recipient, send_answer, send_copy


class MessageRefused(Exception):
    def __init__(self, refusal):
        super().__init__(refusal)
        self.message, self.retry_after = str(refusal), refusal.retry_after


def limits():
    return Limits(
        interval_seconds=settings.PORTAL_CONTACT_INTERVAL_SECONDS,
        hourly=settings.PORTAL_CONTACT_HOURLY_LIMIT,
        too_soon=_("You have just sent a message. Please wait a minute before sending another."),
        too_many=_("You have sent many messages in the last hour. Please try again later."),
    )


@transaction.atomic
def send_message(site, *, unit, name, email, phone, subject, message, wants_copy, address):
    """Store a reader's message and, once committed, e-mail its recipient (and the sender a
    copy if asked). The sender's address and e-mail are locked first, so two messages sent
    together are counted one after the other by the limits."""
    lock_names([f"contact:{key}" for key in (address, email.lower()) if key])
    refusal = flood_refusal(sent_by(ContactMessage.objects.all(), address, email), limits())
    if refusal:
        raise MessageRefused(refusal)
    sent = ContactMessage.objects.create(
        site=site,
        unit=unit,
        name=name,
        email=email,
        phone=phone,
        subject=subject,
        message=message,
        wants_copy=wants_copy and bool(email),
        address=address,
    )
    transaction.on_commit(partial(notify_recipient, sent), robust=True)
    if sent.wants_copy:
        transaction.on_commit(partial(send_copy, sent), robust=True)
    return sent


def answer_message(message, user):
    """E-mail the answer written on `message` to its sender, then mark it answered. An e-mail
    that cannot be sent raises OSError and changes nothing."""
    send_answer(message)
    message.status = ContactMessage.Status.ANSWERED
    message.answered_at = timezone.now()
    message.handled_by = message.handled_by or user
    message.save()
    return message
