"""Demo comments for `manage.py seed_demo`: some approved with replies, some waiting."""

import random
from datetime import timedelta

from django.utils import timezone

from . import targets
from .models import Comment
from .services import refresh_comment_counts

READERS = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thu Hằng", "Hoàng Văn Nam"]
OPINIONS = [
    "Cảm ơn phường đã thông tin kịp thời, người dân rất phấn khởi.",
    "Đề nghị phường thông báo thêm lịch cụ thể cho từng tổ dân phố.",
    "Tôi ủng hộ chủ trương này. Mong các tổ dân phố phối hợp tốt.",
    "Ngõ 12 tổ dân phố Tân Hòa vẫn còn ngập khi mưa lớn, mong phường quan tâm.",
    "Thủ tục ở bộ phận một cửa nay nhanh hơn nhiều, cán bộ hướng dẫn nhiệt tình.",
]
OFFICE_REPLY = "Cảm ơn ý kiến của bạn. Ủy ban nhân dân phường đã tiếp nhận và sẽ trả lời cụ thể."
PENDING = "Cho tôi hỏi thủ tục đăng ký cần mang theo giấy tờ gì?"


def seed(site, second_ward=False):
    """Comments on the rows each target kind offers the demo (the newest articles) that have
    none yet; returns how many were added."""
    added = 0
    for kind in targets.registered():
        for target in kind.demo(site):
            if not Comment.objects.for_target(target).exists():
                added += comment_on(kind, target)
    return added


def in_words_of(site, text):
    """The demo's texts speak of a ward (phường); a commune's speak of a "xã"."""
    return text.replace("phường", "xã") if " xã " in f" {site.name} " else text


def comment_on(kind, target):
    rng = random.Random(f"{getattr(target, 'slug', target.pk)}-comments")  # noqa: S311 - demo data
    now = timezone.now()
    comments = []
    for n in range(rng.randint(2, 4)):
        comments.append(
            Comment.objects.create(
                target=target,
                name=rng.choice(READERS),
                email=f"ban-doc-{n}@example.vn",
                text=in_words_of(target.site, rng.choice(OPINIONS)),
                status=Comment.Status.APPROVED,
                created_at=now - timedelta(hours=rng.randint(1, 300)),
            )
        )
    Comment.objects.create(
        target=target,
        parent=comments[0],
        name=target.site.office["name"],
        text=in_words_of(target.site, OFFICE_REPLY),
        status=Comment.Status.APPROVED,
        is_official=True,
    )
    Comment.objects.create(
        target=target,
        name=rng.choice(READERS),
        email="cho-duyet@example.vn",
        text=PENDING,
        status=Comment.Status.PENDING,
    )
    refresh_comment_counts(kind.model, [target.pk])
    return len(comments) + 2
