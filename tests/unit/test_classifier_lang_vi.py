"""Vietnamese positives and hard negatives, per EVENTS.md.

Every article is written for this test in the manner of Vietnamese online
news (VnExpress, Tuổi Trẻ, VTV, TTXVN copy), scraper boilerplate included.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, a phrase of the sentence that must be the top evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    ("visit", "Thủ tướng Malaysia thăm chính thức Việt Nam", """Thủ tướng Malaysia Anwar Ibrahim đã đến Hà Nội chiều 9/6, bắt đầu chuyến thăm chính thức Việt Nam từ ngày 9 đến 11/6 theo lời mời của Thủ tướng Phạm Minh Chính.
Ảnh: TTXVN
Đón Thủ tướng Anwar Ibrahim tại sân bay quốc tế Nội Bài có Thứ trưởng Bộ Ngoại giao và Đại sứ Việt Nam tại Malaysia.
Xem thêm:
Giá vàng hôm nay tăng mạnh
Trong chuyến thăm, hai bên dự kiến trao đổi về hợp tác năng lượng, bán dẫn và thương mại halal.
""", DIP, "visit", "chuyến thăm chính thức"),
    ("meeting", "Bộ trưởng Ngoại giao hội đàm với người đồng cấp Singapore", """Chiều 8/6, tại trụ sở Bộ Ngoại giao, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Singapore Vivian Balakrishnan.
Hai bộ trưởng đánh giá cao quan hệ đối tác chiến lược toàn diện giữa hai nước và nhất trí thúc đẩy hợp tác về kinh tế số, năng lượng sạch.
Chia sẻ
Bình luận
""", DIP, "meeting", "đã hội đàm với"),
    ("call", "Điện đàm giữa Bộ trưởng Ngoại giao Việt Nam và Trung Quốc", """Tối 5/6, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã điện đàm với Bộ trưởng Ngoại giao Trung Quốc Vương Nghị để trao đổi về tình hình Biển Đông và chuẩn bị cho các chuyến thăm cấp cao sắp tới.
Hai bên nhất trí tăng cường trao đổi thông tin, kiểm soát tốt bất đồng trên biển.
(TTXVN)
""", DIP, "call", "đã điện đàm với"),
    ("agreement", "Việt Nam và Nhật Bản ký bản ghi nhớ về chuyển đổi số", """Trong khuôn khổ chuyến thăm của Thủ tướng Nhật Bản, Bộ Thông tin và Truyền thông Việt Nam và Bộ Nội vụ Nhật Bản đã ký bản ghi nhớ hợp tác về chuyển đổi số và an ninh mạng.
Lễ ký diễn ra tại Phủ Chủ tịch dưới sự chứng kiến của lãnh đạo cấp cao hai nước.
Tin liên quan
Nhật Bản tiếp tục là nhà tài trợ ODA lớn nhất của Việt Nam
""", DIP, "agreement", "đã ký bản ghi nhớ"),
    ("honour", "Trao Huân chương Hữu nghị tặng Đại sứ Lào", """Ngày 6/6, tại Hà Nội, Phó Chủ tịch nước đã trao Huân chương Hữu nghị của Nhà nước Việt Nam tặng Đại sứ Lào tại Việt Nam nhân dịp kết thúc nhiệm kỳ công tác.
Phần thưởng ghi nhận những đóng góp của Đại sứ trong việc vun đắp quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt giữa hai nước.
""", DIP, "honour", "Huân chương Hữu nghị"),
    ("negotiation", "Nga và Ukraine tiến hành vòng đàm phán trực tiếp tại Istanbul", """Phái đoàn Nga và Ukraine đã tiến hành vòng đàm phán trực tiếp thứ hai tại Istanbul, Thổ Nhĩ Kỳ, ngày 2/6, với sự trung gian của nước chủ nhà.
Hai bên tập trung thảo luận về trao đổi tù binh và các điều kiện cho một lệnh ngừng bắn.
""", DIP, "negotiation", "vòng đàm phán trực tiếp"),
    ("battle", "Giao tranh ác liệt giữa quân đội Myanmar và phiến quân ở Kachin", """Giao tranh ác liệt giữa quân đội Myanmar và Quân đội Độc lập Kachin (KIA) đã diễn ra suốt ba ngày qua quanh thị trấn Bhamo, bang Kachin, theo truyền thông địa phương.
