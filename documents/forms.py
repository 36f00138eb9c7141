"""The filters of the documents' list: a GET form, every field optional; a value that is not
one of the choices is ignored rather than refused, so an old or mistyped address still lists."""

from django import forms
from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _

from sectors.models import Sector

from .models import Document, DocumentType, IssuingBody

STATUS_CHOICES = [
    ("", _("Any status")),
    (Document.Status.IN_FORCE, Document.Status.IN_FORCE.label),
    (Document.PENDING, _("Not yet in force")),
    (Document.Status.PARTLY, Document.Status.PARTLY.label),
    (Document.Status.EXPIRED, Document.Status.EXPIRED.label),
]


def years_of(site):
    """From the newest year of issue to the oldest: two ends of an index, where listing the
    distinct years would read every document."""
    issued = Document.objects.for_site(site).published().filter(issued_on__isnull=False)
    ends = issued.aggregate(first=Min("issued_on"), last=Max("issued_on"))
    if ends["first"] is None:
        return []
    return list(range(ends["last"].year, ends["first"].year - 1, -1))


class FilterForm(forms.Form):
    q = forms.CharField(
        label=_("Number, symbol or words"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("E.g. 15 qd ubnd")}),
    )
    type = forms.ModelChoiceField(
        DocumentType.objects.none(), label=_("Type"), required=False, to_field_name="slug"
    )
    body = forms.ModelChoiceField(
        IssuingBody.objects.none(), label=_("Issuing body"), required=False
    )
    field = forms.ModelChoiceField(
        Sector.objects.none(), label=_("Field of work"), required=False, to_field_name="slug"
    )
    year = forms.TypedChoiceField(label=_("Year of issue"), required=False, coerce=int)
    status = forms.ChoiceField(label=_("Legal status"), choices=STATUS_CHOICES, required=False)

    def __init__(self, data, site):
        super().__init__(data)
        self.fields["type"].queryset = DocumentType.objects.for_site(site).in_order()
        self.fields["type"].empty_label = _("All types")
        self.fields["body"].queryset = IssuingBody.objects.for_site(site).in_order()
        self.fields["body"].empty_label = _("All issuing bodies")
        self.fields["field"].queryset = Sector.objects.for_site(site).in_order()
        self.fields["field"].empty_label = _("All fields")
        self.fields["year"].choices = [("", _("Any year")), *((y, y) for y in years_of(site))]

    def filters(self):
        """{name: value} of the fields with a valid value."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name not in self.errors
        }

    def apply(self, documents):
        chosen = self.filters()
        if "type" in chosen:
            documents = documents.filter(document_type=chosen["type"])
        if "body" in chosen:
            documents = documents.filter(issuing_body=chosen["body"])
        if "field" in chosen:
            documents = documents.filter(sector=chosen["field"])
        if "year" in chosen:
            documents = documents.filter(issued_on__year=chosen["year"])
        if "status" in chosen:
            documents = documents.with_status(chosen["status"])
        return documents
