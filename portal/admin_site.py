"""The project's admin site."""

from functools import wraps

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404, HttpResponseBadRequest
from django.urls import path
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _


def access_refusal(request, user):
    """Why `user` may not enter the admin on this request's host, or None. The check is named
    by settings.PORTAL_ADMIN_ACCESS_CHECK (tenancy's: which sites the account belongs to), so
    that the project's infrastructure imports no app."""
    check = settings.PORTAL_ADMIN_ACCESS_CHECK
    return import_string(check)(request, user) if check else None


# Panels on the admin's first page (what is overdue...), registered by the apps: portal imports
# none of them. Each is `panel(request)` -> HTML, or "" when it has nothing to show.
_index_panels = []


def register_index_panel(panel):
    if panel not in _index_panels:
        _index_panels.append(panel)


class SiteAuthenticationForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        refusal = access_refusal(self.request, user)
        if refusal:
            raise ValidationError(refusal, code="no_access")


class PortalAdminSite(admin.AdminSite):
    """Django's, with two checks that every model admin gets, and an account's access to the
    admin of the request's host."""

    login_form = SiteAuthenticationForm
    index_template = "admin/portal_index.html"

    def index(self, request, extra_context=None):
        panels = [html for html in (panel(request) for panel in _index_panels) if html]
        return super().index(request, {**(extra_context or {}), "panels": panels})

    def has_permission(self, request):
        return super().has_permission(request) and not access_refusal(request, request.user)

    def login(self, request, extra_context=None):
        user = request.user
        if request.method == "GET" and user.is_active and user.is_staff:
            refusal = access_refusal(request, user)
            if refusal:
                messages.error(request, refusal)
        return super().login(request, extra_context)

    def admin_view(self, view, cacheable=False):
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, admin.ModelAdmin):
            view = refusing_unknown_selections(view, model_admin.model)
        return super().admin_view(view, cacheable)

    def get_urls(self):
        view_on_site = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [view_on_site, *super().get_urls()]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's "view on site" asks only for staff: it would give any staff member the
        address of a draft. Here it asks for the permission to view that object."""
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        model_admin = self._registry.get(model)
        obj = model_admin and model_admin.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not model_admin.has_view_permission(request, obj):
            raise PermissionDenied
        return contenttype_views.shortcut(request, content_type_id, object_id)

    def get_log_entries(self, request):
        """The recent actions on objects that the request's user can see through their model
        admin here (on a site's host, that site's): one query, whatever the number of models."""
        visible = Q(pk__in=[])
        for model, model_admin in self._registry.items():
            keys = (
                model_admin.get_queryset(request)
                .order_by()
                .annotate(log_key=Cast("pk", CharField()))
            )
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            visible |= Q(content_type=content_type, object_id__in=keys.values("log_key"))
        return super().get_log_entries(request).filter(visible)


def refusing_unknown_selections(view, model):
    """An action's selection that is not a list of the model's keys is refused (400), where the
    admin's own filter on it would fail with a 500."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST":
            try:
                for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
                    model._meta.pk.clean(value, None)
            except ValidationError:
                message = _("The selected items are not valid: reload the list and select again.")
                return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return view(request, *args, **kwargs)

    return checked
