"""The statistics' figure on the province's overview of the sites (tenancy.overview)."""

from django.utils import timezone

from .models import DailyVisits


def visits_today(site_ids):
    today = DailyVisits.objects.filter(site_id__in=site_ids, day=timezone.localdate())
    return dict(today.values_list("site_id", "visits"))
