"""The period choosers of the reports (GET forms). Missing values default to the current period."""

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

MIN_YEAR, MAX_YEAR = 2000, 2100
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
YEAR_MESSAGE = format_lazy(_("Choose a year from {min} to {max}."), min=MIN_YEAR, max=MAX_YEAR)


def in_years(day):
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise forms.ValidationError(YEAR_MESSAGE)


def year_field():
    message = YEAR_MESSAGE
    return forms.IntegerField(
        label=_("Year"),
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
        widget=forms.NumberInput(attrs={"class": "vIntegerField"}),
    )


def date_field(label):
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        validators=[in_years],
        error_messages={"invalid": _("Enter a date as dd/mm/yyyy.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class PeriodForm(forms.Form):
    """Bound to the query string over the defaults, so an empty query shows the current period."""

    def __init__(self, query):
        super().__init__(data={**self.defaults(), **query.dict()})

    @classmethod
    def defaults(cls):
        return {}

    def caption(self):
        return ""

    def filename_part(self):
        return ""


class DayForm(PeriodForm):
    day = date_field(_("Day"))

    @classmethod
    def defaults(cls):
        return {"day": timezone.localdate().isoformat()}

    def caption(self):
        return f"{self.cleaned_data['day']:%d/%m/%Y}"

    def filename_part(self):
        return self.cleaned_data["day"].isoformat()


class MonthForm(PeriodForm):
    month = forms.TypedChoiceField(
        label=_("Month"),
        choices=[(n, f"{n:02d}") for n in range(1, 13)],
        coerce=int,
        error_messages={"invalid_choice": _("Choose a month from 1 to 12.")},
    )
    year = year_field()

    @classmethod
    def defaults(cls):
        today = timezone.localdate()
        return {"month": str(today.month), "year": str(today.year)}

    def caption(self):
        return f"{self.cleaned_data['month']:02d}/{self.cleaned_data['year']}"

    def filename_part(self):
        return f"{self.cleaned_data['year']}-{self.cleaned_data['month']:02d}"


class YearForm(PeriodForm):
    year = year_field()

    @classmethod
    def defaults(cls):
        return {"year": str(timezone.localdate().year)}

    def caption(self):
        return str(self.cleaned_data["year"])

    def filename_part(self):
        return self.caption()


class RangeForm(PeriodForm):
    start = date_field(_("From"))
    end = date_field(_("To"))

    @classmethod
    def defaults(cls):
        today = timezone.localdate()
        return {"start": today.replace(day=1).isoformat(), "end": today.isoformat()}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The end date must not be before the start date."))
        return cleaned

    def caption(self):
        return f"{self.cleaned_data['start']:%d/%m/%Y} - {self.cleaned_data['end']:%d/%m/%Y}"

    def filename_part(self):
        return f"{self.cleaned_data['start']:%Y-%m-%d}_{self.cleaned_data['end']:%Y-%m-%d}"
