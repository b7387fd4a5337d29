"""Trigger vocabulary for the events of a city-daily story (GUIDELINES §6).

Only words and regexes live here; :mod:`pipeline.link.triggers` and
:mod:`pipeline.link.events` apply them. Each group is named for the kind of clause it
recognises, so a new trigger goes next to its kind.
"""

from __future__ import annotations

import re


def _alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, so the longest one matches."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# Patterns below are applied with ``match(text, pos)``, never with ``^`` (which would
# not match at ``pos``).
# fmt: off
# Nouns that end an event name, by event type. Bare 展 and 节 are not listed: they end
# ordinary words (发展, 环节), so only their compounds are.
EVENT_NOUNS: dict[str, tuple[str, ...]] = {
    "press_conference": ("新闻发布会", "发布会", "新闻通气会", "通气会", "新闻通报会",
                         "记者会", "吹风会"),
    "conference": ("代表大会", "党代会", "大会", "论坛", "峰会", "年会"),
    "exhibition": ("联展", "展览", "书画展", "摄影展", "美术展", "艺术展", "成果展",
                   "图片展", "作品展", "博览会", "展销会", "交易会", "巡展", "主题展",
                   "特展", "专题展", "展会"),
    "ceremony": ("仪式", "典礼", "开幕式", "闭幕式"),
    "meeting": ("座谈会", "培训会", "推进会", "调度会", "部署会", "动员会", "工作会",
                "协调会", "交流会", "汇报会", "研讨会", "联席会", "常务会", "常委会",
                "全会", "例会", "现场会", "观摩会", "分析会", "恳谈会", "见面会",
                "视频会", "会议", "培训班", "讲座", "宣讲会", "推介会", "洽谈会",
                "招商会", "对接会", "报告会", "表彰会", "团拜会", "茶话会", "听证会",
                "评审会", "论证会", "说明会", "述职会", "誓师会", "沟通会", "通报会",
                "会谈", "会晤", "招待会", "学习会", "读书班", "研修班",
                "集体学习", "访学班", "进修班", "学习班", "专题班", "训练营", "对话会", "讨论会", "协商会", "议政会", "务虚会",
                "生活会", "专题会", "办公会", "党组会", "联欢会", "纪念会", "启动会",
                "会商会", "碰头会", "约谈会", "点评会", "评议会", "总结会"),
    "other": ("活动", "比赛", "大赛", "竞赛", "课", "展演", "演出", "晚会", "运动会",
              "马拉松", "晚宴", "宴会", "文化节", "旅游节", "艺术节", "音乐节", "美食节", "读书节",
              "科技节", "体育节"),
}
NOUN_TYPE = {noun: kind for kind, nouns in EVENT_NOUNS.items() for noun in nouns}
EVENT_NOUN = re.compile(_alternation(tuple(NOUN_TYPE)))
EVENT_NOUN_AT_END = re.compile(f"(?:{EVENT_NOUN.pattern})$")
# Everything up to the *last* event noun of a clause (相关工作会议, not 相关工作会).
UP_TO_LAST_NOUN = re.compile(f"(?:“[^”]*”|[^“”])*(?:{EVENT_NOUN.pattern})", re.S)

# "我市召开X座谈会": a holding verb followed by the event's name.
HOLD_VERB = re.compile(r"(?:组织召开|召开|举行|举办)了?")
# A name that is only a generic noun takes its subject: "市委常委会召开会议".
GENERIC_NAMES = frozenset({"会议", "大会", "座谈会", "专题会议", "全体会议"})
# Nothing but a date and a comma between a subject and its clause ("X21日、22日，").
DATE_ONLY = re.compile(r"[0-9一二三四五六七八九十日月号、至和上下午晚间\s]*[，,]")
# A received guest's trip before the event they came for ("会见来华出席…的Y",
# "同来湘参加…的Y举行会谈"): read up to the attendance verb.
GUEST_TRIP = re.compile(r"(?:会见|会晤|接见|会谈|同|与)[^，,。；]{0,6}?"
                        r"(?:来华|访华|来京|赴京|来访|抵京|来[\u4e00-\u9fff]{1,2})$"
                        r"|(?:会见|会晤|接见)了?$")  # "会见了出席大会的嘉宾"
