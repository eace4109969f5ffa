"""DynamoDB backend: one item per person (`id`, `attributes`, `version`), written with a condition.

boto3's low-level client, built on first use (never at start-up, so an unreachable endpoint
breaks nothing), with botocore's own deadlines: connect and read timeouts and two attempts in
all. Every put is conditional on the version it was based on (`attribute_not_exists(version)`
for a new record), so a write that botocore retried, or that landed late, cannot roll a record
back. A table that disappears is created again on the next call, when creating is allowed.
Numbers come back as plain int/float, never Decimal.
"""
from __future__ import annotations

import decimal
import json
import logging
import math
import threading
from typing import Any

from .store import Conflict, Snapshot

log = logging.getLogger("skill.store")


def _from_dynamo(value: Any) -> Any:
    """Decimal -> int (if integral) or float, recursively; sets -> lists."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _from_dynamo(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_from_dynamo(v) for v in value]
    return value


def _to_dynamo(value: Any) -> Any:
    """float -> Decimal (DynamoDB has no floats), tuples -> lists, recursively."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("DynamoDB cannot store NaN or infinity")
        return decimal.Decimal(repr(value))
    if isinstance(value, dict):
        return {k: _to_dynamo(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_to_dynamo(v) for v in value]
    return value


class DynamoStore:
    """Records as DynamoDB items keyed by the hashed user key (partition key `id`, a String)."""

    def __init__(self, table_name: str, *, region: str, endpoint_url: str | None = None,
                 create_table: bool = True, connect_timeout: float = 1.0, read_timeout: float = 1.0) -> None:
        self.table_name, self.region, self.endpoint_url = table_name, region, endpoint_url
        self.create_table, self.connect_timeout, self.read_timeout = create_table, connect_timeout, read_timeout
        self._client: Any = None
        self._lock = threading.Lock()

    @property
    def client(self) -> Any:
        """The botocore DynamoDB client, made on first use (boto3 clients are thread-safe)."""
        with self._lock:
            if self._client is None:
                import boto3
                from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
                from botocore.config import Config

                config = Config(connect_timeout=self.connect_timeout, read_timeout=self.read_timeout,
                                retries={"total_max_attempts": 2, "mode": "standard"})
                self._serializer, self._deserializer = TypeSerializer(), TypeDeserializer()
                self._client = boto3.session.Session().client(
                    "dynamodb", region_name=self.region, endpoint_url=self.endpoint_url, config=config)
            return self._client

    # -- the backend calls -------------------------------------------------------------------

    def fetch(self, key: str) -> Snapshot:
        self.client  # noqa: B018 - made on first use, with the (de)serializers
        item = self._call("get_item", TableName=self.table_name, Key={"id": {"S": key}},
                          ConsistentRead=True).get("Item")
        if not item:
            return Snapshot({}, 0)
        attributes = _from_dynamo(self._deserializer.deserialize(item["attributes"])) if "attributes" in item else {}
        version = int(item["version"]["N"]) if "version" in item else 0
        return Snapshot(attributes, version)

    def put(self, key: str, attributes: dict[str, Any], expected: int) -> None:
        self.client  # noqa: B018 - made on first use, with the (de)serializers
        item = {"id": {"S": key}, "attributes": self._serializer.serialize(_to_dynamo(attributes)),
                "version": {"N": str(expected + 1)}}
        condition: dict[str, Any] = {"ConditionExpression": "attribute_not_exists(#v)",
                                     "ExpressionAttributeNames": {"#v": "version"}}
        if expected:
            condition = {"ConditionExpression": "#v = :v", "ExpressionAttributeNames": {"#v": "version"},
                         "ExpressionAttributeValues": {":v": {"N": str(expected)}}}
        try:
            self._call("put_item", TableName=self.table_name, Item=item, **condition)
        except self.client.exceptions.ConditionalCheckFailedException:
            raise Conflict(f"version {expected} is no longer the stored one") from None

    def remove(self, key: str) -> None:
        self._call("delete_item", TableName=self.table_name, Key={"id": {"S": key}})

    def warm(self) -> None:
        """Import boto3 and make the client now (a cold start), without a network call."""
        self.client  # noqa: B018

    # -- the table -----------------------------------------------------------------------------

    def _call(self, operation: str, **params: Any) -> Any:
        client = self.client
        try:
            return getattr(client, operation)(**params)
        except client.exceptions.ResourceNotFoundException:
            if not self.create_table:
                raise
            self._create()
            return getattr(client, operation)(**params)  # at once on DynamoDB Local and moto; later on AWS

    def _create(self) -> None:
        """Create the table (on demand billing); a table another process is creating is fine."""
        client = self.client
        try:
            client.create_table(TableName=self.table_name, BillingMode="PAY_PER_REQUEST",
                                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
        except client.exceptions.ResourceInUseException:
            return
        log.warning(json.dumps({"event": "store_table_created", "store": "DynamoStore", "table": self.table_name}))
