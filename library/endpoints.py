"""What the editor's upload endpoints share: JSON errors and who may upload."""

import logging
from dataclasses import dataclass

from django.http import JsonResponse

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Upload:
    """One kind of upload: who may, the form that checks and stores it, its JSON, its texts."""

    permission: str
    form: type  # form(data, files, site=...) with .store(user) -> (object, created)
    to_json: object  # (object) -> dict
    forbidden: str
    not_post: str
    not_stored: str


def receive(request, upload):
    """The editor's upload: POST multipart, answered with JSON (201 when new, 200 when the same
    file was there already)."""
    refused = refusal(request, upload.permission, upload.forbidden, upload.not_post)
    if refused:
        return refused
    form = upload.form(request.POST, request.FILES, site=request.site)
    if not form.is_valid():
        return invalid_form(form)
    try:
        stored, created = form.store(request.user)
    except OSError:
        logger.exception("Could not store an upload (%s)", upload.permission)
        return json_error(upload.not_stored, 500)
    return JsonResponse(upload.to_json(stored), status=201 if created else 200)


def json_error(message, status, **extra):
    return JsonResponse({"error": str(message), **extra}, status=status)


def can_upload(user, permission):
    return user.is_active and user.is_staff and user.has_perm(permission)


def refusal(request, permission, forbidden, not_post):
    """The error answer to an upload that is not a POST of someone allowed, else None."""
    if not can_upload(request.user, permission):
        return json_error(forbidden, 403)
    if request.method != "POST":
        response = json_error(not_post, 405)
        response["Allow"] = "POST"
        return response
    return None


def invalid_form(form):
    """A 400 with the form's first error as "error" and all of them as "errors"."""
    errors = {field: list(map(str, field_errors)) for field, field_errors in form.errors.items()}
    return json_error(next(iter(errors.values()))[0], 400, errors=errors)
