"""A realistic article page (the demo content, a long body, a full page of comments) and the
static files a page links, for the page weight and picture tests."""

import random
import re
from html.parser import HTMLParser

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db.models import Count

from articles.models import Article, Tag
from comments.models import Comment
from comments.services import refresh_comment_counts
from contact.models import ContactMessage
from documents.models import Document
from questions.models import Question
from tests.factories import first_site

PARAGRAPH = (
    "Thực hiện kế hoạch của Ủy ban nhân dân phường về chỉnh trang đô thị, các tổ dân phố đã ra "
    "quân tổng vệ sinh môi trường, khơi thông cống rãnh, phát quang bụi rậm và vận động nhân dân "
    "giữ gìn cảnh quan xanh, sạch, đẹp; đồng thời rà soát các hộ gia đình có hoàn cảnh khó khăn "
    "để kịp thời hỗ trợ, bảo đảm không để ai bị bỏ lại phía sau. "
)
WORDS = PARAGRAPH.replace(",", "").replace(";", "").split()
TABLE_ROW = "<tr><td>Tổ dân phố {n}</td><td>{n}2 hộ</td><td>Hoàn thành</td></tr>"


def prose(rng, words):
    """Varied Vietnamese text: repeating one paragraph would compress unrealistically well."""
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def long_body(body):
    """The demo body, then 30 more paragraphs, headings, a list and a table: about 25 KB."""
    rng = random.Random("long-body")
    blocks = [body]
    for n in range(1, 31):
        if n % 10 == 0:
            blocks.append(f"<h2>Phần {n // 10}: {prose(rng, 8)}</h2>")
        blocks.append(f"<p>{prose(rng, 90)}</p>")
    blocks.append("<ul>" + "".join(f"<li>{prose(rng, 15)}</li>" for _ in range(6)) + "</ul>")
    rows = "".join(TABLE_ROW.format(n=n) for n in range(1, 16))
    blocks.append(f"<table><tbody>{rows}</tbody></table>")
    return "\n".join(blocks)


# The demo's polls (polls/demo.py).
OPEN_POLL = "ban-danh-gia-the-nao-ve-thu-tuc-hanh-chinh-tai-phuong"
CLOSED_POLL = "ban-thuong-theo-doi-thong-tin-cua-phuong-qua-kenh-nao"
EMPTY_SEARCH = "/tim-kiem/?q=khong+co+bai+nao+nhu+the"
MISSING_PAGE = "/khong-co-trang-nay/"
# The failing views of tests/portal/error_urls.py show the 400, 403 and 500 pages.
ERROR_PAGES = [(f"{status} page", f"/thu-loi/{status}/", status) for status in (400, 403, 500)]


def commented_article():
    """A public article of the demo site whose approved comments include a reply."""
    replies = Comment.objects.filter(site=first_site(), parent__isnull=False)
    reply = replies.filter(status=Comment.Status.APPROVED).first()
    return reply.target


def public_page_types(article):
    """(state, address[, status]) of each public page type of the demo site, with
    tests.portal.error_urls as the URLconf; the article page itself is left to the caller."""
    tag = Tag.objects.for_site(first_site()).filter(articles__isnull=False).order_by("pk").first()
    return [
        ("home", "/"),
        ("category", article.category.get_absolute_url()),
        ("tag", tag.get_absolute_url()),
        ("search with results", "/tim-kiem/?q=phu+van"),
        ("search without results", EMPTY_SEARCH),
        ("print view", article.get_absolute_url() + "in/"),
        ("contact", "/lien-he/"),
        ("contact message sent", sent_page()),
        ("page with sub-pages", "/trang/gioi-thieu/"),
        ("sub-page with a table", "/trang/gioi-thieu-chung/"),
        ("index of pages", "/trang/"),
        ("print view of a page", "/trang/lich-su-hinh-thanh/in/"),
        ("organisation chart", "/to-chuc/"),
        ("organisation unit", "/to-chuc/van-phong/"),
        ("contacts directory", "/danh-ba/"),
        ("polls and their archive", "/tham-do-y-kien/"),
        ("open poll", f"/tham-do-y-kien/{OPEN_POLL}/"),
        ("closed poll with results", f"/tham-do-y-kien/{CLOSED_POLL}/"),
        ("administrative procedures", "/thu-tuc-hanh-chinh/"),
        ("procedures found", "/thu-tuc-hanh-chinh/?q=dang+ky&linh-vuc=ho-tich&muc-do=full"),
        ("administrative procedure", "/thu-tuc-hanh-chinh/dang-ky-khai-sinh/"),
        *question_pages(),
        *document_page_types(),
        ("404 page", MISSING_PAGE, 404),
        *ERROR_PAGES,
    ]


