"""Distances on the globe and between calendar ranges."""

from __future__ import annotations

import math
from datetime import date

EARTH_RADIUS_KM = 6371.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle (haversine) distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def nearest_km(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> float | None:
    if not a or not b:
        return None
    return min(km(p, q) for p in a for q in b)


def days_apart(a: tuple[str, str], b: tuple[str, str]) -> int:
    """Days between two ISO ranges (start, end); 0 when they overlap."""
    a0, a1 = date.fromisoformat(a[0]), date.fromisoformat(a[1])
    b0, b1 = date.fromisoformat(b[0]), date.fromisoformat(b[1])
    return max(0, (b0 - a1).days, (a0 - b1).days)
