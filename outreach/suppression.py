"""Statistical disclosure control for the public figures: primary suppression of counts 1..(min-1) and
secondary suppression until no suppressed value can be derived from the published ones.

Tables are linear systems: every row sums to its row total, every column to its column total, totals to
the grand total. Margins shared by several tables (same keys) are one variable, so a value hidden in one
table is hidden in all. A hidden value is *derivable* when its unit vector lies in the row space of the
equations restricted to the hidden values (rank test) — then some combination of published numbers gives it.
Plain Python + numpy, no Django."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np

Key = Hashable
Equation = tuple[Key, list[Key]]  # total key, part keys: total == sum(parts)


def derivable(equations: list[Equation], hidden: set[Key]) -> list[Key]:
    """Hidden keys whose value follows from the published values and the equations."""
    unknowns = sorted(hidden, key=repr)
    if not unknowns:
        return []
    col = {k: i for i, k in enumerate(unknowns)}
    rows = []
    for total, parts in equations:
        row = np.zeros(len(unknowns))
        if total in col:
            row[col[total]] -= 1
        for p in parts:
            if p in col:
                row[col[p]] += 1
        if row.any():
            rows.append(row)
    if not rows:
        return []
    matrix = np.array(rows)
    # e_k lies in the row space iff every null-space vector has a zero k-th component (one SVD).
    _u, sing, vt = np.linalg.svd(matrix)
    rank = int((sing > 1e-9 * max(matrix.shape)).sum())
    null = vt[rank:]
    if null.shape[0] == 0:
        return list(unknowns)
    return [k for k in unknowns if np.abs(null[:, col[k]]).max() < 1e-9]


def suppress(values: dict[Key, int], equations: list[Equation], minimum: int = 5) -> set[Key]:
    """The keys to hide: every value 1..minimum-1, then (greedy) the published value whose hiding leaves
    the fewest derivable hidden values, preferring inner cells to totals and small, non-zero counts."""
    hidden = {k for k, v in values.items() if 0 < v < minimum}
    margins = {total for total, _parts in equations}
    while True:
        exposed = set(derivable(equations, hidden))
        if not exposed:
            return hidden
        touching = [[total, *parts] for total, parts in equations if exposed & {total, *parts}]
        candidates = sorted({k for line in touching for k in line if k not in hidden}, key=repr)
        if not candidates:  # cannot happen for consistent tables; hide the rest to stay safe
            return hidden | set(values)

        def cost(k: Key) -> tuple:
            left = len(derivable(equations, hidden | {k}))
            return (left, k in margins, values[k] == 0, values[k], repr(k))

        hidden.add(min(candidates, key=cost))