Ảnh: Reuters
Hai bên đấu súng dữ dội bằng vũ khí hạng nặng, khiến hàng nghìn người dân phải sơ tán.
Xem thêm: Liên hợp quốc kêu gọi bảo vệ dân thường ở Myanmar
""", CLASH, "battle", "Giao tranh ác liệt giữa quân đội Myanmar"),
    ("attack", "Phiến quân phục kích đoàn xe quân sự ở Pakistan", """Các tay súng thuộc nhóm phiến quân Taliban Pakistan (TTP) đã phục kích một đoàn xe quân sự tại huyện Nam Waziristan, tây bắc Pakistan, khiến 6 binh sĩ thiệt mạng, quân đội nước này cho biết.
Lực lượng an ninh đã mở chiến dịch truy quét nhóm tấn công.
""", CLASH, "attack", "phục kích một đoàn xe quân sự"),
    ("strike", "Nga không kích dữ dội các vị trí quân đội Ukraine", """Không quân Nga đã tiến hành một loạt cuộc không kích vào các vị trí của quân đội Ukraine ở tỉnh Zaporizhzhia trong đêm 8/6, Bộ Quốc phòng Nga cho biết.
Phía Ukraine cho biết lực lượng phòng không đã bắn hạ 40 máy bay không người lái trong tổng số 52 chiếc Nga phóng.
""", CLASH, "strike", "cuộc không kích"),
    ("territory", "Phiến quân giành quyền kiểm soát căn cứ quân sự ở Shan", """Liên minh Anh em, nhóm vũ trang sắc tộc lớn nhất ở bang Shan, tuyên bố đã giành quyền kiểm soát một căn cứ quân sự của quân đội Myanmar gần thị trấn Lashio sau nhiều ngày giao tranh.
Chính quyền quân sự Myanmar chưa bình luận về thông tin này.
""", CLASH, "territory", "giành quyền kiểm soát"),
]

# (id, title, text, event types that must not be detected)
NEGATIVES: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("sports", "Đại chiến Việt Nam - Indonesia: Cuộc đụng độ nảy lửa", """Đội tuyển Việt Nam sẽ chạm trán Indonesia trong trận đấu quyết định ở vòng loại World Cup trên sân vận động Mỹ Đình tối nay.
Huấn luyện viên Kim Sang-sik cho biết các cầu thủ đã sẵn sàng cho cuộc đụng độ nảy lửa này.
Quảng cáo
""", (CLASH, DIP)),
    ("figurative", "Cuộc chiến thương mại Mỹ - Trung leo thang", """Cuộc chiến thương mại giữa Mỹ và Trung Quốc tiếp tục leo thang khi Washington công bố thêm thuế đối với hàng hóa Trung Quốc.
Giới phân tích cho rằng khẩu chiến giữa hai bên khó hạ nhiệt trong ngắn hạn.
""", (CLASH,)),
    ("unrest", "Biểu tình bạo loạn ở thủ đô Kenya", """Cảnh sát Kenya đã bắn hơi cay và vòi rồng để giải tán hàng nghìn người biểu tình phản đối dự luật tài chính ở thủ đô Nairobi.
Đụng độ giữa người biểu tình và cảnh sát khiến ít nhất 10 người bị thương.
""", (CLASH,)),
    ("crime", "Nổ súng truy bắt nhóm buôn ma túy ở biên giới", """Lực lượng công an đã nổ súng trấn áp nhóm đối tượng buôn bán ma túy có vũ trang tại khu vực biên giới tỉnh Sơn La.
Các đối tượng chống trả quyết liệt, bắn trả về phía lực lượng chức năng trước khi bị bắt giữ.
""", (CLASH,)),
    ("parade", "Hàng nghìn chiến sĩ hợp luyện diễu binh", """Hàng nghìn cán bộ, chiến sĩ các lực lượng vũ trang đã tham gia buổi hợp luyện diễu binh, diễu hành chuẩn bị cho lễ kỷ niệm 80 năm Quốc khánh.
Các khối xe tăng, pháo binh và tên lửa lần lượt đi qua lễ đài trong buổi tổng duyệt.
""", (CLASH,)),
    ("exercise", "Tập trận chung Mỹ - Philippines ở Biển Đông", """Quân đội Mỹ và Philippines bắt đầu cuộc tập trận chung thường niên với các bài diễn tập bắn đạn thật, mô phỏng tấn công vào các mục tiêu trên biển.
