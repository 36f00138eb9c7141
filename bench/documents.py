"""Many documents for the benchmark (100,000 by default), written with bulk_create and their
folded search columns filled as Document.save would; idempotent like bench/seed.py. The
scenarios the lead adds to bench/run.py read `SEARCH` and `NUMBER_SEARCH`."""

import random
from datetime import date, timedelta

from django.db import connection, transaction

from documents.folding import folded_words
from documents.models import Document, DocumentType, IssuingBody
from tenancy.current import default_site

BATCH = 2000
TYPES = [("Quyết định", "QĐ-UBND"), ("Kế hoạch", "KH-UBND"), ("Công văn", "UBND-VP")]
TYPES += [("Thông báo", "TB-UBND"), ("Nghị quyết", "NQ-HĐND"), ("Báo cáo", "BC-UBND")]
PHRASE = (
    "phường Phù Vân ban hành quy chế kế hoạch tổ chức thực hiện công tác năm an ninh trật tự đất "
    "đai xây dựng hộ tịch chứng thực giáo dục y tế môi trường ngân sách tiếp công dân phòng cháy "
    "chữa cháy dịch bệnh chuyển đổi số cải cách hành chính tổ dân phố vệ sinh đô thị"
)
WORDS = PHRASE.split(" ")
SEARCH = "phu van"  # words of most documents: the list walks the newest ones
# A number typed without diacritics; {n} (bench/wrk/visitors.lua) differs for each request, so
# each is a search never made before. Numbers are unique, so one in six finds its decision and
# the others find nothing, as a citizen's search for another type's number does.
NUMBER_SEARCH = "{n} qd ubnd"


def documents(site, count, rng):
    types = [DocumentType.objects.get_or_create(site=site, name=name)[0] for name, _s in TYPES]
    body = IssuingBody.objects.get_or_create(site=site, name="UBND phường Phù Vân")[0]
    for n in range(count):
        kind = rng.randrange(len(TYPES))
        document = Document(
            site=site,
            document_type=types[kind],
            issuing_body=body,
            number=f"{n + 1}/{TYPES[kind][1]}",
            abstract=" ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 25))),
            slug=f"van-ban-{n + 1}",
            issued_on=date(2015, 1, 1) + timedelta(days=rng.randint(0, 4000)),
        )
        document.fill_search_text()
        document.search_files = folded_words(" ".join(rng.choice(WORDS) for _ in range(300)))
        yield document


def seed(count=100_000):
    """Seeds `count` documents on the default site unless it has exactly that many; returns
    how many were written."""
    site = default_site()
    if Document.objects.for_site(site).count() == count:
        return 0
    with transaction.atomic():
        Document.objects.for_site(site).delete()
        batch = []
        for document in documents(site, count, random.Random(42)):  # noqa: S311 - bench data
            batch.append(document)
            if len(batch) == BATCH:
                Document.objects.bulk_create(batch)
                batch = []
        Document.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Document._meta.db_table}")
    return count


def scenarios(scenario):
    """The documents' list searched for words (then served from the cache) and for a new number
    at each request (never cached): `scenario` is bench.run.Scenario."""
    return [
        scenario("documents_search", f"/van-ban/?q={SEARCH.replace(' ', '+')}", counted=True),
        scenario("documents_new", f"/van-ban/?q={NUMBER_SEARCH.replace(' ', '+')}", counted=True),
    ]