# The rest of a relative clause up to the 的 that ends it.
RELATIVE_END = re.compile(r"(?:并[^，,。；]{0,12}?)?的")
# "X出席Y座谈会": taking part in a named event ("主持会议" names none: generic).
ATTEND_VERB = re.compile(r"(?:出席|参加|列席|主持|参观)了?(?!召开|举行|举办|并)")
GENERIC_ATTENDED = GENERIC_NAMES | {"仪式", "活动", "开幕式", "会谈", "会晤", "磋商",
                                    "上述活动", "上述会议", "此次会议", "本次会议",
                                    "有关活动", "相关活动", "以上活动", "上述会见",
                                    "展览", "展会",
                                    "开班仪式", "开班式", "开营仪式"}
PERSONAL_PRONOUN = re.compile(r"[他她]")
# "X同/与Y举行…": the people X holds an event with.
WITH_GUESTS = re.compile(r"[^，,。；]{0,12}?[同与]")
# "出席这次全会的…", "举办这场活动": a demonstrative refers back to an earlier event;
# a quantifier names kinds or a set of events (参加各类竞赛, 出席多场活动). 相关/有关 do
# not: "召开相关工作会议" is one meeting (GUIDELINES' examples list such an event).
DEMONSTRATIVE = re.compile(r"这|此|该|上述|本届|本次|各类|各种|各项|多场|多项|所有|一系列|诸多"
                           r"|一些|(?:[0-9]+|[两二三四五六七八九十百千][0-9一二三四五六七八九十百千]*)"
                           r"余?(?:场|项|次|批|类)|几(?:期|场|次|个|项|批)")  # 举办70场活动: a set
# "…考察时强调": the speech verb ending an inspection clause is not the visit's name.
TRAILING_SPEECH = re.compile(r"(?:时|期间|中)(?:强调|指出|表示|说)$")
# "X会见Y指出…", "X同Y举行会晤后表示": the remark after a reception is no part of its name.
SPEECH_AFTER_RECEPTION = re.compile(r"(?:时|后)?(?:指出|强调|表示)|(?:时|后)说")
# "在Y上发表讲话": the event a speech was given at.
AT_EVENT = re.compile(r"在([^，,。；在]{4,40}?)(?:上|开幕式上|闭幕式上)"
                      r"(?=[^，,。；]{0,6}?(?:发表|作|讲话|致辞|强调|指出|表示|宣布|发言))")
# A speech conveyed as a text to study is background ("…会议上的重要讲话精神").
STUDIED = re.compile(r"学习|贯彻|传达|领会|落实")
# "X会见Y", "X同Y会谈": a diplomatic or official meeting.
RECEIVE_VERB = re.compile(r"会见|会晤|接见")
# "在会见Y时": up to the 时 that makes the reception an occasion.
DURING_RECEPTION = re.compile(r"[^，,。；在]{2,30}?时")
# Time words between an event's name and its venue ("会议3日上午在京召开").
TIME_TAIL = re.compile(r"(?:上午|下午|晚上|晚间|凌晨|中午|当天|当日)$")
# "X在Y开幕": the name before a venue and an opening verb.
OPEN_VERB = re.compile(r"(?:隆重|正式|盛大|顺利|如期)?"
                       r"(?:召开|举行|举办|开幕|开展|开馆|启幕|拉开帷幕"
                       r"|揭幕|开赛|开班|开讲)(?![式词得])")  # not 开幕式, 开幕词, 开展得
# Verbs that open a quoted campaign or season ("“中柬文化旅游年”在金边开幕").
OPENING = re.compile(r"开幕|启幕|揭幕|拉开帷幕")
# An inspection led by a person or a delegation ("X调研", "X带队督查", "来株调研").
INSPECT_VERB = re.compile(r"调研|督查|督导|视察|考察|检查|暗访|巡查|走访")
# Words before an inspection verb that make it someone else's activity or a noun.
NOT_LEADING = re.compile(r"(?:参加|陪同|随同|参与|接受|通过|开展|组织|配合|在)$")
# Words after an inspection verb that make it a noun or an attribute ("调研中",
# "考察调研、", "来湘考察的客商").
# The verb as part of a noun: 纪律检查委员会, 考察干部, 督查问责机制, 一级调研员.
INSPECT_AS_NOUN = re.compile(r"(?:中(?![央国共华心小外])|时|后|期间|组|、|的|工作|情况|(?:分析)?报告|成果"
                             r"|委|机关|干部|对象|人员|员|问责|机制|制度)")
# The 来 of 近年来, 以来, 原来 is no visit ("近年来把考察干部…" names no place).
TRAVEL_PREFIX = re.compile(r"(?:来到|(?<![年以近后将原本起出下上回过从未])来|到|赴|前往)"
                           r"([^，,。；、]{1,10}?)$")
