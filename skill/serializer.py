"""ask-sdk's DefaultSerializer, with what it works out on every call worked out once.

The SDK's serializer turns request envelopes into model objects and responses back into JSON by
reading each model class's `deserialized_types` and `attribute_map`. On every call it imports
each class again by its dotted name (some twenty `__import__` calls for a launch request),
matches `list[...]` type names with a regular expression, rebuilds each class's attribute map,
and reads the request's timestamp with dateutil's general date parser: together about half of
a request's time in this service. `Serializer` keeps the same rules, step for step, and keeps
the per-class and per-type-name work: the classes a type name resolves to, the attribute maps,
which branch a Python type takes when serialized. Alexa's timestamps ("2026-12-01T23:58:58Z")
are read without dateutil's parser, as the same datetime it gives on this machine (its tzlocal()
where the local zone is UTC, its UTC elsewhere); anything else goes to dateutil as before.

The SDK's serializer stays the oracle: tests/test_serializer.py sends every intent of every
locale's model and the other request types through a skill that checks each envelope it reads
and each response it writes against the SDK's, reads every request type the SDK knows, broken
and generated envelopes, and timestamps in several time zones, and requires the same model
objects, the same JSON and the same failures.
"""
from __future__ import annotations

import re
import time
from datetime import date, datetime
from enum import Enum
from typing import Any

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer

_SDK = DefaultSerializer()
_SDK_DATETIME = _SDK._DefaultSerializer__deserialize_datetime  # type: ignore[attr-defined]
_SDK_LOAD = _SDK._DefaultSerializer__load_class_from_name  # type: ignore[attr-defined]
_ALEXA_TIMESTAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z")
_LIST = re.compile(r"list\[(.*)\]")
_DICT = re.compile(r"dict\(([^,]*), (.*)\)")

# how serialize() treats an instance of a type, worked out once per type
_PRIMITIVE, _LIST_KIND, _TUPLE, _ENUM, _DECIMAL, _DICT_KIND, _MODEL = range(7)
_OBJECT, _DATE = 7, 8  # (from_data's branches besides _PRIMITIVE and _MODEL)
_PLAIN = frozenset({str, int, float, bool, type(None)})  # values serialize() returns as they are


