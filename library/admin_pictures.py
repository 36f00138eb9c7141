"""The media library in the admin: uploads, the editor's upload endpoint and the picture picker."""

import re

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from tenancy.admin import SiteScopedAdmin

from .admin_forms import PictureAltTextForm
from .endpoints import Upload, receive
from .models import Picture
from .picture_fields import PictureUploadField
from .pictures import store_picture
from .renditions import rendition_url

THUMBNAIL_WIDTH = 320
PICKER_PAGE_SIZE = 24


class PictureUploadForm(forms.ModelForm):
    upload = PictureUploadField(label=_("Picture file"))

    class Meta:
        model = Picture
        fields = ["alt", "caption"]

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site or getattr(self, "site", None)

    def store(self, user):
        """Returns (picture, created); an upload of known bytes returns the site's library copy."""
        return store_picture(
            self.cleaned_data["upload"].normalized,
            site=self.site,
            alt=self.cleaned_data["alt"],
            caption=self.cleaned_data["caption"],
            user=user,
        )


class PictureAddForm(PictureAltTextForm, PictureUploadForm):
    """The admin's add page: the upload, with alt text required (or taken from the caption)."""


def picture_json(picture):
    return {
        "id": picture.pk,
        "url": picture.file.url,
        "width": picture.width,
        "height": picture.height,
        "alt": picture.alt,
        "caption": picture.caption,
    }


@admin.register(Picture)
class PictureAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["thumbnail", "alt", "caption", "dimensions", "size", "uploaded_at"]
    list_display_links = ["thumbnail", "alt"]
    search_fields = ["alt", "caption"]
    date_hierarchy = "uploaded_at"
    change_fields = ["preview", "alt", "caption", "address", "dimensions", "size"]
    change_readonly_fields = ["preview", "address", "dimensions", "size"]

    class Media:
        css = {"all": ["library/css/pictures.css"]}

    def get_fields(self, request, obj=None):
        return ["upload", "alt", "caption"] if obj is None else self.change_fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.change_readonly_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = PictureAddForm if obj is None else PictureAltTextForm
        return super().get_form(request, obj, change, **kwargs)

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        form.save(commit=False)  # Gives the form its save_m2m(), which the admin calls.
        picture, created = form.store(request.user)
        if not created:
            message = _("This picture was already in the library; the existing one is kept.")
            self.message_user(request, message, messages.WARNING)
        return picture

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)

    @admin.display(description=_("picture"))
    def thumbnail(self, picture):
        return format_html(
            '<img class="picture-thumbnail" src="{}" alt="" loading="lazy">',
            rendition_url(picture.file, THUMBNAIL_WIDTH),
        )

    @admin.display(description=_("preview"))
    def preview(self, picture):
        return format_html(
            '<img class="picture-preview" src="{}" alt="{}" width="{}" height="{}">',
            rendition_url(picture.file, 800),
            picture.alt,
            picture.width,
            picture.height,
        )

    @admin.display(description=_("address"))
    def address(self, picture):
        return format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', picture.file.url)

    @admin.display(description=_("dimensions"))
    def dimensions(self, picture):
        return f"{picture.width} \N{MULTIPLICATION SIGN} {picture.height}"

    @admin.display(description=_("size"), ordering="byte_size")
    def size(self, picture):
        return filesizeformat(picture.byte_size)

    def get_urls(self):
        return [
            path(
                "upload/",
                csrf_protect(never_cache(self.upload_view)),
                name="library_picture_upload",
            ),
            path(
                "picker/",
                self.admin_site.admin_view(self.picker_view),
                name="library_picture_picker",
            ),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        """The editor's upload: POST multipart (upload, alt, caption), answers JSON."""
        return receive(
            request,
            Upload(
                "library.add_picture",
                PictureAddForm,
                picture_json,
                gettext("You are not allowed to upload pictures."),
                gettext("Send the picture with POST."),
                gettext("The picture could not be saved. Try again later."),
            ),
        )

    def picker_view(self, request):
        """A popup listing the library; a click hands the picture to the editor's Figure dialog."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()
        pictures = self.get_queryset(request).only("file", "alt", "caption", "width", "height")
        if query:
            pictures = pictures.filter(Q(alt__icontains=query) | Q(caption__icontains=query))
        func_num = request.GET.get("CKEditorFuncNum", "")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Choose a picture"),
            "is_popup": True,
            "query": query,
            "func_num": func_num if re.fullmatch(r"-?\d{1,9}", func_num) else "",
            "page_obj": Paginator(pictures, PICKER_PAGE_SIZE).get_page(request.GET.get("p")),
        }
        return TemplateResponse(request, "admin/library/picture/picker.html", context)
