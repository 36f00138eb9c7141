"""A realistic site for the benchmark: categories in two levels and many published articles
with Vietnamese text, written with bulk_create. A database already holding exactly the requested
numbers is kept as it is (seeding is idempotent)."""

import random
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from articles.demo_content import ARTICLES, CATEGORIES
from articles.models import Article, Category, search_text
from portal.text import vietnamese_slugify
from tenancy.current import default_site

BATCH = 2000
ROOTS = 20
FEATURED = 5
TOPICS = [name for _slug, name, _parent, _order, _description in CATEGORIES]
PLACES = [
    "Tổ dân phố Đông Sơn",
    "Khu dân cư Phù Vân",
    "Thôn Thượng",
    "Khu đô thị mới",
    "Tổ dân phố Lê Hoàn",
    "Xóm Bến",
    "Khu phố Châu Sơn",
    "Thôn Hạ",
    "Khu tái định cư",
]
SENTENCES = [
    sentence.strip() + "."
    for data in ARTICLES
    for paragraph in data["paragraphs"]
    for sentence in paragraph.split(". ")
    if len(sentence) > 40
]
TITLES = [data["title"] for data in ARTICLES]


def is_seeded(articles, categories):
    return (
        Category.objects.count() == categories
        and Article.objects.published().count() == articles
        and Article.objects.count() == articles
    )


def seed(articles, categories):
    """Make the database hold `articles` articles in `categories` categories."""
    if is_seeded(articles, categories):
        return False
    with transaction.atomic():
        _clear()
        leaves = _create_categories(categories)
        _create_articles(articles, leaves)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True


def _clear():
    tables = [Article._meta.db_table, Category._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def _create_categories(count):
    roots_count = min(ROOTS, count)
    roots = Category.objects.bulk_create(
        _category(n, f"{TOPICS[n % len(TOPICS)]} {n + 1}", None, n) for n in range(roots_count)
    )
    children = Category.objects.bulk_create(
        _category(
            roots_count + n,
            f"{PLACES[n % len(PLACES)]} - {roots[n % roots_count].name}",
            roots[n % roots_count],
            n,
        )
        for n in range(count - roots_count)
    )
    return roots + children


def seed_sites(hosts, categories, articles, first_articles=0):
    """A site on each of `hosts` (tenancy's add_site), each with `categories` categories and
    `articles` articles of its own (the first site `first_articles` if more); sites already
    holding them are kept as they are."""
    from tenancy.services import add_site

    sites = [add_site(host, f"Phường {host.split('.')[0]}")[0] for host in hosts]
    sizes = [max(articles, first_articles)] + [articles] * (len(sites) - 1)
    if Article.objects.filter(site__in=sites).count() == sum(sizes):
        return sites, False
    now = timezone.now()
    with transaction.atomic():
        Article.objects.filter(site__in=sites).delete()
        Category.objects.filter(site__in=sites).delete()
        made = Category.objects.bulk_create(
            _category(index * categories + n, TOPICS[n % len(TOPICS)], None, n, site)
            for index, site in enumerate(sites)
            for n in range(categories)
        )
        for index, size in enumerate(sizes):
            own = made[index * categories : (index + 1) * categories]
            start = sum(sizes[:index])
            batch = [_article(start + n, own, now) for n in range(size)]
            for n, article in enumerate(batch):
                article.is_featured = n < FEATURED
            Article.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return sites, True


def _category(n, name, parent, order, site=None):
    slug = f"{vietnamese_slugify(name, max_length=140)}-{n + 1}"
    site = site or (parent.site if parent else default_site())
    return Category(site=site, name=name, slug=slug, parent=parent, order=order % 1000)


def _create_articles(count, categories):
    now = timezone.now()
    for start in range(0, count, BATCH):
        batch = [_article(n, categories, now) for n in range(start, min(count, start + BATCH))]
        Article.objects.bulk_create(batch)


def _article(n, categories, now):
    rng = random.Random(n)  # noqa: S311 (repeatable sample text)
    title = f"{rng.choice(TITLES)} (số {n + 1})"
    paragraphs = [" ".join(rng.sample(SENTENCES, 4)) for _ in range(rng.randint(3, 6))]
    article = Article(
        title=title,
        slug=f"{vietnamese_slugify(title, max_length=200)}-{n + 1}",
        summary=" ".join(rng.sample(SENTENCES, 2)),
        body="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
        author_byline="Ban biên tập",
        source="UBND phường Phù Vân",
        category=categories[n % len(categories)],
        site=categories[n % len(categories)].site,
        status=Article.Status.PUBLISHED,
        publish_at=now - timedelta(minutes=30 * (n + 1)),
        is_featured=n < FEATURED,
    )
    article.search_title, article.search_body = search_text(article)
    return article
