"""Documents in the admin: types and issuing bodies edited in their lists; a document's files
uploaded in its own form, each checked by content (library.attachments) before it is stored."""

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.template.defaultfilters import filesizeformat, truncatechars
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from comments import targets
from comments.models import Comment
from library.admin_attachments import AttachmentUploadField
from library.attachments import store_attachment
from tenancy.admin import SiteScopedAdmin

from .folding import folded_words
from .models import Document, DocumentFile, DocumentType, IssuingBody
from .services import apply_links


class DocumentFileForm(forms.ModelForm):
    upload = AttachmentUploadField(label=_("File from your computer"), required=False)
    title = forms.CharField(label=_("Link text"), max_length=255, required=False)

    class Meta:
        model = DocumentFile
        fields = ["upload", "title", "position"]

    user = None

    def clean(self):
        cleaned = super().clean()
        if (
            not self.instance.attachment_id
            and not cleaned.get("upload")
            and "upload" not in (self.errors)
        ):
            self.add_error("upload", _("Choose a document file."))
        return cleaned

    def save(self, commit=True):
        checked = self.cleaned_data.get("upload")
        if checked:
            document = self.instance.document
            attachment, _created = store_attachment(
                checked, site=document.site, title=self.cleaned_data["title"], user=self.user
            )
            self.instance.attachment = attachment
        return super().save(commit)


class DocumentForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        for name in ("replaces", "amends"):
            if self.instance.pk and self.instance in (cleaned.get(name) or []):
                self.add_error(name, _("A document cannot replace or amend itself."))
        return cleaned


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    form = DocumentFileForm
    fields = ["current_file", "upload", "title", "position"]
    readonly_fields = ["current_file"]
    extra = 1
    ordering = ["position", "pk"]

    @admin.display(description=_("file"))
    def current_file(self, document_file):
        if not document_file.attachment_id:
            return "-"
        attachment = document_file.attachment
        return format_html(
            '<a href="{}">{}</a> ({})',
            attachment.get_absolute_url(),
            attachment,
            filesizeformat(attachment.byte_size),
        )


@admin.register(DocumentType)
class DocumentTypeAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


@admin.register(IssuingBody)
class IssuingBodyAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]


@admin.register(Document)
class DocumentAdmin(SiteScopedAdmin, admin.ModelAdmin):
    form = DocumentForm
    inlines = [DocumentFileInline]
    list_display = [
        "number_or_draft",
        "short_abstract",
        "document_type",
        "issued_on",
        "status",
        "is_published",
    ]
    list_display_links = ["number_or_draft", "short_abstract"]
    list_filter = ["document_type", "issuing_body", "status", "is_published", "sector"]
    list_select_related = ["document_type"]
    search_fields = ["number"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["replaces", "amends", "related_articles"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "document_type",
                    "number",
                    "issuing_body",
                    "signer",
                    "sector",
                    ("issued_on", "effective_on"),
                    "status",
                    "abstract",
                    "body",
                    "slug",
                    "is_published",
                ]
            },
        ),
        (
            _("Draft for public opinion"),
            {"fields": ["opinion_until", "show_opinions", "opinions"]},
        ),
        (_("Links"), {"fields": ["replaces", "amends", "related_articles"]}),
    ]

    readonly_fields = ["opinions"]

    @admin.display(description=_("Opinions received"))
    def opinions(self, document):
        """How many opinions a draft has, with links to moderate them and to export them."""
        if not document.pk or not document.is_draft:
            return "—"
        count = Comment.objects.for_target(document).count()
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
            count,
            targets.moderation_url(document),
            _("Moderate"),
            targets.export_url(document),
            _("Export (CSV)"),
        )

    @admin.display(description=_("number and symbol"), ordering="number")
    def number_or_draft(self, document):
        return document.number or _("(draft)")

    @admin.display(description=_("abstract"))
    def short_abstract(self, document):
        return truncatechars(document.abstract, 160)

    def get_search_results(self, request, queryset, search_term):
        """The number as typed, or folded: "15 qd ubnd" finds "15/QĐ-UBND"."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        folded = folded_words(search_term)
        if folded:
            folded_match = Q(search_number__contains=folded) | Q(search_text__contains=folded)
            found = found | queryset.filter(folded_match)
        return found, duplicates

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            inline_form.user = request.user
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        apply_links(form.instance)
