"""Removing a site with everything that belongs to it, in one transaction: a ward that leaves
(after `backup --site`) or a site added by mistake."""

import posixpath
from collections import Counter

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import transaction

from .current import changed
from .models import Site
from .portability import file_names, relations, site_models, site_rows
from .services import SiteError


def remove_site(site):
    """Delete the site's rows, children before parents (so that no protected reference stops
    it), then the site; once that is committed, its media files that no other row names.
    {model label: rows deleted}."""
    if not Site.objects.exclude(pk=site.pk).exists():
        raise SiteError("This is the only site of the installation: it cannot be removed.")
    deleted, files = Counter(), set()
    with transaction.atomic():
        for model in reversed(site_models()):
            if model is Site:
                continue
            rows = site_rows(model, site)
            if any(hasattr(field, "storage") for field in model._meta.concrete_fields):
                files |= file_names(model, rows)
            deleted.update(delete_rows(model, rows))
        deleted.update(Site.objects.filter(pk=site.pk).delete()[1])
        unused = files - still_used(files)
        transaction.on_commit(lambda: delete_files(unused))
        transaction.on_commit(changed)
    return {label: count for label, count in deleted.items() if count}


def delete_rows(model, rows):
    """A tree (a category's parent is protected) is deleted from its leaves up."""
    parents = [field.attname for field in relations(model) if field.related_model is model]
    deleted = Counter()
    while parents and rows.exists():
        referenced = {pk for name in parents for pk in rows.values_list(name, flat=True)}
        leaves = rows.exclude(pk__in=referenced - {None})
        count, by_label = leaves.delete()
        if not count:
            break  # a cycle: the plain delete below says what protects it
        deleted.update(by_label)
    deleted.update(rows.delete()[1])
    return deleted


def still_used(names):
    """The names among `names` that a remaining row names: stored pictures are named by their
    content, so two sites with the same picture share its file."""
    used = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if hasattr(field, "storage"):
                rows = model._base_manager.filter(**{f"{field.attname}__in": list(names)})
                used |= set(rows.values_list(field.attname, flat=True))
    return used


def delete_files(names):
    """The files and their renditions (`<stem>~<width>w.<ext>` beside them)."""
    for name in sorted(names):
        folder, stem = posixpath.dirname(name), posixpath.splitext(posixpath.basename(name))[0]
        try:
            _folders, files = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        for file in files:
            if file == posixpath.basename(name) or file.startswith(f"{stem}~"):
                default_storage.delete(posixpath.join(folder, file))
