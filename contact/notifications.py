"""E-mails of the contact app, in the site's language whatever the request's: the recipient
unit's notice (who wrote and about what, and a link to the admin: the message itself stays in
the admin), the sender's copy, and the office's answer."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

NOTICE_SUBJECT = _("[%(site)s] New contact message %(reference)s to %(unit)s")
COPY_SUBJECT = _("[%(site)s] Copy of your message %(reference)s")
ANSWER_SUBJECT = _("[%(site)s] Answer to your message %(reference)s")


def site_url(site):
    return (settings.PORTAL_SITE_URL or site.base_url()).rstrip("/")


def office_sender(site):
    """The site's own address (its name shown) if it has one, else the server's."""
    if not site.email:
        return settings.DEFAULT_FROM_EMAIL
    return f'"{site.office["name"]}" <{site.email}>'


def context_of(message):
    site = message.site
    return {
        "message": message,
        "site": site.name,
        "office": site.office["name"],
        "unit": message.unit.name if message.unit else site.office["name"],
        "admin_url": site_url(site)
        + reverse("admin:contact_contactmessage_change", args=[message.pk]),
    }


def compose(message, template, subject, to, reply_to=None):
    with translation.override(message.site.language):
        context = context_of(message)
        subject = str(subject) % {
            "site": context["site"],
            "reference": message.reference,
            "unit": context["unit"],
        }
        body = render_to_string(template, context)
    return EmailMessage(subject, body, office_sender(message.site), to, reply_to=reply_to)


def notify_recipient(message):
    """Tell the unit (its e-mail, else the site's) that a message waits in the admin."""
    recipient = message.recipient()
    if not recipient:
        logger.warning("Contact message %s has nobody to notify on %s.", message.pk, message.site)
        return
    compose(message, "contact/email/notice.txt", NOTICE_SUBJECT, [recipient]).send()


def send_copy(message):
    compose(message, "contact/email/copy.txt", COPY_SUBJECT, [message.email]).send()


def send_answer(message):
    """The office's answer to the sender; replies to it go to the unit."""
    recipient = message.recipient()
    reply_to = [recipient] if recipient else None
    compose(message, "contact/email/answer.txt", ANSWER_SUBJECT, [message.email], reply_to).send()
