# The compiled matcher (services/native/src/lib.rs).
from collections.abc import Callable
from typing import Any

class NativeMatcher:
    def __init__(
        self,
        segmentation: str,
        word: list[tuple[int, int]],
        mark: list[tuple[int, int]],
        digit: list[tuple[int, int]],
        latin: list[tuple[int, int]],
        turkic: bool,
        gap: int,
    ) -> None: ...
    def add_term(self, parts: int) -> None: ...
    def add_key(
        self, by_lemma: bool, forms: list[str], entries: list[tuple[int, int, bool, bool]]
    ) -> None: ...
    def scan(
        self,
        text: str,
        lemmatize: Callable[[str], str],
        case_ok: Callable[[int, list[str]], bool],
    ) -> tuple[list[int], list[int], list[int], list[int], list[int]]: ...

# The compiled cleaner (services/native/src/cleaning.rs).
class NativeCleaning:
    def __init__(
        self,
        line_type: type[tuple[int, str, str, int, bool]],
        char_facts: Callable[[int], tuple[int, str]],
        fold_run: Callable[[str], str],
        nfc_run: Callable[[str], bool],
        dateline_end: Callable[[str], int],
    ) -> None: ...
    def scan(self, text: str, title: str) -> tuple[Any, ...]: ...
    def assemble(
        self, lines: tuple[tuple[int, str, str, int, bool], ...], kinds: list[int]
    ) -> tuple[str, list[tuple[int, int, int]], bool] | None: ...

class NativeLineKinds:
    def __init__(
        self,
        cleaning: NativeCleaning,
        read_also: list[str],
        read_also_first: list[str],
        share: list[str],
        photo_window: Callable[[str, bool], bool] | None = None,
        photo_reach: int = 0,
    ) -> None: ...
    def kinds(self, lines: tuple[tuple[int, str, str, int, bool], ...]) -> list[int]: ...
    def refine(
        self, lines: tuple[tuple[int, str, str, int, bool], ...], kinds: list[int]
    ) -> list[int]: ...
