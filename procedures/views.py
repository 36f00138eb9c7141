from django import forms
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from documents.models import Document
from sectors.models import Sector

from .models import Procedure, ProcedureForm

PER_PAGE = 20


class FilterForm(forms.Form):
    """The list's search and filters; a value that is not a choice is ignored, not an error."""

    q = forms.CharField(
        label=_("Name or code of the procedure"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sector = forms.ChoiceField(label=_("Field of work"), required=False)
    level = forms.ChoiceField(label=_("Level of online service"), required=False)

    def __init__(self, data, sectors):
        super().__init__(data)
        sector_choices = [(sector.slug, sector.name) for sector in sectors]
        self.fields["sector"].choices = [("", _("All fields")), *sector_choices]
        self.fields["level"].choices = [("", _("All levels")), *Procedure.Level.choices]

    def add_prefix(self, field_name):
        return {"sector": "linh-vuc", "level": "muc-do"}.get(field_name, field_name)

    def filters(self):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned.get(name) or "" for name in ("q", "sector", "level")}


def visible_procedures(request):
    """Readers see published procedures; staff who may view them in the admin see drafts too."""
    procedures = Procedure.objects.for_site(request.site)
    if request.user.has_perm("procedures.view_procedure"):
        return procedures
    return procedures.published()


class ProcedureListView(ListView):
    template_name = "procedures/list.html"
    context_object_name = "procedures"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.sectors = list(Sector.objects.for_site(self.request.site).in_order())
        self.form = FilterForm(self.request.GET, self.sectors)
        self.filters = self.form.filters()
        procedures = visible_procedures(self.request).select_related("sector")
        if self.filters["q"]:
            procedures = procedures.matching(self.filters["q"])
        if self.filters["sector"]:
            procedures = procedures.filter(sector__slug=self.filters["sector"])
        if self.filters["level"]:
            procedures = procedures.filter(level=self.filters["level"])
        return procedures.in_order().only(
            "name", "code", "slug", "level", "status", "time_limit", "sector__name"
        )

    def get_context_data(self, **kwargs):
        query = {
            key: value
            for key, value in [
                ("q", self.filters["q"]),
                ("linh-vuc", self.filters["sector"]),
                ("muc-do", self.filters["level"]),
            ]
            if value
        }
        return super().get_context_data(
            form=self.form,
            filtered=bool(query),
            page_query=urlencode(query),
            **kwargs,
        )


class ProcedureView(DetailView):
    template_name = "procedures/detail.html"
    context_object_name = "procedure"

    def get_object(self, queryset=None):
        forms_to_download = ProcedureForm.objects.select_related("attachment")
        procedures = visible_procedures(self.request).select_related("sector")
        return get_object_or_404(
            procedures.prefetch_related(
                Prefetch("forms", queryset=forms_to_download),
                Prefetch(
                    "legal_documents",
                    queryset=Document.objects.published().listed().newest_first(),
                    to_attr="published_legal_documents",
                ),
            ),
            slug=self.kwargs["slug"],
        )
