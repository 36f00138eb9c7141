# ruff: noqa: E501 (data: the texts of the national database, one line each)
"""A dozen procedures a ward handles, as the national procedures database describes them."""

DVC = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={}"
ONE_DOOR = "Bộ phận tiếp nhận và trả kết quả (Bộ phận Một cửa) của Ủy ban nhân dân phường"
CITIZENS = "Công dân Việt Nam"


def steps(*lines):
    return "".join(f"<p>{line}</p>" for line in lines)


def papers(*lines):
    return "<ul>" + "".join(f"<li><p>{line}</p></li>" for line in lines) + "</ul>"


RECEIVE = "Người có yêu cầu nộp hồ sơ trực tiếp tại Bộ phận Một cửa hoặc trực tuyến trên Cổng Dịch vụ công quốc gia."
CHECK = "Công chức tư pháp - hộ tịch kiểm tra hồ sơ; hồ sơ chưa đầy đủ thì hướng dẫn bổ sung ngay."
RETURN = "Trả kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính, bản điện tử gửi vào tài khoản của người yêu cầu."

PROCEDURES = [
    {
        "code": "1.001193", "name": "Đăng ký khai sinh", "sector": "Hộ tịch", "level": "full",
        "steps": steps(RECEIVE, CHECK, "Chủ tịch Ủy ban nhân dân phường ký Giấy khai sinh; công chức ghi vào Sổ đăng ký khai sinh.", RETURN),
        "papers": papers("Tờ khai đăng ký khai sinh theo mẫu.", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh.", "Giấy tờ tùy thân của người đi đăng ký (xuất trình)."),
        "time_limit": "Ngay trong ngày làm việc; hồ sơ nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.",
        "fees": "Miễn lệ phí đăng ký khai sinh đúng hạn.",
        "applicants": "Cha, mẹ, ông, bà, người thân thích hoặc người nuôi dưỡng trẻ em.",
        "result": "Giấy khai sinh (bản chính); bản sao Giấy khai sinh nếu có yêu cầu.",
        "legal_basis": "Luật Hộ tịch năm 2014.\nNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ.\nThông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp.",
        "form": "Tờ khai đăng ký khai sinh",
    },
    {
        "code": "1.000894", "name": "Đăng ký kết hôn", "sector": "Hộ tịch", "level": "partial",
        "steps": steps(RECEIVE, CHECK, "Hai bên nam, nữ có mặt, ký vào Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn.", RETURN),
        "papers": papers("Tờ khai đăng ký kết hôn theo mẫu.", "Giấy xác nhận tình trạng hôn nhân nếu đăng ký thường trú ở nơi khác.", "Giấy tờ tùy thân của hai bên (xuất trình)."),
        "time_limit": "Ngay trong ngày làm việc; cần xác minh thì không quá 05 ngày làm việc.",
        "fees": "Miễn lệ phí.",
        "applicants": "Nam, nữ đủ điều kiện kết hôn theo Luật Hôn nhân và gia đình.",
        "result": "Giấy chứng nhận kết hôn (01 bản chính cho mỗi bên).",
        "legal_basis": "Luật Hộ tịch năm 2014.\nLuật Hôn nhân và gia đình năm 2014.\nNghị định số 123/2015/NĐ-CP.",
        "form": "Tờ khai đăng ký kết hôn",
    },
    {
        "code": "1.000656", "name": "Đăng ký khai tử", "sector": "Hộ tịch", "level": "full",
        "steps": steps(RECEIVE, CHECK, "Chủ tịch Ủy ban nhân dân phường cấp Trích lục khai tử.", RETURN),
        "papers": papers("Tờ khai đăng ký khai tử theo mẫu.", "Giấy báo tử hoặc giấy tờ thay Giấy báo tử."),
        "time_limit": "Ngay trong ngày làm việc; cần xác minh thì không quá 03 ngày làm việc.",
        "fees": "Miễn lệ phí.",
        "applicants": "Vợ, chồng, con, cha, mẹ hoặc người thân thích khác của người chết.",
        "result": "Trích lục khai tử (bản chính).",
        "legal_basis": "Luật Hộ tịch năm 2014.\nNghị định số 123/2015/NĐ-CP.",
    },
    {
        "code": "1.004873", "name": "Cấp Giấy xác nhận tình trạng hôn nhân", "sector": "Hộ tịch", "level": "full",
        "steps": steps(RECEIVE, CHECK, "Chủ tịch Ủy ban nhân dân phường ký cấp Giấy xác nhận tình trạng hôn nhân.", RETURN),
        "papers": papers("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu.", "Bản án, quyết định ly hôn hoặc giấy chứng tử nếu đã từng kết hôn."),
        "time_limit": "03 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        "fees": "Theo Nghị quyết của Hội đồng nhân dân tỉnh; miễn cho người thuộc gia đình có công, hộ nghèo, người khuyết tật.",
        "applicants": CITIZENS,
        "result": "Giấy xác nhận tình trạng hôn nhân (có giá trị 06 tháng).",
        "legal_basis": "Luật Hộ tịch năm 2014.\nNghị định số 123/2015/NĐ-CP.\nThông tư số 04/2020/TT-BTP.",
    },
    {
        "code": "2.000635", "name": "Cấp bản sao Trích lục hộ tịch", "sector": "Hộ tịch", "level": "full",
        "steps": steps(RECEIVE, "Công chức tư pháp - hộ tịch tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử và cấp bản sao.", RETURN),
        "papers": papers("Tờ khai cấp bản sao trích lục hộ tịch theo mẫu (nộp trực tuyến thì khai trên Cổng)."),
        "time_limit": "Ngay trong ngày làm việc.",
        "fees": "8.000 đồng/bản sao trích lục.",
        "applicants": "Cá nhân, tổ chức có yêu cầu.",
        "result": "Bản sao trích lục hộ tịch.",
        "legal_basis": "Luật Hộ tịch năm 2014.\nThông tư số 281/2016/TT-BTC của Bộ Tài chính.",
    },
    {
        "code": "2.000815", "name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận", "sector": "Chứng thực", "level": "partial",
        "steps": steps("Người yêu cầu xuất trình bản chính và bản sao cần chứng thực tại Bộ phận Một cửa.", "Người thực hiện chứng thực đối chiếu bản sao với bản chính, ghi lời chứng, ký và đóng dấu.", RETURN),
        "papers": papers("Bản chính giấy tờ, văn bản làm cơ sở chứng thực.", "Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)."),
        "time_limit": "Trong ngày cơ quan tiếp nhận yêu cầu hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ.",
        "fees": "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản.",
        "applicants": "Cá nhân, tổ chức.",
        "result": "Bản sao được chứng thực từ bản chính.",
        "legal_basis": "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ.\nThông tư số 226/2016/TT-BTC.",
    },
    {
        "code": "2.000884", "name": "Chứng thực chữ ký trong các giấy tờ, văn bản", "sector": "Chứng thực", "level": "information",
        "steps": steps("Người yêu cầu chứng thực chữ ký xuất trình giấy tờ tùy thân và giấy tờ cần chứng thực.", "Người yêu cầu ký trước mặt người thực hiện chứng thực; người thực hiện ghi lời chứng, ký và đóng dấu.", RETURN),
        "papers": papers("Giấy tờ tùy thân còn giá trị sử dụng (xuất trình).", "Giấy tờ, văn bản mà mình sẽ ký."),
        "time_limit": "Trong ngày cơ quan tiếp nhận yêu cầu.",
        "fees": "10.000 đồng/trường hợp.",
        "applicants": "Cá nhân.",
        "result": "Giấy tờ, văn bản được chứng thực chữ ký.",
        "legal_basis": "Nghị định số 23/2015/NĐ-CP.\nThông tư số 01/2020/TT-BTP.",
    },
    {
        "code": "2.001035", "name": "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "sector": "Chứng thực", "level": "information",
        "steps": steps("Người yêu cầu nộp hồ sơ tại Bộ phận Một cửa.", "Người thực hiện chứng thực kiểm tra giấy tờ, năng lực hành vi dân sự của các bên; các bên ký trước mặt người thực hiện chứng thực.", RETURN),
        "papers": papers("Dự thảo hợp đồng, giao dịch.", "Bản sao giấy tờ tùy thân của người yêu cầu.", "Bản sao giấy chứng nhận quyền sở hữu tài sản."),
        "time_limit": "Không quá 02 ngày làm việc.",
        "fees": "50.000 đồng/hợp đồng, giao dịch.",
        "applicants": "Cá nhân, tổ chức.",
        "result": "Hợp đồng, giao dịch được chứng thực.",
        "legal_basis": "Nghị định số 23/2015/NĐ-CP.\nThông tư số 226/2016/TT-BTC.",
    },
    {
        "code": "1.004194", "name": "Đăng ký thường trú", "sector": "Quốc phòng, an ninh", "level": "full",
        "steps": steps("Người đăng ký nộp hồ sơ tại Công an phường hoặc trên Cổng Dịch vụ công quốc gia.", "Cơ quan đăng ký cư trú kiểm tra, cập nhật thông tin vào Cơ sở dữ liệu về cư trú và thông báo kết quả."),
        "papers": papers("Tờ khai thay đổi thông tin cư trú (mẫu CT01).", "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp."),
        "time_limit": "07 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        "fees": "20.000 đồng/lần; nộp trực tuyến 10.000 đồng/lần.",
        "applicants": CITIZENS,
        "result": "Thông tin thường trú được cập nhật trong Cơ sở dữ liệu về cư trú.",
        "legal_basis": "Luật Cư trú năm 2020.\nNghị định số 62/2021/NĐ-CP.\nThông tư số 55/2021/TT-BCA.",
        "submission_place": "Công an phường",
    },
    {
        "code": "1.001776", "name": "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "sector": "Lao động, thương binh và xã hội", "level": "partial",
        "steps": steps(RECEIVE, "Công chức văn hóa - xã hội xem xét, trình Hội đồng xét duyệt trợ cấp xã hội của phường.", "Niêm yết công khai kết quả xét duyệt trong 02 ngày làm việc; Chủ tịch Ủy ban nhân dân phường quyết định.", RETURN),
        "papers": papers("Tờ khai đề nghị trợ cấp xã hội theo mẫu.", "Bản sao giấy xác nhận khuyết tật (nếu có)."),
        "time_limit": "Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        "fees": "Không.",
        "applicants": "Đối tượng bảo trợ xã hội theo Nghị định số 20/2021/NĐ-CP.",
        "result": "Quyết định trợ cấp xã hội hằng tháng.",
        "legal_basis": "Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ.",
        "form": "Tờ khai đề nghị trợ cấp xã hội",
    },
    {
        "code": "1.001731", "name": "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "sector": "Lao động, thương binh và xã hội", "level": "partial",
        "steps": steps(RECEIVE, "Công chức văn hóa - xã hội kiểm tra hồ sơ, trình Chủ tịch Ủy ban nhân dân phường quyết định hỗ trợ.", RETURN),
        "papers": papers("Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu.", "Bản sao giấy chứng tử."),
        "time_limit": "03 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        "fees": "Không.",
        "applicants": "Cơ quan, tổ chức, gia đình hoặc cá nhân tổ chức mai táng cho đối tượng.",
        "result": "Quyết định hỗ trợ chi phí mai táng.",
        "legal_basis": "Nghị định số 20/2021/NĐ-CP.",
    },
    {
        "code": "1.003554", "name": "Hòa giải tranh chấp đất đai", "sector": "Đất đai", "level": "information",
        "steps": steps("Người có đơn nộp tại Bộ phận Một cửa.", "Ủy ban nhân dân phường thẩm tra, thành lập Hội đồng hòa giải và tổ chức cuộc họp hòa giải.", "Lập biên bản hòa giải thành hoặc không thành, gửi các bên."),
        "papers": papers("Đơn đề nghị giải quyết tranh chấp đất đai."),
        "time_limit": "Không quá 30 ngày kể từ ngày nhận được đơn.",
        "fees": "Không.",
        "applicants": "Các bên tranh chấp đất đai.",
        "result": "Biên bản hòa giải thành hoặc không thành.",
        "legal_basis": "Luật Đất đai năm 2024.\nNghị định số 102/2024/NĐ-CP.",
    },
]  # fmt: skip
