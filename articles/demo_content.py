"""Original Vietnamese sample content for `manage.py seed_demo` (written for this project)."""

CATEGORIES = [
    # (slug, name, parent_slug or None, order, description)
    (
        "tin-tuc-su-kien",
        "Tin tức - Sự kiện",
        None,
        1,
        "Tin tức thời sự, sự kiện nổi bật diễn ra trên địa bàn phường Phù Vân.",
    ),
    (
        "chinh-quyen",
        "Chính quyền",
        None,
        2,
        "Hoạt động chỉ đạo, điều hành của chính quyền và cải cách hành chính của phường.",
    ),
    (
        "hoat-dong-dang-uy",
        "Hoạt động Đảng ủy",
        "chinh-quyen",
        1,
        "Công tác xây dựng Đảng, hội nghị và đại hội của Đảng bộ phường.",
    ),
    (
        "hoi-dong-nhan-dan",
        "Hội đồng nhân dân",
        "chinh-quyen",
        2,
        "Kỳ họp, hoạt động giám sát và tiếp xúc cử tri của HĐND phường.",
    ),
    (
        "kinh-te-xa-hoi",
        "Kinh tế - Xã hội",
        None,
        3,
        "Tình hình phát triển kinh tế, hạ tầng đô thị, môi trường và an sinh xã hội.",
    ),
    (
        "y-te-giao-duc",
        "Y tế - Giáo dục",
        "kinh-te-xa-hoi",
        1,
        "Hoạt động chăm sóc sức khỏe nhân dân và sự nghiệp giáo dục trên địa bàn.",
    ),
    (
        "van-hoa-the-thao",
        "Văn hóa - Thể thao",
        None,
        4,
        "Phong trào văn hóa, văn nghệ, thể dục thể thao và lễ hội của nhân dân.",
    ),
    (
        "thong-bao",
        "Thông báo",
        None,
        5,
        "Thông báo, hướng dẫn chính thức của các cơ quan, đơn vị thuộc phường.",
    ),
]

