"""Writes of the questions app: a citizen's question (after the flood limits), and the staff's
steps: assign, answer, publish, withdraw, refuse. Each step is one transaction; the e-mails
leave once it is committed."""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guard.flood import Limits, flood_refusal, sent_by
from portal.locks import lock_names

from .models import Question, QuestionSettings
from .notifications import notify_office, send_published, send_receipt, send_refusal
from .workdays import add_working_days

Status = Question.Status


class QuestionRefused(Exception):
    def __init__(self, refusal):
        super().__init__(refusal)
        self.message, self.retry_after = str(refusal), refusal.retry_after


def limits():
    return Limits(
        interval_seconds=settings.PORTAL_QUESTION_INTERVAL_SECONDS,
        hourly=settings.PORTAL_QUESTION_HOURLY_LIMIT,
        too_soon=_("You have just sent a question. Please wait a minute before sending another."),
        too_many=_("You have sent many questions in the last hour. Please try again later."),
    )


def due_date(site, asked_at):
    days = QuestionSettings.of(site).answer_days
    return add_working_days(timezone.localdate(asked_at), days)


@transaction.atomic
def ask(site, *, address, **fields):
    """Store a citizen's question with its due date; once committed, e-mail the office and
    (when given) the asker the tracking code."""
    email = fields.get("email", "")
    lock_names([f"questions:{key}" for key in (address, email.lower()) if key])
    refusal = flood_refusal(sent_by(Question.objects.all(), address, email), limits())
    if refusal:
        raise QuestionRefused(refusal)
    now = timezone.now()
    question = Question.objects.create(
        site=site, address=address, created_at=now, due_on=due_date(site, now), **fields
    )
    transaction.on_commit(partial(notify_office, question), robust=True)
    if question.email:
        transaction.on_commit(partial(send_receipt, question), robust=True)
    return question


def _locked(question):
    return Question.objects.select_for_update().get(pk=question.pk)


@transaction.atomic
def set_choices(question, *, name_shown, refusal_reason):
    """How the name is shown, and the reason written for a refusal to come."""
    current = _locked(question)
    current.name_shown, current.refusal_reason = name_shown, refusal_reason
    current.save(update_fields=["name_shown", "refusal_reason"])
    return current


@transaction.atomic
def assign(question, *, unit=None, assignee=None):
    """Give the question to a unit and/or a person; a new question becomes assigned."""
    current = _locked(question)
    current.unit, current.assignee = unit, assignee
    if current.status == Status.NEW and (unit or assignee):
        current.status = Status.ASSIGNED
    current.save()
    return current


@transaction.atomic
def answer(question, text, user):
    """Write (or rewrite) the answer (HTML, sanitized on save); an open question becomes
    answered."""
    current = _locked(question)
    if current.status == Status.REFUSED:
        raise ValidationError(_("A refused question cannot be answered."))
    current.answer = text
    if not current.answered_at:
        current.answered_at, current.answered_by = timezone.now(), user
    if current.status in Question.OPEN:
        current.status = Status.ANSWERED
    current.save()
    return current


@transaction.atomic
def publish(question, name_shown=None):
    """Show the question and its answer on the site; e-mail the asker the link."""
    current = _locked(question)
    if not current.answer.strip() or current.status not in (Status.ANSWERED, Status.PUBLISHED):
        raise ValidationError(_("Only an answered question can be published."))
    if name_shown:
        current.name_shown = name_shown
    first_time = current.status != Status.PUBLISHED
    current.status = Status.PUBLISHED
    current.published_at = current.published_at or timezone.now()
    current.save()
    if first_time and current.email:
        transaction.on_commit(partial(send_published, current), robust=True)
    return current


@transaction.atomic
def withdraw(question):
    """Take a published question off the site (it stays answered)."""
    current = _locked(question)
    if current.status == Status.PUBLISHED:
        current.status = Status.ANSWERED
        current.save()
    return current


@transaction.atomic
def refuse(question, reason):
    """Refuse a question that is not published, with the reason the asker is told."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Please give the reason for refusing the question."))
    current = _locked(question)
    if current.status == Status.PUBLISHED:
        raise ValidationError(_("Withdraw the published question before refusing it."))
    current.status, current.refusal_reason = Status.REFUSED, reason
    current.refused_at = timezone.now()
    current.save()
    if current.email:
        transaction.on_commit(partial(send_refusal, current), robust=True)
    return current
