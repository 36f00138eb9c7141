from django import forms
from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from library.admin_attachments import AttachmentUploadField
from library.attachments import store_attachment
from tenancy.admin import SiteScopedAdmin

from . import admin_import
from .models import Procedure, ProcedureForm


class ProcedureFormForm(forms.ModelForm):
    """A form to download: a new document file (checked by its content and kept in the site's
    library) or a document the library already has."""

    upload = AttachmentUploadField(label=_("New document file"), required=False)
    site = user = None

    class Meta:
        model = ProcedureForm
        fields = ["upload", "attachment", "title", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].required = False

    def clean(self):
        cleaned = super().clean()
        document = cleaned.get("upload")
        if document is not None:
            attachment, _created = store_attachment(
                document, site=self.site, title=cleaned.get("title", ""), user=self.user
            )
            cleaned["attachment"] = attachment
        if not cleaned.get("attachment") and not self.errors.get("upload"):
            self.add_error("upload", _("Upload a document file or choose one of the library."))
        return cleaned


class ProcedureFormInline(SiteScopedAdmin, admin.TabularInline):
    model = ProcedureForm
    form = ProcedureFormForm
    site_path = "procedure__site"
    autocomplete_fields = ["attachment"]
    extra = 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = type(
            "ProcedureFormForm", (formset.form,), {"site": request.site, "user": request.user}
        )
        return formset


@admin.register(Procedure)
class ProcedureAdmin(SiteScopedAdmin, admin.ModelAdmin):
    change_list_template = "admin/procedures/procedure/change_list.html"
    list_display = ["name", "code", "sector", "level", "status", "updated_at"]
    list_filter = ["sector", "level", "status"]
    list_select_related = ["sector"]
    search_fields = ["name", "code", "search_name"]
    inlines = [ProcedureFormInline]
    autocomplete_fields = ["legal_documents"]
    readonly_fields = ["public_address"]
    fieldsets = [
        (None, {"fields": ["name", "code", "sector", "level", "status", "slug"]}),
        (
            _("How it is done"),
            {
                "fields": [
                    "submission_place",
                    "steps",
                    "papers",
                    "time_limit",
                    "fees",
                    "applicants",
                    "result",
                    "legal_basis",
                    "legal_documents",
                ]
            },
        ),
        (_("Online"), {"fields": ["national_url", "public_address"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "national_url":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("address on this site"))
    def public_address(self, procedure):
        if procedure.pk is None:
            return "-"
        return format_html('<a href="{0}">{0}</a>', procedure.get_absolute_url())

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("nhap/", view(self.import_view), name="procedures_procedure_import"),
            path("nhap/ap-dung/", view(self.apply_view), name="procedures_procedure_apply"),
            path(
                "nhap/mau.<str:kind>",
                view(admin_import.template_download),
                name="procedures_procedure_template",
            ),
            *super().get_urls(),
        ]

    def may_import(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def import_view(self, request):
        return admin_import.import_page(request, self)

    def apply_view(self, request):
        return admin_import.apply(request, self)

    def changelist_view(self, request, extra_context=None):
        extra = {
            "may_import": self.may_import(request),
            "import_url": reverse("admin:procedures_procedure_import"),
        }
        return super().changelist_view(request, {**(extra_context or {}), **extra})
