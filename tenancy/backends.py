"""Permissions from the user's role on the site of the request being handled."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q

from .access import role_on
from .current import request_site
from .models import Membership
from .roles import ROLE_GROUPS


def role_permissions(role):
    return Permission.objects.filter(group__name__in=ROLE_GROUPS.get(role, ()))


class SiteRoleBackend(ModelBackend):
    """Django's ModelBackend (sign-in, the user's own permissions, superusers), where the
    permissions of groups are those of the user's role on the current site (a request's, from
    tenancy.current.request_site; none outside a request): a user's own groups grant nothing.

    ModelBackend caches a user's permissions on the user object for the request; here the cache
    is kept per site, in case the same user object is asked about several sites."""

    def _get_group_permissions(self, user_obj):
        role = role_on(user_obj, request_site.get())
        return role_permissions(role) if role else Permission.objects.none()

    def get_user_permissions(self, user_obj, obj=None):
        return self._site_cached(user_obj, "user", obj, super().get_user_permissions)

    def get_group_permissions(self, user_obj, obj=None):
        return self._site_cached(user_obj, "group", obj, super().get_group_permissions)

    def get_all_permissions(self, user_obj, obj=None):
        return self._site_cached(user_obj, "all", obj, super().get_all_permissions)

    def _site_cached(self, user_obj, kind, obj, compute):
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return set()
        site = request_site.get()
        cache = vars(user_obj).setdefault("_site_perm_cache", {})
        key = (kind, site and site.pk)
        if key not in cache:
            for attribute in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
                vars(user_obj).pop(attribute, None)
            cache[key] = compute(user_obj, obj)
        return cache[key]

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        """The users who hold `perm` by their own permissions, as superusers, or by their role
        on the site `obj` (on any site when `obj` is None); never by their own groups."""
        if isinstance(perm, Permission):
            matching = Q(pk=perm.pk)
        else:
            app_label, codename = perm.split(".")
            matching = Q(codename=codename, content_type__app_label=app_label)
        roles = roles_granting(Permission.objects.filter(matching))
        held = Membership.objects.filter(user=OuterRef("pk"), role__in=roles)
        if obj is not None:
            held = held.filter(site=obj)
        user_q = Exists(Permission.objects.filter(matching, user=OuterRef("pk"))) | Exists(held)
        if include_superusers:
            user_q |= Q(is_superuser=True)
        if is_active is not None:
            user_q &= Q(is_active=is_active)
        return get_user_model()._default_manager.filter(user_q)


def roles_granting(permissions):
    names = set(Group.objects.filter(permissions__in=permissions).values_list("name", flat=True))
    return [role for role, groups in ROLE_GROUPS.items() if names.intersection(groups)]
