"""CJK fonts: found after a stale font cache is rebuilt; one warning naming the package."""
import warnings
from types import SimpleNamespace

import pytest

from pipeline import plots


class FakeFontManager:
    """A ``matplotlib.font_manager`` whose cache predates the CJK font's installation."""

    def __init__(self, cached, rebuilt):
        self.fontManager = SimpleNamespace(ttflist=[SimpleNamespace(name=n) for n in cached])
        self._rebuilt = rebuilt
        self.rebuilds = 0

    def _load_fontmanager(self, try_read_cache=True):
        assert try_read_cache is False
        self.rebuilds += 1
        return SimpleNamespace(ttflist=[SimpleNamespace(name=n) for n in self._rebuilt])


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    monkeypatch.setattr(plots, "_warned", False)
    monkeypatch.setattr(plots, "_rebuilt", False)
    import matplotlib

    saved = dict(matplotlib.rcParams)
    yield
    matplotlib.rcParams.update(saved)


def test_a_font_missing_from_a_stale_cache_is_found_after_a_rebuild():
    import matplotlib

    fm = FakeFontManager(cached=["DejaVu Sans"], rebuilt=["DejaVu Sans", "WenQuanYi Micro Hei"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plots.use_cjk_font(fm) == "WenQuanYi Micro Hei"
    assert fm.rebuilds == 1
    assert matplotlib.rcParams["font.sans-serif"][0] == "WenQuanYi Micro Hei"


def test_no_rebuild_when_the_cache_knows_a_cjk_font():
    fm = FakeFontManager(cached=["Noto Sans CJK SC"], rebuilt=[])
    assert plots.use_cjk_font(fm) == "Noto Sans CJK SC"
    assert fm.rebuilds == 0


def test_without_any_cjk_font_one_warning_names_the_package():
    fm = FakeFontManager(cached=["DejaVu Sans"], rebuilt=["DejaVu Sans"])
    with pytest.warns(UserWarning, match="fonts-noto-cjk") as caught:
        assert plots.use_cjk_font(fm) is None
        assert plots.use_cjk_font(fm) is None
    assert len([w for w in caught if "CJK" in str(w.message)]) == 1
    assert fm.rebuilds == 1, "the font list is rebuilt once per process, not per call"
