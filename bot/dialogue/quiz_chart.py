"""The six RIASEC scores as a small SVG bar chart (a data: URI), for channels that show pictures."""

from __future__ import annotations

import base64

from bot.knowledge.pages import RIASEC

COLOURS = {"R": "#d95f02", "I": "#1b9e77", "A": "#7570b3", "S": "#e7298a", "E": "#66a61e", "C": "#e6ab02"}


def svg(profile: dict[str, float]) -> str:
    bars = []
    for n, d in enumerate(RIASEC):
        h = (profile[d] - 1) / 6 * 120
        x = 20 + n * 45
        bars.append(
            f'<rect x="{x}" y="{140 - h:.1f}" width="32" height="{h:.1f}" fill="{COLOURS[d]}"/>'
            f'<text x="{x + 16}" y="158" text-anchor="middle" font-size="14">{d}</text>'
            f'<text x="{x + 16}" y="{134 - h:.1f}" text-anchor="middle" font-size="11">{profile[d]:.1f}</text>'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="290" height="170" font-family="sans-serif">'
        '<rect width="290" height="170" fill="white"/>' + "".join(bars) + "</svg>"
    )


def svg_data_uri(profile: dict[str, float]) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg(profile).encode()).decode()
