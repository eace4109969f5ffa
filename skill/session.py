"""Typed views of what the skill remembers.

`Turn` lives in the session only (what a yes answers, the triage question, the running
routine, the last thing said). `UserRecord` is the little that persists between sessions:
the routine place, the days and minutes of finished routines, the time of the last pop,
whether the intro was heard, when a reminder was last offered, preferences. It belongs to the
recognised speaker, else to the account (store.user_key).
Nothing a person reports about their health is ever put in the `UserRecord`.
"""
from __future__ import annotations

import time
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestInterceptor, AbstractResponseInterceptor
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from .store import user_key

PLACE_MAX_AGE_SECONDS = 24 * 3600


@dataclass
class Routine:
    """Where a guided routine is: which stretch of the list, which step of that stretch."""

    stretch_ids: list[str]
    index: int = 0
    step: int = 0
    easier: bool = False

    @property
    def stretch_id(self) -> str:
        """The stretch under way."""
        return self.stretch_ids[self.index]

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Routine | None":
        if not data or not data.get("stretch_ids"):
            return None
        return cls(
            stretch_ids=[str(s) for s in data["stretch_ids"]],
            index=int(data.get("index", 0)),
            step=int(data.get("step", 0)),
            easier=bool(data.get("easier", False)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"stretch_ids": list(self.stretch_ids), "index": self.index, "step": self.step, "easier": self.easier}


@dataclass
class Turn:
    """Session-only conversation state.

    A question lasts one turn: what was asked (`pending`, and the check's question) is moved to
    `asked` when the next request arrives, and only a handler that asks again sets it anew. So a
    "yes" or "no" answers the last question asked, never one the person has moved on from.
    """

    pending: str | None = None  # what the reply just sent asks: deeper, stretch, guide, triage, check, resume, routine
    topic: str | None = None  # the topic last answered (answers.py)
    next_topic: str | None = None  # the topic offered next
    more_said: bool = False  # the last topic's "more" was said
    triage_step: int | None = None  # the check's question just asked
    triage_follow: bool = False  # ... its follow-up ("is it both legs?")
    triage_plain: bool = False  # ... asked again in plainer words after "not sure"
    check_other: bool = False  # the check is for someone else ("check my dad's symptoms"; symptoms.start)
    offer: dict[str, str] = field(default_factory=dict)  # the stretch filter offered
    routine: Routine | None = None
    paused: bool = False
    last_ssml: str | None = None
    last_reprompt: str | None = None
    reminder: dict[str, Any] | None = None  # the reminder asked about, until it is set (reminders.py)
    told: str | None = None  # words that may complete a sign told later this session (screen.piece)
    what_if: str | None = None  # the sign a "what if" just answered was about (safety.advice): "actually they have been"
    soon: str | None = None  # advice to book soon given, for whom ("self", "other"), until another answer (safety.SoonAdviceAgain)
    asked: str | None = None  # this request: what the previous reply asked (not saved)
    asked_triage: tuple[int, bool, bool] | None = None  # this request: the check's question then asked
    asked_what_if: str | None = None  # this request: the sign the previous reply's "what if" was about

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Turn":
        data = data or {}
        turn = cls(**{k: v for k, v in data.items() if k in _TURN_KEPT})
        turn.routine = Routine.from_dict(data.get("routine"))
        return turn

    def to_dict(self) -> dict[str, Any]:
        """What the session keeps: the fields not at their defaults (the session attributes are
        parsed, copied and checked at every request, so they are kept small)."""
        data = {name: value for name, default in _TURN_DEFAULTS if (value := getattr(self, name)) != default}
        if self.offer:
            data["offer"] = dict(self.offer)
        routine = self.routine
        if routine is not None:
            data["routine"] = routine.to_dict()
        return data

    def begin_request(self) -> None:
        """What the previous reply asked becomes `asked`; nothing is pending until asked again."""
        self.asked, self.pending = self.pending, None
        self.asked_what_if, self.what_if = self.what_if, None
        if self.asked == "triage" and self.triage_step is not None:
            self.asked_triage = (self.triage_step, self.triage_follow, self.triage_plain)
        self.triage_step, self.triage_follow, self.triage_plain = None, False, False

    def ask_again(self) -> None:
        """Keep the question that was asked (help, repeat, not understood: it is asked again)."""
        self.pending = self.asked
        if self.asked_triage:
            self.triage_step, self.triage_follow, self.triage_plain = self.asked_triage


@dataclass
class UserRecord:
    """What persists for a person (keyed by a hash of their id, never the id)."""

    intro_heard: bool = False
    place: dict[str, Any] | None = None  # a Routine as dict, with saved_at
    popped_at: float | None = None
    prefs: dict[str, Any] = field(default_factory=dict)
    progress: dict[str, Any] = field(default_factory=dict)  # what finished routines did (progress.py)
    reminder_offered_at: float | None = None  # the last reminder offer after a routine (reminders.py)
    warned: dict[str, Any] | None = None  # when red-flag advice was last given, if for someone else, if to call now (safety.py)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "UserRecord":
        data = dict(data or {})
        offered = data.get("reminder_offered_at")
        return cls(
            intro_heard=bool(data.get("intro_heard", False)),
            place=data.get("place") or None,
            popped_at=float(data["popped_at"]) if data.get("popped_at") is not None else None,
            prefs=dict(data.get("prefs") or {}),
            progress=dict(data.get("progress") or {}),
            reminder_offered_at=float(offered) if offered is not None else None,
            warned=dict(data["warned"]) if isinstance(data.get("warned"), dict) else None,
        )

    def saved_place(self, now: float | None = None) -> Routine | None:
        """The routine place kept from an earlier session, if it is less than a day old."""
        if not self.place:
            return None
        now = time.time() if now is None else now
        if now - float(self.place.get("saved_at", 0)) > PLACE_MAX_AGE_SECONDS:
            return None
        return Routine.from_dict(self.place)

    def keep_place(self, routine: Routine | None, now: float | None = None) -> None:
        self.place = None if routine is None else {**routine.to_dict(), "saved_at": now or time.time()}


def turn(handler_input: HandlerInput) -> Turn:
    """This request's session state (read once, saved by `SaveState`)."""
    attrs = handler_input.attributes_manager.request_attributes
    if "turn" not in attrs:
        state = Turn.from_dict(_session_attributes(handler_input).get("turn"))
        state.begin_request()
        attrs["turn"] = state
    return attrs["turn"]


@dataclass
class _Kept:
    """What the store holds of the record, as far as this session knows.

    `version` is None while the record is unknown (it could not be read); `base` is the record
    as last read or written; `unsaved` are fields changed in this session that the store does
    not have yet (they are written at the next chance, laid over what the store then holds).
    """

    version: int | None
    base: dict[str, Any]
    unsaved: set[str] = field(default_factory=set)


class UseStore(AbstractRequestInterceptor):
    """Before any handler: make the store reachable from the handler input."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def process(self, handler_input: HandlerInput) -> None:
        handler_input.attributes_manager.request_attributes["store"] = self.store


def user_record(handler_input: HandlerInput) -> UserRecord:
    """The person's persistent record.

    Read from the store once a session (at its first request), then from the session's copy,
    so a store that fails or is slow mid-session costs nothing the person said this session.
    A read that failed leaves the record unknown: it is read again at the next request, and
    nothing is written over it meanwhile but the fields this session changed.
    With no store configured, the session copy is all there is.
    """
    attrs = handler_input.attributes_manager.request_attributes
    if "user" not in attrs:
        kept = _session_attributes(handler_input)
        # The session's copy is the speaker's who started it; another recognised speaker reads their own.
        copy = kept.get("user") if kept.get("user_key") == user_key(handler_input.request_envelope) else None
        record = UserRecord.from_dict(copy)
        unsaved = set(copy.get("_unsaved") or ()) & _FIELDS if isinstance(copy, dict) else set()
        version = copy.get("_v") if isinstance(copy, dict) else None
        store = attrs.get("store")
        if store is not None and not isinstance(version, int):
            snapshot = store.read(handler_input.request_envelope)
            if snapshot is not None:
                stored = UserRecord.from_dict(snapshot.attributes)
                base = _fields(stored)  # (copies: what the store holds, before this session's unsaved fields)
                for name in unsaved:  # what this session said while the store was away stays
                    setattr(stored, name, getattr(record, name))
                record, version = stored, snapshot.version
                attrs["kept"] = _Kept(version, base, unsaved)
        attrs.setdefault("kept", _Kept(version if isinstance(version, int) else None, _fields(record), unsaved))
        attrs["user"] = record
    return attrs["user"]


def save_user_record(handler_input: HandlerInput, record: UserRecord) -> None:
    """Make `record` the person's record; what changed is written when the response goes out."""
    handler_input.attributes_manager.request_attributes["user"] = record


def keep_record(handler_input: HandlerInput) -> bool:
    """Write what changed in the person's record now; True when the store holds all of it.

    Never True without a store (nothing outlives the session then). Handlers that promise to
    keep something ("I'll keep your place") call this first and say so only when it is True.
    """
    attrs = handler_input.attributes_manager.request_attributes
    record, store = user_record(handler_input), attrs.get("store")
    kept: _Kept = attrs["kept"]
    if store is None:
        return False
    current = _fields(record)
    changed = {name for name in _FIELDS if current[name] != kept.base.get(name)} | kept.unsaved
    if not changed:
        return True
    written = store.update(handler_input.request_envelope, {name: current[name] for name in changed},
                           kept.version, base=kept.base if kept.version is not None else None)
    if written is None:
        kept.unsaved = changed
        return False
    if kept.version is not None and written.version == kept.version + 1:
        # written over the version this session knew (no one else wrote between): the store now
        # holds exactly `current`, so the record stays as it is
        attrs["kept"] = _Kept(written.version, current)
        return True
    stored = UserRecord.from_dict(written.attributes)
    attrs["user"] = stored
    attrs["kept"] = _Kept(written.version, _fields(stored))
    return True


def forget_user(handler_input: HandlerInput) -> bool:
    """Delete the person's record ("forget me", or the skill was disabled); False when the store
    could not (the failure is logged)."""
    attrs = handler_input.attributes_manager.request_attributes
    store = attrs.get("store")
    deleted = store.delete(handler_input.request_envelope) if store is not None else True
    if deleted:
        attrs["user"] = UserRecord()
        attrs["kept"] = _Kept(0 if store is not None else None, _fields(UserRecord()))
        attrs["user_forgotten"] = True
        _session_attributes(handler_input).pop("user", None)
    return deleted


_FIELDS = frozenset(f.name for f in fields(UserRecord))
_TURN_KEPT = frozenset(f.name for f in fields(Turn)) - {"routine", "asked", "asked_triage", "asked_what_if"}  # read back
_TURN_DEFAULTS = tuple((f.name, f.default) for f in fields(Turn)  # asked, asked_triage, asked_what_if: not saved
                       if f.name not in ("asked", "asked_triage", "asked_what_if", "offer", "routine"))
_RECORD_DEFAULTS = {f.name: f.default if f.default_factory is MISSING else f.default_factory() for f in fields(UserRecord)}


def _fields(record: UserRecord) -> dict[str, Any]:
    """The record as plain data (copies of its dicts), as asdict() would give it, faster."""
    place = record.place
    return {"intro_heard": record.intro_heard, "place": None if place is None else dict(place),
            "popped_at": record.popped_at, "prefs": dict(record.prefs), "progress": dict(record.progress),
            "reminder_offered_at": record.reminder_offered_at,
            "warned": None if record.warned is None else dict(record.warned)}


def _session_attributes(handler_input: HandlerInput) -> dict[str, Any]:
    """The session's attributes; an empty dict for requests outside a session (skill events)."""
    if handler_input.request_envelope.session is None:
        return {}
    return handler_input.attributes_manager.session_attributes


def stop_everything(handler_input: HandlerInput, *, keep_place: bool = False) -> None:
    """A red flag: end the routine and the triage, and drop the kept place (with `keep_place`,
    someone else's sign told mid-routine, the speaker's place is kept to resume later)."""
    state = turn(handler_input)
    state.routine = None
    state.triage_step = None
    state.pending = None
    state.offer = {}
    record = user_record(handler_input)
    if record.place and not keep_place:
        record.place = None
        save_user_record(handler_input, record)


def place_as_found(handler_input: HandlerInput) -> None:
    """Put back the kept place the request found (a routine a handler began, then held back by
    red-flag advice, keeps no place to be offered later)."""
    record, kept = user_record(handler_input), handler_input.attributes_manager.request_attributes["kept"]
    found = kept.base.get("place")
    if record.place != found:
        record.place = None if found is None else dict(found)
        save_user_record(handler_input, record)


class SaveState(AbstractResponseInterceptor):
    """After every handler: session state into the session; what changed in the record into the
    store, and the record (with its version, and any fields not yet saved) into the session."""

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        attrs = handler_input.attributes_manager.request_attributes
        manager = handler_input.attributes_manager
        if _asks_only(handler_input):
            return
        if handler_input.request_envelope.session is None:
            if "user" in attrs and not attrs.get("user_forgotten"):
                keep_record(handler_input)
            return
        state = turn(handler_input)
        if response is not None and response.output_speech is not None:
            state.last_ssml = response.output_speech.ssml
            reprompt = response.reprompt.output_speech if response.reprompt else None
            state.last_reprompt = reprompt.ssml if reprompt is not None else None
        manager.session_attributes["turn"] = state.to_dict()
        if attrs.get("user_forgotten") or "user" not in attrs:
            return
        keep_record(handler_input)
        kept: _Kept = attrs["kept"]
        kept_copy = {name: value for name, value in _fields(attrs["user"]).items() if value != _RECORD_DEFAULTS[name]}
        kept_copy["_v"] = kept.version
        if kept.unsaved:
            kept_copy["_unsaved"] = sorted(kept.unsaved)
        manager.session_attributes["user"] = kept_copy
        manager.session_attributes["user_key"] = user_key(handler_input.request_envelope)


def _asks_only(handler_input: HandlerInput) -> bool:
    """A CanFulfillIntentRequest only asks: nothing is kept from it (canfulfill.py)."""
    return getattr(handler_input.request_envelope.request, "object_type", None) == "CanFulfillIntentRequest"
