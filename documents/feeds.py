from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.context_processors import identity

from .models import Document

FEED_SIZE = 30


class LatestDocumentsFeed(Feed):
    description_template = None

    def get_object(self, request):
        return request.site, identity(request)["site_name"]

    def title(self, obj):
        return _("Documents - %(site)s") % {"site": obj[1]}

    def link(self):
        return reverse("documents:list")

    def description(self, obj):
        return _("New documents of %(site)s") % {"site": obj[1]}

    def items(self, obj):
        documents = Document.objects.for_site(obj[0]).published().listed()
        return documents.newest_first()[:FEED_SIZE]

    def item_title(self, item):
        return item.title()

    def item_description(self, item):
        return item.abstract

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.document_type.name]
