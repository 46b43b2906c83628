"""Partner-network diagrams as inline SVG, drawn from a city graph
(`macros.partner_network.graph.city_graph`).

Deterministic: nodes and edges are visited in sorted order, there is no randomness and every
coordinate is written with one decimal, so the same records give the same bytes.

Self-contained: the colours live in a <style> inside the SVG, as CSS custom properties on the `kbn`
class. In an HTML page an inline SVG's <style> applies to the whole document, so every selector is
scoped to `.kbn`, and the dark palette follows Material's `[data-md-color-scheme=slate]`. Text is
`currentColor` (the page's text colour, AA in both palettes) with a halo in the page background
(`--md-default-bg-color`); fills and lines use mid-tone colours with at least 3:1 contrast against
both the light and the dark background, and every shape is outlined in `currentColor`.

Layout: the city in the centre; the other actors sorted by type, then name, around it, so that each
type fills one sector. When there are many, consecutive actors alternate between concentric rings,
which keeps neighbours on the same ring far enough apart for their labels.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from macros.html import urls
from macros.html.markup import Markup, fmt, join, line
from macros.partner_network.graph import ACTOR_TYPES, centre_of

NODE_R = 12.0
CENTRE_R = 22.0
FONT = 12.0
CHAR_W = 0.56 * FONT
"""Average width of a character, to estimate label extents (no font is measured at build time)."""
LINE_H = 14.0
WRAP = 18
"""Characters per label line; two lines at most, the rest cut with an ellipsis."""
MIN_SPACING = 90.0
"""Least arc length between neighbours on the same ring."""
RING_GAP = 145.0
EDGE_GAP = 6.0
"""Distance between parallel flows between the same two actors."""

COLOURS = {
    "mat": "#c0640a",
    "ken": "#2f7fd0",
    "stad": "#8a63c9",
    "publiek": "#0e8f9e",
    "middenveld": "#3a9a5b",
    "privaat": "#b07d00",
    "kennis": "#c2557d",
    "overig": "#808890",
}
"""Mid-tone colours: each has a contrast of at least 3:1 with white and with Material's slate background."""

CATEGORY_CLASS = {"materieel": "m", "kennis": "k"}
INTERMITTENCE_CLASS = {True: " i", False: "", None: " u"}
"""Dashed when the source says a flow runs only some years or in some cases; dotted when it does not say."""


@dataclass(frozen=True)
class Placed:
    """An actor's position and where its label goes."""

    x: float
    y: float
    r: float
    angle: float
    """Direction from the centre, in radians; the label sits on the far side."""


