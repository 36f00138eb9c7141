from django.urls import reverse

from articles.sitemaps import SiteSitemap

from .caching import version_key
from .models import Question


class QuestionSitemap(SiteSitemap):
    """The list of questions and each published question."""

    changefreq = "weekly"
    priority = 0.5
    limit = 5000

    @classmethod
    def cache_keys(cls, site):
        return [version_key(site.pk)]

    def items(self):
        questions = Question.objects.for_site(self.site).published().order_by("pk")
        return ["questions:index", *questions.only("slug", "published_at")]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()