Hơn 10.000 binh sĩ tham gia đợt diễn tập năm nay.
""", (CLASH,)),
    ("anniversary", "Kỷ niệm 70 năm chiến thắng Điện Biên Phủ", """Lễ kỷ niệm 70 năm chiến thắng Điện Biên Phủ được tổ chức trọng thể tại tỉnh Điện Biên.
Các cựu chiến binh xúc động nhớ lại những trận đánh ác liệt trên đồi A1 năm 1954.
""", (CLASH,)),
    ("threat", "Triều Tiên đe dọa tấn công Hàn Quốc", """Triều Tiên đe dọa sẽ tấn công các căn cứ quân sự của Hàn Quốc nếu Seoul tiếp tục tập trận chung với Mỹ, hãng thông tấn KCNA đưa tin.
""", (CLASH,)),
    ("speculated", "Ông Trump có thể gặp ông Tập tại APEC", """Tổng thống Mỹ Donald Trump có thể gặp Chủ tịch Trung Quốc Tập Cận Bình bên lề hội nghị APEC vào tháng tới, theo một số nguồn tin.
Nhà Trắng chưa xác nhận kế hoạch này.
""", (DIP,)),
    ("cancelled", "Hoãn chuyến thăm của Thủ tướng Thái Lan", """Chuyến thăm chính thức Việt Nam của Thủ tướng Thái Lan dự kiến diễn ra tuần này đã bị hoãn lại do tình hình chính trị trong nước.
Bộ Ngoại giao hai nước sẽ thống nhất thời gian mới.
""", (DIP,)),
    ("poll", "Thăm dò: Tín nhiệm Tổng thống Mỹ giảm", """Theo cuộc thăm dò mới nhất của Reuters/Ipsos, tỷ lệ ủng hộ Tổng thống Mỹ Donald Trump đã giảm xuống 42%.
Nhiều doanh nghiệp Việt Nam gặp khó khăn do chính sách thuế quan của Mỹ, theo khảo sát của Phòng Thương mại và Công nghiệp Việt Nam.
""", (DIP,)),
    ("domestic", "Thủ tướng làm việc với lãnh đạo tỉnh Quảng Ninh", """Thủ tướng Phạm Minh Chính đã làm việc với Ban Thường vụ Tỉnh ủy Quảng Ninh về phát triển kinh tế - xã hội của địa phương.
Thủ tướng yêu cầu tỉnh đẩy mạnh đầu tư hạ tầng và thu hút du khách quốc tế.
""", (DIP,)),
    ("trade", "Kim ngạch xuất khẩu sang Mỹ tăng 20%", """Kim ngạch xuất khẩu của Việt Nam sang Mỹ trong 5 tháng đầu năm đạt 55 tỷ USD, tăng 20% so với cùng kỳ năm trước, theo số liệu của Cục Thống kê.
Thặng dư thương mại với Mỹ tiếp tục ở mức cao.
""", (DIP,)),
    # A press conference ("họp báo") is no meeting between states.
    ("vi-hop-bao", "Người phát ngôn trả lời báo chí", """Tại cuộc họp báo thường kỳ chiều nay, người phát ngôn Bộ Ngoại giao Việt Nam trả lời câu hỏi về hoạt động của tàu Trung Quốc tại Biển Đông.
Bà khẳng định Việt Nam kiên quyết bảo vệ chủ quyền của mình.""", (DIP,)),
    # A rumoured gunfight the ministry calls untrue is no clash.
    ("denied-gunfight", "Bác bỏ tin đồn giao tranh ở biên giới", """Sáng 3/11, Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang khẳng định thông tin về việc bộ đội biên phòng giao tranh với nhóm vũ trang tại khu vực biên giới là sai sự thật.
Lực lượng chức năng đề nghị người dân không chia sẻ tin đồn.""", (CLASH,)),
]


def test_boilerplate_is_not_evidence() -> None:
    cases.check_cleaned(POSITIVES[0][2], POSITIVES[0][1], ["Giá vàng", "Ảnh: TTXVN"], [])


test_positive, test_hard_negative = cases.language_tests(
    "vi", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
