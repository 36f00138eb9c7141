from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from library.html import plain_text
from portal.context_processors import identity

from .models import Question

FEED_SIZE = 30


class QuestionsFeed(Feed):
    def get_object(self, request):
        return request.site, identity(request)["site_name"]

    def title(self, obj):
        return _("Questions and answers: %(site)s") % {"site": obj[1]}

    def link(self):
        return reverse("questions:index")

    def description(self, obj):
        return _("The latest answers of %(site)s to citizens' questions") % {"site": obj[1]}

    def items(self, obj):
        published = Question.objects.for_site(obj[0]).published().newest_first()
        return published.select_related("sector")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.question}\n\n{plain_text(item.answer)}"

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.sector.name] if item.sector else []
