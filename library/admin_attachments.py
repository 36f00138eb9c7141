"""The attachment library in the admin, and the editor's upload endpoint for documents."""

from django import forms
from django.contrib import admin, messages
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.files.uploadedfile import UploadedFile
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from tenancy.admin import SiteScopedAdmin

from .attachments import KINDS, accepted_types, check_upload, store_attachment
from .endpoints import Upload, receive
from .models import Attachment

EXCERPT_CHARS = 1500


class AttachmentUploadField(forms.FileField):
    """A file field whose cleaned value is the checked document (attachments.CheckedDocument)."""

    default_error_messages = {"required": _("Choose a document file.")}

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": lazy(accepted_types, str)()}

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return check_upload(upload) if isinstance(upload, UploadedFile) else upload


class AttachmentUploadForm(forms.ModelForm):
    upload = AttachmentUploadField(label=_("Document file"))

    class Meta:
        model = Attachment
        fields = ["title"]

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site or getattr(self, "site", None)

    def store(self, user):
        """Returns (attachment, created); known bytes return the site's library copy."""
        return store_attachment(
            self.cleaned_data["upload"], site=self.site, title=self.cleaned_data["title"], user=user
        )


def attachment_json(attachment):
    return {
        "id": attachment.pk,
        "url": attachment.get_absolute_url(),
        "title": attachment.title,
        "name": attachment.original_name,
        "size": attachment.byte_size,
    }


@admin.register(Attachment)
class AttachmentAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = [
        "__str__", "original_name", "kind", "size", "has_text", "download_count", "uploaded_at",
    ]  # fmt: skip
    search_fields = ["title", "original_name"]
    date_hierarchy = "uploaded_at"
    change_readonly_fields = [
        "original_name", "address", "kind", "size", "download_count", "text_excerpt",
    ]  # fmt: skip
    change_fields = ["title", *change_readonly_fields]

    def get_queryset(self, request):
        """Without the (long) texts, but knowing whether there is one."""
        return (
            super()
            .get_queryset(request)
            .without_text()
            .annotate(text_found=ExpressionWrapper(~Q(text=""), BooleanField()))
        )

    def get_search_results(self, request, queryset, search_term):
        """Rows whose title or file name holds the words as typed, or whose title, file name or
        text holds them without diacritics ("quyet dinh" finds "Quyết định")."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            found = found | queryset.matching(search_term)
        return found, duplicates

    def get_fields(self, request, obj=None):
        return ["upload", "title"] if obj is None else self.change_fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.change_readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = AttachmentUploadForm
        return super().get_form(request, obj, change, **kwargs)

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        form.save(commit=False)  # Gives the form its save_m2m(), which the admin calls.
        attachment, created = form.store(request.user)
        if not created:
            message = _("This document was already in the library; the existing one is kept.")
            self.message_user(request, message, messages.WARNING)
        return attachment

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)

    @admin.display(description=_("address"))
    def address(self, attachment):
        return format_html('<a href="{0}">{0}</a>', attachment.get_absolute_url())

    @admin.display(description=_("kind"), ordering="content_type")
    def kind(self, attachment):
        names = dict(KINDS.values())
        return names.get(attachment.content_type, attachment.content_type)

    @admin.display(description=_("has text content"), boolean=True, ordering="text_found")
    def has_text(self, attachment):
        return attachment.text_found

    @admin.display(description=_("text content"))
    def text_excerpt(self, attachment):
        if not attachment.text:
            return gettext(
                "No text was found in this file (a scan, a legacy DOC/XLS file, an encrypted "
                "or damaged file)."
            )
        excerpt = Truncator(attachment.text).chars(EXCERPT_CHARS)
        count = intcomma(len(attachment.text))
        return format_html(
            "<p>{}</p><p>{}</p>",
            excerpt,
            gettext("%(count)s characters in all.") % {"count": count},
        )

    @admin.display(description=_("size"), ordering="byte_size")
    def size(self, attachment):
        return filesizeformat(attachment.byte_size)

    def get_urls(self):
        return [
            path(
                "upload/",
                csrf_protect(never_cache(self.upload_view)),
                name="library_attachment_upload",
            ),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        """The editor's upload: POST multipart (upload, title), answers JSON."""
        return receive(
            request,
            Upload(
                "library.add_attachment",
                AttachmentUploadForm,
                attachment_json,
                gettext("You are not allowed to upload documents."),
                gettext("Send the document with POST."),
                gettext("The document could not be saved. Try again later."),
            ),
        )
