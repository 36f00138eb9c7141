from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path

from tenancy.admin import SiteScopedAdmin

from . import admin_views
from .models import DailyVisits

REPORTS_PERMISSION = "stats.view_reports"


@admin.register(DailyVisits)
class DailyVisitsAdmin(SiteScopedAdmin, admin.ModelAdmin):
    """No list of rows: the admin entry of the statistics opens the reports (of the site's
    rows only, as is any row's page reached by its id)."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(REPORTS_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        return redirect("admin:stats_reports")

    def get_urls(self):
        return [
            path("reports/", self._view(self.report_view), name="stats_reports"),
            path("reports/<slug:slug>/", self._view(self.report_view), name="stats_report"),
            path("reports/<slug:slug>.csv", self._view(self.csv_view), name="stats_report_csv"),
            *super().get_urls(),
        ]

    def _view(self, view):
        return self.admin_site.admin_view(view)

    def _check(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied

    def report_view(self, request, slug=admin_views.DEFAULT_REPORT):
        self._check(request)
        return admin_views.report_page(request, self.admin_site, slug)

    def csv_view(self, request, slug):
        self._check(request)
        return admin_views.report_csv(request, slug)