def num(value: float) -> str:
    """One decimal, no trailing `.0`, never `-0`: fixed formatting keeps output byte-stable."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def svg_id(city_id: str, suffix: str) -> str:
    """Ids are document-wide in HTML: prefix them with the city."""
    return f"kbn-{city_id}-{suffix}"


# --- layout ---------------------------------------------------------------------------------------


def ordered_others(graph: Any, centre: str | None) -> list[str]:
    """Every actor but the centre, by type (legend order), then name, then id."""
    order = list(ACTOR_TYPES)
    nodes = [n for n in graph.nodes if n != centre]
    return sorted(
        nodes, key=lambda n: (order.index(graph.nodes[n]["type"]), graph.nodes[n]["name"].lower(), n)
    )


def rings_for(count: int) -> tuple[int, float]:
    """(number of rings, radius of the first) that keep neighbours on one ring at least MIN_SPACING
    apart with the smallest outer ring; fewer rings on a tie."""
    least = 110.0 if count <= 4 else 140.0 if count <= 8 else 170.0
    options = []
    for rings in range(1, 5):
        first = max(least, MIN_SPACING * count / (2 * math.pi * rings))
        options.append((first + (rings - 1) * RING_GAP, rings, first))
    _, rings, first = min(options)
    return rings, first


def centre_radius(count: int) -> float:
    """The centre grows with the number of actors, so that the arrowheads around it stay apart."""
    return CENTRE_R + max(0, count - 12) * 0.8


def layout(graph: Any) -> dict[str, Placed]:
    """Positions around (0, 0): the centre actor there, the others on rings."""
    centre = centre_of(graph)
    others = ordered_others(graph, centre)
    placed: dict[str, Placed] = {}
    count = len(others)
    if centre is not None:
        placed[centre] = Placed(0.0, 0.0, centre_radius(count), math.pi / 2)
    rings, first = rings_for(count)
    # When the last and the first actor would land on the same ring side by side, leave one slot
    # empty between them.
    seam = rings > 1 and count > 1 and (count - 1) % rings == 0
    step = 2 * math.pi / max(count + seam, 1)
    # An even count starts half a step off the vertical, an odd one at the top: either way no actor
    # sits straight below the centre, where the centre's label goes.
    start = -math.pi / 2 + (step / 2 if (count + seam) % 2 == 0 else 0.0)
    for i, node in enumerate(others):
        angle = start + step * i
        radius = first + (i % rings) * RING_GAP
        placed[node] = Placed(radius * math.cos(angle), radius * math.sin(angle), NODE_R, angle)
    return placed


# --- labels ---------------------------------------------------------------------------------------


def wrap(name: str, width: int = WRAP, lines: int = 2) -> list[str]:
    """Greedy word wrap into at most `lines` lines; what does not fit ends in an ellipsis."""
    out: list[str] = []
    current = ""
    for word in name.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        current = word
    out.append(current)
    out = [line if len(line) <= width else line[: width - 1] + "…" for line in out]
    if len(out) > lines:
        last = out[lines - 1]
        out = [*out[: lines - 1], (last[: width - 1] if len(last) >= width else last) + "…"]
    return out


def label_anchor(p: Placed, lines: int) -> tuple[float, float, str]:
    """(x, y of the first baseline, CSS class for text-anchor) for a label beside its node."""
    dx, dy = math.cos(p.angle), math.sin(p.angle)
    if p.x == 0 and p.y == 0:
        return 0.0, p.r * 1.1 + LINE_H + 2, ""
    gap = p.r + 5
    x, y = p.x + dx * gap, p.y + dy * gap
    cls = "r" if dx > 0.2 else "l" if dx < -0.2 else ""
    if cls:
        # Beside the node: clear of it horizontally, centred on it vertically.
        side = p.x + (gap if cls == "r" else -gap)
        return side, p.y + 4 - (lines - 1) * LINE_H / 2, cls
    if dy > 0:
        return x, y + 10, cls
    return x, y - 2 - (lines - 1) * LINE_H, cls


def label_box(p: Placed, lines: list[str]) -> tuple[float, float, float, float]:
    """Estimated extent of a label: (left, top, right, bottom)."""
    x, y, cls = label_anchor(p, len(lines))
    width = max(len(line) for line in lines) * CHAR_W
    left = x - width if cls == "l" else x if cls == "r" else x - width / 2
    return left, y - FONT, left + width, y + (len(lines) - 1) * LINE_H + 4


# --- shapes ---------------------------------------------------------------------------------------


def polygon(x: float, y: float, r: float, sides: int, start: float) -> str:
    points = [
        (x + r * math.cos(start + 2 * math.pi * k / sides), y + r * math.sin(start + 2 * math.pi * k / sides))
        for k in range(sides)
    ]
    return "M" + "L".join(f"{num(px)} {num(py)}" for px, py in points) + "Z"


def circle(x: float, y: float, r: float) -> str:
    arc = f"a{num(r)} {num(r)} 0 1 0"
    return f"M{num(x - r)} {num(y)}{arc} {num(2 * r)} 0{arc} {num(-2 * r)} 0Z"


def shape(actor_type: str, x: float, y: float, r: float) -> str:
    """Path data of an actor type's shape: told apart by shape, not only by colour."""
    if actor_type == "stad":
        return polygon(x, y, r * 1.1, 6, 0.0)
    if actor_type == "publiek":
        return polygon(x, y, r * 1.2, 4, math.pi / 4)
    if actor_type == "privaat":
        return polygon(x, y, r * 1.25, 4, 0.0)
    if actor_type == "kennis":
        return polygon(x, y + r * 0.2, r * 1.3, 3, -math.pi / 2)
    return circle(x, y, r)


