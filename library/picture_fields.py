"""Fields that put every picture through the library (library/pictures.py).

`PictureUploadField` is the form field of an upload: its cleaned value is the checked,
re-encoded picture. `PictureField` is an image field of a model (an article's cover) whose
files are library pictures: whatever is saved into it, from a form, an import or code, is
checked, re-encoded (EXIF gone, turned upright) and stored with its renditions, so no page
can link an original as it was uploaded.
"""

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .pictures import accepted_types, normalize_upload, store_picture


class NormalizedFile(ContentFile):
    """A checked, re-encoded picture (`.normalized`), ready to be stored in the library."""

    def __init__(self, normalized):
        super().__init__(normalized.content, name=normalized.name)
        self.normalized = normalized


class PictureUploadField(forms.FileField):
    """A file field whose cleaned value is a new upload as a `NormalizedFile` (or the initial
    value, or False to clear it)."""

    default_error_messages = {"required": _("Choose a picture file.")}

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": lazy(accepted_types, str)()}

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            return NormalizedFile(normalize_upload(upload))
        return upload


class PictureFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        """Store `content` as a library picture (raises PictureError if it is not one)."""
        if isinstance(content, NormalizedFile):
            normalized = content.normalized
        else:
            normalized = normalize_upload(content)
        alt = getattr(self.instance, self.field.alt_field, "") if self.field.alt_field else ""
        picture, _created = store_picture(normalized, site=self.instance.site, alt=alt[:250])
        self.name = picture.file.name
        self._committed = True
        if self.field.width_field:
            setattr(self.instance, self.field.width_field, picture.width)
        if self.field.height_field:
            setattr(self.instance, self.field.height_field, picture.height)
        if save:
            self.instance.save()

    save.alters_data = True


class PictureField(models.ImageField):
    """An image field holding library pictures; `alt_field` names the field whose text
    describes the picture in the library."""

    attr_class = PictureFieldFile

    def __init__(self, *args, alt_field=None, **kwargs):
        self.alt_field = alt_field
        kwargs.setdefault("upload_to", "pictures/")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.alt_field:
            kwargs["alt_field"] = self.alt_field
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "form_class": PictureUploadField})
