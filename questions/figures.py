"""The questions' figures: waiting per site on the province's overview (tenancy.overview), and
the overdue panel on the admin's first page (portal.admin_site.register_index_panel)."""

from django.template.loader import render_to_string
from django.utils import timezone

from tenancy.overview import count_per_site

from .models import Question

PANEL_SIZE = 10


def waiting(site_ids):
    return count_per_site(Question.objects.open().filter(site_id__in=site_ids))


def overdue_panel(request):
    """The site's overdue questions, oldest due first, for staff who may see questions."""
    site = getattr(request, "site", None)
    if site is None or not request.user.has_perm("questions.view_question"):
        return ""
    today = timezone.localdate()
    overdue = list(
        Question.objects.for_site(site).overdue(today).order_by("due_on", "pk")
        .only("title", "due_on", "status", "code")[: PANEL_SIZE + 1]
    )  # fmt: skip
    if not overdue:
        return ""
    context = {"questions": overdue[:PANEL_SIZE], "more": len(overdue) > PANEL_SIZE}
    return render_to_string("admin/questions/overdue_panel.html", context, request=request)