def document_page_types():
    """The documents' list, a search, a document that replaces another, its print view, the
    drafts and a draft open for opinion, of the first demo site."""
    documents = Document.objects.for_site(first_site())
    replacing = documents.filter(replaces__isnull=False).order_by("pk").first()
    draft = documents.drafts().order_by("-opinion_until").first()
    return [
        ("documents", "/van-ban/"),
        ("documents search", "/van-ban/?q=qd+ubnd&status=in_force"),
        ("document", replacing.get_absolute_url()),
        ("print view of a document", replacing.get_absolute_url() + "in/"),
        ("drafts for opinion", "/van-ban/du-thao/"),
        ("draft for opinion", draft.get_absolute_url()),
    ]


def sent_page():
    """The confirmation of a contact message of the first site (the demo has some)."""
    reference = ContactMessage.objects.for_site(first_site()).values_list("reference", flat=True)
    return f"/lien-he/da-gui/{reference.first()}/"


def question_pages():
    """The questions' pages of the first site (the demo has published and waiting ones)."""
    questions = Question.objects.for_site(first_site())
    published = questions.published().order_by("pk").first()
    waiting = questions.open().order_by("pk").first()
    return [
        ("questions and answers", "/hoi-dap/"),
        ("questions searched by field", "/hoi-dap/?q=giay&linh-vuc=ho-tich"),
        ("a question and its answer", published.get_absolute_url()),
        ("ask a question", "/hoi-dap/gui-cau-hoi/"),
        ("question sent", f"/hoi-dap/da-gui/{waiting.code}/"),
        ("question looked up", f"/hoi-dap/tra-cuu/?ma={published.code}"),
    ]


def realistic_article():
    """The first demo site, and its most commented article with a long body and ten threads."""
    call_command("seed_demo", verbosity=0)
    article = (
        Article.objects.for_site(first_site())
        .published()
        .annotate(threads=Count("comments"))
        .filter(cover_image__gt="", allow_comments=True, allow_rating=True)
        .order_by("-threads", "pk")
        .first()
    )
    Article.objects.filter(pk=article.pk).update(body=long_body(article.body))
    for n in range(10):
        Comment.objects.create(
            target=article,
            name=f"Bạn đọc {n}",
            email=f"ban-doc-{n}@example.vn",
            text=prose(random.Random(n), 40),
            status=Comment.Status.APPROVED,
        )
    refresh_comment_counts(Article, [article.pk])
    article.refresh_from_db()
    return article


class Links(HTMLParser):
    """The stylesheets, scripts and pictures of a page."""

    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts, self.images = [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.stylesheets.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.scripts.append(attributes["src"])
        elif tag == "img":
            self.images.append(attributes)


def links(html):
    parser = Links()
    parser.feed(html)
    return parser


def static_file(url):
    """The bytes of the static file at a /static/ address (from the finders, as in development)."""
    path = finders.find(re.sub(r"^/static/", "", url.partition("?")[0]))
    assert path, f"{url} is not a static file"
    with open(path, "rb") as handle:
        return handle.read()
