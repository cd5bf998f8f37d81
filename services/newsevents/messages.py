"""The wire contract: one pydantic model per topic.

These models are the single source of truth for every message the pipeline
reads or writes; `make schemas` renders them to `schemas/*.json` and a test
fails when the two drift apart. Every model forbids unknown fields on the way
in so that a producer's typo is caught at the first stage instead of silently
vanishing.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

EventType = Literal["diplomatic-engagement", "armed-clash"]
EVENT_TYPES: tuple[EventType, ...] = ("diplomatic-engagement", "armed-clash")

DiplomaticSubtype = Literal["visit", "meeting", "call", "negotiation", "agreement", "honour"]
ClashSubtype = Literal["battle", "attack", "strike", "territory"]
Subtype = Literal[
    "visit", "meeting", "call", "negotiation", "agreement", "honour",
    "battle", "attack", "strike", "territory",
]
SUBTYPES_BY_TYPE: dict[str, tuple[str, ...]] = {
    "diplomatic-engagement": ("visit", "meeting", "call", "negotiation", "agreement", "honour"),
    "armed-clash": ("battle", "attack", "strike", "territory"),
}

# CAMEO/PLOVER-style sector codes for actors.
Sector = Literal["GOV", "MIL", "REB", "IGO", "POL", "COP", "CVL", "UNK"]
PlacePrecision = Literal["point", "city", "region", "country"]
DatePrecision = Literal["day", "week", "month", "year"]

NonEmptyStr = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Alpha3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RawArticle(_Message):
    """A scraped news article as it arrives on `articles.raw`."""

    id: Annotated[str, StringConstraints(min_length=1, max_length=512, strip_whitespace=True)] = (
        Field(description="Producer-chosen stable id; the Kafka key on article topics.")
    )
    url: str | None = Field(default=None, description="Where the article was scraped from.")
    source: str | None = Field(default=None, description="Publisher, usually its domain.")
    title: str = Field(default="", description="Headline as scraped.")
    text: str = Field(default="", description="Body text as scraped, boilerplate included.")
    html: str | None = Field(
        default=None, description="Raw HTML; used for main-text extraction when `text` is empty."
    )
    published_at: datetime | None = Field(
        default=None, description="Publication time; relative dates are resolved against it."
    )
    language_hint: str | None = Field(
        default=None, description="ISO 639-1 code the scraper believes the article is in."
    )
    received_at: datetime | None = Field(
        default=None,
        description="When the article entered the pipeline; the start of end-to-end latency.",
    )

    @model_validator(mode="after")
    def _has_content(self) -> RawArticle:
        if not self.text.strip() and not (self.html or "").strip():
            raise ValueError("article has neither text nor html")
        return self


class Trigger(_Message):
    """A lexicon entry that fired inside an evidence sentence."""

    text: str = Field(description="The words as they appear in the sentence.")
    lemma: str = Field(description="The lexicon entry that matched.")
    start: int = Field(ge=0, description="Offset into the cleaned text.")
    end: int = Field(ge=0, description="End offset (exclusive) into the cleaned text.")
    weight: float = Field(ge=0.0, le=1.0)


class Evidence(_Message):
    """A sentence that states the event, with where it sits in the cleaned text."""

    text: str
    start: int = Field(ge=0, description="Offset of the sentence into the cleaned text.")
    end: int = Field(ge=0, description="End offset (exclusive) into the cleaned text.")
    original_start: int | None = Field(
        default=None, ge=0, description="Offset of the sentence into the article's original text."
    )
    triggers: list[Trigger]


class Detection(_Message):
    """One event type found in an article by the classifier."""

    event_type: EventType
    subtype: Subtype
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(min_length=1)


class ClassifiedArticle(_Message):
    """Output of the classifier on `articles.classified`."""

    article: RawArticle
    cleaned_text: str
    language: str = Field(description="ISO 639-1 code, or 'und' when it could not be identified.")
    language_confidence: float = Field(ge=0.0, le=1.0)
    language_supported: bool = Field(
        description="False when no lexicon exists for the language; only language-independent "
        "signals were used."
    )
    detections: list[Detection]
    pipeline_version: str


class Actor(_Message):
    """A participant of an event, linked to a canonical entity."""

    name: str
    entity_id: str = Field(description="Our knowledge base's id, e.g. 'country:MMR'.")
    country: Alpha3 | None = None
    sector: Sector = "UNK"
    qid: str | None = Field(default=None, description="Wikidata QID where known; never guessed.")
    role: str | None = Field(
        default=None, description="visitor, host, party, side_a, side_b, ... where known."
    )
    mention: str | None = Field(default=None, description="The words that named the actor.")


class Place(_Message):
    """Where an event happened, as specific as the evidence allows."""

    name: str
    entity_id: str = Field(description=(
        "Our knowledge base's id (e.g. 'city:1298824', 'country:MMR'), or "
        "'unlisted:<ISO3>:<name>' for a village or district it does not list "
        "(then without coordinates)."))
    country: Alpha3 | None = None
    admin1: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    precision: PlacePrecision
    mention: str | None = None


class DateSpan(_Message):
    """When an event happened: a day, or a range, with how precise it is."""

    start: date
    end: date
    precision: DatePrecision
    text: str | None = Field(default=None, description="The words the date was read from.")
    assumed: bool = Field(
        default=False, description="True when no date was stated and publication day was used."
    )


class LinkedDetection(_Message):
    detection: Detection
    actors: list[Actor]
    location: Place | None
    date: DateSpan | None


class ArticleRef(_Message):
    """The article a linked message is about: what an event cites of it.

    Its text and HTML are not repeated past the classifier: `articles.raw`
    and `articles.classified` carry them under the same key.
    """

    id: Annotated[str, StringConstraints(min_length=1, max_length=512, strip_whitespace=True)]
    url: str | None = None
    source: str | None = None
    title: str = ""
    published_at: datetime | None = None
    received_at: datetime | None = Field(
        default=None, description="When the article entered the pipeline (`RawArticle`)."
    )

    @classmethod
    def of(cls, article: RawArticle) -> ArticleRef:
        return cls(id=article.id, url=article.url, source=article.source, title=article.title,
                   published_at=article.published_at, received_at=article.received_at)


class LinkedArticle(_Message):
    """Output of the entity linker on `articles.linked`: each detection, linked.

    One message per classified article, detections or none, so that every
    article is accounted for at every stage.
    """

    article: ArticleRef
    language: str = Field(description="ISO 639-1 code, or 'und' (`ClassifiedArticle`).")
    language_confidence: float = Field(ge=0.0, le=1.0)
    linked: list[LinkedDetection] = Field(
        description="One per detection of the classified article, in its order."
    )
    pipeline_version: str

    @model_validator(mode="before")
    @classmethod
    def _from_whole_article(cls, data: Any) -> Any:
        # Earlier linkers wrote the whole ClassifiedArticle here (text, HTML,
        # cleaned text and the detections twice): still read, so that an
        # upgraded alert worker finishes what an older linker left on the topic.
        if isinstance(data, dict) and "classified" in data and "article" not in data:
            classified = data["classified"]
            if isinstance(classified, dict):
                article = classified.get("article")
                return {
                    "article": {k: v for k, v in article.items() if k in ArticleRef.model_fields}
                    if isinstance(article, dict) else article,
                    "language": classified.get("language"),
                    "language_confidence": classified.get("language_confidence"),
                    "linked": data.get("linked"),
                    "pipeline_version": classified.get("pipeline_version"),
                    **{k: v for k, v in data.items() if k not in ("classified", "linked")},
                }
        return data


class SourceArticle(_Message):
    article_id: str
    url: str | None = None
    source: str | None = None
    published_at: datetime | None = None
    language: str


class Event(_Message):
    """An event on `events.<event_type>`, keyed by `event_id`.

    A later report of the same event reuses the `event_id` with a higher
    `version`; on a compacted topic a consumer always sees the latest.
    """

    event_id: str
    event_type: EventType
    subtype: Subtype
    actors: list[Actor]
    location: Place | None
    date: DateSpan | None
    evidence: list[Evidence]
    confidence: float = Field(ge=0.0, le=1.0)
    language: str
    source_articles: list[SourceArticle] = Field(min_length=1)
    mention_count: int = Field(ge=1)
    version: int = Field(ge=1)
    pipeline_version: str
    first_received_at: datetime | None = Field(
        default=None, description="`received_at` of the first article that reported the event."
    )


Severity = Literal["info", "warning", "critical"]


class Alert(_Message):
    """A rule match on the `alerts` topic."""

    alert_id: str
    rule: str
    severity: Severity
    event_ids: list[str] = Field(min_length=1)
    summary: str
    created_at: datetime


class DeadLetter(_Message):
    """A message a stage could not process, on `articles.dlq`, with why."""

    stage: str
    reason: str = Field(description="Machine-readable error kind, e.g. 'invalid_json'.")
    message: str = Field(description="Human-readable explanation.")
    failed_at: datetime
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    payload: str = Field(description="The original payload, as UTF-8 or base64.")
    payload_encoding: Literal["utf-8", "base64"]


TOPIC_MODELS: dict[str, type[BaseModel]] = {
    "articles.raw": RawArticle,
    "articles.classified": ClassifiedArticle,
    "articles.linked": LinkedArticle,
    "events.candidates": Event,
    "events.diplomatic-engagement": Event,
    "events.armed-clash": Event,
    "alerts": Alert,
    "articles.dlq": DeadLetter,
}