# --- edges ----------------------------------------------------------------------------------------


def edge_title(graph: Any, u: str, v: str, data: dict[str, Any]) -> str:
    kind = data["kind_label"]
    kind = kind[0].lower() + kind[1:] if kind[1:2].islower() else kind
    what = f"{kind}, {data['label']}" if data["label"] else kind
    when = {
        True: " (sommige jaren of gevallen)",
        False: "",
        None: " (of dit elk jaar loopt, zegt de bron niet)",
    }[data["intermittent"]]
    return f"{graph.nodes[u]['name']} → {graph.nodes[v]['name']}: {what}{when}"


def sorted_edges(graph: Any) -> list[tuple[str, str, int, dict[str, Any]]]:
    return sorted(graph.edges(keys=True, data=True), key=lambda e: e[2])


def edge_offsets(graph: Any) -> dict[int, float]:
    """Flow key -> sideways offset, so that flows between the same two actors (either way) do not overlap."""
    order = {node: i for i, node in enumerate(graph.nodes)}
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for u, v, key, _ in sorted_edges(graph):
        a, b = sorted((u, v), key=order.__getitem__)
        pairs[(a, b)].append((0 if u == a else 1, key))
    offsets: dict[int, float] = {}
    for flows in pairs.values():
        flows.sort()
        for j, (_, key) in enumerate(flows):
            offsets[key] = (j - (len(flows) - 1) / 2) * EDGE_GAP
    return offsets


def edge_path(graph: Any, placed: dict[str, Placed], u: str, v: str, offset: float) -> str:
    """A straight segment from border to border, shifted sideways by `offset` (measured on the
    pair's canonical direction, so both directions share one frame)."""
    order = {node: i for i, node in enumerate(graph.nodes)}
    a, b = sorted((u, v), key=order.__getitem__)
    pa, pb, pu, pv = placed[a], placed[b], placed[u], placed[v]
    length = math.hypot(pb.x - pa.x, pb.y - pa.y) or 1.0
    nx_, ny_ = -(pb.y - pa.y) / length, (pb.x - pa.x) / length
    ux, uy = (pv.x - pu.x) / length, (pv.y - pu.y) / length
    start = pu.r + 2
    end = pv.r + 3
    x1, y1 = pu.x + ux * start + nx_ * offset, pu.y + uy * start + ny_ * offset
    x2, y2 = pv.x - ux * end + nx_ * offset, pv.y - uy * end + ny_ * offset
    return f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}"


# --- SVG --------------------------------------------------------------------------------------------


def style(city_id: str) -> str:
    colours = ";".join(f"--kbn-{name}:{value}" for name, value in COLOURS.items())
    fills = "".join(f".kbn .{t} path{{fill:var(--kbn-{t})}}" for t in ACTOR_TYPES)
    return (
        f"<style>.kbn{{{colours};max-width:100%;height:auto;overflow:visible}}"
        ".kbn text{fill:currentColor;font-size:12px;text-anchor:middle;paint-order:stroke;"
        "stroke:var(--md-default-bg-color,#fff);stroke-width:3px;stroke-linejoin:round}"
        ".kbn .l{text-anchor:end}.kbn .r{text-anchor:start}"
        ".kbn .c{font-weight:700}"
        f".kbn .m{{stroke:var(--kbn-mat);stroke-width:2.6;fill:none;marker-end:url(#{svg_id(city_id, 'm')})}}"
        f".kbn .k{{stroke:var(--kbn-ken);stroke-width:1.3;fill:none;marker-end:url(#{svg_id(city_id, 'k')})}}"
        ".kbn .i{stroke-dasharray:7 4}.kbn .u{stroke-dasharray:1.5 3}"
        ".kbn .n path{stroke:currentColor;stroke-width:1.5}.kbn .overig path{stroke-dasharray:3 2}"
        f"{fills}"
        ".kbn a:hover path,.kbn a:focus path{stroke-width:3.5}.kbn a:hover text{text-decoration:underline}"
        "</style>"
    )


