"""Cleaning rules of GUIDELINES §1, one table row per rule, and the raw-offset map."""
import pytest

from pipeline.clean import (
    Cleaned, clean_line, clean_page, clean_text, is_caption_credit, is_qr_notice,
)


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("3月 14日，我市召开", "3月14日，我市召开"),               # space inside a date
        ("新增企业 2156家", "新增企业2156家"),                     # Han–digit space
        ("45\n家", "45家"),                                       # wrapped number
        ("营\n商环境", "营商环境"),                                 # wrapped mid-word
        ("长\n\n江", "长江"),                                      # wrapped across a blank line
        ("（记者/周\n立新） 3月", "（记者/周立新）3月"),               # split dateline
        ("何雨晴 罗斌", "何雨晴 罗斌"),                              # Han–Han space stays
        ("“春风 化雨”", "“春风 化雨”"),                              # inside quotes too
        ("XZ200 型", "XZ200型"),                                    # Latin–Han space goes
        ("何雨晴   罗斌", "何雨晴 罗斌"),                             # a run becomes one space
        ("# 标题在此", "标题在此"),                                   # markdown heading
        ("正文**加粗**部分", "正文加粗部分"),                          # markdown emphasis
        ("段落结尾。  ", "段落结尾。"),                                # markdown line break
        ("半角,标点(保留)", "半角,标点(保留)"),                        # nothing else rewritten
        ("全角，标点（保留）", "全角，标点（保留）"),
        ("\u3000\u3000首行缩进", "首行缩进"),                          # full-width indent
    ],
)
def test_clean_rules(raw, cleaned):
    assert clean_text(raw).text == cleaned


def test_offsets_point_back_to_raw():
    raw = " 湘州日报讯（记者/周\n立新） 3月 14日，我市"
    cleaned = clean_text(raw)
    assert len(cleaned.offsets) == len(cleaned.text)
    for ch, off in zip(cleaned.text, cleaned.offsets):
        assert raw[off] == ch or (ch == " " and raw[off].isspace())
    start = cleaned.text.index("3月14日")
    assert cleaned.raw_span(start, start + 5) == (raw.index("3月"), raw.index("14日") + 3)


def test_join_marks_inserted_characters():
    joined = Cleaned.join([clean_line("标题"), clean_line("正文", 10)], "\n")
    assert joined.text == "标题\n正文"
    assert joined.offsets == (0, 1, -1, 10, 11)


def test_markdown_crosshead_loses_its_number():
    lines = clean_page("## 2 一站式服务\n正文")
    assert lines[0].heading == 2 and lines[0].text.text == "一站式服务"
    assert lines[1].heading == 0


@pytest.mark.parametrize(
    "line, expected",
    [
        ("湘州日报·掌上湘州记者/黄磊 摄", True),
        ("市民在服务站咨询岗位信息。通讯员供图", True),
        ("记者/周立新 制作", True),
        ("市民在服务站咨询岗位信息。张三 摄", True),
        ("湘州日报·掌上湘州讯（记者/周立新）", False),
        ("绘就乡村振兴新蓝图", False),               # a headline, not a credit
        ("全程拍摄", False),
        ("3月14日，我市召开优化营商环境工作推进会。", False),
    ],
)
def test_caption_credits(line, expected):
    assert is_caption_credit(line) is expected


def test_qr_notice():
    assert is_qr_notice("扫二维码观看视频")
    assert is_qr_notice("扫描下方二维码")
    assert not is_qr_notice("二维码门牌让服务更便民")
    assert not is_qr_notice("我市召开推进会，部署二维码门牌工作" * 3)
