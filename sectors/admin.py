from django.contrib import admin

from tenancy.admin import SiteScopedAdmin

from .models import Sector


@admin.register(Sector)
class SectorAdmin(SiteScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
