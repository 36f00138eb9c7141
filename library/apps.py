from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The media library every content app's editor uses: pictures, attachments, the editor's
    configuration and the HTML it may produce."""

    name = "library"
    verbose_name = _("Media library")

    def ready(self):
        from tenancy.portability import register_moved_model

        register_moved_model("articles.picture", "library.picture")
