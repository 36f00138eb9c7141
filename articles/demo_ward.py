"""Sample content of the demo's second ward, xã Ninh Hải (invented for this project)."""

CATEGORIES = [
    # (slug, name, parent_slug or None, order, description)
    ("tin-tuc", "Tin tức", None, 1, "Tin tức, sự kiện trên địa bàn xã Ninh Hải."),
    ("nong-nghiep", "Nông nghiệp", "tin-tuc", 1, "Sản xuất nông nghiệp, thủy lợi và khuyến nông."),
    ("du-lich", "Du lịch - Văn hóa", None, 2, "Du lịch cộng đồng, di tích và lễ hội của xã."),
    ("thong-bao-xa", "Thông báo", None, 3, "Thông báo chính thức của Ủy ban nhân dân xã."),
]


def article(slug, title, category, summary, paragraphs, heading, days_ago, **extra):
    return {
        "slug": slug,
        "title": title,
        "category": category,
        "summary": summary,
        "paragraphs": paragraphs,
        "heading": heading,
        "author": extra.get("author", "Văn phòng HĐND và UBND xã"),
        "source": "UBND xã Ninh Hải",
        "days_ago": days_ago,
        "hour": extra.get("hour", 9),
        "minute": 15,
        "featured": extra.get("featured", False),
        "picture_caption": extra.get("caption", title),
        "palette": extra.get("palette", ("#1b5e20", "#a5d6a7")),
    }


ARTICLES = [
    article(
        "xa-ninh-hai-ra-quan-lam-thuy-loi-noi-dong-vu-xuan",
        "Xã Ninh Hải ra quân làm thủy lợi nội đồng vụ xuân",
        "nong-nghiep",
        "Hơn 600 người dân các thôn đã nạo vét 12 km kênh mương, bảo đảm nước tưới cho vụ lúa.",
        [
            "Sáng cuối tuần, Ủy ban nhân dân xã Ninh Hải tổ chức ra quân làm thủy lợi nội đồng "
            "chuẩn bị cho sản xuất vụ xuân.",
            "Các thôn Đông Hạ, Khê Thượng và Hải Nham đã huy động hơn 600 ngày công, nạo vét "
            "khoảng 12 km kênh mương, phát quang bờ vùng, bờ thửa.",
            "Xã đề nghị các hợp tác xã tiếp tục kiểm tra trạm bơm, bảo đảm đủ nước gieo cấy "
            "đúng khung thời vụ.",
        ],
        "Bảo đảm nước tưới đúng thời vụ",
        3,
        featured=True,
        caption="Người dân xã Ninh Hải nạo vét kênh mương nội đồng.",
    ),
    article(
        "hop-tac-xa-ninh-hai-thu-hoach-vu-lua-chat-luong-cao",
        "Hợp tác xã Ninh Hải thu hoạch vụ lúa chất lượng cao",
        "nong-nghiep",
        "Năng suất bình quân đạt 68 tạ/ha, lúa được doanh nghiệp bao tiêu toàn bộ.",
        [
            "Hợp tác xã nông nghiệp Ninh Hải bắt đầu thu hoạch 45 ha lúa chất lượng cao "
            "trồng theo liên kết chuỗi giá trị.",
            "Nhờ áp dụng cơ giới hóa và quy trình canh tác tiết kiệm nước, năng suất bình quân "
            "đạt 68 tạ/ha, cao hơn vụ trước 4 tạ.",
            "Toàn bộ sản lượng được doanh nghiệp bao tiêu, giúp xã viên yên tâm mở rộng diện "
            "tích trong các vụ tới.",
        ],
        "Liên kết bao tiêu sản phẩm",
        9,
        palette=("#f9a825", "#fff59d"),
    ),
    article(
        "le-hoi-truyen-thong-xa-ninh-hai-thu-hut-dong-dao-du-khach",
        "Lễ hội truyền thống xã Ninh Hải thu hút đông đảo du khách",
        "du-lich",
        "Lễ hội năm nay có nhiều hoạt động văn hóa dân gian và giới thiệu sản phẩm địa phương.",
        [
            "Lễ hội truyền thống của xã Ninh Hải diễn ra trong ba ngày với phần lễ trang "
            "nghiêm và phần hội sôi nổi.",
            "Các trò chơi dân gian như kéo co, đẩy gậy, bơi thuyền thu hút đông đảo người dân "
            "và du khách tham gia.",
            "Các gian hàng giới thiệu sản phẩm thêu ren, gạo và rau sạch của xã được du khách "
            "ưa chuộng.",
        ],
        "Giới thiệu sản phẩm địa phương",
        15,
        featured=True,
        palette=("#6a1b9a", "#ce93d8"),
    ),
    article(
        "ninh-hai-phat-trien-du-lich-cong-dong-gan-voi-bao-ve-canh-quan",
        "Ninh Hải phát triển du lịch cộng đồng gắn với bảo vệ cảnh quan",
        "du-lich",
        "Xã hướng dẫn các hộ làm homestay giữ gìn môi trường và bản sắc làng quê.",
        [
            "Xã Ninh Hải hiện có 38 hộ kinh doanh dịch vụ lưu trú và ăn uống phục vụ khách "
            "du lịch.",
            "Ủy ban nhân dân xã đã tổ chức lớp tập huấn về kỹ năng đón tiếp khách, an toàn "
            "thực phẩm và phân loại rác tại nguồn.",
            "Mục tiêu đến năm 2030, du lịch cộng đồng trở thành hướng phát triển kinh tế quan "
            "trọng của xã.",
        ],
        "Giữ gìn cảnh quan làng quê",
        27,
        palette=("#00838f", "#80deea"),
    ),
    article(
        "ubnd-xa-ninh-hai-thong-bao-lich-tiep-cong-dan-thang-nay",
        "UBND xã Ninh Hải thông báo lịch tiếp công dân tháng này",
        "thong-bao-xa",
        "Chủ tịch UBND xã tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại trụ sở xã.",
        [
            "Ủy ban nhân dân xã Ninh Hải thông báo lịch tiếp công dân định kỳ trong tháng.",
            "Chủ tịch UBND xã tiếp công dân vào sáng thứ Năm hằng tuần tại phòng tiếp công "
            "dân, trụ sở UBND xã.",
            "Công dân đến liên hệ mang theo căn cước và giấy tờ liên quan đến nội dung kiến "
            "nghị, phản ánh.",
        ],
        "Thời gian và địa điểm",
        1,
        palette=("#37474f", "#b0bec5"),
    ),
    article(
        "xa-ninh-hai-trien-khai-thu-tuc-hanh-chinh-truc-tuyen-toan-trinh",
        "Xã Ninh Hải triển khai thủ tục hành chính trực tuyến toàn trình",
        "tin-tuc",
        "Người dân nộp hồ sơ trực tuyến, nhận kết quả tại nhà, không phải đi lại nhiều lần.",
        [
            "Bộ phận một cửa xã Ninh Hải đã hướng dẫn người dân nộp hồ sơ trực tuyến qua "
            "Cổng dịch vụ công quốc gia.",
            "Tổ công nghệ số cộng đồng ở các thôn hỗ trợ người cao tuổi cài đặt và sử dụng "
            "ứng dụng định danh điện tử.",
            "Tỷ lệ hồ sơ nộp trực tuyến của xã đã đạt 82%, vượt chỉ tiêu tỉnh giao.",
        ],
        "Tổ công nghệ số cộng đồng hỗ trợ người dân",
        6,
        palette=("#1565c0", "#90caf9"),
    ),
]
