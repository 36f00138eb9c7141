"""The comments' figure on the province's overview of the sites (tenancy.overview)."""

from tenancy.overview import count_per_site

from .models import Comment


def waiting(site_ids):
    pending = Comment.objects.pending().filter(site_id__in=site_ids)
    return count_per_site(pending, "site")
