"""Every regular expression newsevents compiles, printed as JSON (run as a script).

It runs in its own interpreter so that the recorder is in place before the
first newsevents module is imported: a pytest process has imported most of
them already. `re._compile` is wrapped rather than `re.compile` because the
module-level functions (`re.finditer(r"...", text)`) go through it too. The
classifier and linker are then loaded and run on a few articles, so the
patterns built at run time from lexicon data (boilerplate markers, month
names per language) are recorded as well. Module globals are walked
afterwards to give each pattern the name it is known by in its module.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
from datetime import UTC, datetime
from types import FrameType, ModuleType
from typing import Any

# Frames of these modules are the machinery between the caller and the compiler.
_PASS_THROUGH = frozenset({"re", "functools", __name__})

# Articles that reach the run-time compiled patterns in several languages.
_ARTICLES = [
    "JAKARTA, KOMPAS.com - Pasukan TNI dan kelompok bersenjata terlibat baku tembak di "
    "Intan Jaya, Papua, pada Selasa (5/3/2024). Foto: ANTARA/Bayu\nBaca juga: Lainnya",
    "KHARTOUM (Reuters) - Troops and RSF fighters exchanged fire on 3 March 2024, "
    "two days ago. Photo: AP/John Doe",
    "PARIS (AFP) - Des combats ont opposé l'armée et les rebelles le 5 mars 2024. "
    "Crédit photo : AFP",
    "Вооружённые столкновения произошли 5 марта 2024 года, сообщили военные.",
]


def _caller_module(frame: FrameType | None) -> str:
    while frame is not None and frame.f_globals.get("__name__") in _PASS_THROUGH:
        frame = frame.f_back
    return "" if frame is None else str(frame.f_globals.get("__name__", ""))


def _patterns_in(value: Any, depth: int = 0) -> list[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        return [value] if isinstance(value.pattern, str) else []
    if depth >= 2:
        return []
    if isinstance(value, dict):
        return [p for v in value.values() for p in _patterns_in(v, depth + 1)]
    if isinstance(value, list | tuple | set | frozenset):
        return [p for v in value for p in _patterns_in(v, depth + 1)]
    return []


def census() -> list[dict[str, Any]]:
    seen: dict[tuple[str, int], dict[str, Any]] = {}
    compile_original = re._compile  # type: ignore[attr-defined]

    def recording(pattern: Any, flags: Any) -> Any:
        compiled = compile_original(pattern, flags)
        if isinstance(compiled.pattern, str):
            module = _caller_module(sys._getframe(1))
            if module.startswith("newsevents"):
                seen.setdefault((compiled.pattern, compiled.flags),
                                {"module": module, "names": []})
        return compiled

    re._compile = recording  # type: ignore[attr-defined]
    try:
        import newsevents

        for info in pkgutil.walk_packages(newsevents.__path__, "newsevents."):
            if not info.name.endswith("__main__"):
                importlib.import_module(info.name)
        _exercise()
    finally:
        re._compile = compile_original  # type: ignore[attr-defined]

    modules: list[ModuleType] = [m for n, m in sorted(sys.modules.items())
                                 if n.startswith("newsevents") and m is not None]
    for module in modules:
        owners: list[tuple[str, Any]] = list(vars(module).items())
        owners += [(f"{name}.{attr}", value)
                   for name, cls in vars(module).items()
                   if isinstance(cls, type) and cls.__module__ == module.__name__
                   for attr, value in vars(cls).items()]
        for name, value in owners:
            for pattern in _patterns_in(value):
                entry = seen.setdefault((pattern.pattern, pattern.flags),
                                        {"module": module.__name__, "names": []})
                if entry["module"] == module.__name__ and name not in entry["names"]:
                    entry["names"].append(name)
    return [{"pattern": p, "flags": f, **entry} for (p, f), entry in seen.items()]


def _exercise() -> None:
    from newsevents.alert.rules import load_rules
    from newsevents.classifier.core import Classifier
    from newsevents.linker.core import Linker
    from newsevents.messages import RawArticle

    load_rules(None)
    classifier, linker = Classifier.load(), Linker.load()
    for i, text in enumerate(_ARTICLES):
        article = RawArticle(id=f"census-{i}", text=text,
                             published_at=datetime(2024, 3, 6, tzinfo=UTC))
        linker.link(classifier.classify(article, pipeline_version="census"))


if __name__ == "__main__":
    json.dump(census(), sys.stdout, ensure_ascii=False)
