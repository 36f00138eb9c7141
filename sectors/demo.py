"""The fields of work most ward portals file their documents, procedures and questions under."""

from .models import Sector

SECTORS = [
    "Đất đai",
    "Xây dựng",
    "Hộ tịch",
    "Chứng thực",
    "Tư pháp",
    "Lao động, thương binh và xã hội",
    "Văn hóa, thông tin",
    "Giáo dục và đào tạo",
    "Y tế",
    "Tài nguyên và môi trường",
    "Tài chính, ngân sách",
    "Kinh tế",
    "Quốc phòng, an ninh",
    "Nội vụ",
]


def seed(site, second_ward=False):
    """The fields the site does not have yet (by name); returns how many were added."""
    known = set(Sector.objects.for_site(site).values_list("name", flat=True))
    added = [
        Sector(site=site, name=name, position=10 * (n + 1))
        for n, name in enumerate(SECTORS)
        if name not in known
    ]
    for sector in added:
        sector.save()
    return len(added)
