"""E-mails of the questions app, in the site's language: the office's notice of a new question,
the asker's receipt with the tracking code, the link to the published answer, the refusal."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

NOTICE_SUBJECT = _("[%(site)s] New question %(code)s")
RECEIPT_SUBJECT = _("[%(site)s] Your question was received: tracking code %(code)s")
PUBLISHED_SUBJECT = _("[%(site)s] The answer to your question %(code)s")
REFUSAL_SUBJECT = _("[%(site)s] Your question %(code)s was not accepted")


def site_url(site):
    return (settings.PORTAL_SITE_URL or site.base_url()).rstrip("/")


def sender(site):
    if not site.email:
        return settings.DEFAULT_FROM_EMAIL
    return f'"{site.office["name"]}" <{site.email}>'


def context_of(question):
    site, base = question.site, site_url(question.site)
    lookup = reverse("questions:lookup") + "?" + urlencode({"ma": question.code})
    return {
        "question": question,
        "site": site.name,
        "office": site.office["name"],
        "lookup_url": base + lookup,
        "page_url": base + question.get_absolute_url() if question.pk else "",
        "admin_url": base + reverse("admin:questions_question_change", args=[question.pk]),
    }


def compose(question, template, subject, to):
    with translation.override(question.site.language):
        context = context_of(question)
        subject = str(subject) % {"site": context["site"], "code": question.code}
        body = render_to_string(template, context)
    return EmailMessage(subject, body, sender(question.site), to)


def notify_office(question):
    recipient = (question.unit.email if question.unit else "") or question.site.email
    if not recipient:
        logger.warning("Question %s has nobody to notify on %s.", question.pk, question.site)
        return
    compose(question, "questions/email/notice.txt", NOTICE_SUBJECT, [recipient]).send()


def send_receipt(question):
    compose(question, "questions/email/receipt.txt", RECEIPT_SUBJECT, [question.email]).send()


def send_published(question):
    compose(question, "questions/email/published.txt", PUBLISHED_SUBJECT, [question.email]).send()


def send_refusal(question):
    compose(question, "questions/email/refusal.txt", REFUSAL_SUBJECT, [question.email]).send()
