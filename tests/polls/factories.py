from datetime import timedelta

from django.utils import timezone

from polls.models import Choice, Poll
from tests.factories import first_site

TEXTS = ["Rất hài lòng", "Hài lòng", "Chưa hài lòng"]


def make_poll(question="Bạn đánh giá thế nào về thủ tục hành chính tại phường?", site=None,
              texts=TEXTS, **fields):  # fmt: skip
    fields.setdefault("opens_at", timezone.now() - timedelta(days=1))
    poll = Poll.objects.create(site=site or first_site(), question=question, **fields)
    for n, text in enumerate(texts):
        Choice.objects.create(poll=poll, text=text, position=n)
    return poll
