"""The operation mix: scaling every monthly count alike (the total slider)."""

from __future__ import annotations

from .scenario import MAX_VOLUME


def apportion(weights: dict[str, int], total: int, cap: int = MAX_VOLUME) -> dict[str, int]:
    """Integers proportional to ``weights`` that add up to ``total`` (largest remainder; ties go
    to the earlier key), each at most ``cap``. Empty or all-zero weights give {}."""
    whole = sum(weights.values())
    if whole <= 0:
        return {}
    out: dict[str, int] = {}
    rest: list[tuple[int, int, str]] = []
    for i, (key, w) in enumerate(weights.items()):
        q, r = divmod(w * total, whole)
        out[key] = q
        rest.append((-r, i, key))
    for _, _, key in sorted(rest)[: total - sum(out.values())]:
        out[key] += 1
    return {k: min(cap, v) for k, v in out.items()}
