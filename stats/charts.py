"""Server-rendered SVG charts: columns per period (one or two series) and horizontal bars.

The SVG scales to its container (viewBox, width 100%), names itself for screen readers
(role="img", <title>, <desc>) and gives each bar a <title> with its exact number.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 800
COLOURS = ("#a50e1f", "#0b4f9c")
LEFT, RIGHT, TOP, BOTTOM = 70, 10, 40, 40
COLUMNS_HEIGHT = 320
BAR_ROW = 26
BAR_LABEL_WIDTH = 230
BAR_VALUE_WIDTH = 90
MAX_LABEL = 34
MAX_TICK_LABELS = 16
TICKS = 4


@dataclass(frozen=True)
class Series:
    name: str
    values: list


def grouped(number):
    return f"{number:,}"


def _tick_step(value):
    """A round whole step (1, 2, 2.5 or 5 x 10^k) so that four steps reach `value`."""
    target = max(value / TICKS, 1)
    power = 10 ** math.floor(math.log10(target))
    return next(
        int(step * power)
        for step in (1, 2, 2.5, 5, 10)
        if step * power >= target and step * power == int(step * power)
    )


def _text(x, y, content, anchor="middle", css="label"):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{css}">'
        f"{escape(content)}</text>"
    )


def _rect(x, y, width, height, colour, tooltip):
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
        f'fill="{colour}" class="bar"><title>{escape(tooltip)}</title></rect>'
    )


def _svg(chart_id, title, description, height, body):
    chart_id = escape(chart_id)
    return mark_safe(  # noqa: S308 -- every text and attribute above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'class="stats-chart" font-family="sans-serif" font-size="12" fill="currentColor">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{''.join(body)}</svg>"
    )


def _legend(series):
    parts = []
    for index, one in enumerate(series):
        x = LEFT + index * 180
        parts.append(f'<rect x="{x}" y="10" width="14" height="14" fill="{COLOURS[index]}"/>')
        parts.append(_text(x + 20, 22, one.name, anchor="start"))
    return parts


def _y_axis(tick_step, plot_height):
    parts = []
    for tick in range(TICKS + 1):
        y = TOP + plot_height - plot_height * tick / TICKS
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="currentColor" stroke-opacity="0.2"/>'
        )
        parts.append(_text(LEFT - 6, y + 4, grouped(tick * tick_step), anchor="end"))
    return parts


def column_chart(chart_id, title, description, labels, series, x_title=""):
    """Columns per period: `labels` name the periods, each Series has one value per label."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = COLUMNS_HEIGHT - TOP - BOTTOM
    tick_step = _tick_step(max(max(one.values, default=0) for one in series))
    top_value = tick_step * TICKS
    slot = plot_width / len(labels)
    bar_width = slot * 0.8 / len(series)
    tick_every = math.ceil(len(labels) / MAX_TICK_LABELS)
    body = [*_legend(series), *_y_axis(tick_step, plot_height)]
    for index, label in enumerate(labels):
        x = LEFT + index * slot + slot * 0.1
        for number, one in enumerate(series):
            height = plot_height * one.values[index] / top_value
            tooltip = f"{label}, {one.name}: {grouped(one.values[index])}"
            body.append(
                _rect(
                    x + number * bar_width,
                    TOP + plot_height - height,
                    bar_width,
                    height,
                    COLOURS[number],
                    tooltip,
                )
            )
        if index % tick_every == 0:
            body.append(_text(LEFT + (index + 0.5) * slot, COLUMNS_HEIGHT - BOTTOM + 18, label))
    body.append(_text(LEFT + plot_width / 2, COLUMNS_HEIGHT - 4, x_title, css="axis-title"))
    return _svg(chart_id, title, description, COLUMNS_HEIGHT, body)


def _short(label):
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def bar_chart(chart_id, title, description, items):
    """Horizontal bars, one per (label, value), largest scale first as given."""
    height = TOP // 2 + BAR_ROW * len(items) + 10
    plot_width = WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH
    top_value = max([value for _label, value in items] or [1]) or 1
    body = []
    for index, (label, value) in enumerate(items):
        y = TOP // 2 + index * BAR_ROW
        width = plot_width * value / top_value
        body.append(_text(BAR_LABEL_WIDTH - 8, y + 16, _short(label), anchor="end"))
        body.append(
            _rect(
                BAR_LABEL_WIDTH, y + 4, width, BAR_ROW - 8, COLOURS[0], f"{label}: {grouped(value)}"
            )
        )
        body.append(_text(BAR_LABEL_WIDTH + width + 6, y + 16, grouped(value), anchor="start"))
    return _svg(chart_id, title, description, height, body)