def markers(city_id: str) -> str:
    """Arrowheads: filled for material flows, open for knowledge flows (not only colour tells them apart)."""
    common = 'viewBox="0 0 10 10" markerUnits="userSpaceOnUse" orient="auto"'
    return (
        "<defs>"
        f'<marker id="{svg_id(city_id, "m")}" {common} markerWidth="11" markerHeight="11" refX="9" refY="5">'
        '<path d="M0 0L10 5L0 10Z" fill="var(--kbn-mat)"/></marker>'
        f'<marker id="{svg_id(city_id, "k")}" {common} markerWidth="10" markerHeight="10" refX="9" refY="5">'
        '<path d="M1 1L9 5L1 9" fill="none" stroke="var(--kbn-ken)" stroke-width="1.5"/></marker>'
        "</defs>"
    )


def edges_svg(graph: Any, placed: dict[str, Placed]) -> Markup:
    offsets = edge_offsets(graph)
    parts = []
    for u, v, key, data in sorted_edges(graph):
        cls = CATEGORY_CLASS.get(data["category"], "m") + INTERMITTENCE_CLASS[data["intermittent"]]
        d = edge_path(graph, placed, u, v, offsets[key])
        parts.append(
            fmt('<path class="{}" d="{}"><title>{}</title></path>', cls, d, edge_title(graph, u, v, data))
        )
    return fmt("<g>{}</g>", join("", parts))


def node_title(data: dict[str, Any]) -> str:
    title = f"{data['name']} ({ACTOR_TYPES[data['type']].lower()})"
    return f"{title}: {data['role']}" if data.get("role") else title


def text_svg(p: Placed, lines: list[str], extra: str = "") -> Markup:
    x, y, cls = label_anchor(p, len(lines))
    classes = " ".join(c for c in (cls, extra) if c)
    attr = fmt(' class="{}"', classes) if classes else ""
    step = fmt(' dy="{}"', num(LINE_H))
    spans = join(
        "",
        (
            fmt('<tspan x="{}"{}>{}</tspan>', num(x), step if i else "", label)
            for i, label in enumerate(lines)
        ),
    )
    return fmt('<text y="{}"{}>{}</text>', num(y), attr, spans)


def node_svg(graph: Any, node: str, p: Placed, page_url: str) -> Markup:
    data = graph.nodes[node]
    lines = wrap(data["name"])
    body = fmt(
        '<title>{}</title><path d="{}"/>{}',
        node_title(data),
        shape(data["type"], p.x, p.y, p.r),
        text_svg(p, lines, "c" if data["centre"] else ""),
    )
    cls = f"n {data['type']}"
    if data["link"]:
        kind, record_id = data["link"]
        return fmt('<a href="{}" class="{}">{}</a>', urls.href(page_url, kind, record_id), cls, body)
    return fmt('<g class="{}">{}</g>', cls, body)


def view_box(graph: Any, placed: dict[str, Placed]) -> tuple[float, float, float, float]:
    """(min x, min y, width, height) holding every node and label estimate, with a margin."""
    boxes = [(p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r) for p in placed.values()]
    boxes += [label_box(placed[n], wrap(graph.nodes[n]["name"])) for n in placed]
    left = math.floor(min(b[0] for b in boxes)) - 8
    top = math.floor(min(b[1] for b in boxes)) - 8
    right = math.ceil(max(b[2] for b in boxes)) + 8
    bottom = math.ceil(max(b[3] for b in boxes)) + 8
    return left, top, right - left, bottom - top


def description(graph: Any) -> str:
    actors = len(graph)
    flows = graph.number_of_edges()
    return (
        f"{actors} {'actor' if actors == 1 else 'actoren'} en "
        f"{flows} {'stroom' if flows == 1 else 'stromen'}; "
        "dezelfde relaties staan in de tabel bij de figuur."
    )


