"""Stage 2, segment: split a page into stories.

``blocks.py`` reads a page as blocks of lines and says what each looks like;
``features.py`` turns blocks into evidence; ``roles.py`` gives every block its role
(headline-group part before or after a body, body, page furniture) with a linear-chain
model shipped in ``models/layout/``; ``page.py`` cuts the roles into stories and reads
their credits with the rules of ``datelines.py``.
"""
from .blocks import CAPTION, DATELINE, HEADLINE, NOISE, Block, read_blocks
from .page import finish_story, group_stories, segment_page, split_page

__all__ = ["CAPTION", "DATELINE", "HEADLINE", "NOISE", "Block", "read_blocks",
           "finish_story", "group_stories", "segment_page", "split_page"]
