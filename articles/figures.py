"""The articles' figure on the province's overview of the sites (tenancy.overview)."""

from django.utils import timezone

from tenancy.overview import count_per_site

from .models import Article


def published_this_month(site_ids):
    month = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    published = Article.objects.published().filter(site_id__in=site_ids, publish_at__gte=month)
    return count_per_site(published)