# What follows the place of a visit before its verb ("到枫林县|开展专题调研",
# "到X新区调研并|召开…办公会").
ACT_AFTER_PLACE = re.compile(r"(?:开展|进行|就|对|围绕|调研|考察|视察|检查|督导|慰问|看望"
                             r"|出席|参加|主持|召开|并).*$")
# A lecture given to an audience: "X为全市干部作专题辅导", "上专题党课".
LECTURE = re.compile(r"为[^，,。；]{1,20}?(?:作|上|讲)了?一?[场堂次]?"
                     r"([^，,。；为]{0,10}?(?:专题辅导报告|专题辅导|专题党课|党课|专题报告"
                     r"|辅导报告|宣讲报告|专题讲座))")
# Ceremonies named by their act, ending their clause: "X揭牌成立", "Y项目开工仪式"
# (not "新开工项目", which describes projects).
CEREMONY_VERB = re.compile(r"(?:揭牌|挂牌|授牌|开工|奠基|竣工|签约|开业|开园)"
                           r"(?:成立|仪式|典礼)?了?$")
# Investigations and disciplinary decisions (the 双开 of an official).
INVESTIGATION = re.compile(r"立案审查调查|纪律审查和监察调查|审查调查|立案调查|纪律审查"
                           r"|监察调查")
DISCIPLINE = re.compile(r"开除党籍|开除公职|“?双开”?|撤销[^，。]{0,10}职务|留党察看")
# Announcements that are a story's news: alerts lifted or issued, things put into use.
ALERT = re.compile(r"(?:解除|发布|启动|终止)[^，,。；]{0,20}?预警")
IN_OPERATION = re.compile(r"投入运行|投入使用|投入运营|建成投产|正式投产|正式运行"
                          r"|正式通车|正式开通|正式上线")
# A campaign run by a place or body: "开展X创建活动", "将开展X专项整治".
CAMPAIGN_VERB = re.compile(r"(?:深入开展|全力推进|开展|推进|启动|实施)")
ORG_AFTER_CAMPAIGN = re.compile(r"领导小组|小组|委员会|办公室|指挥部|专班")
PLAN_AFTER_CAMPAIGN = re.compile(r"计划|方案|规划|纲要")
# The 将 of the future ("X将出席…"), not of 将军, 将士, 将领.
WILL = r"将(?![军士领])"
# A sentence that speaks of what comes next.
FUTURE_SENTENCE = re.compile(rf"下一步|今后|未来|{WILL}")
CAMPAIGN_NOUN = re.compile(r"(?:创建活动|专项行动|专项整治|活动|行动|监督工作|工作)")

# A visit recalled through its speech ("视察湖北重要讲话精神") is background.
STUDIED_AFTER = re.compile(r"精神|讲话|指示|要求")
OPENERS, CLOSERS = set("“（(《「"), set("”）)》」")
# Marks that end a clause: a quotation holding one is a speaker's words, not a name.
CLAUSE_MARK = re.compile(r"[，。；！？]")
# A paragraph that opens with someone's words ("X表示，", "他说：").
SPEECH_OPENING = re.compile(r"[^，,。；\n]{1,20}?(?:表示|说|认为|介绍说)[，,：:]")
# "5年前", "三个月前" (not the 2019年前 of 2019年前三季度).
AGO = (r"(?:(?<![0-9])[0-9]{1,2}|(?<![一二三四五六七八九十两几])[一二三四五六七八九十两几]{1,3})"
       r"(?:年|个月)(?:以)?前(?![0-9一二三四五六七八九十两几])")
# A time ago before a person's act, not a comparison ("与5年前相比").
AGO_BEFORE = re.compile(rf"{AGO}(?!相比|比较|相较|比)")
# A sentence opening with a recalled time ("5年前，X在Y座谈会上讲话"): all of it is past.
RECALLED_OPENING = re.compile(rf"(?:{AGO}|当时|那时|当年|多年前)[，,]")
# Background, not the story's news: earlier, conveyed or adjectival mentions (§6).
BACKGROUND_BEFORE = re.compile(r"已|曾|此前|去年|前期|先前|上次|传达|始于"
                               # habits and cancellations: "多次召开会议", "暂停举行…"
                               r"|多次|屡次|经常|常常|定期|历次|每逢|每到|每一?[次回年]|每(?:个)?(?:季度|月|周|天)|暂停|取消|停止|推迟"
                               # a recalled past: "当时支部召开了…", "记得有一次在…"
                               r"|当时|那时|当年|多年前|记得|往常"
                               r"|" + AGO +
                               # counted or negated: "两次来X视察", "不再召开", "没能举行"
                               # (not a session's ordinal written without 第: 十三届人大四次会议)
                               r"|(?<![第届0-9一二三四五六七八九十两几数])(?:[0-9]+|[两二三四五六七八九十几数])次(?![会全])"
                               r"|不再|没能|未能|并未|尚未|从未|未曾|没有"
                               r"|我(?![市省县区州镇乡国])")  # "我主持召开…": a quote
