"""Importing procedures from a spreadsheet in the admin: upload, a preview of what would
change, then "Áp dụng". The rows read from the file wait in the session between the two steps,
with a random token the preview's button sends back, and the site and user they were read for:
another site's admin, another user or an older preview tab cannot apply them."""

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import template_sheet
from .columns import COLUMNS
from .importing import plan_import
from .services import apply_import
from .spreadsheet import MAX_BYTES, MAX_ROWS, Row, SpreadsheetError, read_spreadsheet

SESSION_KEY = "procedures-import"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (CSV or XLSX)"),
        error_messages={
            "required": gettext_lazy("Choose a spreadsheet file."),
            "empty": gettext_lazy("The file is empty."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.sheet = read_spreadsheet(upload)
        except SpreadsheetError as error:
            raise forms.ValidationError(error.messages[0]) from None
        return upload


def context(request, model_admin, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Import procedures from a spreadsheet"),
        "columns": COLUMNS,
        "max_rows": MAX_ROWS,
        "max_bytes": MAX_BYTES,
        **extra,
    }


def import_page(request, model_admin):
    if not model_admin.may_import(request):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        page = context(request, model_admin, form=form)
        return TemplateResponse(request, "admin/procedures/import.html", page, status=status)
    sheet = form.sheet
    token = secrets.token_urlsafe(24)
    request.session[SESSION_KEY] = {
        "token": token,
        "site": request.site.pk,
        "user": request.user.pk,
        "name": form.cleaned_data["file"].name[:200],
        "rows": [[row.number, row.values] for row in sheet.rows],
    }
    plan = plan_import(request.site, sheet.rows)
    page = context(
        request,
        model_admin,
        plan=plan,
        token=token,
        sheet=sheet,
        file_name=request.session[SESSION_KEY]["name"],
        read_columns=[column for column in COLUMNS if column.field in sheet.fields],
    )
    return TemplateResponse(request, "admin/procedures/preview.html", page)


def pending_rows(request):
    """The rows of this user's preview on this site, if the token is the preview's."""
    pending = request.session.get(SESSION_KEY)
    if (
        not isinstance(pending, dict)
        or pending.get("site") != request.site.pk
        or pending.get("user") != request.user.pk
        or not secrets.compare_digest(str(pending.get("token")), request.POST.get("token", ""))
    ):
        return None
    return [Row(number, values) for number, values in pending["rows"]]


def apply(request, model_admin):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not model_admin.may_import(request):
        raise PermissionDenied
    rows = pending_rows(request)
    if rows is None:
        messages.error(
            request, _("This preview is out of date or was already applied. Upload the file again.")
        )
        return redirect("admin:procedures_procedure_import")
    plan = apply_import(request.site, rows)
    del request.session[SESSION_KEY]
    summary = _("Import applied: %(new)d added, %(changed)d updated, %(unchanged)d unchanged.")
    counts = {"new": len(plan.new), "changed": len(plan.changed), "unchanged": plan.unchanged}
    messages.success(request, summary % counts)
    if plan.errors:
        skipped = _("%(count)d rows with errors were skipped.") % {"count": len(plan.errors)}
        messages.warning(request, skipped)
    return redirect("admin:procedures_procedure_changelist")


def template_download(request, kind):
    if kind not in template_sheet.KINDS:
        raise Http404
    return template_sheet.response(kind)
