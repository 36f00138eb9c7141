from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from guard.forms import caught_in_honeypot
from portal.text import query_words
from portal.visitors import address_hash
from sectors.models import Sector

from .caching import cached
from .forms import AskForm, LookupForm
from .models import Question
from .services import QuestionRefused, ask

TYPED = ("name", "email", "phone", "residential_group", "sector", "title", "question")


def sectors_of(site):
    return Sector.objects.for_site(site).in_order()


def matching(questions, query):
    for word in query_words(query):
        questions = questions.filter(Q(search_title__contains=word) | Q(search_text__contains=word))
    return questions


@require_GET
def index(request):
    sectors = list(sectors_of(request.site))
    sector = next((s for s in sectors if s.slug == request.GET.get("linh-vuc")), None)
    query = request.GET.get("q", "")[:200]
    questions = Question.objects.for_site(request.site).published().select_related("sector")
    if sector:
        questions = questions.filter(sector=sector)
    questions = matching(questions, query).newest_first()
    page = Paginator(questions, settings.PORTAL_QUESTIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    kept = {"q": query, "linh-vuc": sector.slug if sector else ""}
    context = {
        "page": page,
        "sectors": sectors,
        "sector": sector,
        "query": query,
        "page_query": urlencode({key: value for key, value in kept.items() if value}),
    }
    return TemplateResponse(request, "questions/index.html", context)


index = cached(index, parameters=("linh-vuc", "q", "page"))


@require_GET
def detail(request, pk, slug):
    questions = Question.objects.for_site(request.site).published().select_related("sector")
    question = get_object_or_404(questions, pk=pk)
    if slug != question.slug:
        return redirect(question, permanent=True)
    return TemplateResponse(request, "questions/detail.html", {"question": question})


detail = cached(detail)


def ask_form(request, data=None):
    return AskForm(data, sectors=sectors_of(request.site))


def ask_page(request, form, status=200):
    return TemplateResponse(request, "questions/ask.html", {"form": form}, status=status)


@require_GET
def ask_view(request):
    return ask_page(request, ask_form(request))


ask_view = cached(ask_view)


@require_POST
def send(request):
    if caught_in_honeypot(request):
        return redirect("questions:sent", code="-")
    if "show_captcha" in request.POST:
        return ask_page(request, ask_form(request).typed(request.POST, TYPED))
    form = ask_form(request, request.POST)
    if not form.is_valid():
        return ask_page(request, form, status=400)
    fields = {name: form.cleaned_data[name] for name in TYPED}
    try:
        question = ask(request.site, address=address_hash(request, "questions-address"), **fields)
    except QuestionRefused as refusal:
        form.add_error(None, refusal.message)
        form.data = form.echoed(form.data)
        response = ask_page(request, form, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    return redirect("questions:sent", code=question.code)


def private(response):
    """Pages that show a tracking code: not indexed, the code never sent on as a referrer."""
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def sent(request, code):
    """The confirmation: the tracking code, nothing else the asker typed."""
    question = None
    if code != "-":
        question = get_object_or_404(Question.objects.for_site(request.site), code=code)
    return private(TemplateResponse(request, "questions/sent.html", {"question": question}))


@require_GET
def lookup(request):
    """A question's status by its tracking code (rate-limited: PORTAL_RATE_LIMITS)."""
    form = LookupForm(request.GET if "ma" in request.GET else None)
    question, status = None, 200
    if form.is_bound and form.is_valid():
        questions = Question.objects.for_site(request.site).select_related("sector")
        question = questions.filter(code=form.cleaned_data["ma"]).first()
        status = 200 if question else 404
    elif form.is_bound:
        status = 400
    context = {"form": form, "question": question, "searched": form.is_bound}
    return private(TemplateResponse(request, "questions/lookup.html", context, status=status))
