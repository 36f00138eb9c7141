import re

from django.http.request import split_domain_port
from django.utils.translation import gettext as _

HOST_NAME = re.compile(
    r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)
IPV6 = re.compile(r"^\[[0-9a-f:.]+\]$")


def normalize_host(host, strict=False):
    """`host` lower-case, without its port or a final dot ("" if it is no host at all). With
    `strict`, ValueError unless it is a host name or a bracketed IPv6 address."""
    domain, _port = split_domain_port((host or "").strip())
    domain = domain.rstrip(".")
    if strict and not (len(domain) <= 253 and (HOST_NAME.match(domain) or IPV6.match(domain))):
        raise ValueError(_("Enter a host name such as phuvan.example.gov.vn, without a port."))
    return domain
