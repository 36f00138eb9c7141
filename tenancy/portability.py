"""What belongs to a site, found through the app registry, and how it moves between installations.

A model belongs to a site when it has a foreign key to tenancy.Site, or a required foreign key to
a model that belongs to one (a vote through its article). `site_models()` lists them, parents
before children; many-to-many links travel inside their model's rows. The accounts the rows
name (staff, authors) travel as plain values: username, password hash, e-mail.
"""

import datetime
import json
from graphlib import TopologicalSorter

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from .models import Domain, Site

MAX_DEPTH = 4
# Models that changed app since a backup may have been made: old label -> label now.
MOVED_MODELS = {}
USER_FIELDS = ["username", "password", "email", "first_name", "last_name", "is_staff", "is_active"]


class PortabilityError(Exception):
    pass


class PreciseEncoder(DjangoJSONEncoder):
    """Times with their microseconds (Django's JSON keeps milliseconds only)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def relations(model):
    return [field for field in model._meta.concrete_fields if field.is_relation]


def generic_keys(model):
    return [field for field in model._meta.private_fields if isinstance(field, GenericForeignKey)]


def site_path(model, depth=0):
    """The lookup from `model` to its site ("site", "article__site"), or None."""
    if model is Site or depth > MAX_DEPTH:
        return None
    fields = relations(model)
    for field in fields:
        if field.related_model is Site:
            return field.name
    for field in fields:
        if field.null or field.related_model is model:
            continue
        parent = site_path(field.related_model, depth + 1)
        if parent:
            return f"{field.name}__{parent}"
    return None


def site_models():
    """Site first, then every model with a site path, each after the models it points to."""
    paths = {
        model: site_path(model)
        for model in apps.get_models()
        if not model._meta.proxy and site_path(model)
    }
    graph = {Site: set()}
    for model in paths:
        graph[model] = {
            target
            for field in [*relations(model), *model._meta.many_to_many]
            if (target := field.related_model) in paths or target is Site
            if target is not model
        }
    return list(TopologicalSorter(graph).static_order())


def site_rows(model, site):
    if model is Site:
        return Site.objects.filter(pk=site.pk)
    return model._default_manager.filter(**{site_path(model): site}).order_by("pk")


def export_site(site):
    """{"users": [...], "models": [(label, JSON text, count), ...], "files": [media names]},
    read from one snapshot."""
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        documents = []
        user_ids, files = set(), set()
        for model in site_models():
            rows = list(site_rows(model, site))
            user_ids |= referenced_users(model, rows)
            files |= file_names(model, rows)
            data = serializers.serialize("python", rows, use_natural_foreign_keys=True)
            text = json.dumps(data, cls=PreciseEncoder, ensure_ascii=False)
            documents.append((model._meta.label_lower, text, len(rows)))
        users = list(
            get_user_model().objects.filter(pk__in=user_ids).order_by("pk").values(*USER_FIELDS)
        )
    return {"users": users, "models": documents, "files": sorted(files)}


def referenced_users(model, rows):
    user_model = get_user_model()
    fields = [field for field in relations(model) if field.related_model is user_model]
    return {getattr(row, field.attname) for row in rows for field in fields} - {None}


def file_names(model, rows):
    """The media files the rows name (their file and image fields)."""
    fields = [field for field in model._meta.concrete_fields if hasattr(field, "storage")]
    return {getattr(row, field.attname).name for row in rows for field in fields} - {None, ""}


def check_hosts_free(documents):
    hosts = [row.object.host for row in deserialize(documents, "tenancy.domain")]
    taken = list(Domain.objects.filter(host__in=hosts).select_related("site"))
    if taken:
        raise PortabilityError(
            "The host names "
            + ", ".join(f"{domain.host} (site “{domain.site.name}”)" for domain in taken)
            + " are already used in this installation: nothing was restored."
        )


def check_users(users):
    """Refuse a username that names a different account here (another e-mail or password)."""
    user_model = get_user_model()
    existing = user_model.objects.in_bulk(
        [user["username"] for user in users], field_name="username"
    )
    clashes = [
        user["username"]
        for user in users
        if (account := existing.get(user["username"]))
        and (account.email, account.password) != (user["email"], user["password"])
    ]
    if clashes:
        raise PortabilityError(
            "These usernames belong to different accounts in this installation: "
            f"{', '.join(clashes)}. Rename them here first; nothing was restored."
        )


def register_moved_model(old_label, new_label):
    """Backups made before a model moved app restore into it (`AppConfig.ready()` calls this)."""
    MOVED_MODELS[old_label] = new_label


def with_current_labels(documents):
    renamed = []
    for label, text, count in documents:
        if label in MOVED_MODELS:
            label = MOVED_MODELS[label]
            rows = [{**row, "model": label} for row in json.loads(text)]
            text = json.dumps(rows, ensure_ascii=False)
        renamed.append((label, text, count))
    return renamed


def deserialize(documents, label):
    text = next(text for name, text, _count in documents if name == label)
    return serializers.deserialize("python", json.loads(text), ignorenonexistent=True)


@transaction.atomic
def import_site(exported):
    """Add the exported site to this installation with new ids; return the new Site."""
    documents = with_current_labels(exported["models"])
    check_hosts_free(documents)
    check_users(exported["users"])
    user_model = get_user_model()
    for user in exported["users"]:
        user_model.objects.get_or_create(username=user["username"], defaults=user)
    loader = Loader({label for label, _text, _count in documents})
    for label, _text, _count in documents:
        loader.load(apps.get_model(label), deserialize(documents, label))
    loader.finish()
    return Site.objects.get(pk=loader.ids["tenancy.site"][exported_site_pk(documents)])


def exported_site_pk(documents):
    return next(iter(deserialize(documents, "tenancy.site"))).object.pk


class Loader:
    """Saves rows with new primary keys, rewriting the foreign keys through an id map."""

    def __init__(self, labels):
        self.labels = labels
        self.ids = {}
        self.deferred = []

    def load(self, model, rows):
        self.ids[model._meta.label_lower] = {}
        links = []
        for row in rows:
            obj = row.object
            self.remap(model, obj)
            old = obj.pk
            obj.pk = None
            obj._state.adding = True
            obj.save_base(raw=True)
            self.ids[model._meta.label_lower][old] = obj.pk
            links.append((obj, row.m2m_data))
        for obj, m2m in links:
            for name, values in m2m.items():
                target = model._meta.get_field(name).related_model._meta.label_lower
                getattr(obj, name).set([self.ids[target][value] for value in values])

    def remap(self, model, obj):
        for field in relations(model):
            label = field.related_model._meta.label_lower
            old = getattr(obj, field.attname)
            if old is None or label not in self.labels:
                continue
            new = self.ids.get(label, {}).get(old)
            if new is None:
                self.deferred.append((obj, field.attname, label, old))
            setattr(obj, field.attname, new)
        for field in generic_keys(model):
            self.remap_generic(obj, field)

    def remap_generic(self, obj, field):
        """A generic key (a comment's target) names a row by its content type and id: the id
        of a row of the backup becomes its new id, now or, if that row comes later, at the
        end (the old id stays meanwhile, as the column takes no NULL)."""
        content_type_id = getattr(obj, obj._meta.get_field(field.ct_field).attname)
        old = getattr(obj, field.fk_field)
        if content_type_id is None or old is None:
            return
        target = ContentType.objects.get_for_id(content_type_id).model_class()
        label = target._meta.label_lower if target else None
        if label not in self.labels:
            return
        new = self.ids.get(label, {}).get(int(old))
        if new is None:
            self.deferred.append((obj, field.fk_field, label, int(old)))
        else:
            setattr(obj, field.fk_field, new)

    def finish(self):
        for obj, attname, label, old in self.deferred:
            type(obj)._base_manager.filter(pk=obj.pk).update(**{attname: self.ids[label][old]})
