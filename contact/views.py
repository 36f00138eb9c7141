from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from guard.forms import caught_in_honeypot
from portal.visitors import address_hash

from .caching import cached_contact_page
from .forms import ContactForm
from .models import ContactMessage
from .services import MessageRefused, send_message
from .units import office_of, units_for

TYPED = ("unit", "name", "email", "phone", "subject", "message", "send_copy")


def contact_form(request, data=None):
    office = office_of(request.site)
    form = ContactForm(data, units=units_for(request.site), office_name=office["name"])
    form.office = office
    return form


def contact_page(request, form, status=200):
    context = {"form": form, "office": form.office}
    return TemplateResponse(request, "contact/page.html", context, status=status)


@require_GET
@cached_contact_page
def page(request):
    return contact_page(request, contact_form(request))


@require_POST
def send(request):
    if caught_in_honeypot(request):
        return redirect("contact:sent", reference="-")
    if "show_captcha" in request.POST:
        return contact_page(request, contact_form(request).typed(request.POST, TYPED))
    form = contact_form(request, request.POST)
    if not form.is_valid():
        return contact_page(request, form, status=400)
    data = form.cleaned_data
    try:
        message = send_message(
            request.site,
            unit=data["unit"],
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            subject=data["subject"],
            message=data["message"],
            wants_copy=data["send_copy"],
            address=address_hash(request, "contact-address"),
        )
    except MessageRefused as refusal:
        form.add_error(None, refusal.message)
        form.data = form.echoed(form.data)
        response = contact_page(request, form, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
    return redirect("contact:sent", reference=message.reference)


@require_GET
def sent(request, reference):
    """The confirmation: the reference number and the recipient, nothing the reader typed."""
    message = None
    if reference != "-":
        messages = ContactMessage.objects.for_site(request.site).select_related("unit")
        message = get_object_or_404(messages, reference=reference)
    context = {"message": message, "office": office_of(request.site)}
    response = TemplateResponse(request, "contact/sent.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
