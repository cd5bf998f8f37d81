"""dateparser, the linker's last resort for dates, is loaded before the first article."""

from __future__ import annotations

import json
import subprocess
import sys

from newsevents.linker.dates import _DATEPARSER_LANGS
from newsevents.linker.kb_build import LANGUAGES

# A fresh interpreter: in this one another test may have used dateparser already.
_PROBE = """
import json, sys
from newsevents.linker.core import Linker
Linker.load()
from dateparser.languages.loader import default_loader
print(json.dumps({"search": "dateparser.search" in sys.modules,
                  "locales": sorted(default_loader._loaded_locales)}))
"""


def test_the_process_linker_loads_dateparser_before_the_first_article() -> None:
    # dateparser loads its modules, timezone patterns and locales on first use
    # (~0.5 s): a worker pays that at start, not the first article that needs
    # it, with every article queued behind.
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, check=True,
                          text=True)
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["search"]
    assert {_DATEPARSER_LANGS.get(lang, lang) for lang in LANGUAGES} <= set(probe["locales"])
