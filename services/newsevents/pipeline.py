"""The three cores chained in process: what `newsevents extract` and the tests run.

The Kafka agents run exactly these cores, one per stage, so the offline CLI
and the streaming pipeline cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents import __version__
from newsevents.alert.assembly import assemble_events
from newsevents.classifier.core import Classifier
from newsevents.linker.core import Linker
from newsevents.messages import ClassifiedArticle, Event, LinkedArticle, RawArticle

PIPELINE_VERSION = __version__


@dataclass(frozen=True)
class PipelineResult:
    classified: ClassifiedArticle
    linked: LinkedArticle
    events: list[Event]


@dataclass(frozen=True)
class Pipeline:
    classifier: Classifier
    linker: Linker

    @classmethod
    def load(cls) -> Pipeline:
        return cls(classifier=Classifier.load(), linker=Linker.load())

    def run(self, article: RawArticle) -> PipelineResult:
        classified = self.classifier.classify(article, pipeline_version=PIPELINE_VERSION)
        linked = self.linker.link(classified)
        return PipelineResult(classified, linked, assemble_events(linked, PIPELINE_VERSION))
