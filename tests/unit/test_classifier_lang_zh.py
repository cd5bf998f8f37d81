"""Chinese (Simplified and Traditional) positives and hard negatives, per EVENTS.md.

Every article is written for this test in the manner of mainland wire copy
and Taiwanese/Hong Kong dailies, with the furniture their sites leave in
(breadcrumbs, "相关新闻" links, editor lines, share buttons).
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, words of the sentence that must be the best evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    ("zh-visit", "越南国家主席抵达北京 开始对华国事访问", """首页 > 国际 > 正文
新华社北京6月4日电（记者 王晓明）应国家主席习近平邀请，越南国家主席梁强4日乘专机抵达北京，开始对中国进行为期三天的国事访问。
访问期间，两国领导人将就双边关系和共同关心的国际地区问题深入交换意见，并出席合作文件签字仪式。
相关新闻：
中越陆地边境口岸恢复客运通关
责任编辑：刘洋
分享到：""", DIP, "visit", "国事访问"),
    ("zh-call-hant", "林佳龍與日本外務大臣通電話 談區域安全", """〔記者 陳怡君／台北報導〕外交部長林佳龍10日晚間與日本外務大臣岩屋毅通電話，雙方就印太區域安全情勢及經貿合作交換意見，通話持續約半小時。
外交部發布新聞稿指出，林佳龍感謝日方長期支持台灣參與國際組織，岩屋毅則表示願持續深化雙方在供應鏈領域的合作。
看更多
列印""", DIP, "call", "通電話"),
    ("zh-agreement", "中老两国签署铁路合作谅解备忘录", """中新网万象6月8日电　中国和老挝8日在万象签署关于中老铁路沿线经济带建设的谅解备忘录，两国外长出席签字仪式。
根据文件，双方将在物流园区、跨境电商和人员培训等领域开展合作，并建立年度会商机制。
（完）
编辑：张敏""", DIP, "agreement", "谅解备忘录"),
    ("zh-honour", "普京向中国驻俄大使授予友谊勋章", """莫斯科6月5日电　俄罗斯总统普京5日在克里姆林宫举行仪式，向即将离任的中国驻俄罗斯大使授予友谊勋章，表彰其为发展两国关系所作的贡献。
大使在致辞中表示，这份荣誉属于所有致力于两国友好的人们。
图：克里姆林宫供图""", DIP, "honour", "友谊勋章"),
    ("zh-battle", "缅北八莫周边再爆激烈交火", """本报讯　据缅甸当地媒体报道，缅甸政府军与克钦独立军7日起在克钦邦八莫镇周边爆发激烈交火，战斗持续至8日凌晨，数千名居民连夜撤离。
当地救援组织表示，镇区医院已接收多名伤者，部分道路因战事中断。
相关阅读：
德宏口岸通关情况""", CLASH, "battle", "爆发激烈交火"),
    ("zh-strike-hant", "以軍空襲黎巴嫩南部真主黨陣地", """〔國際新聞中心／綜合報導〕以色列軍方表示，以軍戰機11日對黎巴嫩南部多處真主黨陣地發動空襲，摧毀火箭發射裝置及彈藥庫。
真主黨隨後向以色列北部發射多枚火箭彈，雙方邊境緊張情勢再度升高。
分享
留言""", CLASH, "strike", "發動空襲"),
    ("zh-territory", "阿拉干军宣布攻占若开邦西部政府军营部", """据缅甸媒体报道，阿拉干军6日发表声明称，已攻占若开邦西部一处政府军营部，缴获大批武器弹药。
缅甸军方尚未对此作出回应。当地居民说，镇区周边仍不时传来枪炮声。
更多新闻""", CLASH, "territory", "已攻占若开邦"),
    ("zh-attack", "阿富汗边境哨所遭突袭 两名士兵阵亡", """喀布尔6月7日消息，阿富汗东部一处边防哨所7日凌晨遭武装分子突袭，双方激烈枪战约一小时，两名士兵阵亡、三人受伤。
当地官员表示，安全部队随后在附近山区展开清剿行动。""", CLASH, "attack", "遭武装分子突袭"),
]

# (id, title, text, event type that must not be detected)
NEGATIVES: list[tuple[str, str, str, str]] = [
    ("zh-sports", "国足客场激战日本队 补时阶段遭绝杀", """北京时间6月5日晚，世界杯预选赛亚洲区比赛中，国足客场与日本队激战90分钟，最终1比2告负。
日本队在补时阶段打入制胜进球，国足主教练赛后表示球员已经尽力。
球迷在社交媒体上对比赛结果表示失望。""", CLASH),
    ("zh-figurative", "候选人辩论火药味十足", """在昨晚的电视辩论中，两位候选人互相人身攻击，场面一度失控。
