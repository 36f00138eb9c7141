from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Article, Category, Tag
from .viewcounts import record_view

PAGE_SIZE = 10


class HomeView(ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().for_listing()


class CategoryView(ListView):
    template_name = "articles/category.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.category = get_object_or_404(Category.objects.active(), slug=self.kwargs["slug"])
        return Article.objects.published().in_category_tree(self.category).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class TagView(ListView):
    template_name = "articles/tag.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.published().filter(tags=self.tag).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class ArticleView(DetailView):
    template_name = "articles/article.html"
    context_object_name = "article"

    def get_queryset(self):
        articles = Article.objects.select_related("category", "category__parent")
        if self.request.user.is_staff:
            return articles
        return articles.published()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        record_view(request, self.object)
        return response


class ArticlePrintView(ArticleView):
    template_name = "articles/print.html"
