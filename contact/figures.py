"""The contact messages' figure on the province's overview of the sites (tenancy.overview)."""

from tenancy.overview import count_per_site

from .models import ContactMessage


def waiting(site_ids):
    return count_per_site(ContactMessage.objects.waiting().filter(site_id__in=site_ids))
