"""Plots for the notebooks: each draws on a matplotlib Axes and can be saved as PNG.

Chinese labels need a CJK font: the first one matplotlib finds among common families is
used (on Debian/Ubuntu: ``apt-get install fonts-wqy-microhei`` or ``fonts-noto-cjk``);
without one, labels show as boxes but the plots still render.
"""
from __future__ import annotations

import warnings

import pandas as pd

CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
                "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN")


def use_cjk_font() -> str | None:
    """Make matplotlib use an installed CJK font.

    RETURNS (str | None): the family chosen, None when none is installed.
    """
    import matplotlib
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = next((f for f in CJK_FAMILIES if f in installed), None)
    if family:
        matplotlib.rcParams["font.sans-serif"] = [family, *matplotlib.rcParams["font.sans-serif"]]
        matplotlib.rcParams["axes.unicode_minus"] = False
    else:
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