ARTICLES = [
    {
        "slug": "dai-hoi-dang-bo-phuong-phu-van-lan-thu-i-nhiem-ky-2025-2030-thanh-cong-tot-dep",
        "title": "Đại hội Đảng bộ phường Phù Vân lần thứ I, nhiệm kỳ 2025-2030 thành công tốt đẹp",
        "category": "hoat-dong-dang-uy",
        "summary": (
            "Sau hai ngày làm việc khẩn trương, nghiêm túc, Đại hội đã thông qua Nghị quyết với 18 "
            "chỉ tiêu chủ yếu và bầu Ban Chấp hành Đảng bộ phường khóa I gồm 33 đồng chí."
        ),
        "paragraphs": [
            (
                "Đại hội đại biểu Đảng bộ phường Phù Vân lần thứ I, nhiệm kỳ 2025-2030 đã diễn ra "
                "tại Hội trường Trung tâm chính trị - hành chính phường với sự tham dự của 250 đại "
                "biểu chính thức, đại diện cho hơn 3.400 đảng viên thuộc 52 chi bộ, đảng bộ trực "
                "thuộc. Dự và chỉ đạo Đại hội có đồng chí đại diện lãnh đạo Tỉnh ủy Ninh Bình."
            ),
            (
                "Báo cáo chính trị nêu rõ, sau khi sắp xếp đơn vị hành chính và vận hành chính "
                "quyền địa phương hai cấp, Đảng bộ phường đã nhanh chóng ổn định tổ chức, không để "
                "gián đoạn việc phục vụ người dân và doanh nghiệp. Thương mại, dịch vụ tiếp tục là "
                "động lực tăng trưởng; đời sống vật chất, tinh thần của nhân dân từng bước được "
                "nâng lên."
            ),
            (
                "Với phương châm 'Đoàn kết - Dân chủ - Kỷ cương - Đổi mới - Phát triển', Đại hội "
                "xác định mục tiêu xây dựng phường Phù Vân phát triển theo hướng đô thị văn minh, "
                "hiện đại. Nghị quyết đề ra 18 chỉ tiêu chủ yếu, trong đó phấn đấu đến năm 2030 "
                "thu nhập bình quân đầu người đạt trên 120 triệu đồng/năm, tỷ lệ hồ sơ thủ tục "
                "hành chính được giải quyết trực tuyến đạt trên 90%."
            ),
            (
                "Đại hội đã bầu Ban Chấp hành Đảng bộ phường khóa I gồm 33 đồng chí và bầu đoàn "
                "đại biểu dự Đại hội đại biểu Đảng bộ tỉnh. Bí thư Đảng ủy phường đề nghị mỗi cán "
                "bộ, đảng viên phát huy tinh thần trách nhiệm, sớm đưa Nghị quyết Đại hội vào cuộc "
                "sống."
            ),
        ],
        "heading": "Bầu Ban Chấp hành khóa mới",
        "author": "Ngọc Lan - Minh Đức",
        "source": "Đảng ủy phường Phù Vân",
        "days_ago": 118,
        "hour": 16,
        "minute": 30,
        "featured": True,
        "picture_caption": "Quang cảnh phiên khai mạc Đại hội Đảng bộ phường Phù Vân lần thứ I.",
        "palette": ("#c0392b", "#f5b041"),
    },
    {
        "slug": "ky-hop-thu-tu-hdnd-phuong-phu-van-thong-qua-9-nghi-quyet-quan-trong",
        "title": "Kỳ họp thứ tư HĐND phường Phù Vân thông qua 9 nghị quyết quan trọng",
        "category": "hoi-dong-nhan-dan",
        "summary": (
            "Kỳ họp đã xem xét các báo cáo kinh tế - xã hội, trả lời chất vấn và thông qua 9 nghị "
            "quyết làm cơ sở triển khai nhiệm vụ những tháng cuối năm."
        ),
        "paragraphs": [
            (
                "Hội đồng nhân dân phường Phù Vân vừa tổ chức kỳ họp thứ tư nhằm đánh giá tình "
                "hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh "
                "và quyết định một số nội dung thuộc thẩm quyền. Tham dự kỳ họp có các đại biểu "
                "HĐND phường, lãnh đạo Đảng ủy, UBND, Ủy ban MTTQ Việt Nam phường và đại diện cử "
                "tri các tổ dân phố."
            ),
            (
                "Theo báo cáo của UBND phường, các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch. Tổng "
                "thu ngân sách trên địa bàn ước đạt 104% dự toán; công tác chỉnh trang đô thị, bảo "
                "vệ môi trường có nhiều chuyển biến; an sinh xã hội được bảo đảm, tình hình an "
                "ninh chính trị, trật tự an toàn xã hội ổn định."
            ),
            (
                "Tại phiên chất vấn, các đại biểu tập trung vào những vấn đề cử tri quan tâm như "
                "tình trạng ngập úng cục bộ khi mưa lớn, việc thu gom rác thải ở khu dân cư mới, "
                "tiến độ cấp giấy chứng nhận quyền sử dụng đất. Lãnh đạo UBND phường đã trả lời "
                "thẳng thắn, nêu rõ nguyên nhân, trách nhiệm và giải pháp khắc phục."
            ),
            (
                "Kỳ họp đã biểu quyết thông qua 9 nghị quyết, trong đó có nghị quyết về dự toán "
                "ngân sách, kế hoạch đầu tư công và danh mục công trình chỉnh trang đô thị năm "
                "tới. Chủ tịch HĐND phường đề nghị UBND phường khẩn trương cụ thể hóa các nghị "
                "quyết; mỗi đại biểu tăng cường tiếp xúc, lắng nghe ý kiến cử tri."
            ),
        ],
        "heading": "Thông qua 9 nghị quyết",
        "author": "Thu Hà",
        "source": "HĐND phường Phù Vân",
        "days_ago": 35,
        "hour": 17,
        "minute": 5,
        "featured": False,
        "picture_caption": "Các đại biểu biểu quyết thông qua nghị quyết tại kỳ họp.",
        "palette": ("#1f4e79", "#d4ac0d"),
    },
    {
        "slug": "bo-phan-mot-cua-phuong-phu-van-lay-su-hai-long-cua-nguoi-dan-lam-thuoc-do",
        "title": "Bộ phận một cửa phường Phù Vân lấy sự hài lòng của người dân làm thước đo",
        "category": "chinh-quyen",
        "summary": (
            "Bộ phận một cửa phường tiếp nhận, giải quyết hàng nghìn hồ sơ mỗi quý, tỷ lệ hồ sơ "
            "giải quyết đúng và trước hạn đạt trên 98%."
        ),
        "paragraphs": [
            (
                "Được bố trí tại tầng một trụ sở UBND phường, Bộ phận một cửa có không gian rộng "
                "rãi, trang bị máy lấy số tự động, màn hình tra cứu thủ tục, máy tính kết nối mạng "
                "và khu vực ghế chờ. Mỗi ngày, bộ phận tiếp nhận trung bình từ 80 đến 120 hồ sơ "
                "thuộc các lĩnh vực hộ tịch, chứng thực, đất đai, xây dựng và chính sách xã hội."
            ),
            (
                "Công chức làm việc tại đây được lựa chọn từ những người có chuyên môn vững, thái "
                "độ niềm nở, tận tình. Với người cao tuổi hoặc người lần đầu làm thủ tục, cán bộ "
                "trực tiếp hướng dẫn kê khai, tạo tài khoản định danh điện tử và nộp hồ sơ trực "
                "tuyến ngay tại chỗ. Hồ sơ sau khi tiếp nhận được cập nhật lên hệ thống để người "
                "dân theo dõi tiến độ."
            ),
            (
                "Chị Nguyễn Thị Hồng, tổ dân phố Tân Hòa, chia sẻ: 'Tôi đến làm thủ tục đăng ký "
                "khai sinh cho con, chỉ khoảng 20 phút đã xong, không phải đi lại nhiều lần. Cán "
                "bộ hướng dẫn rất nhiệt tình, chu đáo'."
            ),
            (
                "Thời gian tới, UBND phường tiếp tục rà soát, công khai đầy đủ các thủ tục hành "
                "chính, đẩy mạnh số hóa hồ sơ và thanh toán phí, lệ phí không dùng tiền mặt. "
                "Phường duy trì hòm thư góp ý, đường dây nóng để kịp thời tiếp nhận phản ánh, kiến "
                "nghị, không ngừng nâng cao mức độ hài lòng của người dân, tổ chức."
            ),
        ],
        "heading": "Tiếp tục nâng cao chất lượng phục vụ",
        "author": "Hoàng Anh",
        "source": "UBND phường Phù Vân",
        "days_ago": 20,
        "hour": 9,
        "minute": 40,
        "featured": False,
        "picture_caption": "Công chức Bộ phận một cửa hướng dẫn người dân hoàn thiện hồ sơ.",
        "palette": ("#117a65", "#a3e4d7"),
    },
    {
        "slug": "phuong-phu-van-trien-khai-chien-dich-tiem-vac-xin-phong-soi-cho-tre-em",
        "title": "Phường Phù Vân triển khai chiến dịch tiêm vắc xin phòng sởi cho trẻ em",
        "category": "y-te-giao-duc",
        "summary": (
            "Trạm Y tế phường tổ chức tiêm bổ sung vắc xin sởi cho gần 1.200 trẻ từ 1 đến 10 tuổi "
            "nhằm chủ động phòng bệnh, không để dịch bùng phát trên địa bàn."
        ),
        "paragraphs": [
            (
                "Thực hiện kế hoạch của Sở Y tế tỉnh Ninh Bình, Trạm Y tế phường Phù Vân phối hợp "
                "với các trường mầm non, tiểu học tổ chức chiến dịch tiêm vắc xin phòng sởi cho "
                "trẻ em trong độ tuổi. Trước đó, trạm đã rà soát danh sách và thông báo lịch tiêm "
                "đến từng hộ gia đình qua hệ thống loa truyền thanh và nhóm Zalo của các tổ dân "
                "phố."
            ),
            (
                "Tại các điểm tiêm, quy trình tiêm chủng an toàn được thực hiện nghiêm ngặt gồm "
                "khám sàng lọc, tư vấn cho phụ huynh, tiêm vắc xin và theo dõi trẻ sau tiêm ít "
                "nhất 30 phút. Mỗi điểm tiêm đều bố trí bàn cấp cứu, đủ thuốc và trang thiết bị để "
                "xử trí kịp thời các trường hợp phản ứng sau tiêm."
            ),
            (
                "Bác sĩ Trần Văn Hải, Trưởng Trạm Y tế phường cho biết, sởi là bệnh truyền nhiễm "
                "cấp tính, lây lan nhanh qua đường hô hấp và có thể gây biến chứng nặng ở trẻ nhỏ. "
                "Tiêm vắc xin đầy đủ, đúng lịch là biện pháp phòng bệnh hiệu quả nhất."
            ),
            (
                "Trạm Y tế phường đề nghị các gia đình có trẻ chưa được tiêm hoặc tiêm chưa đủ mũi "
                "đưa trẻ đến trạm để được tiêm bù. Khi trẻ có biểu hiện sốt, phát ban, ho, chảy "
                "nước mũi, cần đưa trẻ đến cơ sở y tế gần nhất để được khám và điều trị kịp thời."
            ),
        ],
        "heading": "Khuyến cáo phụ huynh",
        "author": "Phương Thảo",
        "source": "Trạm Y tế phường Phù Vân",
        "days_ago": 46,
        "hour": 10,
        "minute": 20,
        "featured": False,
        "picture_caption": "Nhân viên y tế khám sàng lọc cho trẻ trước khi tiêm vắc xin.",
        "palette": ("#2e86c1", "#d6eaf8"),
    },
    {
        "slug": "ron-rang-le-khai-giang-nam-hoc-2025-2026-tai-cac-truong-hoc-tren-dia-ban-phuong",
        "title": "Rộn ràng lễ khai giảng năm học 2025-2026 tại các trường học trên địa bàn phường",
        "category": "y-te-giao-duc",
        "summary": (
            "Hơn 6.500 học sinh các cấp học trên địa bàn phường Phù Vân đã hân hoan bước vào năm "
            "học mới trong không khí vui tươi, phấn khởi."
        ),
        "paragraphs": [
            (
                "Trong không khí ngày hội toàn dân đưa trẻ đến trường, các trường mầm non, tiểu "
                "học và trung học cơ sở trên địa bàn phường đồng loạt tổ chức lễ khai giảng năm "
                "học 2025-2026. Từ sớm, sân trường đã rực rỡ cờ hoa, các em học sinh trong bộ đồng "
                "phục mới cùng phụ huynh háo hức đón chào năm học mới."
            ),
            (
                "Năm học này, toàn phường có 9 trường học với hơn 6.500 học sinh, tăng gần 300 em "
                "so với năm học trước. Trước ngày khai giảng, các nhà trường đã sửa chữa phòng "
                "học, bổ sung bàn ghế, thiết bị dạy học và vệ sinh khuôn viên, bảo đảm điều kiện "
                "tốt nhất cho việc dạy và học."
            ),
            (
                "Tại buổi lễ, thầy và trò được nghe đọc thư của Chủ tịch nước gửi ngành Giáo dục "
                "nhân dịp khai giảng năm học mới và thưởng thức nhiều tiết mục văn nghệ đặc sắc. "
                "Lãnh đạo phường đã đến dự, động viên thầy cô giáo và trao quà tặng học sinh có "
                "hoàn cảnh khó khăn vươn lên trong học tập."
            ),
            (
                "Năm học 2025-2026, ngành giáo dục phường tập trung đổi mới phương pháp dạy học, "
                "đẩy mạnh ứng dụng công nghệ thông tin, tăng cường giáo dục kỹ năng sống và ngoại "
                "ngữ cho học sinh. Phấn đấu 100% trường học duy trì đạt chuẩn quốc gia, tỷ lệ học "
                "sinh hoàn thành chương trình lớp học đạt trên 99%."
            ),
        ],
        "heading": "Nâng cao chất lượng giáo dục toàn diện",
        "author": "Minh Châu - Quốc Huy",
        "source": "",
        "days_ago": 90,
        "hour": 11,
        "minute": 0,
        "featured": False,
        "picture_caption": "Học sinh tham gia tiết mục văn nghệ chào mừng năm học mới.",
        "palette": ("#e74c3c", "#fdebd0"),
    },
    {
        "slug": "phuong-phu-van-chu-dong-phuong-an-phong-chong-thien-tai-mua-mua-bao",
        "title": "Phường Phù Vân chủ động phương án phòng, chống thiên tai mùa mưa bão",
        "category": "tin-tuc-su-kien",
        "summary": (
            "Phường đã kiện toàn lực lượng, rà soát các khu vực xung yếu và chuẩn bị sẵn sàng vật "
            "tư, phương tiện để ứng phó với mưa lớn, ngập úng."
        ),
        "paragraphs": [
            (
                "UBND phường Phù Vân vừa tổ chức hội nghị triển khai nhiệm vụ phòng, chống thiên "
                "tai và tìm kiếm cứu nạn năm 2025. Trên địa bàn phường có tuyến sông Đáy và hệ "
                "thống kênh tiêu chạy qua nhiều khu dân cư, khi mưa lớn kéo dài dễ xảy ra ngập úng "
                "cục bộ, ảnh hưởng đến sản xuất và sinh hoạt của người dân."
            ),
            (
                "Ban Chỉ huy phòng thủ dân sự phường đã phân công thành viên phụ trách từng tổ dân "
                "phố, xây dựng phương án sơ tán dân tại các vị trí có nguy cơ cao. Phường chuẩn bị "
                "bao tải, cọc tre, áo phao, đèn pin, máy phát điện và thành lập các đội xung kích "
                "với hơn 200 thành viên là dân quân, đoàn viên thanh niên, hội viên cựu chiến "
                "binh."
            ),
            (
                "Các đơn vị chức năng thường xuyên kiểm tra, nạo vét hệ thống cống rãnh, khơi "
                "thông dòng chảy, cắt tỉa cây xanh có nguy cơ gãy đổ. Công an phường phối hợp với "
                "các tổ dân phố bảo đảm an ninh trật tự, bảo vệ tài sản của nhân dân khi xảy ra "
                "thiên tai."
            ),
            (
                "Lãnh đạo UBND phường đề nghị các tổ dân phố quán triệt phương châm bốn tại chỗ: "
                "chỉ huy tại chỗ, lực lượng tại chỗ, phương tiện, vật tư tại chỗ và hậu cần tại "
                "chỗ. Người dân cần theo dõi thông tin dự báo thời tiết, chủ động gia cố nhà cửa, "
                "không đi qua các khu vực ngập sâu, nước chảy xiết."
            ),
        ],
        "heading": "Thực hiện tốt phương châm bốn tại chỗ",
        "author": "Văn Toàn",
        "source": "",
        "days_ago": 58,
        "hour": 15,
        "minute": 45,
        "featured": False,
        "picture_caption": "Lực lượng xung kích diễn tập ứng phó ngập úng tại khu dân cư.",
        "palette": ("#1b4f72", "#85c1e9"),
    },
    {
        "slug": "ra-quan-tong-ve-sinh-moi-truong-xay-dung-do-thi-xanh-sach-dep",
        "title": "Ra quân tổng vệ sinh môi trường, xây dựng đô thị xanh - sạch - đẹp",
        "category": "kinh-te-xa-hoi",
        "summary": (
            "Hưởng ứng phong trào 'Ngày Chủ nhật xanh', các tổ dân phố, cơ quan, trường học trên "
            "địa bàn phường đồng loạt ra quân, thu gom hàng chục tấn rác thải."
        ),
        "paragraphs": [
            (
                "Ngay từ sáng sớm Chủ nhật, cán bộ, đảng viên, đoàn viên thanh niên, hội viên các "
                "đoàn thể và người dân 24 tổ dân phố đã có mặt tại các điểm tập trung. Các lực "
                "lượng chia thành nhiều nhóm, quét dọn đường phố, ngõ xóm, phát quang bụi rậm, vớt "
                "rác trên kênh mương và thu gom phế thải xây dựng tồn đọng."
            ),
            (
                "Theo thống kê sơ bộ, đợt ra quân thu hút gần 3.000 lượt người tham gia, thu gom "
                "khoảng 25 tấn rác thải các loại và nạo vét hơn 2 km cống rãnh thoát nước. Nhiều "
                "điểm tập kết rác tự phát tồn tại lâu ngày đã được xử lý dứt điểm, trả lại cảnh "
                "quan sạch đẹp cho khu dân cư."
            ),
            (
                "Ông Lê Văn Thắng, Tổ trưởng tổ dân phố Bắc Hà, cho biết người dân rất đồng tình "
                "với hoạt động này. Sau mỗi đợt ra quân, ý thức giữ gìn vệ sinh chung của bà con "
                "được nâng lên rõ rệt, nhiều gia đình đã tự giác phân loại rác tại nguồn và trồng "
                "hoa dọc các tuyến đường."
            ),
            (
                "UBND phường xác định tổng vệ sinh môi trường là nhiệm vụ thường xuyên, được tổ "
                "chức vào Chủ nhật cuối cùng của mỗi tháng. Phường cũng tăng cường kiểm tra, xử lý "
                "nghiêm các trường hợp vứt rác, đổ phế thải không đúng nơi quy định, góp phần xây "
                "dựng phường Phù Vân ngày càng xanh, sạch, đẹp, văn minh."
            ),
        ],
        "heading": "Duy trì thường xuyên, không chạy theo phong trào",
        "author": "Hải Yến",
        "source": "",
        "days_ago": 9,
        "hour": 14,
        "minute": 10,
        "featured": False,
        "picture_caption": "Đoàn viên thanh niên thu gom rác thải trên tuyến kênh tiêu.",
        "palette": ("#1e8449", "#abebc6"),
    },
    {
        "slug": "dac-sac-ngay-hoi-van-hoa-cac-to-dan-pho-phuong-phu-van",
        "title": "Đặc sắc Ngày hội văn hóa các tổ dân phố phường Phù Vân",
        "category": "van-hoa-the-thao",
        "summary": (
            "Ngày hội quy tụ hơn 500 diễn viên, nghệ nhân, vận động viên đến từ 24 tổ dân phố với "
            "nhiều hoạt động văn nghệ, trò chơi dân gian hấp dẫn."
        ),
        "paragraphs": [
            (
                "Nhằm tăng cường khối đại đoàn kết toàn dân tộc, giữ gìn và phát huy giá trị văn "
                "hóa truyền thống, UBND phường Phù Vân tổ chức Ngày hội văn hóa các tổ dân phố tại "
                "sân vận động trung tâm phường. Ngày hội thu hút đông đảo người dân và du khách "
                "đến tham quan, cổ vũ."
            ),
            (
                "Phần hội diễn văn nghệ với chủ đề 'Quê hương đổi mới' mang đến gần 30 tiết mục "
                "ca, múa, nhạc được dàn dựng công phu. Nhiều tiết mục hát chèo, hát trống quân, "
                "múa dân gian do các câu lạc bộ văn nghệ quần chúng biểu diễn đã nhận được những "
                "tràng pháo tay nhiệt liệt của khán giả."
            ),
            (
                "Bên cạnh đó, các trò chơi dân gian như kéo co, đẩy gậy, nhảy bao bố, bịt mắt bắt "
                "dê diễn ra sôi nổi, thu hút nhiều lứa tuổi tham gia. Khu trưng bày ẩm thực giới "
                "thiệu các món ăn quen thuộc của địa phương như bánh cuốn, bánh đa, cá kho làng, "
                "được du khách thích thú thưởng thức."
            ),
            (
                "Kết thúc ngày hội, Ban Tổ chức đã trao giải Nhất toàn đoàn cho tổ dân phố Đông "
                "Sơn, hai giải Nhì cho tổ dân phố Tân Hòa và Bắc Hà cùng nhiều giải cá nhân. Ngày "
                "hội là dịp để người dân giao lưu, gắn kết, chung sức xây dựng khu dân cư văn hóa, "
                "đô thị văn minh."
            ),
        ],
        "heading": "Lan tỏa nếp sống văn minh",
        "author": "Thanh Hương",
        "source": "",
        "days_ago": 72,
        "hour": 20,
        "minute": 30,
        "featured": False,
        "picture_caption": "Tiết mục múa dân gian của câu lạc bộ văn nghệ tổ dân phố Đông Sơn.",
        "palette": ("#8e44ad", "#f9e79f"),
    },
    {
        "slug": "khai-mac-giai-bong-da-thanh-nien-phuong-phu-van-mo-rong-nam-2025",
        "title": "Khai mạc Giải bóng đá thanh niên phường Phù Vân mở rộng năm 2025",
        "category": "van-hoa-the-thao",
        "summary": (
            "Giải đấu có 16 đội bóng tham gia, thi đấu theo thể thức vòng bảng và loại trực tiếp "
            "trong gần một tháng tại sân vận động trung tâm phường."
        ),
        "paragraphs": [
            (
                "Tối qua, tại sân vận động trung tâm, Đoàn Thanh niên phường Phù Vân phối hợp với "
                "các ngành chức năng tổ chức lễ khai mạc Giải bóng đá thanh niên phường mở rộng "
                "năm 2025. Giải đấu là hoạt động thiết thực hưởng ứng cuộc vận động 'Toàn dân rèn "
                "luyện thân thể theo gương Bác Hồ vĩ đại'."
            ),
            (
                "Tham gia giải có 16 đội bóng đến từ các tổ dân phố, cơ quan, doanh nghiệp và "
                "trường học trên địa bàn với hơn 300 cầu thủ. Các đội được chia thành 4 bảng thi "
                "đấu vòng tròn một lượt, chọn 2 đội đứng đầu mỗi bảng vào tứ kết. Các trận đấu "
                "diễn ra vào chiều và tối các ngày cuối tuần."
            ),
            (
                "Ngay trận khai mạc, đội tổ dân phố Đông Sơn và đội Khối doanh nghiệp đã mang đến "
                "cho khán giả một trận cầu tốc độ với nhiều pha bóng đẹp mắt. Kết thúc trận đấu, "
                "đội Đông Sơn giành chiến thắng với tỷ số 2-1."
            ),
            (
                "Phát biểu khai mạc, đại diện Ban Tổ chức đề nghị các đội bóng, cầu thủ thi đấu "
                "với tinh thần đoàn kết, trung thực, cao thượng, tôn trọng trọng tài và khán giả. "
                "Giải đấu không chỉ là sân chơi bổ ích cho thanh niên mà còn là dịp phát hiện "
                "những cầu thủ có năng khiếu để xây dựng đội tuyển của phường."
            ),
        ],
        "heading": "Thi đấu trung thực, cao thượng",
        "author": "Đức Thịnh",
        "source": "Đoàn Thanh niên phường Phù Vân",
        "days_ago": 14,
        "hour": 7,
        "minute": 50,
        "featured": False,
        "picture_caption": "Pha tranh bóng trong trận khai mạc giải đấu.",
        "palette": ("#229954", "#f4d03f"),
    },
    {
        "slug": "khoi-cong-cai-tao-nang-cap-tuyen-duong-truc-chinh-khu-dan-cu-dong-son",
        "title": "Khởi công cải tạo, nâng cấp tuyến đường trục chính khu dân cư Đông Sơn",
        "category": "kinh-te-xa-hoi",
        "summary": (
            "Công trình dài 1,2 km, tổng mức đầu tư gần 8,5 tỷ đồng, dự kiến hoàn thành trong 6 "
            "tháng, góp phần hoàn thiện hạ tầng giao thông đô thị."
        ),
        "paragraphs": [
            (
                "UBND phường Phù Vân vừa tổ chức lễ khởi công dự án cải tạo, nâng cấp tuyến đường "
                "trục chính khu dân cư Đông Sơn. Đây là một trong những công trình trọng điểm của "
                "phường trong năm, được cử tri nhiều lần kiến nghị tại các buổi tiếp xúc trước kỳ "
                "họp HĐND."
            ),
            (
                "Theo thiết kế, tuyến đường dài khoảng 1,2 km, mặt đường được mở rộng từ 3,5 m lên "
                "7 m, kết cấu bê tông nhựa; hai bên có vỉa hè lát đá, hệ thống thoát nước dọc, "
                "điện chiếu sáng và cây xanh. Nguồn vốn đầu tư từ ngân sách phường và sự đóng góp "
                "tự nguyện của nhân dân."
            ),
            (
                "Để có mặt bằng thi công, nhiều hộ dân dọc tuyến đã tự nguyện hiến đất, tháo dỡ "
                "tường rào, công trình phụ. Ông Phạm Văn Bình, một trong những hộ hiến gần 40 m2 "
                "đất, chia sẻ: 'Đường rộng đẹp thì cả khu dân cư được hưởng lợi, gia đình tôi rất "
                "vui khi góp một phần công sức'."
            ),
            (
                "Phát biểu tại lễ khởi công, lãnh đạo UBND phường yêu cầu đơn vị thi công bố trí "
                "đủ nhân lực, máy móc, bảo đảm chất lượng, tiến độ và an toàn lao động; có biện "
                "pháp hạn chế bụi, tiếng ồn để người dân đi lại thuận tiện. Ban giám sát đầu tư "
                "của cộng đồng sẽ theo dõi chặt chẽ quá trình thi công."
            ),
        ],
        "heading": "Bảo đảm chất lượng, tiến độ",
        "author": "Bảo Ngọc - Trung Kiên",
        "source": "UBND phường Phù Vân",
        "days_ago": 27,
        "hour": 16,
        "minute": 0,
        "featured": False,
        "picture_caption": "Các đại biểu thực hiện nghi thức khởi công công trình.",
        "palette": ("#7b7d7d", "#f39c12"),
    },
    {
        "slug": "chung-tay-ho-tro-ho-ngheo-ho-can-ngheo-on-dinh-cuoc-song",
        "title": "Chung tay hỗ trợ hộ nghèo, hộ cận nghèo ổn định cuộc sống",
        "category": "kinh-te-xa-hoi",
        "summary": (
            "Từ Quỹ 'Vì người nghèo' và sự ủng hộ của các nhà hảo tâm, phường Phù Vân đã hỗ trợ "
            "xây mới, sửa chữa 7 ngôi nhà cho các hộ có hoàn cảnh khó khăn."
        ),
        "paragraphs": [
            (
                "Thời gian qua, Ủy ban MTTQ Việt Nam phường Phù Vân đã phối hợp với các đoàn thể, "
                "tổ dân phố rà soát, nắm chắc hoàn cảnh từng hộ nghèo, hộ cận nghèo để có hình "
                "thức hỗ trợ phù hợp. Hiện toàn phường còn 46 hộ nghèo và 83 hộ cận nghèo, phần "
                "lớn là hộ có người già cả, ốm đau, không có khả năng lao động."
            ),
            (
                "Từ nguồn Quỹ 'Vì người nghèo' và sự đóng góp của các doanh nghiệp, nhà hảo tâm, "
                "phường đã hỗ trợ xây mới 4 căn nhà và sửa chữa 3 căn nhà, mỗi căn được hỗ trợ từ "
                "30 đến 60 triệu đồng. Nhiều hộ còn được vay vốn ưu đãi từ Ngân hàng Chính sách xã "
                "hội để phát triển sản xuất, kinh doanh nhỏ."
            ),
            (
                "Bà Đỗ Thị Mến, tổ dân phố Tân Hòa, xúc động khi nhận bàn giao căn nhà mới: 'Cả "
                "đời tôi chưa dám nghĩ có ngày được ở nhà kiên cố như thế này. Tôi cảm ơn chính "
                "quyền, các đoàn thể và bà con lối xóm đã giúp đỡ'."
            ),
            (
                "Phường phấn đấu đến cuối năm giảm ít nhất 15 hộ nghèo, không để phát sinh hộ "
                "nghèo mới. Bên cạnh hỗ trợ vật chất, các đoàn thể thường xuyên thăm hỏi, động "
                "viên, giới thiệu việc làm, giúp các hộ có thêm động lực vươn lên thoát nghèo bền "
                "vững."
            ),
        ],
        "heading": "Không để ai bị bỏ lại phía sau",
        "author": "Mai Anh",
        "source": "Ủy ban MTTQ Việt Nam phường Phù Vân",
        "days_ago": 150,
        "hour": 8,
        "minute": 45,
        "featured": False,
        "picture_caption": "Bàn giao nhà mới cho hộ nghèo tại tổ dân phố Tân Hòa.",
        "palette": ("#d35400", "#fae5d3"),
    },
    {
        "slug": "thong-bao-ve-viec-dang-ky-tam-tru-va-thong-bao-luu-tru-tren-dia-ban-phuong",
        "title": "Thông báo về việc đăng ký tạm trú và thông báo lưu trú trên địa bàn phường",
        "category": "thong-bao",
        "summary": (
            "Công an phường Phù Vân đề nghị công dân, chủ nhà trọ và cơ sở lưu trú thực hiện đầy "
            "đủ việc đăng ký, khai báo cư trú theo quy định của Luật Cư trú."
        ),
        "paragraphs": [
            (
                "Nhằm tăng cường công tác quản lý dân cư, bảo đảm an ninh trật tự trên địa bàn, "
                "Công an phường Phù Vân thông báo một số nội dung về đăng ký, quản lý cư trú. Công "
                "dân đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi "
                "đã đăng ký thường trú để lao động, học tập hoặc vì mục đích khác từ 30 ngày trở "
                "lên có trách nhiệm đăng ký tạm trú."
            ),
            (
                "Người đến ở qua đêm tại địa điểm không phải nơi thường trú, tạm trú của mình phải "
                "được thông báo lưu trú. Chủ hộ, chủ nhà trọ, cơ sở lưu trú thông báo cho Công an "
                "phường trước 23 giờ cùng ngày; trường hợp người đến lưu trú sau 23 giờ thì thông "
                "báo trước 08 giờ ngày hôm sau."
            ),
            (
                "Công dân có thể thực hiện thủ tục trực tiếp tại Công an phường hoặc nộp hồ sơ "
                "trực tuyến qua Cổng Dịch vụ công quốc gia, ứng dụng VNeID. Việc thông báo lưu trú "
                "có thể thực hiện qua điện thoại, ứng dụng VNeID hoặc trực tiếp với cán bộ Công an "
                "phường phụ trách địa bàn."
            ),
            (
                "Các trường hợp không thực hiện đăng ký tạm trú, thông báo lưu trú theo quy định "
                "sẽ bị xử phạt vi phạm hành chính. Mọi thắc mắc, đề nghị liên hệ Công an phường "
                "Phù Vân hoặc cán bộ Cảnh sát khu vực phụ trách tổ dân phố để được hướng dẫn cụ "
                "thể."
            ),
        ],
        "heading": "Xử lý nghiêm các trường hợp vi phạm",
        "author": "Công an phường Phù Vân",
        "source": "Công an phường Phù Vân",
        "days_ago": 3,
        "hour": 8,
        "minute": 0,
        "featured": False,
        "picture_caption": "Cán bộ Công an phường hướng dẫn người dân khai báo cư trú qua VNeID.",
        "palette": ("#283747", "#f7dc6f"),
    },
    {
        "slug": "phuong-phu-van-trien-khai-cong-tac-tuyen-chon-goi-cong-dan-nhap-ngu-nam-2026",
        "title": "Phường Phù Vân triển khai công tác tuyển chọn, gọi công dân nhập ngũ năm 2026",
        "category": "tin-tuc-su-kien",
        "summary": (
            "Phường đã tổ chức sơ tuyển sức khỏe cho 185 công dân trong độ tuổi, chuẩn bị chu đáo "
            "các bước tuyển quân theo đúng quy định."
        ),
        "paragraphs": [
            (
                "Thực hiện chỉ tiêu giao quân năm 2026 của cấp trên, Hội đồng nghĩa vụ quân sự "
                "phường Phù Vân đã ban hành kế hoạch, phân công nhiệm vụ cụ thể cho từng thành "
                "viên và các tổ dân phố. Công tác đăng ký, quản lý công dân trong độ tuổi sẵn sàng "
                "nhập ngũ được thực hiện chặt chẽ, công khai, dân chủ từ cơ sở."
            ),
            (
                "Vừa qua, phường đã tổ chức sơ tuyển sức khỏe cho 185 công dân; qua sơ tuyển có "
                "112 công dân đủ điều kiện tham gia khám tuyển. Trong số đó có nhiều thanh niên đã "
                "tốt nghiệp cao đẳng, đại học và nhiều trường hợp viết đơn tình nguyện nhập ngũ."
            ),
            (
                "Ban Chỉ huy quân sự phường phối hợp với các đoàn thể đẩy mạnh tuyên truyền Luật "
                "Nghĩa vụ quân sự qua hệ thống loa truyền thanh, pa nô, khẩu hiệu và trang thông "
                "tin điện tử của phường. Cán bộ các tổ dân phố đến từng gia đình có con em trong "
                "diện gọi nhập ngũ để động viên, giải thích chính sách."
            ),
            (
                "Phường phấn đấu hoàn thành 100% chỉ tiêu giao quân, bảo đảm chất lượng, đúng "
                "luật, không để xảy ra tình trạng trốn, chống khám tuyển. Các công dân trúng tuyển "
                "sẽ được gặp mặt, tặng quà động viên trước ngày lên đường làm nhiệm vụ bảo vệ Tổ "
                "quốc."
            ),
        ],
        "heading": "Bảo đảm chỉ tiêu, chất lượng giao quân",
        "author": "Quang Vinh",
        "source": "",
        "days_ago": 6,
        "hour": 10,
        "minute": 5,
        "featured": False,
        "picture_caption": (
            "Công dân trong độ tuổi tham gia sơ tuyển sức khỏe tại Trạm Y tế phường."
        ),
        "palette": ("#196f3d", "#c0392b"),
    },
    {
        "slug": "day-manh-chuyen-doi-so-dua-dich-vu-cong-truc-tuyen-den-gan-nguoi-dan",
        "title": "Đẩy mạnh chuyển đổi số, đưa dịch vụ công trực tuyến đến gần người dân",
        "category": "chinh-quyen",
        "summary": (
            "Với 24 Tổ công nghệ số cộng đồng, phường Phù Vân đang từng bước đưa các tiện ích số "
            "đến từng hộ gia đình, góp phần xây dựng chính quyền số, xã hội số."
        ),
        "paragraphs": [
            (
                "Xác định chuyển đổi số là nhiệm vụ trọng tâm, Đảng ủy, UBND phường Phù Vân đã ban "
                "hành kế hoạch thực hiện với mục tiêu, lộ trình cụ thể. Đến nay, 100% cán bộ, công "
                "chức phường sử dụng hệ thống quản lý văn bản và điều hành, chữ ký số trong xử lý "
                "công việc; nhiều cuộc họp được tổ chức trực tuyến, tiết kiệm thời gian và chi "
                "phí."
            ),
            (
                "Phường đã thành lập 24 Tổ công nghệ số cộng đồng với hơn 120 thành viên là cán bộ "
                "tổ dân phố, đoàn viên thanh niên và những người am hiểu công nghệ. Các tổ đến "
                "từng hộ gia đình hướng dẫn người dân kích hoạt tài khoản định danh điện tử, cài "
                "đặt ứng dụng VNeID, thanh toán không dùng tiền mặt và nộp hồ sơ dịch vụ công trực "
                "tuyến."
            ),
            (
                "Nhờ đó, tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến tại phường đã tăng lên "
                "trên 85%. Nhiều người dân, kể cả người cao tuổi, đã quen với việc làm thủ tục "
                "ngay tại nhà qua điện thoại thông minh. Đoàn viên thanh niên còn duy trì điểm hỗ "
                "trợ dịch vụ công vào sáng thứ Bảy hằng tuần tại trụ sở UBND phường."
            ),
            (
                "Thời gian tới, phường tiếp tục đầu tư hạ tầng số, mở rộng hệ thống camera giám "
                "sát an ninh trật tự, số hóa dữ liệu đất đai, hộ tịch. Mục tiêu đến năm 2030, "
                "phường Phù Vân cơ bản hoàn thành xây dựng chính quyền số, phục vụ người dân và "
                "doanh nghiệp ngày càng thuận tiện, hiệu quả."
            ),
        ],
        "heading": "Hướng tới chính quyền số",
        "author": "Ngọc Lan",
        "source": "UBND phường Phù Vân",
        "days_ago": 1,
        "hour": 8,
        "minute": 15,
        "featured": True,
        "picture_caption": (
            "Thành viên Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt VNeID."
        ),
        "palette": ("#154360", "#48c9b0"),
    },
]
