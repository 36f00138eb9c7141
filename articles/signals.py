from django.db.models.signals import m2m_changed, post_delete, post_save

from .caching import invalidate
from .models import Article, Category, Tag


def forget_cached_blocks(instance, **kwargs):
    invalidate(instance.site_id)


for model in (Article, Category, Tag):
    post_save.connect(forget_cached_blocks, sender=model, dispatch_uid=f"blocks-save-{model}")
    post_delete.connect(forget_cached_blocks, sender=model, dispatch_uid=f"blocks-del-{model}")
for through in (Article.tags.through, Article.extra_categories.through):
    m2m_changed.connect(forget_cached_blocks, sender=through, dispatch_uid=f"blocks-m2m-{through}")
