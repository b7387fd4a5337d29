"""Plots for the notebooks: each draws on a matplotlib Axes and can be saved as PNG.

Chinese labels need a CJK font: :func:`use_cjk_font` picks the first installed one among
common families, rebuilding matplotlib's font list when none is found (its cache, made
before the font was installed, does not know it). With no CJK font at all it warns once,
naming the package to install (Debian/Ubuntu: ``fonts-noto-cjk`` or
``fonts-wqy-microhei``); labels then show as boxes but the plots still render.
"""
from __future__ import annotations

import warnings

import pandas as pd

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC",
                "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC", "Source Han Sans SC",
                "Source Han Sans CN", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
                "Hiragino Sans GB", "Droid Sans Fallback", "AR PL UMing CN", "AR PL UKai CN")
FONT_PACKAGES = ("apt-get install fonts-noto-cjk (or fonts-wqy-microhei); "
                 "dnf install google-noto-sans-cjk-fonts; brew install --cask font-noto-sans-cjk")
_warned = False
_rebuilt = False


def find_cjk_font(font_manager=None) -> str | None:
    """The first installed CJK family, rebuilding matplotlib's font list once when its
    cache knows none.

    font_manager (module | None): ``matplotlib.font_manager`` (a stand-in in tests).
    RETURNS (str | None): the family, None when no CJK font is installed.
    """
    if font_manager is None:
        from matplotlib import font_manager

    def installed() -> str | None:
        names = {f.name for f in font_manager.fontManager.ttflist}
        return next((f for f in CJK_FAMILIES if f in names), None)

    global _rebuilt
    family = installed()
    if family is None and not _rebuilt:
        # A font installed after matplotlib built its cache is unknown to it: rebuild
        # the list (and the cache) once per process.
        font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
        _rebuilt = True
        family = installed()
    return family


def use_cjk_font(font_manager=None) -> str | None:
    """Make matplotlib use an installed CJK font; warn once when there is none.

    font_manager (module | None): ``matplotlib.font_manager`` (a stand-in in tests).
    RETURNS (str | None): the family chosen, None when none is installed.
    """
    global _warned
    import matplotlib

    family = find_cjk_font(font_manager)
    if family:
        sans = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
        matplotlib.rcParams["font.sans-serif"] = [family, *sans]
        matplotlib.rcParams["font.family"] = ["sans-serif"]
        matplotlib.rcParams["axes.unicode_minus"] = False
    else:
        if not _warned:
            warnings.warn(f"no CJK font found: Chinese labels will show as boxes. Install "
                          f"one: {FONT_PACKAGES}", UserWarning, stacklevel=2)
            _warned = True
        # One warning instead of one per missing glyph.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
    return family


def timeline(events: pd.DataFrame, ax) -> None:
    """Each official's events on a date axis.

    events (pd.DataFrame): ``table.official_events`` output (person, event, date, role).
    ax (matplotlib.axes.Axes): where to draw.
    """
    dated = events.dropna(subset=["date"])
    people = sorted(dated["person"].unique())
    for y, person in enumerate(people):
        mine = dated[dated["person"] == person]
        ax.scatter(mine["date"], [y] * len(mine), s=60)
        for _, row in mine.iterrows():
            ax.annotate(row["event"][:12], (row["date"], y), fontsize=7,
                        xytext=(4, 4), textcoords="offset points")
    import matplotlib.dates as mdates

    ax.set_yticks(range(len(people)), people)
    ax.xaxis.set_major_locator(mdates.DayLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.set_xlabel("date")
    ax.set_title("Officials' events over time")


def official_event_network(events: pd.DataFrame, ax) -> None:
    """A bipartite network: officials linked to the events they took part in.

    events (pd.DataFrame): ``table.official_events`` output.
    ax (matplotlib.axes.Axes): where to draw.
    """
    import networkx as nx

    graph = nx.Graph()
    for _, row in events.iterrows():
        graph.add_node(row["person"], kind="person")
        graph.add_node(row["event"], kind="event")
        graph.add_edge(row["person"], row["event"], role=row["role"])
    pos = nx.spring_layout(graph, seed=7)
    colours = ["tab:orange" if graph.nodes[n]["kind"] == "person" else "tab:blue" for n in graph]
    nx.draw_networkx(graph, pos, ax=ax, node_color=colours, node_size=300, font_size=7,
                     labels={n: n[:10] for n in graph})
    nx.draw_networkx_edge_labels(graph, pos, ax=ax, font_size=6,
                                 edge_labels=nx.get_edge_attributes(graph, "role"))
    ax.set_title("Officials (orange) and events (blue)")
    ax.axis("off")
