"""The demo wards' contact messages: a few in each status, invented, idempotent."""

import io

import pytest
from django.core.management import call_command

from contact.models import ContactMessage
from tenancy.models import Site

pytestmark = pytest.mark.django_db


def test_each_demo_ward_has_messages_in_every_status(client):
    call_command("seed_demo", stdout=io.StringIO())
    count = ContactMessage.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert ContactMessage.objects.count() == count
    for site in Site.objects.all():
        messages = ContactMessage.objects.for_site(site)
        assert set(messages.values_list("status", flat=True)) == set(ContactMessage.Status)
        emails = {email for email in messages.values_list("email", flat=True) if email}
        assert emails and all(email.endswith("@example.com") for email in emails)
        answered = messages.get(status=ContactMessage.Status.ANSWERED)
        assert answered.answer and answered.answered_at > answered.created_at
    assert client.get("/lien-he/").status_code == 200


def test_the_seeder_leaves_what_staff_changed():
    call_command("seed_demo", stdout=io.StringIO())
    message = ContactMessage.objects.filter(status=ContactMessage.Status.NEW).first()
    message.status, message.notes = ContactMessage.Status.CLOSED, "Đã xử lý."
    message.save()
    call_command("seed_demo", stdout=io.StringIO())
    message.refresh_from_db()
    assert (message.status, message.notes) == (ContactMessage.Status.CLOSED, "Đã xử lý.")
