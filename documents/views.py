from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView

from library.attachments import KINDS
from portal.pagecache import keep_until
from portal.printing import PrintViewMixin

from .forms import FilterForm
from .models import Document, DocumentFile
from .search import matching

PER_PAGE = 20
FILTER_PARAMETERS = ("q", "type", "body", "field", "year", "status")
LIST_PARAMETERS = (*FILTER_PARAMETERS, "page")
KIND_NAMES = dict(KINDS.values())


class CappedPaginator(Paginator):
    """Counts at most MAX_RESULTS documents: the whole list, or a search of a word most
    documents have (the ward's name), would otherwise count 100,000 rows; the page itself walks
    the newest first. Readers narrow a long list with the filters."""

    MAX_RESULTS = 1000
    is_capped = False

    @cached_property
    def count(self):
        found = self.object_list.order_by()[: self.MAX_RESULTS + 1].count()
        self.is_capped = found > self.MAX_RESULTS
        return min(found, self.MAX_RESULTS)


class DocumentListView(ListView):
    template_name = "documents/list.html"
    context_object_name = "documents"
    paginate_by = PER_PAGE

    paginator_class = CappedPaginator

    def get_queryset(self):
        self.form = FilterForm(self.request.GET, self.request.site)
        documents = Document.objects.for_site(self.request.site).published().issued()
        documents = self.form.apply(documents.listed())
        query = self.form.filters().get("q", "")
        self.query = query
        return matching(documents, query) if query.strip() else documents.newest_first()

    def get_context_data(self, **kwargs):
        chosen = QueryDict(mutable=True)
        for name in FILTER_PARAMETERS:
            if self.request.GET.get(name):
                chosen[name] = self.request.GET[name]
        filtered = bool(chosen)
        return super().get_context_data(
            form=self.form,
            query=self.query,
            filtered=filtered,
            page_query=chosen.urlencode(),
            **kwargs,
        )


class DraftListView(ListView):
    """Drafts put out for opinion: those still open first (nearest deadline first), then the
    closed ones, most recent first."""

    template_name = "documents/drafts.html"
    context_object_name = "drafts"
    paginate_by = PER_PAGE

    def get_queryset(self):
        now = timezone.now()
        drafts = Document.objects.for_site(self.request.site).published().drafts().listed()
        still_open = list(drafts.filter(opinion_until__gt=now).order_by("opinion_until", "pk"))
        if still_open:
            keep_until(self.request, still_open[0].opinion_until)
        closed = drafts.filter(opinion_until__lte=now).order_by("-opinion_until", "-pk")
        return [*still_open, *closed]


class DocumentMixin:
    context_object_name = "document"

    def get_queryset(self):
        documents = Document.objects.for_site(self.request.site).listed()
        documents = documents.select_related("sector").prefetch_related(
            Prefetch(
                "document_files",
                queryset=DocumentFile.objects.select_related("attachment"),
                to_attr="ordered_files",
            )
        )
        if self.request.user.has_perm("documents.view_document"):
            return documents
        return documents.published()

    def get_object(self, queryset=None):
        document = super().get_object(queryset)
        if document.comments_open():
            keep_until(self.request, document.opinion_until)
        for document_file in document.ordered_files:
            content_type = document_file.attachment.content_type
            document_file.kind_name = KIND_NAMES.get(content_type, content_type)
        return document


def links(documents):
    return list(documents.published().listed().newest_first())


class DocumentView(DocumentMixin, DetailView):
    template_name = "documents/document.html"

    def get_context_data(self, **kwargs):
        document = self.object
        return super().get_context_data(
            replaces=links(document.replaces),
            amends=links(document.amends),
            replaced_by=links(document.replaced_by),
            amended_by=links(document.amended_by),
            related_articles=list(document.related_articles.published().only("title", "slug")),
            is_preview=not document.is_published,
            **kwargs,
        )


class DocumentPrintView(PrintViewMixin, DocumentMixin, DetailView):
    template_name = "documents/print.html"