def network_svg(graph: Any, page_url: str) -> Markup:
    """The diagram of a city graph as one SVG element; "" for an empty graph."""
    if len(graph) == 0:
        return Markup("")
    city_id = graph.graph["city"]
    placed = layout(graph)
    left, top, width, height = view_box(graph, placed)
    centre = centre_of(graph)
    name = graph.nodes[centre]["name"] if centre else city_id
    nodes = join("", (node_svg(graph, n, placed[n], page_url) for n in sorted_nodes(graph, placed)))
    title_id, desc_id = svg_id(city_id, "t"), svg_id(city_id, "d")
    return fmt(
        '<svg xmlns="http://www.w3.org/2000/svg" class="kbn" role="group" '
        'viewBox="{} {} {} {}" width="{}" height="{}" aria-labelledby="{}" aria-describedby="{}">'
        '<title id="{}">Partnernetwerk van {}</title><desc id="{}">{}</desc>'
        "{}{}{}<g>{}</g></svg>",
        *(left, top, width, height, width, height, title_id, desc_id),
        *(title_id, line(name), desc_id, description(graph)),
        Markup(style(city_id)),  # our own CSS and ids (kebab-case file names): no record text
        Markup(markers(city_id)),
        edges_svg(graph, placed),
        nodes,
    )


def sorted_nodes(graph: Any, placed: dict[str, Placed]) -> Iterable[str]:
    """The centre last, so that it is drawn on top; the others in layout order."""
    centre = centre_of(graph)
    return [*ordered_others(graph, centre), *([centre] if centre in placed else [])]


# --- legend -----------------------------------------------------------------------------------------


def _icon(body: Markup, width: int = 34) -> Markup:
    return fmt(
        '<svg class="kbn" width="{}" height="20" viewBox="0 0 {} 20" aria-hidden="true">{}</svg>',
        width,
        width,
        body,
    )


def legend_html(graph: Any, kinds: dict[str, list[str]]) -> Markup:
    """A list explaining the shapes and lines that occur in the diagram; `kinds` maps a flow category
    to the Dutch labels of its kinds, e.g. {"materieel": ["geld", "infrastructuur"]}."""
    items = []
    types = {t for _, t in graph.nodes(data="type")}
    for actor_type, label in ACTOR_TYPES.items():
        if actor_type in types:
            icon = _icon(fmt('<g class="n {}"><path d="{}"/></g>', actor_type, shape(actor_type, 17, 10, 7)))
            items.append(fmt("<li{}>{} {}</li>", LI, icon, label))
    edges = [data for *_, data in graph.edges(data=True)]
    names = {"materieel": "Materiële stroom", "kennis": "Kennisstroom"}
    for category, cls in CATEGORY_CLASS.items():
        if any(e["category"] == category for e in edges):
            what = ", ".join(kinds.get(category, []))
            label = f"{names[category]} ({what})" if what else names[category]
            stroke = fmt('<path class="{}" d="M2 10H30"/>', cls)
            items.append(fmt("<li{}>{} {}</li>", LI, _icon(stroke), label))
    if any(e["intermittent"] for e in edges):
        dashed = Markup('<path class="k i" d="M2 10H30"/>')
        items.append(
            fmt("<li{}>{} Stippellijn: alleen sommige jaren of in sommige gevallen</li>", LI, _icon(dashed))
        )
    if any(e["intermittent"] is None for e in edges):
        dotted = Markup('<path class="k u" d="M2 10H30"/>')
        items.append(
            fmt("<li{}>{} Puntjes: de bron zegt niet of de stroom elk jaar loopt</li>", LI, _icon(dotted))
        )
    return fmt('<ul class="kbn-legend"{}>{}</ul>', UL, join("", items))


# Inline, because the theme's list styles are more specific than any class this module could add.
UL = Markup(' style="list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2em 1.5em"')
LI = Markup(' style="margin:0;display:flex;align-items:center;gap:.4em"')
