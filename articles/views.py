from functools import wraps

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from comments import targets
from portal.pagecache import cached_page, is_cacheable_request, keep_until

from .caching import article_version_key, generation_key, next_change
from .models import Article, Category, Tag, Vote
from .ratings import readers_score
from .seo import news_article, shared_image
from .viewcounts import record_view, record_view_of

PAGE_SIZE = 10
FEATURED_COUNT = 3
PER_SECTION = 4
NEIGHBOURS = 5


class HomeView(TemplateView):
    """Featured articles, then the newest of each top-level category."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        site = self.request.site
        published = Article.objects.for_site(site).published().for_listing()
        featured = list(published.filter(is_featured=True)[:FEATURED_COUNT])
        categories = Category.objects.for_site(site).active()
        children = Prefetch("children", queryset=categories)
        roots = list(categories.filter(parent=None).prefetch_related(children))
        trees = {root.pk: [root.pk, *(child.pk for child in root.children.all())] for root in roots}
        others = published.exclude(pk__in=[a.pk for a in featured])
        sections = {}
        for article in others.newest_per_section(trees, PER_SECTION):
            sections.setdefault(article.section_id, []).append(article)
        for articles in sections.values():
            articles.sort(key=lambda a: (a.publish_at, a.pk), reverse=True)
        return super().get_context_data(
            featured=featured,
            sections=[(c, sections[c.pk]) for c in roots if c.pk in sections],
            **kwargs,
        )


class IdsFirst:
    """A listing for a paginator that finds a page's ids first, then reads those rows.

    Counting and skipping to page 450 then walk the narrow covering index
    `article_listing_idx` (PostgreSQL) instead of every wide row before the page (body and
    search document: 0.6 s at 100,000 articles)."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return self.queryset.order_by().values("pk").count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        ids = list(self.queryset.values_list("pk", flat=True)[window])
        rows = self.queryset.order_by().in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]


class ListingView(ListView):
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_paginator(self, queryset, per_page, *args, **kwargs):
        return super().get_paginator(IdsFirst(queryset), per_page, *args, **kwargs)


class CategoryView(ListingView):
    template_name = "articles/category.html"

    def get_queryset(self):
        site = self.request.site
        categories = Category.objects.for_site(site).active()
        self.category = get_object_or_404(categories, slug=self.kwargs["slug"])
        articles = Article.objects.for_site(site).published()
        return articles.in_category_tree(self.category).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class TagView(ListingView):
    template_name = "articles/tag.html"

    def get_queryset(self):
        site = self.request.site
        self.tag = get_object_or_404(Tag.objects.for_site(site), slug=self.kwargs["slug"])
        return Article.objects.for_site(site).published().filter(tags=self.tag).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleMixin:
    """Public articles; staff who may view articles in the admin also see unpublished ones (a
    preview with a banner)."""

    context_object_name = "article"

    def get_queryset(self):
        articles = Article.objects.for_site(self.request.site).select_related(
            "category", "category__parent"
        )
        if self.request.user.has_perm("articles.view_article"):
            return articles
        return articles.published()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_view(request, self.object)
        return response


class ArticleView(ArticleMixin, DetailView):
    template_name = "articles/article.html"

    def get_context_data(self, **kwargs):
        article = self.object
        published = Article.objects.for_site(self.request.site).published()
        newer, older = published.for_listing().neighbours(article)
        image = shared_image(article)
        return super().get_context_data(
            tags=list(article.tags.all()),
            newer=list(newer[:NEIGHBOURS]),
            older=list(older[:NEIGHBOURS]),
            structured_data=news_article(self.request, article, image),
            shared_image=image,
            readers_score=self.score_of_reader(article),
            stars=Vote.Score.choices,
            **kwargs,
        )

    def score_of_reader(self, article):
        """A page that may be cached for everyone leaves this to the rating script."""
        if not article.allow_rating or is_cacheable_request(self.request):
            return None
        return readers_score(self.request, article)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response.page_cache_meta = {"article_id": self.object.pk}
        if self.object.expire_at:
            keep_until(request, self.object.expire_at)
        return response


class ArticlePrintView(ArticleMixin, DetailView):
    template_name = "articles/print.html"


def listing_depends_on(request, view_kwargs):
    return [generation_key(request.site.pk)]


def article_page_depends_on(request, view_kwargs):
    site_id = request.site.pk
    return [generation_key(site_id), article_version_key(site_id, view_kwargs["slug"])]


def count_cached_view(request, meta):
    record_view_of(request, meta["article_id"])


def until_next_change(view):
    """The page cache does not keep the view's pages past the site's next scheduled
    publication or expiry: their lists and sidebar blocks change then."""

    @wraps(view)
    def bounded(request, *args, **kwargs):
        if settings.PORTAL_PAGE_CACHE_SECONDS and is_cacheable_request(request):
            change = next_change(request.site.pk)
            if change:
                keep_until(request, change)
        return view(request, *args, **kwargs)

    return bounded


def cached_listing(view, parameters=("page",)):
    return cached_page(listing_depends_on, parameters=parameters)(until_next_change(view))


def cached_article(view):
    return cached_page(
        article_page_depends_on, on_hit=count_cached_view, parameters=targets.QUERY_PARAMETERS
    )(until_next_change(view))
