# The compiled matcher (services/native/src/lib.rs).
from collections.abc import Callable

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