BACKGROUND_AFTER = re.compile(r"(?:精神|的|以来|之后|后|期间)")
# After any event: an example, an anniversary or a count ("以X调研为例", "X召开4周年之际").
EXAMPLE_OR_ANNIVERSARY = re.compile(r"为例|(?:召开|举行|举办)?(?:[0-9]+|[一二三四五六七八九十]+)周年"
                                    r"|(?:[0-9]+|[两二三四五六七八九十]+)余?次")  # 召开会议10次: a count
# A reception named as a thing ("介绍会晤情况", "会见结束后", "会晤这一形式").
RECEPTION_AS_NOUN = re.compile(r"情况|成果|结束|时间|地点|这一|这种|机制")
# Instructions in speeches ("要开展…", "必须加强督查"), not events.
MODAL = re.compile(r"(?<![主重需只纪])要(?![求点素闻害件])|必须|务必|应当|力争"
                   r"|" + WILL +  # future: "X将出席…", "将于9日举行"
                   # wishes and plans: "愿意与X举行会晤", "拟于下月召开", "计划举办"
                   r"|愿意|愿同|愿与|拟|打算|计划(?=于|在|召开|举办|举行)|希望(?![工小杯])")
# A name opening with a recalled time ("在去年X座谈会上"): background (§6).
RECALLED_NAME = re.compile(r"去年|前年|上年|上次|上届|上一届|当年")
# Event dates that carry no day (GUIDELINES §6: null for 近日, 日前, 今年).
VAGUE_DATE = re.compile(r"近日|日前|今年|近年|年来|近期|前不久|此前|目前|本月|上月")
# A wire or paper dateline left at a paragraph's start ("新华社北京2月22日电 ",
# "本报讯（记者 X）").
DATELINE_LEAD = re.compile(r"[^，,。；\s]{0,20}?(?:[0-9一二三四五六七八九十]{1,3}日电|(?<=[报台网社])讯)"
                           r"(?:[（(][^）)]{0,30}[）)]|[\s　])[\s　]*")
# A name that points back at an event already named ("就在此次会议举行的同时").
ANAPHOR = re.compile(r"(?:就|正|恰|也)?在?(?:这|此|该|上述)")
# Leading words of a name that are not part of it.
NAME_LEAD = re.compile(r"(?:了|完|近日|日前|当天|当日|今天|目前|正在|正值|恰逢|适逢|一场|一次|一堂"
                       r"|一节|一个|本次|此次|并|还|随后|同时|(?:规模)?(?:盛大|隆重|简短|简朴|热烈|庄严)的?)+")
ORGANISER = re.compile(r"[^，。]*?(?:主办|承办|举办|指导|联合|共同举办)的")
# A venue written as "在Y" names a building, site or unit (在市博物馆开幕), not an act.
VENUE_END = re.compile(r"(?:馆|中心|广场|大厦|剧院|会堂|礼堂|酒店|宾馆|学校|校区|班"
                       r"|室|厅|园|基地|村|社区|镇|乡|街道|区|县|市|场|院|楼|站|港"
                       r"|城)$")
SELF_REFERENCE = re.compile(r"(?:我市|本市|全市)")
# A word every recogniser's trigger holds (HOLD_VERB, OPEN_VERB, ATTEND_VERB, the 上 of
# AT_EVENT, RECEIVE_VERB, INSPECT_VERB, CEREMONY_VERB, INVESTIGATION, DISCIPLINE,
# ALERT, IN_OPERATION, CAMPAIGN_VERB): a clause without one names no event, and most
# clauses are skipped with one search instead of one per recogniser. A new trigger
# adds its word here.
ANY_TRIGGER = re.compile(r"召开|举行|举办|开幕|开展|开馆|启幕|帷幕|揭幕|开赛|开班|开讲"
                         r"|出席|参加|列席|主持|参观|上|会见|会晤|接见"
                         r"|调研|督查|督导|视察|考察|检查|暗访|巡查|走访"
                         r"|揭牌|挂牌|授牌|开工|奠基|竣工|签约|开业|开园"
                         r"|审查|调查|开除|双开|撤销|留党察看|预警|投入|投产|正式"
                         r"|推进|启动|实施|为")
# fmt: on
