from django.urls import path

from . import feeds, ratings, search, views

app_name = "articles"

urlpatterns = [
    path("", views.cached_listing(views.HomeView.as_view(), parameters=()), name="home"),
    path(
        "chuyen-muc/<slug:slug>/",
        views.cached_listing(views.CategoryView.as_view()),
        name="category",
    ),
    path("the/<slug:slug>/", views.cached_listing(views.TagView.as_view()), name="tag"),
    path("bai-viet/<slug:slug>/", views.cached_article(views.ArticleView.as_view()), name="detail"),
    path("bai-viet/<slug:slug>/in/", views.ArticlePrintView.as_view(), name="print"),
    path("bai-viet/<slug:slug>/danh-gia/", ratings.rate, name="rate"),
    path("bai-viet/<slug:slug>/danh-gia/cua-ban/", ratings.my_score, name="my_score"),
    path("tim-kiem/", search.search_view, name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("rss/<slug:slug>/", feeds.CategoryFeed(), name="category_feed"),
]
