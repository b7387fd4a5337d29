"""``annotate`` (a story with its page context through ``nlp``) gives the table's rows."""
import json

import pytest

from pipeline import annotate, annotate_page
from pipeline.export import story_rows
from pipeline.nlp import story_context

# An invented page of an invented city daily (no seed-page text).
PAGE = """\
青禾日报　2024年5月8日　星期三　第2版　要闻

市委常委会召开会议
研究部署夏季防汛工作

青禾日报·掌上青禾讯（记者 欧阳晓岚 通讯员 符启明）5月7日，市委常委会召开会议，传达学习全省防汛工作电视电话会议精神，研究部署我市夏季防汛工作。市委书记陈卫东主持会议并讲话，市委副书记、市长周立新出席。
会议指出，今年汛期来得早，全市要压实责任，对沿江12个乡镇、86座水库逐一排查。会议要求，市水利局、市应急管理局要加强值守，确保群众生命财产安全。
副市长林雅琴，市政府秘书长邓海波参加会议。

松溪县新建农村公路215公里

本报讯（记者 唐思雨 通讯员 贺明远）记者从松溪县交通运输局获悉，今年1至4月，松溪县新建农村公路215公里，完成投资3.6亿元，同比增长18.5%。
5月6日，县委书记谢振华到白鹭镇检查公路建设质量，看望一线施工人员。他强调，要把农村公路建成群众满意的民心路。
据介绍，松溪县今年计划实施农村公路提质改造项目32个，惠及沿线群众4.2万人。县交通运输局相关负责人表示，将严把工程质量关，力争10月底前全部完工。
白鹭镇党委书记龙海燕介绍，全镇已有9个村实现通组公路硬化，群众出行更加便利，农产品运输成本明显下降。
图为白鹭镇新建的通村公路。 唐思雨 摄
"""


def rows_by_story(path):
    stories, children = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["kind"] == "story":
            stories.append(row)
        elif row["kind"] != "doc":
            children.setdefault(row["story_id"], []).append(row)
    return stories, children


def assert_context_call_matches_table(nlp, path):
    """Page by page (the CLI batches a page's stories), every story's rows."""
    stories, children = rows_by_story(path)
    assert stories
    pages = {}
    for story in stories:
        pages.setdefault(story["doc"], []).append(story)
    for page in pages.values():
        for story, doc in zip(page, annotate_page(nlp, page)):
            assert story_rows(doc) == [story, *children.get(story["story_id"], [])], \
                story["story_id"]


def assert_one_story_call_matches_table(nlp, path):
    stories, children = rows_by_story(path)
    for story in stories:
        doc = annotate(nlp, story["text"], **story_context(story))
        assert story_rows(doc) == [story, *children.get(story["story_id"], [])], \
            story["story_id"]


def test_context_call_matches_the_table_on_the_samples(nlp, sample_table):
    _, _, path = sample_table
    assert_context_call_matches_table(nlp, path)
    assert_one_story_call_matches_table(nlp, path)


@pytest.fixture(scope="module")
def own_page_table(tmp_path_factory, default_config):
    from pipeline.runner import run

    folder = tmp_path_factory.mktemp("own")
    (folder / "pages").mkdir()
    (folder / "pages" / "qinghe-2024-05-08-p2.txt").write_text(PAGE, encoding="utf-8")
    folder, out = folder / "pages", folder / "t.jsonl"
    run(default_config.model_copy(update={"input": str(folder), "output": str(out)}),
        progress=False)
    return out


def test_context_call_matches_the_table_on_an_invented_page(nlp, own_page_table):
    stories, _ = rows_by_story(own_page_table)
    assert len(stories) == 2
    assert_context_call_matches_table(nlp, own_page_table)


# The int8 graph scales its inputs per batch, so a story alone may differ from the same
# story batched with its page (README, Limitations); on this page the shipped model agrees.
def test_one_story_call_matches_the_table_on_an_invented_page(nlp, own_page_table):
    assert_one_story_call_matches_table(nlp, own_page_table)


def test_context_changes_what_is_found(nlp):
    """Without the page date month-day dates stay unresolved; the dateline's credited
    names are PERSON and its paper an ORG; the city is what 我市 means."""
    text = "本报讯（记者 欧阳晓岚）5月7日，我市召开防汛工作会议。"
    bare = {e.text: e._.normalized for e in nlp(text).ents}
    assert bare.get("5月7日") is None
    doc = annotate(nlp, text, pub_date="2024-05-08", dateline="本报讯（记者 欧阳晓岚）",
                   city="青禾")
    found = {e.text: (e.label_, e._.normalized) for e in doc.ents}
    assert found["5月7日"] == ("DATE", "2024-05-07")
    assert found["欧阳晓岚"][0] == "PERSON"
    assert doc._.city == "青禾" and doc._.story["reporters"] == ["欧阳晓岚"]


def test_story_context_accepts_read_table_rows(nlp, sample_table):
    from pipeline import read_table

    _, rows, path = sample_table
    row = read_table(path)["story"].iloc[0]
    doc = annotate(nlp, row["text"], **story_context(row))
    first = next(r for r in rows if r["kind"] == "story")
    assert story_rows(doc)[0] == first
    json.dumps(story_rows(doc))  # plain Python values, no numpy scalars
