from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tenancy.admin import SiteScopedAdmin

from .models import Choice, Poll
from .services import recount

MIN_CHOICES = 2


class ChoiceFormSet(BaseInlineFormSet):
    """At least two choices; a choice someone voted for stays (its votes would be lost)."""

    def clean(self):
        super().clean()
        kept = 0
        for form in self.forms:
            if not form.cleaned_data:
                continue
            if form.cleaned_data.get("DELETE"):
                if form.instance.pk and form.instance.vote_count:
                    raise ValidationError(
                        _("The choice “%(text)s” has votes and cannot be deleted.")
                        % {"text": form.instance.text}
                    )
                continue
            kept += 1
        if kept < MIN_CHOICES:
            raise ValidationError(_("A poll needs at least two choices."))


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ["text", "position", "vote_count"]
    readonly_fields = ["vote_count"]
    extra = 3


@admin.register(Poll)
class PollAdmin(SiteScopedAdmin, admin.ModelAdmin):
    inlines = [ChoiceInline]
    list_display = [
        "question",
        "status_label",
        "opens_at",
        "closes_at",
        "results",
        "vote_count",
        "is_published",
        "position",
    ]
    list_editable = ["position"]
    list_filter = ["is_published", "results", "several_answers"]
    search_fields = ["question"]
    date_hierarchy = "opens_at"
    prepopulated_fields = {"slug": ["question"]}
    readonly_fields = ["status_label", "vote_count"]
    actions = ["recount_votes"]
    fieldsets = [
        (None, {"fields": ["question", "slug", "is_published", "position"]}),
        (pgettext_lazy("poll", "Answers"), {"fields": ["several_answers", "max_answers"]}),
        (pgettext_lazy("poll", "When"), {"fields": ["opens_at", "closes_at", "status_label"]}),
        (pgettext_lazy("poll", "Results"), {"fields": ["results", "vote_count"]}),
    ]

    @admin.display(description=_("status"))
    def status_label(self, poll):
        if poll.pk is None:
            return "-"
        return Poll.Status(poll.status()).label

    @admin.action(description=_("Recount the votes of the selected polls"))
    def recount_votes(self, request, queryset):
        drifted = sum(recount(poll) for poll in queryset)
        self.message_user(
            request,
            _("%(number)d poll(s) had counts that differed from their votes.")
            % {"number": drifted},
        )
