"""Demo categories and articles for `manage.py seed_demo`; idempotent by slug within a site."""

import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw

from library.pictures import normalize, store_picture
from portal.text import fold

from . import demo_content, demo_ward
from .models import Article, Category, Tag, Vote

PICTURE_SIZE = (1200, 675)
# A tag goes on every demo article whose title or summary mentions one of its words.
DEMO_TAGS = {
    "Đại hội": ["dai hoi", "hdnd", "nghi quyet"],
    "Cải cách hành chính": ["mot cua", "dich vu cong", "thu tuc"],
    "Chuyển đổi số": ["chuyen doi so", "truc tuyen", "vneid"],
    "Y tế": ["vac xin", "tiem"],
    "Giáo dục": ["nam hoc", "khai giang"],
    "An sinh xã hội": ["ho ngheo", "can ngheo"],
    "Phòng chống thiên tai": ["thien tai", "mua bao"],
    "Môi trường": ["ve sinh", "moi truong"],
    "Phù Vân": ["phu van"],
    "Ninh Hải": ["ninh hai"],
}


def seed(site, content=demo_content):
    """Create the site's missing demo categories and articles (`content`: a module with
    CATEGORIES and ARTICLES); never touch what exists (staff may have edited it)."""
    categories = {}
    for slug, name, parent_slug, order, description in content.CATEGORIES:
        categories[slug], _created = Category.objects.get_or_create(
            site=site,
            slug=slug,
            defaults={
                "name": name,
                "parent": categories.get(parent_slug),
                "order": order,
                "description": description,
            },
        )
    created = [create_article(site, data, categories) for data in content.ARTICLES]
    return sum(1 for article in created if article is not None)


def seed_demo(site, second_ward=False):
    return seed(site, demo_ward if second_ward else demo_content)


def create_article(site, data, categories):
    if Article.objects.for_site(site).filter(slug=data["slug"]).exists():
        return None
    article = Article(
        site=site,
        slug=data["slug"],
        title=data["title"],
        category=categories[data["category"]],
        summary=data["summary"],
        body=demo_body(data, body_picture(site, data)),
        author_byline=data["author"],
        source=data["source"],
        status=Article.Status.PUBLISHED,
        publish_at=demo_publish_time(data),
        is_featured=data["featured"],
        cover_alt=data["picture_caption"],
    )
    picture = demo_picture(data["palette"], seed=data["slug"])
    article.cover_image.save(f"{data['slug']}.jpg", picture, save=False)
    article.view_count = random.Random(data["slug"]).randint(40, 2600)  # noqa: S311
    article.save()
    article.tags.set(demo_tags(site, f"{data['title']} {data['summary']}"))
    add_demo_votes(article)
    return article


def add_demo_votes(article):
    """Between none and 40 votes, mostly good ones, with totals that match them."""
    rng = random.Random(f"{article.slug}-votes")  # noqa: S311
    scores = rng.choices([1, 2, 3, 4, 5], weights=[1, 1, 3, 6, 5], k=rng.randint(0, 40))
    Vote.objects.bulk_create(
        Vote(article=article, score=score, voter=f"demo-{article.pk}-{n}", address="demo")
        for n, score in enumerate(scores)
    )
    Article.objects.filter(pk=article.pk).update(rating_sum=sum(scores), rating_count=len(scores))


def demo_tags(site, text):
    folded = fold(text)
    names = [name for name, words in DEMO_TAGS.items() if any(w in folded for w in words)]
    return [Tag.objects.get_or_create(site=site, name=name)[0] for name in names]


def body_picture(site, data):
    """A second picture, from the media library, for the body of the article."""
    content = demo_picture(tuple(reversed(data["palette"])), seed=f"{data['slug']}-body")
    picture, _created = store_picture(
        normalize(content.read()),
        site=site,
        alt=data["picture_caption"],
        caption=data["picture_caption"],
    )
    return picture


def demo_body(data, picture):
    blocks = [f"<p>{escape(text)}</p>" for text in data["paragraphs"]]
    blocks.insert(len(blocks) - 1, f"<h2>{escape(data['heading'])}</h2>")
    figure = (
        f'<figure><img src="{picture.file.url}" alt="{escape(picture.alt)}" '
        f'width="{picture.width}" height="{picture.height}">'
        f"<figcaption>{escape(picture.caption)}</figcaption></figure>"
    )
    blocks.insert(2, figure)
    return "\n".join(blocks)


def demo_publish_time(data):
    day = timezone.localtime() - timedelta(days=data["days_ago"])
    return day.replace(hour=data["hour"], minute=data["minute"], second=0, microsecond=0)


def demo_picture(palette, seed):
    """A simple landscape in the article's colours: sky gradient, sun, hills and houses."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    width, height = PICTURE_SIZE
    top, bottom = hex_rgb(palette[0]), hex_rgb(palette[1])
    image = Image.new("RGB", PICTURE_SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=mix(top, bottom, y / height))
    sun_x, sun_r = rng.randint(150, width - 150), rng.randint(50, 90)
    draw.ellipse([sun_x - sun_r, 110 - sun_r, sun_x + sun_r, 110 + sun_r], fill=(255, 236, 179))
    for layer in range(3):
        shade = mix(top, (20, 60, 40), 0.55 + layer * 0.15)
        base = height * (0.55 + layer * 0.12)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, 90)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    for _house in range(rng.randint(4, 8)):
        x, w = rng.randint(0, width - 120), rng.randint(60, 120)
        y = height - rng.randint(60, 140)
        draw.rectangle([x, y, x + w, height], fill=(245, 240, 230))
        draw.polygon([(x - 10, y), (x + w // 2, y - 40), (x + w + 10, y)], fill=(178, 34, 34))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue())


def hex_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
