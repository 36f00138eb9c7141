"""The shared defences of readers' forms (app guard), apart from the forms using them."""

from datetime import timedelta

import pytest
from django import forms
from django.utils import timezone

from contact.models import ContactMessage
from guard.flood import Limits, flood_refusal, sent_by
from guard.forms import GuardedForm
from tests.factories import first_site

pytestmark = pytest.mark.django_db

LIMITS = Limits(interval_seconds=60, hourly=2, too_soon="soon", too_many="many")


class NoteForm(GuardedForm):
    note = forms.CharField(max_length=10)
    long_field = "note"
    too_long_message = "at most %(limit)d"


def sent(minutes_ago, address="h1", email=""):
    return ContactMessage.objects.create(
        site=first_site(),
        name="A",
        email=email,
        subject="S",
        message="M",
        address=address,
        created_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def test_the_honeypot_and_the_code_come_after_the_form_s_own_fields():
    assert list(NoteForm().fields) == ["note", "website", "captcha"]


def test_a_value_far_too_long_is_not_echoed_and_the_reader_is_told():
    form = NoteForm({"note": "x" * 21, "website": ""})
    assert not form.is_valid()
    assert "note" not in form.data and form.errors["note"] == ["at most 10"]


def test_a_sender_is_known_by_address_hash_or_e_mail_never_by_nothing():
    sent(5, address="h1", email="a@example.com")
    rows = ContactMessage.objects.all()
    assert sent_by(rows, "h1", "").count() == 1
    assert sent_by(rows, "", "A@example.com").count() == 1
    assert sent_by(rows, "", "").count() == 0


def test_too_soon_then_too_many_in_an_hour_with_the_seconds_to_wait():
    sent(0.5)
    refusal = flood_refusal(sent_by(ContactMessage.objects.all(), "h1", ""), LIMITS)
    assert refusal == "soon" and 1 <= refusal.retry_after <= 30
    ContactMessage.objects.all().delete()
    sent(50)
    sent(10)
    refusal = flood_refusal(sent_by(ContactMessage.objects.all(), "h1", ""), LIMITS)
    assert refusal == "many" and 9 * 60 <= refusal.retry_after <= 10 * 60 + 1
    assert flood_refusal(sent_by(ContactMessage.objects.all(), "h2", ""), LIMITS) is None
