"""The usual pages of a ward's portal, invented for the demo. Written of "phường {place}";
comments.demo.in_words_of makes them speak of a "xã" for a commune."""

PAGES = [
    # (slug, title, parent slug or None, order, description, paragraphs)
    (
        "gioi-thieu",
        "Giới thiệu",
        None,
        1,
        "Giới thiệu phường {place}: vị trí, lịch sử, chức năng và bộ máy tổ chức.",
        [
            "<p>Chào mừng bạn đến với cổng thông tin điện tử phường {place}. Các trang dưới "
            "đây giới thiệu địa phương, quá trình hình thành và phát triển, chức năng, nhiệm vụ "
            "và cơ cấu tổ chức của chính quyền phường.</p>",
        ],
    ),
    (
        "gioi-thieu-chung",
        "Giới thiệu chung",
        "gioi-thieu",
        1,
        "Vị trí địa lý, diện tích, dân số và đơn vị hành chính của phường {place}.",
        [
            "<p>Nằm ở trung tâm tỉnh Ninh Bình, phường {place} có diện tích tự nhiên 6,8 km², "
            "dân số khoảng 18.400 người với 4.900 hộ gia đình, sinh sống tại 14 khu dân cư.</p>",
            "<h2>Vị trí địa lý</h2>",
            "<p>Phía Bắc giáp phường Đông Thành, phía Nam giáp sông Vân, phía Đông giáp phường "
            "Tân Thành, phía Tây giáp xã Ninh Nhất. Quốc lộ 1A và tuyến đường sắt Bắc - Nam đi "
            "qua địa bàn, thuận lợi cho giao thương.</p>",
            "<h2>Kinh tế - xã hội</h2>",
            "<p>Cơ cấu kinh tế chủ yếu là thương mại, dịch vụ và tiểu thủ công nghiệp. Tỷ lệ hộ "
            "nghèo còn dưới 1%; 100% khu dân cư đạt danh hiệu “Khu dân cư văn hóa”.</p>",
            '<table><tbody><tr><th scope="row">Diện tích tự nhiên</th><td>6,8 km²</td></tr>'
            '<tr><th scope="row">Dân số</th><td>18.400 người</td></tr>'
            '<tr><th scope="row">Số khu dân cư</th><td>14</td></tr></tbody></table>',
        ],
    ),
    (
        "lich-su-hinh-thanh",
        "Lịch sử hình thành",
        "gioi-thieu",
        2,
        "Quá trình hình thành và phát triển của phường {place} qua các thời kỳ.",
        [
            "<p>Vùng đất {place} có lịch sử cư trú lâu đời bên bờ sông Vân. Thời phong kiến, "
            "nơi đây là làng {place} thuộc tổng Phù Sa, nổi tiếng với nghề chạm khắc đá và "
            "buôn bán trên sông.</p>",
            "<p>Sau Cách mạng Tháng Tám năm 1945, chính quyền cách mạng được thành lập. Trong "
            "hai cuộc kháng chiến, nhân dân địa phương đóng góp hàng trăm người con cho tiền "
            "tuyến; nhiều gia đình được tặng thưởng Huân chương Kháng chiến.</p>",
            "<p>Năm 1998, phường {place} được thành lập trên cơ sở điều chỉnh địa giới hành "
            "chính. Từ đó đến nay, Đảng bộ và nhân dân phường không ngừng phát triển kinh tế, "
            "chỉnh trang đô thị và xây dựng đời sống văn hóa.</p>",
        ],
    ),
    (
        "chuc-nang-nhiem-vu",
        "Chức năng, nhiệm vụ",
        "gioi-thieu",
        3,
        "Chức năng, nhiệm vụ và quyền hạn của Ủy ban nhân dân phường {place}.",
        [
            "<p>Ủy ban nhân dân phường {place} là cơ quan chấp hành của Hội đồng nhân dân "
            "phường, cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng "
            "nhân dân phường và cơ quan hành chính nhà nước cấp trên.</p>",
            "<h2>Nhiệm vụ, quyền hạn chủ yếu</h2>",
            "<ul><li>Xây dựng, trình Hội đồng nhân dân phường quyết định các nội dung thuộc "
            "thẩm quyền và tổ chức thực hiện các nghị quyết đó.</li>"
            "<li>Tổ chức thực hiện ngân sách địa phương; quản lý đô thị, đất đai, môi trường "
            "trên địa bàn.</li>"
            "<li>Giải quyết thủ tục hành chính cho người dân và doanh nghiệp tại bộ phận một "
            "cửa.</li>"
            "<li>Bảo đảm quốc phòng, an ninh, trật tự, an toàn xã hội.</li></ul>",
        ],
    ),
    (
        "co-cau-to-chuc",
        "Cơ cấu tổ chức",
        "gioi-thieu",
        4,
        "Bộ máy của Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân và các đoàn thể phường.",
        [
            "<p>Hệ thống chính trị phường {place} gồm Đảng ủy, Hội đồng nhân dân, Ủy ban nhân "
            "dân, Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội.</p>",
            "<p>Ủy ban nhân dân phường có Chủ tịch, các Phó Chủ tịch và các công chức chuyên "
            "môn: Văn phòng - Thống kê, Tài chính - Kế toán, Tư pháp - Hộ tịch, Địa chính - "
            "Xây dựng - Đô thị và Môi trường, Văn hóa - Xã hội.</p>",
            '<p>Xem <a href="/to-chuc/">sơ đồ tổ chức và danh bạ cán bộ</a> để biết đơn vị, '
            "người phụ trách và cách liên hệ.</p>",
        ],
    ),
]
