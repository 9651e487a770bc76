"""The package layout holds: no import cycle anywhere in bot/ or actions/ (the layer contract itself is checked by
`lint-imports` in `make lint`; this catches cycles inside one layer too)."""

from __future__ import annotations

import grimp
import pytest

pytestmark = pytest.mark.unit


def _cycle(graph, modules: set[str]) -> list[str] | None:
    """One import cycle among the modules (every import, including those inside functions), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module) & modules):
            if state.get(imported) == 1:
                return path[path.index(imported) :] + [imported]
            if imported not in state and (found := visit(imported)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(modules):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycle_in_bot_or_actions():
    graph = grimp.build_graph("bot", "actions", cache_dir=None)
    modules = {m for m in graph.modules if m.split(".")[0] in ("bot", "actions")}
    assert len(modules) > 40
    assert _cycle(graph, modules) is None, " -> ".join(_cycle(graph, modules) or [])


def test_the_cycle_finder_finds_one():
    class Graph:
        modules = {"a", "b", "c"}

        def find_modules_directly_imported_by(self, m):
            return {"a": {"b"}, "b": {"c"}, "c": {"a"}}[m]

    assert _cycle(Graph(), {"a", "b", "c"}) == ["a", "b", "c", "a"]