class Serializer(DefaultSerializer):
    """DefaultSerializer's results and failures, faster (see the module's docstring)."""

    def __init__(self) -> None:
        self._types: dict[str, tuple] = {}   # type name -> how to read it
        self._models: dict[type, tuple] = {}  # model class -> (attribute map, its JSON names, types)
        self._kinds: dict[type, int] = {}     # Python type -> serialize() branch
        self._fields: dict[type, tuple] = {}  # model class -> ((attribute, JSON name), ...)
        self._reads: dict[type, tuple] = {}   # class -> from_data() branch (and _model's class checks)

    # -- reading -------------------------------------------------------------------------------

    def _DefaultSerializer__deserialize(self, payload: Any, obj_type: Any) -> Any:  # noqa: N802
        """The SDK's own entry for parsed JSON (its deserialize() calls it after json.loads)."""
        return self.from_data(payload, obj_type)

    def from_data(self, payload: Any, obj_type: Any) -> Any:
        """Parsed JSON into `obj_type` (a class or the SDK's type name), as the SDK would."""
        if payload is None:
            return None
        if isinstance(obj_type, str):
            plan = self._types.get(obj_type)
            if plan is None:
                plan = self._plan(obj_type)
            kind = plan[0]
            if kind == "list":
                subs = plan[1]
                if subs is None:
                    return []
                if len(subs) > 1:
                    return [self.from_data(sub, t) for sub, t in zip(payload, subs)]
                one = subs[0]
                return [self.from_data(sub, one) for sub in payload]
            if kind == "dict":
                if plan[1] is None:
                    return {}
                sub_type = plan[1]
                return {k: self.from_data(v, sub_type) for k, v in payload.items()}
            obj_type = plan[1]
        if type(obj_type) is not type and not isinstance(obj_type, type):
            return self._read_other(payload, obj_type)
        read = self._reads.get(obj_type)
        if read is None:
            read = self._read_plan(obj_type)
        kind = read[0]
        if kind == _MODEL:
            return self._model(payload, obj_type, read)
        if kind == _PRIMITIVE:
            return self._DefaultSerializer__deserialize_primitive(payload, obj_type)  # type: ignore[attr-defined]
        if kind == _OBJECT:
            return payload
        return _datetime(payload, obj_type)

    def _read_other(self, payload: Any, obj_type: Any) -> Any:
        """from_data's branches, tried in turn, for an obj_type that is not a class."""
        if obj_type in self.PRIMITIVE_TYPES:
            return self._DefaultSerializer__deserialize_primitive(payload, obj_type)  # type: ignore[attr-defined]
        if obj_type == object:
            return payload
        if obj_type == date or obj_type == datetime:
            return _datetime(payload, obj_type)
        return self._model(payload, obj_type)

    def _read_plan(self, cls: type) -> tuple:
        """Which of from_data's branches a class takes, and for a model what _model asks of the
        class on every call (an Enum? a model at all? read through a discriminator?), worked out
        once: those are the class's own, never the payload's."""
        if cls in self.PRIMITIVE_TYPES:
            read: tuple = (_PRIMITIVE,)
        elif cls == object:
            read = (_OBJECT,)
        elif cls == date or cls == datetime:
            read = (_DATE,)
        else:
            try:
                read = (_MODEL, issubclass(cls, Enum), hasattr(cls, "deserialized_types"),
                        hasattr(cls, "get_real_child_model"))
            except Exception:  # noqa: BLE001 - _model reports it, as before, on every call
                read = (_MODEL, None, None, None)
        self._reads[cls] = read
        return read

    def _plan(self, obj_type: str) -> tuple:
        if obj_type.startswith("list["):
            match = _LIST.match(obj_type)
            subs = None if match is None else tuple(s.strip() for s in match.group(1).split(","))
            plan: tuple = ("list", subs)
        elif obj_type.startswith("dict("):
            match = _DICT.match(obj_type)
            plan = ("dict", None if match is None else match.group(2))
        elif obj_type in self.NATIVE_TYPES_MAPPING:
            plan = ("type", self.NATIVE_TYPES_MAPPING[obj_type])
        else:
            plan = ("type", _SDK_LOAD(obj_type))  # raises SerializationException, and is not kept
        self._types[obj_type] = plan
        return plan

    def _model(self, payload: Any, obj_type: Any, read: tuple = (_MODEL, None, None, None)) -> Any:
        try:
            _, enum, modelled, child = read
            if enum if enum is not None else issubclass(obj_type, Enum):
                return obj_type(payload)
            if not (modelled if modelled is not None else hasattr(obj_type, "deserialized_types")):
                return payload
            if child if child is not None else hasattr(obj_type, "get_real_child_model"):
                name = obj_type.get_real_child_model(payload)
                if not name:
                    raise SerializationException(f"Couldn't resolve object by discriminator type for {obj_type} class")
                obj_type = (self._types.get(name) or self._plan(name))[1]
            shape = self._models.get(obj_type)
            if shape is None:
                shape = self._shape(obj_type)
            attribute_map, names, types = shape
            model = obj_type()
            for attribute, name in attribute_map:
                if name in payload:
                    setattr(model, attribute, self.from_data(payload[name], types[attribute]))
            for param in payload:
                if param not in names:
                    setattr(model, param, payload[param])
            return model
        except Exception as exc:  # as the SDK reports any failure inside a model
            raise SerializationException(str(exc)) from None

    def _shape(self, obj_type: Any) -> tuple:
        attribute_map = dict(getattr(obj_type, "attribute_map", {}))
        attribute_map.update({k: k for k in obj_type.deserialized_types if k not in attribute_map})
        shape = (tuple(attribute_map.items()), frozenset(attribute_map.values()), dict(obj_type.deserialized_types))
        self._models[obj_type] = shape
        return shape

    # -- writing -------------------------------------------------------------------------------

    def serialize(self, obj: Any) -> Any:
        if obj is None:
            return None
        kind = self._kinds.get(type(obj))
        if kind is None:
            kind = self._kind(type(obj))
        if kind == _PRIMITIVE:
            return obj
        if kind == _MODEL:
            fields = self._fields.get(type(obj))
            if fields is None:
                fields = self._model_fields(type(obj))
            out = {}
            for attribute, name in fields:
                value = getattr(obj, attribute)
                if value is not None:
                    out[name] = self.serialize(value)
            return out
        if kind == _DICT_KIND:  # (plain values as they are, as serialize() would return them, without the call)
            return {key: val if type(val) in _PLAIN else self.serialize(val) for key, val in obj.items()}
        if kind == _LIST_KIND:
            return [sub if type(sub) in _PLAIN else self.serialize(sub) for sub in obj]
        if kind == _ENUM:
            return obj.value
        return super().serialize(obj)  # tuples, dates, decimals: rare, the SDK's own way

    def _kind(self, cls: type) -> int:
        if issubclass(cls, self.PRIMITIVE_TYPES):
            kind = _PRIMITIVE
        elif issubclass(cls, list):
            kind = _LIST_KIND
        elif issubclass(cls, (tuple, datetime, date)):
            kind = _TUPLE
        elif issubclass(cls, Enum):
            kind = _ENUM
        elif cls.__module__ == "decimal" and cls.__name__ == "Decimal":
            kind = _DECIMAL
        elif issubclass(cls, dict):
            kind = _DICT_KIND
        else:
            kind = _MODEL
        self._kinds[cls] = kind
        return kind

    def _model_fields(self, cls: Any) -> tuple:
        attribute_map = dict(getattr(cls, "attribute_map", {}))
        fields = tuple((attr, attribute_map.get(attr, attr)) for attr in cls.deserialized_types)
        self._fields[cls] = fields
        return fields


def _datetime(payload: Any, obj_type: Any) -> Any:
    """An Alexa timestamp without dateutil's general parser; anything else through the SDK's own."""
    if type(payload) is str:
        match = _ALEXA_TIMESTAMP.fullmatch(payload)
        zone = _zone_of_z() if match is not None else None
        if zone is not None:
            try:
                parsed = datetime(*map(int, match.groups()), tzinfo=zone)  # type: ignore[union-attr]
            except ValueError:
                pass  # "2026-13-01...": dateutil words the failure
            else:
                return parsed.date() if obj_type is date else parsed
    return _SDK_DATETIME(payload, obj_type)


def _zone_of_z() -> Any:
    """The tzinfo dateutil gives a "Z" time on this machine: its tzlocal() where the local zone
    is UTC itself (Lambda, most containers), its UTC elsewhere; None for a zone merely named
    "UTC" (a POSIX TZ such as "UTC+3"), left to dateutil."""
    from dateutil import tz

    if "UTC" not in time.tzname:
        return tz.UTC
    if time.tzname == ("UTC", "UTC") and time.timezone == 0 and time.altzone == 0:
        return tz.tzlocal()
    return None
