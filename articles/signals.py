from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Category
from .templatetags.articles_tags import NAV_CACHE_KEY


@receiver([post_save, post_delete], sender=Category)
def forget_category_nav(**kwargs):
    cache.delete(NAV_CACHE_KEY)
