from django.core.management.base import BaseCommand

from articles.caching import invalidate
from articles.services import covers_outside_library, recode_cover
from library.pictures import PictureError


class Command(BaseCommand):
    help = (
        "Move the covers stored as they were uploaded (articles/covers/) into the picture "
        "library: re-encoded without EXIF, turned upright, with renditions; the originals are "
        "deleted. Run once after upgrading; running it again does nothing."
    )

    def handle(self, *args, **options):
        moved = failed = 0
        sites = set()
        for article in covers_outside_library().iterator():
            sites.add(article.site_id)
            try:
                recode_cover(article)
            except (PictureError, OSError) as error:
                failed += 1
                reason = " ".join(error.messages) if isinstance(error, PictureError) else error
                self.stderr.write(f"#{article.pk} {article.cover_image.name}: {reason}")
            else:
                moved += 1
        for site_id in sites:
            invalidate(site_id)
        self.stdout.write(f"{moved} cover(s) moved into the picture library; {failed} unreadable.")
