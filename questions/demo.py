"""Demo questions for `manage.py seed_demo`: invented askers with example.com e-mails, in
several fields of work; published ones with answers, waiting ones, one overdue."""

from datetime import timedelta

from django.utils import timezone

from sectors.models import Sector

from .models import Question
from .names import NameShown
from .services import due_date

Status = Question.Status
QUESTIONS = [
    {
        "name": "Nguyễn Văn An",
        "email": "an.nguyen@example.com",
        "residential_group": "Tổ dân phố số 3",
        "sector": "Hộ tịch",
        "title": "Đăng ký khai sinh cho con cần giấy tờ gì?",
        "question": "Con tôi mới sinh, cho tôi hỏi đăng ký khai sinh cần mang những giấy tờ gì "
        "và nộp ở đâu?",
        "answer": "<p>Ông/bà mang <strong>giấy chứng sinh</strong>, căn cước của cha mẹ và giấy "
        "chứng nhận kết hôn (nếu có) đến Bộ phận một cửa của phường, hoặc nộp trực tuyến trên "
        "Cổng dịch vụ công quốc gia.</p>",
        "status": Status.PUBLISHED,
        "days_ago": 40,
        "name_shown": NameShown.SHORT,
    },
    {
        "name": "Trần Thị Bích",
        "phone": "0912 111 222",
        "sector": "Đất đai",
        "title": "Thời hạn cấp giấy chứng nhận quyền sử dụng đất",
        "question": "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu mất bao lâu?",
        "answer": "<p>Không quá 20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.</p>",
        "status": Status.PUBLISHED,
        "days_ago": 25,
        "name_shown": NameShown.HIDDEN,
    },
    {
        "name": "Lê Hoàng Nam",
        "email": "nam.le@example.com",
        "sector": "Xây dựng",
        "title": "Sửa nhà có cần xin giấy phép xây dựng không?",
        "question": "Tôi muốn sửa lại mái và lát nền nhà, không thay đổi kết cấu, có phải xin "
        "giấy phép không?",
        "status": Status.ASSIGNED,
        "days_ago": 30,
    },
    {
        "name": "Phạm Thu Hà",
        "email": "ha.pham@example.com",
        "sector": "Y tế",
        "title": "Lịch tiêm chủng mở rộng tháng này",
        "question": "Trạm y tế phường tiêm chủng mở rộng vào những ngày nào trong tháng?",
        "status": Status.NEW,
        "days_ago": 1,
    },
]


def seed(site, second_ward=False):
    """The demo questions the site lacks (by title); returns how many were added."""
    sectors = {sector.name: sector for sector in Sector.objects.for_site(site)}
    known = set(Question.objects.for_site(site).values_list("title", flat=True))
    now, added = timezone.now(), 0
    for entry in QUESTIONS:
        if entry["title"] in known:
            continue
        fields = dict(entry)
        asked = now - timedelta(days=fields.pop("days_ago"))
        fields["sector"] = sectors.get(fields["sector"])
        answered = asked + timedelta(days=3) if fields.get("answer") else None
        published = answered if fields["status"] == Status.PUBLISHED else None
        Question.objects.create(
            site=site,
            created_at=asked,
            due_on=due_date(site, asked),
            answered_at=answered,
            published_at=published,
            **fields,
        )
        added += 1
    return added
