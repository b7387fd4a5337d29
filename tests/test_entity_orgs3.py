"""ORG rules of the twelfth session (pipeline/tag/entity_rules/org_repairs.py, media.py,
org_context.py, title_orgs.py): stations named by their place are places, a tour's leg
is its place, bilateral pairs are no ORG, bare legislative chambers are no ORG, a clause
glued by 共 is cut, a company's regional division is one ORG with it, more national
companies by their trade, bodies named in quotes with a collective head, magazines
named in 《》 before their kind, and registered names with a bracket.

The model's entities are given by hand (source ``zh_char_ner``). Every sentence is
invented in the style of a city daily; 湘州, 青禾 and the bodies are made up, the real
places come from the gazetteer.
"""

import pytest
from test_entity_rules import _ents, rules  # noqa: F401  (the stage and its runner)

# fmt: off
CASES = [
    ("station: a model ORG named by its place is a PLACE",
     "旅客从长沙南站出发，两小时后抵达衡阳东站。",
     [("长沙南站", "ORG"), ("衡阳东站", "ORG")],
     {("长沙南站", "PLACE"), ("衡阳东站", "PLACE")},
     {("长沙南站", "ORG"), ("衡阳东站", "ORG")}),
    ("station: a service station keeps its body word and stays an ORG",
     "衡阳市救助管理站的工作人员把老人送回家。", [("衡阳市救助管理站", "ORG")],
     {("衡阳市救助管理站", "ORG")}, {("衡阳市救助管理站", "PLACE")}),
    ("station: a tour's leg after the competition is the place alone",
     "青禾杯围棋系列赛（长沙站）昨日开幕，系列赛衡阳站将于下月举行。",
     [("长沙站", "ORG"), ("衡阳站", "PLACE")],
     {("长沙", "PLACE"), ("衡阳", "PLACE")},
     {("长沙站", "ORG"), ("长沙站", "PLACE"), ("衡阳站", "PLACE")}),
    ("station: the mode word before a station's name is no part of it",
     "滞留旅客被转运至轻轨滨河路站。", [("轻轨滨河路站", "PLACE")],
     {("滨河路站", "PLACE")}, {("轻轨滨河路站", "PLACE")}),
    ("station: the operator glued before a station is an ORG of its own",
     "青州局集团公司白河站为旅客熬制姜茶。", [("青州局集团公司白河站", "ORG")],
     {("青州局集团公司", "ORG"), ("白河站", "PLACE")}, {("青州局集团公司白河站", "ORG")}),
    ("venue: a hall named by its kind is a PLACE, a troupe named by its genre an ORG",
     "青州京剧院的新戏在河西大剧院首演。", [("青州京剧院", "PLACE"), ("河西大剧院", "ORG")],
     {("青州京剧院", "ORG"), ("河西大剧院", "PLACE")},
     {("青州京剧院", "PLACE"), ("河西大剧院", "ORG")}),
    ("cut head: an organisation one character short of its body word is completed",
     "青溪县扶贫工作队进驻白沙村。", [("青溪县扶贫工作", "ORG")],
     {("青溪县扶贫工作队", "ORG")}, {("青溪县扶贫工作", "ORG")}),
    ("generic: a bare standing committee has no distinguishing element",
     "草案提请人大常委会审议。", [("人大常委会", "ORG")], set(), {("人大常委会", "ORG")}),
    ("site: a named substation is a PLACE",
     "线路起于青禾变电站，止于石岭换流站。", [],
     {("青禾变电站", "PLACE"), ("石岭换流站", "PLACE")}, set()),
    ("station: a leg before its competition is the place alone",
     "选手在伯明翰站的比赛中夺冠。", [("伯明翰站", "ORG")],
     {("伯明翰", "PLACE")}, {("伯明翰站", "ORG"), ("伯明翰站", "PLACE")}),
    ("quoted body: a body named in quotes with a collective head is an ORG",
     "村里成立了“青禾苗木种植专业合作社”，他还出席了“湘州之友俱乐部”首场活动。", [],
     {("青禾苗木种植专业合作社", "ORG"), ("湘州之友俱乐部", "ORG")}, set()),
    ("quoted body: a class of people or a model after the quote is no named body",
     "推广“农民养殖合作社”示范基地模式，打造“青禾茶叶协会”品牌。", [],
     set(), {("农民养殖合作社", "ORG"), ("青禾茶叶协会", "ORG")}),
    ("magazine: a title before its kind or its ranking is the outlet, named inside the marks",
     "据《青禾》杂志报道，湘州有3家《湘风》世界500强企业的子公司。", [],
     {("青禾", "ORG"), ("湘风", "ORG")}, set()),
    ("magazine: a book title before another word is no outlet",
     "他写了《青禾》一书。", [], set(), {("青禾", "ORG")}),
    ("bracketed name: a registered name read from its bracket on gets its name back",
     "该店隶属青禾集团（湖南）运营总部有限公司，总指挥就是湘风智控（长沙）科技有限公司的创始人。",
     [("湖南）运营总部有限公司", "ORG"), ("长沙）科技有限公司", "ORG")],
     {("青禾集团（湖南）运营总部有限公司", "ORG"), ("湘风智控（长沙）科技有限公司", "ORG")},
     {("湖南）运营总部有限公司", "ORG"), ("就是湘风智控（长沙）科技有限公司", "ORG")}),
    ("bracketed name: a preposition before the name is no part of it",
     "以青禾（湖南）资产管理有限公司为例，其旗下公寓有3000间。",
     [("湖南）资产管理有限公司", "ORG")], {("青禾（湖南）资产管理有限公司", "ORG")},
     {("以青禾（湖南）资产管理有限公司", "ORG")}),
    ("bracketed name: a run too long to tell its name is left as the model read it",
     "的经营者同方青禾（北京）技术有限公司表示。", [("北京）技术有限公司", "ORG")],
     {("北京）技术有限公司", "ORG")}, {("方青禾（北京）技术有限公司", "ORG")}),
    ("bilateral: 中 and a country's one-character abbreviation is no ORG",
     "中巴友谊源远流长，中老铁路带动沿线发展。", [("中巴", "ORG"), ("中老", "ORG")],
     set(), {("中巴", "ORG"), ("中老", "ORG")}),
    ("chamber: a bare chamber is no ORG, one with its country is",
     "代表团会见了参议院议长，并访问了巴西众议院。",
     [("参议院", "ORG"), ("巴西众议院", "ORG")],
     {("巴西众议院", "ORG")}, {("参议院", "ORG")}),
    ("together: an ORG glued by 共 to its clause is cut before 共",
     "去年湘州海关共查获走私案件12起。", [("湘州海关共查获", "ORG")],
     {("湘州海关", "ORG")}, {("湘州海关共查获", "ORG")}),
    ("together: a class of firms glued by 共 is no ORG; 共青团 is untouched",
     "青禾园区企业共申请专利300件，共青团湘州市委表示祝贺。",
     [("青禾园区企业共", "ORG"), ("共青团湘州市委", "ORG")],
     {("共青团湘州市委", "ORG")}, {("青禾园区企业共", "ORG"), ("青禾园区企业", "ORG")}),
    ("division: a company's regional division after its name is one ORG",
     "论坛上，青禾电气大中华区负责人介绍了新工厂。",
     [("青禾电气", "ORG"), ("大中华区", "PLACE")],
     {("青禾电气大中华区", "ORG")}, {("大中华区", "PLACE"), ("青禾电气", "ORG")}),
    ("division: a region word not after an ORG is left alone",
     "华东区负责人介绍了新工厂。", [], set(), {("华东区", "ORG")}),
    ("national company: 中国 + a builder's short name is one company",
     "承建方中国电建和中国能建的负责人介绍了工程。", [("中国", "PLACE", 0), ("中国", "PLACE", 1)],
     {("中国电建", "ORG"), ("中国能建", "ORG")}, {("中国", "PLACE")}),
    ("日 cut out of 抗日 is no body of Japan; a named school of the war stays",
     "他组织抗日部队，后来进入抗日军政大学学习。",
     [("日部队", "ORG"), ("抗日军政大学", "ORG")],
     {("抗日军政大学", "ORG")}, {("日部队", "ORG")}),
    ("two bodies the model glued with a verb of joining are two ORGs",
     "市城管局联合市市场监管局开展夜市整治，区总工会携手区妇联举办招聘会。",
     [("市城管局联合市市场监管局", "ORG"), ("区总工会携手区妇联", "ORG")],
     {("市城管局", "ORG"), ("市市场监管局", "ORG"), ("区总工会", "ORG"), ("区妇联", "ORG")},
     {("市城管局联合市市场监管局", "ORG")}),
    ("a name holding the word stays whole",
     "联合国开发计划署驻华代表处与湘州联合市政公司签约。",
     [("联合国开发计划署驻华代表处", "ORG"), ("湘州联合市政公司", "ORG")],
     {("联合国开发计划署驻华代表处", "ORG"), ("湘州联合市政公司", "ORG")}, set()),
    ("a sub-district's office and a family farm the model read as places are ORGs",
     "枫林区青石街道办事处联系白沙镇绿源家庭农场，帮助销售葡萄。",
     [("枫林区青石街道办事处", "PLACE"), ("白沙镇绿源家庭农场", "PLACE")],
     {("枫林区青石街道办事处", "ORG"), ("白沙镇绿源家庭农场", "ORG")},
     {("枫林区青石街道办事处", "PLACE"), ("白沙镇绿源家庭农场", "PLACE")}),
    ("a national builder's numbered bureau is a company",
     "该项目由中建五局承建，中铁十二局负责路基施工。",
     [], {("中建五局", "ORG"), ("中铁十二局", "ORG")}, set()),
]
# fmt: on


@pytest.mark.parametrize("name,text,model,present,absent", CASES, ids=[c[0] for c in CASES])
def test_rules(rules, name, text, model, present, absent):
    got = _ents(rules, text, model)
    assert present <= got, (name, got)
    assert not (absent & got), (name, got)
