"""Articles as a target of reader comments (the comments app's registry, comments/targets.py)."""

from django.utils.translation import gettext_lazy as _

from comments import targets

from .caching import touch_article
from .models import Article
from .views import ArticleView


def visible(site):
    return Article.objects.for_site(site).published().select_related("category", "category__parent")


def changed(articles):
    for site_id, slug in articles.values_list("site_id", "slug"):
        touch_article(site_id, slug)


def demo(site):
    return Article.objects.for_site(site).published().filter(allow_comments=True)[:6]


def comments_open(article):
    return article.allow_comments


def register():
    targets.register(
        "bai-viet",
        Article,
        visible=visible,
        page=targets.detail_page(ArticleView),
        heading=_("Readers' comments"),
        noun=_("article"),
        closed_notice=_("Comments are closed for this article."),
        is_open=comments_open,
        is_public=comments_open,
        count_field="comment_count",
        changed=changed,
        demo=demo,
    )
