"""displaCy colours per label and the HTML report of one story."""
from spacy import displacy

from pipeline import annotate
from pipeline.report import DISPLACY_OPTIONS, LABEL_COLOURS, story_html

TEXT = ("市委常委会召开会议\n青禾日报讯（记者 欧阳晓岚）5月7日，市委常委会召开会议，研究部署防汛工作。"
        "市委书记陈卫东主持会议并讲话，副市长林雅琴出席。全市86座水库逐一排查。")


def story(nlp):
    return annotate(nlp, TEXT, pub_date="2024-05-08", dateline="青禾日报讯（记者 欧阳晓岚）",
                    headline="市委常委会召开会议", body_start=TEXT.index("5月7日"))


def test_every_label_has_its_own_colour():
    labels = DISPLACY_OPTIONS["ents"]
    assert {"PERSON", "ORG", "PLACE", "DATE", "FIGURE"} <= set(labels)
    colours = [LABEL_COLOURS[label] for label in labels]
    assert len(set(colours)) == len(colours)


def test_default_displacy_rendering_uses_the_registered_colours(nlp):
    html = displacy.render(story(nlp), style="ent", jupyter=False)
    assert LABEL_COLOURS["FIGURE"] in html and LABEL_COLOURS["PERSON"] in html


def test_story_report_shows_entities_officials_and_events(nlp):
    doc = story(nlp)
    html = story_html(doc)
    assert html.startswith("<!DOCTYPE html>") and "市委常委会召开会议</h1>" in html
    assert "<br>" in html, "line breaks of the story are kept"
    assert LABEL_COLOURS["DATE"] in html
    assert "<td>陈卫东</td><td>市委书记</td>" in html
    assert doc._.events, "the story has an event"
    event = doc._.events[0]
    assert event["name"] in html
    for part in doc._.participations:
        assert f"<td>{part['person']}</td><td>{part['role']}</td>" in html
