"""The staff's inbox of contact messages: per unit and status, readable and answerable on a
phone. Writing an answer and saving e-mails it to the sender from the site's address."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tenancy.admin import SiteScopedAdmin

from .models import ContactMessage
from .services import answer_message

NOT_SENT = _("The answer could not be e-mailed; it was not saved. Please try again later.")


def paragraphs(text):
    """A reader's text, escaped, in paragraphs as it was typed."""
    return format_html('<div class="contact-message">{}</div>', linebreaks(text, autoescape=True))


class AnswerForm(forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["unit", "status", "notes", "answer"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "answer": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "unit" in self.fields:
            self.fields["unit"].empty_label = _("The office")

    def clean(self):
        cleaned = super().clean()
        if "answer" in self.changed_data and cleaned.get("answer") and not self.instance.email:
            self.add_error(
                "answer",
                _(
                    "This sender gave no e-mail: answer by phone and write what was said in the "
                    "internal notes."
                ),
            )
        return cleaned


@admin.register(ContactMessage)
class ContactMessageAdmin(SiteScopedAdmin, admin.ModelAdmin):
    form = AnswerForm
    # Two columns, so the list reads on a phone: who, to whom and when go under the subject.
    list_display = ["summary", "status"]
    list_display_links = ["summary"]
    list_filter = ["status", "unit", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["reference", "name", "email", "phone", "subject", "message"]
    list_select_related = ["unit"]
    date_hierarchy = None
    actions = ["mark_handling", "mark_closed"]
    readonly_fields = [
        "reference",
        "created_at",
        "name",
        "sender_contact",
        "subject",
        "message_text",
        "handled_by",
        "answered_at",
        "sent_answer",
    ]
    change_list_template = "admin/contact/contactmessage/change_list.html"

    def get_fieldsets(self, request, obj=None):
        answer = ["sent_answer", "answered_at"] if obj and obj.answered_at else ["answer"]
        return [
            (None, {"fields": ["subject", "message_text", "name", "sender_contact"]}),
            (_("Handling"), {"fields": ["unit", "status", "handled_by", "notes"]}),
            (_("Answer"), {"fields": answer}),
            (_("Record"), {"fields": ["reference", "created_at"]}),
        ]

    @admin.display(description=_("message"), ordering="-created_at")
    def summary(self, message):
        unit = message.unit.name if message.unit else _("The office")
        sent = date_format(timezone.localtime(message.created_at), "SHORT_DATETIME_FORMAT")
        return format_html(
            "{}<br><small>{} → {} · {}</small>", message.subject, message.name, unit, sent
        )

    @admin.display(description=_("message"))
    def message_text(self, message):
        return paragraphs(message.message)

    @admin.display(description=_("e-mail or phone"))
    def sender_contact(self, message):
        links = []
        if message.email:
            links.append(format_html('<a href="mailto:{0}">{0}</a>', message.email))
        if message.phone:
            links.append(
                format_html(
                    '<a href="tel:{0}">{1}</a>', message.phone.replace(" ", ""), message.phone
                )
            )
        return format_html(" · ".join(["{}"] * len(links)), *links) if links else "—"

    @admin.display(description=_("answer sent"))
    def sent_answer(self, message):
        return paragraphs(message.answer)

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if obj.status != ContactMessage.Status.NEW and obj.handled_by_id is None:
            obj.handled_by = request.user
        if "answer" in form.changed_data and obj.answer:
            try:
                answer_message(obj, request.user)
            except OSError:
                obj.answer = ""
                self.message_user(
                    request,
                    NOT_SENT,
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request, _("The answer was e-mailed to %(email)s.") % {"email": obj.email}
                )
                return
        super().save_model(request, obj, form, change)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "waiting_per_unit": self.waiting(request)}
        return super().changelist_view(request, extra_context)

    def waiting(self, request):
        """New and being-handled messages of each unit (the office first)."""
        rows = (
            self.get_queryset(request)
            .open()
            .order_by()
            .values("unit", "unit__name")
            .annotate(
                new=Count("pk", filter=Q(status=ContactMessage.Status.NEW)),
                handling=Count("pk", filter=Q(status=ContactMessage.Status.HANDLING)),
            )
            .order_by("unit__name")
        )
        return list(rows)

    @admin.action(description=_("Mark the selected messages as being handled"))
    def mark_handling(self, request, queryset):
        self.move_to(request, queryset, ContactMessage.Status.HANDLING)

    @admin.action(description=_("Close the selected messages"))
    def mark_closed(self, request, queryset):
        self.move_to(request, queryset, ContactMessage.Status.CLOSED)

    def move_to(self, request, queryset, status):
        queryset.filter(handled_by=None).update(handled_by=request.user)
        changed = queryset.exclude(status=status).update(status=status)
        message = ngettext(
            "%(count)d message moved to “%(status)s”.",
            "%(count)d messages moved to “%(status)s”.",
            changed,
        ) % {"count": changed, "status": ContactMessage.Status(status).label}
        self.message_user(request, message, messages.SUCCESS)
