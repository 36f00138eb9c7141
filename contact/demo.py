"""Demo contact messages for `manage.py seed_demo`: invented senders, example.com e-mails, one
in each status."""

from datetime import timedelta

from django.utils import timezone

from .models import ContactMessage
from .units import units_for

Status = ContactMessage.Status
MESSAGES = [
    {
        "name": "Nguyễn Thị Lan",
        "email": "lan.nguyen@example.com",
        "phone": "0912 345 678",
        "subject": "Hỏi về thủ tục đăng ký khai sinh",
        "message": "Cho tôi hỏi đăng ký khai sinh cho con cần mang theo những giấy tờ gì và "
        "làm ở bộ phận nào của phường?",
        "status": Status.NEW,
        "hours_ago": 3,
    },
    {
        "name": "Trần Văn Đức",
        "email": "",
        "phone": "0987 654 321",
        "subject": "Đèn đường ngõ 15 bị hỏng",
        "message": "Đèn đường ở đầu ngõ 15 tổ dân phố số 4 đã hỏng hơn một tuần, buổi tối đi "
        "lại rất nguy hiểm. Đề nghị phường cho kiểm tra, sửa chữa.",
        "status": Status.HANDLING,
        "hours_ago": 30,
        "notes": "Đã báo công ty chiếu sáng, hẹn sửa trong tuần.",
    },
    {
        "name": "Lê Minh Châu",
        "email": "chau.le@example.com",
        "phone": "",
        "subject": "Lịch tiếp công dân tháng này",
        "message": "Xin cho biết lịch tiếp công dân của lãnh đạo phường trong tháng này.",
        "status": Status.ANSWERED,
        "hours_ago": 72,
        "answer": "Lãnh đạo phường tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở. "
        "Trân trọng.",
    },
    {
        "name": "Phạm Quốc Bảo",
        "email": "bao.pham@example.com",
        "phone": "",
        "subject": "Cảm ơn cán bộ bộ phận một cửa",
        "message": "Tôi muốn gửi lời cảm ơn tới cán bộ bộ phận một cửa đã hướng dẫn tận tình.",
        "status": Status.CLOSED,
        "hours_ago": 200,
    },
]


def seed(site, second_ward=False):
    """The demo messages the site lacks (by subject); returns how many were added."""
    units = list(units_for(site)[:3])
    now = timezone.now()
    added = 0
    for n, entry in enumerate(MESSAGES):
        fields = dict(entry)
        created_at = now - timedelta(hours=fields.pop("hours_ago"))
        if ContactMessage.objects.for_site(site).filter(subject=fields["subject"]).exists():
            continue
        answered = created_at + timedelta(hours=20) if fields.get("answer") else None
        ContactMessage.objects.create(
            site=site,
            unit=units[n % len(units)] if units and n % 2 else None,
            created_at=created_at,
            answered_at=answered,
            **fields,
        )
        added += 1
    return added
