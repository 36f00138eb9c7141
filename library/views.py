import logging

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from portal.visitors import is_bot

from .models import Attachment

logger = logging.getLogger(__name__)


@require_safe
def download(request, pk):
    """An attachment of this site, as a download under its original name; counts a download
    (not a HEAD, nor a robot's) with one UPDATE."""
    attachment = get_object_or_404(Attachment.objects.for_site(request.site).without_text(), pk=pk)
    try:
        file = attachment.file.open("rb")
    except OSError:
        logger.exception("Attachment %s: its file %s cannot be read", pk, attachment.file.name)
        raise Http404 from None
    if request.method == "GET" and not is_bot(request):
        Attachment.objects.filter(pk=pk).update(download_count=F("download_count") + 1)
    response = FileResponse(
        file,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response
