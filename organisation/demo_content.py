"""The demo organisation of a ward: units (slug, parent, kind, Vietnamese and English names and
functions, phone ending) and invented people. "phường" becomes "xã" on a commune's site."""

FUNCTIONS_VI = {
    "dang-uy": "Lãnh đạo toàn diện hệ thống chính trị {place}; quyết định các chủ trương, "
    "nhiệm vụ phát triển kinh tế – xã hội, quốc phòng, an ninh và công tác xây dựng Đảng.",  # noqa: RUF001
    "hdnd": "Cơ quan quyền lực nhà nước ở địa phương; quyết định các vấn đề quan trọng của "
    "{place}, giám sát hoạt động của Ủy ban nhân dân và việc thi hành pháp luật.",
    "ubnd": "Cơ quan hành chính nhà nước ở địa phương; tổ chức thi hành Hiến pháp, pháp luật "
    "và nghị quyết của Hội đồng nhân dân; quản lý nhà nước trên các lĩnh vực ở {place}.",
    "van-phong": "Tham mưu, tổng hợp, giúp việc Hội đồng nhân dân và Ủy ban nhân dân; quản "
    "lý công tác văn thư, lưu trữ, tiếp công dân và cổng thông tin điện tử.",
    "phong-kinh-te": "Tham mưu quản lý nhà nước về kinh tế, tài chính, nông nghiệp, xây dựng, "
    "giao thông, tài nguyên và môi trường trên địa bàn.",
    "phong-van-hoa-xa-hoi": "Tham mưu quản lý nhà nước về văn hóa, thể thao, du lịch, giáo "
    "dục, y tế, lao động, người có công và bảo trợ xã hội.",
    "trung-tam-phuc-vu-hanh-chinh-cong": "Tiếp nhận, hướng dẫn và trả kết quả thủ tục hành "
    "chính theo cơ chế một cửa, một cửa liên thông; hỗ trợ người dân nộp hồ sơ trực tuyến.",
    "mttq": "Tập hợp, đoàn kết các tầng lớp nhân dân; giám sát và phản biện xã hội; tham gia "
    "xây dựng chính quyền và thực hiện các cuộc vận động ở {place}.",
}

FUNCTIONS_EN = {
    "dang-uy": "Leads the whole political system of the {place}; decides on policies for its "
    "social and economic development, defence, security and Party building.",
    "hdnd": "The local body of state power; decides the important matters of the {place} and "
    "oversees the People's Committee and the enforcement of the law.",
    "ubnd": "The local body of state administration; carries out the Constitution, the laws "
    "and the People's Council's resolutions and manages public affairs in the {place}.",
    "van-phong": "Advises and assists the People's Council and the People's Committee; keeps "
    "records and archives, receives citizens and runs the web portal.",
    "phong-kinh-te": "Advises on the economy, finance, agriculture, construction, transport, "
    "natural resources and the environment.",
    "phong-van-hoa-xa-hoi": "Advises on culture, sport, tourism, education, health, labour, "
    "people with meritorious services and social protection.",
    "trung-tam-phuc-vu-hanh-chinh-cong": "Receives applications for administrative "
    "procedures at one desk, returns their results and helps citizens apply online.",
    "mttq": "Brings together all strata of the people; oversees and comments on public "
    "policy and takes part in building the local government of the {place}.",
}

# slug, parent slug, kind, order, Vietnamese name, English name, phone ending
UNITS = [
    ("dang-uy", None, "party_committee", 1, "Đảng ủy phường", "Ward Party Committee", "101"),
    ("hdnd", None, "peoples_council", 2, "Hội đồng nhân dân phường",
     "Ward People's Council", "102"),
    ("ubnd", None, "peoples_committee", 3, "Ủy ban nhân dân phường",
     "Ward People's Committee", "103"),
    ("mttq", None, "fatherland_front", 4, "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
     "Ward Committee of the Viet Nam Fatherland Front", "104"),
    ("van-phong", "ubnd", "office", 1, "Văn phòng HĐND và UBND",
     "Office of the People's Council and People's Committee", "105"),
    ("phong-kinh-te", "ubnd", "office", 2, "Phòng Kinh tế", "Economic Division", "106"),
    ("phong-van-hoa-xa-hoi", "ubnd", "office", 3, "Phòng Văn hóa – Xã hội",  # noqa: RUF001
     "Culture and Society Division", "107"),
    ("trung-tam-phuc-vu-hanh-chinh-cong", "ubnd", "office", 4,
     "Trung tâm phục vụ hành chính công", "Public Administration Service Centre", "108"),
]  # fmt: skip

# unit slug, name, Vietnamese position, English position, phone ending, e-mail, contact point
PEOPLE = [
    ("dang-uy", "Nguyễn Văn Thành", "Bí thư Đảng ủy", "Party Secretary", "111", "nvthanh",
     False),
    ("dang-uy", "Lê Thị Hồng", "Phó Bí thư Thường trực Đảng ủy", "Standing Deputy Party Secretary",
     "112", "lthong", False),
    ("hdnd", "Trần Minh Đức", "Chủ tịch HĐND", "Chairman of the People's Council", "121",
     "tmduc", False),
    ("ubnd", "Phạm Quốc Hùng", "Chủ tịch UBND", "Chairman of the People's Committee", "131",
     "pqhung", True),
    ("ubnd", "Hoàng Thị Lan", "Phó Chủ tịch UBND", "Vice Chairwoman of the People's Committee",
     "132", "htlan", False),
    ("mttq", "Đỗ Văn Bình", "Chủ tịch Ủy ban MTTQ", "Chairman of the Fatherland Front Committee",
     "141", "dvbinh", False),
    ("van-phong", "Vũ Thị Mai", "Chánh Văn phòng", "Chief of Office", "151", "vtmai", True),
    ("van-phong", "Bùi Anh Tuấn", "Công chức Văn phòng – Thống kê",  # noqa: RUF001
     "Office and statistics officer", "152", "batuan", False),
    ("phong-kinh-te", "Ngô Đức Long", "Trưởng phòng", "Head of Division", "161", "ndlong",
     False),
    ("phong-van-hoa-xa-hoi", "Đặng Thu Hà", "Trưởng phòng", "Head of Division", "171",
     "dtha", False),
    ("trung-tam-phuc-vu-hanh-chinh-cong", "Phan Thị Ngọc", "Giám đốc Trung tâm",
     "Director of the Centre", "181", "ptngoc", True),
]  # fmt: skip

INTRODUCTION_VI = (
    "<p>Hệ thống chính trị của {place} gồm Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân và "
    "Ủy ban Mặt trận Tổ quốc Việt Nam cùng các tổ chức chính trị – xã hội. Sơ đồ dưới đây cho "  # noqa: RUF001
    "biết các đơn vị và quan hệ giữa chúng; chọn một đơn vị để xem chức năng, nhiệm vụ và "
    "người phụ trách.</p>"
)
INTRODUCTION_EN = (
    "<p>The political system of the {place} consists of the Party Committee, the People's "
    "Council, the People's Committee and the Committee of the Viet Nam Fatherland Front with "
    "the socio-political organisations. The chart below shows the units and how they relate; "
    "choose one to read its functions, tasks and officials.</p>"
)
