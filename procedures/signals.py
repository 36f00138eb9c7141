from django.db.models.signals import post_delete, post_save

from library.models import Attachment
from sectors.models import Sector

from .caching import touch
from .models import Procedure, ProcedureForm


def site_changed(instance, **kwargs):
    touch(instance.site_id)


def form_changed(instance, **kwargs):
    site_id = Procedure.objects.filter(pk=instance.procedure_id).values_list("site_id", flat=True)
    for found in site_id:
        touch(found)


for model in (Procedure, Sector, Attachment):
    post_save.connect(site_changed, sender=model, dispatch_uid=f"procedures-save-{model.__name__}")
    post_delete.connect(site_changed, sender=model, dispatch_uid=f"procedures-del-{model.__name__}")
post_save.connect(form_changed, sender=ProcedureForm, dispatch_uid="procedures-form-save")
post_delete.connect(form_changed, sender=ProcedureForm, dispatch_uid="procedures-form-delete")
