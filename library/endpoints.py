"""What the editor's upload endpoints share: JSON errors and who may upload."""

from django.http import JsonResponse


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
