"""Structured data (schema.org JSON-LD) for article pages."""

from django.templatetags.static import static

from library.renditions import shown
from portal.context_processors import identity

LOGO = "portal/img/emblem.svg"


def publisher(request):
    """The ward's office, with the emblem the site's header shows as its logo."""
    return {
        "@type": "GovernmentOrganization",
        "name": identity(request)["office"]["name"],
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static(LOGO))},
    }


# Open Graph and schema.org ask for a picture at least 1200 pixels wide where there is one.
SHARED_IMAGE_WIDTH = 1200


def shared_image(article):
    """The cover as shared pages and search results show it (`renditions.Shown`), or None."""
    return shown(article.cover_image, SHARED_IMAGE_WIDTH)


def news_article(request, article, image=None):
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "articleSection": article.category.name,
        "inLanguage": "vi",
        "publisher": publisher(request),
    }
    if article.author_byline:
        data["author"] = [{"@type": "Person", "name": article.author_byline}]
    if article.rating_count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(article.rating_average, 1),
            "ratingCount": article.rating_count,
            "bestRating": 5,
            "worstRating": 1,
        }
    if image:
        data["image"] = [request.build_absolute_uri(image.src)]
    return data