另据报道，黑客组织近日对多家银行发动网络攻击，导致部分网上业务中断数小时。""", CLASH),
    ("zh-protest", "首都数千人抗议 警方发射催泪弹", """数千名示威者8日在首都议会大楼外抗议新税法，与防暴警察发生冲突，警方发射催泪弹和水炮驱散人群。
据报道，冲突造成十余人受伤，多人被带走。""", CLASH),
    ("zh-crime", "两帮派夜市火拼 警方逮捕5名嫌犯", """高雄市一处夜市7日深夜发生两个帮派火拼事件，双方持刀棍互殴，其中一人开枪，造成一死两伤。
警方接报后赶赴现场，逮捕5名嫌犯，正追查枪枝来源。""", CLASH),
    ("zh-exercise", "东部战区在台岛周边举行联合演习", """东部战区新闻发言人9日宣布，战区部队当日起在台岛周边海空域举行联合演习，演练对海上目标实施精确打击和火力突击等科目。
国防部表示将严密监控共军动态。""", CLASH),
    ("zh-arms", "国防部宣布采购新型战机和无人机", """国防部9日宣布，已与厂商签订合同，采购24架新型战机和一批察打一体无人机，预计三年内完成交付。
军方表示，新装备将提升空军的作战能力。""", CLASH),
    ("zh-anniversary", "纪念抗美援朝出国作战75周年座谈会在京举行", """纪念中国人民志愿军抗美援朝出国作战75周年座谈会25日在北京举行，与会老兵回顾了当年上甘岭战役中激烈战斗的情景。
座谈会号召继承和弘扬伟大抗美援朝精神。""", CLASH),
    ("zh-threat", "朝鲜警告将对美军基地发动打击", """朝中社9日发表声明，警告如果美韩继续举行联合军演，朝鲜军队将对驻韩美军基地发动毁灭性打击。
韩国国防部表示，韩美两军正密切关注朝方动向。""", CLASH),
    ("zh-speculated", "外媒猜测中日韩领导人或于下月会晤", """据日本媒体报道，中日韩三国领导人可能于下月在首尔举行会晤，但三国政府均未证实这一消息。
分析人士认为，各方仍在就会议日程进行沟通，会晤能否举行尚存变数。""", DIP),
    ("zh-cancelled", "中日韩外长会议宣布推迟", """原定本周在东京举行的中日韩外长会议宣布推迟，新的日期尚未确定。
日本外务省发言人表示，推迟是出于日程安排的考虑。""", DIP),
    ("zh-trade", "前10月中国与东盟贸易额同比增长8%", """海关总署最新数据显示，今年前10个月，中国与东盟贸易额达5.7万亿元，同比增长8%，东盟继续保持中国第一大贸易伙伴地位。
其中，中国对东盟出口3.4万亿元，自东盟进口2.3万亿元。""", DIP),
    ("zh-domestic", "十四届全国人大常委会第十次会议在京举行", """十四届全国人大常委会第十次会议9日在北京人民大会堂举行，委员长出席会议并讲话。
会议审议了多部法律草案，并听取了国务院关于地方政府债务管理情况的报告。""", DIP),
    # A briefing's question reports no meeting.
    ("zh-question", "外交部发言人答记者问", """问：中日两国领导人是否会在下周的峰会期间举行会晤？
答：目前没有可以发布的消息。""", DIP),
    ("zh-earlier-talks", "边境贸易逐步恢复", """边境口岸本周重新开放，货车排起长队。
今年初，在中方斡旋下，缅军与德昂军曾在昆明举行和谈并达成停火协议，但该协议执行情况一直不理想。
商户表示生意仍未恢复到冲突前水平。""", "diplomatic-engagement"),
]


def test_boilerplate_is_not_evidence() -> None:
    text = POSITIVES[0][2]
    cases.check_cleaned(text, POSITIVES[0][1], ["责任编辑", "分享到"], [])


def test_related_news_line_ends_at_the_next_paragraph() -> None:
    # A Chinese paragraph has no spaces: the link list under "相关新闻" ends
    # at it all the same, by its length in characters.
    text = """俄罗斯与乌克兰代表团周三在土耳其伊斯坦布尔举行第三轮直接会谈，双方同意再交换至少一千二百名战俘。
相关新闻：泽连斯基称欧洲盟友承诺追加防空系统
就在会谈前一日，俄罗斯国防部宣布俄军已攻占顿涅茨克州的一个村庄，乌军总参谋部未确认村庄失守，只称该方向过去二十四小时内击退了俄军十七次进攻，战斗仍在持续。
"""
    cases.check_cleaned(text, "俄乌举行第三轮会谈", ["相关新闻", "泽连斯基称"], ["第三轮直接会谈", "击退了俄军十七次进攻"])


test_positive, test_hard_negative = cases.language_tests(
    "zh", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
