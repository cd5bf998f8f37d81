"""Renders the message models to JSON Schema: `python -m newsevents.schemas DIR`.

`schemas/` in the repository is this module's output; a test regenerates it
and fails when a model changed without `make schemas`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from newsevents.messages import TOPIC_MODELS


def render() -> dict[str, str]:
    """File name -> file content, for every model and the topic index."""
    models: dict[str, type[BaseModel]] = {}
    for model in TOPIC_MODELS.values():
        models[model.__name__] = model
    files = {
        f"{name}.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        for name, model in sorted(models.items())
    }
    index = {topic: f"{model.__name__}.json" for topic, model in TOPIC_MODELS.items()}
    files["topics.json"] = json.dumps(index, indent=2) + "\n"
    return files


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in render().items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(path)
