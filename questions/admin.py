"""The staff's queue of questions: assign, answer in the editor, publish (the asker's name in
full, shortened or hidden) or refuse with a reason. Every step goes through services.py."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tenancy.admin import SiteScopedAdmin

from . import services
from .models import Question, QuestionSettings

Status = Question.Status


class Step:
    SAVE, PUBLISH, WITHDRAW, REFUSE = "save", "publish", "withdraw", "refuse"
    CHOICES = [
        (SAVE, _("Save only")),
        (PUBLISH, _("Publish the question and its answer")),
        (WITHDRAW, _("Take it off the site")),
        (REFUSE, _("Refuse it (the reason is e-mailed to the asker)")),
    ]


class QuestionForm(forms.ModelForm):
    step = forms.ChoiceField(
        label=_("Then"), choices=Step.CHOICES, initial=Step.SAVE, widget=forms.RadioSelect
    )

    class Meta:
        model = Question
        fields = ["unit", "assignee", "answer", "name_shown", "refusal_reason"]
        widgets = {"refusal_reason": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        step = cleaned.get("step")
        if step == Step.PUBLISH and not (cleaned.get("answer") or "").strip():
            self.add_error("answer", _("Write the answer before publishing the question."))
        if step == Step.REFUSE and not (cleaned.get("refusal_reason") or "").strip():
            self.add_error("refusal_reason", _("Please give the reason for refusing the question."))
        self.check_status(step)
        return cleaned

    def check_status(self, step):
        """Steps the question's status does not allow, said on the form (the services refuse
        them too)."""
        status = self.instance.status
        if status == Status.REFUSED and step in (Step.PUBLISH, Step.WITHDRAW):
            self.add_error("step", _("A refused question cannot be answered."))
        if status == Status.PUBLISHED and step == Step.REFUSE:
            self.add_error("step", _("Withdraw the published question before refusing it."))


class OverdueFilter(admin.SimpleListFilter):
    title = _("due date")
    parameter_name = "qua-han"

    def lookups(self, request, model_admin):
        return [("1", _("Overdue"))]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "1" else queryset


def paragraphs(text):
    return format_html('<div class="question-text">{}</div>', linebreaks(text, autoescape=True))


@admin.register(Question)
class QuestionAdmin(SiteScopedAdmin, admin.ModelAdmin):
    form = QuestionForm
    list_display = ["summary", "status", "due_on"]
    ordering = ["-created_at", "-pk"]
    list_filter = [
        OverdueFilter,
        "status",
        "sector",
        "unit",
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["code", "name", "email", "phone", "title", "question"]
    list_select_related = ["sector", "unit"]
    readonly_fields = [
        "code",
        "created_at",
        "due_on",
        "status",
        "name",
        "contact_details",
        "residential_group",
        "sector",
        "title",
        "question_text",
        "answered_at",
        "answered_by",
        "published_at",
        "refused_at",
    ]

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": ["title", "question_text", "sector", "name", "residential_group"]}),
            (_("Asker (never shown)"), {"fields": ["contact_details"]}),
            (_("Handling"), {"fields": ["status", "due_on", "unit", "assignee"]}),
            (_("Answer"), {"fields": ["answer", "answered_at", "answered_by"]}),
            (_("Publishing"), {"fields": ["name_shown", "refusal_reason", "step"]}),
            (_("Record"), {"fields": ["code", "created_at", "published_at", "refused_at"]}),
        ]

    @admin.display(description=_("question"), ordering="-created_at")
    def summary(self, question):
        asked = date_format(timezone.localtime(question.created_at), "SHORT_DATETIME_FORMAT")
        late = _("overdue") if question.is_overdue() else ""
        sector = question.sector.name if question.sector else "—"
        return format_html(
            "{}<br><small>{} · {} · {} <strong>{}</strong></small>",
            question.title,
            question.name,
            sector,
            asked,
            late,
        )

    @admin.display(description=_("question"))
    def question_text(self, question):
        return paragraphs(question.question)

    @admin.display(description=_("e-mail or phone"))
    def contact_details(self, question):
        return " · ".join(filter(None, [question.email, question.phone])) or "—"

    def has_add_permission(self, request):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "assignee":
            staff = get_user_model().objects.filter(is_active=True, memberships__site=request.site)
            field.queryset = staff.order_by("username").distinct()
        return field

    def save_model(self, request, obj, form, change):
        """The form's fields through the services, in one transaction: assignment, answer,
        then the step chosen."""
        data, changed = form.cleaned_data, set(form.changed_data)
        try:
            with transaction.atomic():
                self.apply(request, obj, data, changed)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def apply(self, request, obj, data, changed):
        services.set_choices(
            obj, name_shown=data["name_shown"], refusal_reason=data["refusal_reason"]
        )
        if changed & {"unit", "assignee"}:
            services.assign(obj, unit=data["unit"], assignee=data["assignee"])
        if "answer" in changed and data["answer"].strip():
            services.answer(obj, data["answer"], request.user)
        step = data["step"]
        if step == Step.PUBLISH:
            services.publish(obj, data["name_shown"])
        elif step == Step.WITHDRAW:
            services.withdraw(obj)
        elif step == Step.REFUSE:
            services.refuse(obj, data["refusal_reason"])


class SettingsForm(forms.ModelForm):
    class Meta:
        model = QuestionSettings
        fields = ["answer_days"]

    def validate_unique(self):
        """One row per site: a second is refused with a message (the site is no field of the
        form to carry the database's uniqueness error)."""
        others = QuestionSettings.objects.filter(site_id=self.instance.site_id)
        if others.exclude(pk=self.instance.pk).exists():
            self.add_error(None, _("This site has its settings already: change them instead."))


@admin.register(QuestionSettings)
class QuestionSettingsAdmin(SiteScopedAdmin, admin.ModelAdmin):
    form = SettingsForm
    list_display = ["__str__", "answer_days"]
    list_select_related = ["site"]
