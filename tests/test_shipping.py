"""Shipping: the skill manifest, the ASK CLI layout, the Lambda handler and the container.

The manifest is checked for everything that can be checked offline: Amazon's field limits,
example phrases that really are samples in the models, the medical disclaimer, the locales of
the model files, and (with ask-smapi-model installed) Amazon's own manifest model. The Docker
image is built and run only where a Docker engine answers; the Dockerfile is read everywhere.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from conftest import SKILL_ID, envelope, intent_request
from skill import content
from skill.speech import spoken_text

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "interaction_models"
MANIFEST = MODELS / "skill.json"
PACKAGE = ROOT / "skill-package"
DISCLAIMER = "not a substitute for professional medical advice"
LOCALE_FILE = re.compile(r"[a-z]{2}-[A-Z]{2}\.json")
SSL_TYPES = {"SelfSigned", "Wildcard", "Trusted"}  # ask_smapi_model ...manifest.ssl_certificate_type
VIEWPORT_MODES = {"HUB", "TV", "MOBILE", "PC", "AUTO"}
VIEWPORT_SHAPES = {"RECTANGLE", "ROUND"}
# Amazon's limits for the store fields (name, summary, description, three example phrases);
# the keyword cap is our own, Amazon documents none we could confirm.
MAX_NAME, MAX_SUMMARY, MAX_DESCRIPTION, EXAMPLE_PHRASES, MAX_KEYWORDS = 50, 160, 4000, 3, 30
DOCKER_SKIP = "needs a running Docker engine (docker info failed): the Dockerfile build is not tested here"


def manifest() -> dict[str, Any]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["manifest"]


def model_locales() -> list[str]:
    return sorted(p.stem for p in MODELS.iterdir() if LOCALE_FILE.fullmatch(p.name))


def language_model(locale: str) -> dict[str, Any]:
    return json.loads((MODELS / f"{locale}.json").read_text(encoding="utf-8"))["interactionModel"]["languageModel"]


def custom_samples(locale: str) -> set[str]:
    """Every sample utterance of the locale's own (not AMAZON.*) intents, normalised."""
    return {_norm(sample) for intent in language_model(locale)["intents"] if not intent["name"].startswith("AMAZON.")
            for sample in intent.get("samples", [])}


def _norm(text: str) -> str:
    return " ".join(text.lower().strip().rstrip(".?!").split())


# --------------------------------------------------------------------------- the manifest

def test_manifest_is_json_with_the_top_level_sections():
    data = manifest()
    assert data["manifestVersion"] == "1.0"
    assert {"publishingInformation", "privacyAndCompliance", "apis", "events"} <= data.keys()
    assert data["publishingInformation"]["category"] == "HEALTH_AND_FITNESS"


def test_model_files_are_the_five_locales():
    assert model_locales() == sorted(["en-US", "en-GB", "en-CA", "en-AU", "en-IN"])


def test_manifest_locales_match_the_model_files():
    data = manifest()
    locales = model_locales()
    assert sorted(data["publishingInformation"]["locales"]) == locales
    assert sorted(data["privacyAndCompliance"]["locales"]) == locales


def test_distribution_countries_match_the_locales():
    info = manifest()["publishingInformation"]
    assert info["isAvailableWorldwide"] is False
    assert sorted(info["distributionCountries"]) == sorted(loc.split("-")[1] for loc in model_locales())


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"])
def test_store_text_is_within_amazons_limits(locale):
    info = manifest()["publishingInformation"]["locales"][locale]
    assert info["name"] == "Back Pop Coach" and len(info["name"]) <= MAX_NAME
    assert 0 < len(info["summary"]) <= MAX_SUMMARY
    assert 0 < len(info["description"]) <= MAX_DESCRIPTION
    assert len(info["examplePhrases"]) == EXAMPLE_PHRASES
    keywords = info["keywords"]
    assert 0 < len(keywords) <= MAX_KEYWORDS and len(set(keywords)) == len(keywords)
    assert all(k.strip() == k and k for k in keywords)


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"])
def test_description_says_it_is_not_medical_advice(locale):
    info = manifest()["publishingInformation"]["locales"][locale]
    assert DISCLAIMER in " ".join(info["description"].lower().split())
    assert DISCLAIMER in info["summary"].lower()


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"])
def test_example_phrases_are_samples_in_the_model(locale):
    """'Alexa, open <invocation>' first, then 'Alexa, ask <invocation> <a sample of a custom intent>'."""
    invocation = language_model(locale)["invocationName"]
    assert invocation == "back pop coach"
    phrases = [_norm(p) for p in manifest()["publishingInformation"]["locales"][locale]["examplePhrases"]]
    assert phrases[0] == f"alexa, open {invocation}"
    samples = custom_samples(locale)
    prefix = f"alexa, ask {invocation} "
    for phrase in phrases[1:]:
        assert phrase.startswith(prefix), phrase
        assert phrase[len(prefix):] in samples, f"{phrase!r}: not a sample utterance in {locale}.json"
    assert len(set(phrases)) == len(phrases)


def test_https_endpoint_with_a_certificate_type_for_requests_and_events():
    data = manifest()
    endpoint = data["apis"]["custom"]["endpoint"]
    assert endpoint["uri"].startswith("https://")
    assert endpoint["sslCertificateType"] in SSL_TYPES
    assert data["events"]["endpoint"] == endpoint


def test_subscribes_to_skill_disabled_and_asks_only_for_reminders():
    data = manifest()
    assert {"eventName": "SKILL_DISABLED"} in data["events"]["subscriptions"]
    assert data["permissions"] == [{"name": "alexa::alerts:reminders:skill:readwrite"}]


def test_can_fulfill_intent_request_is_declared_for_name_free_questions():
    interfaces = manifest()["apis"]["custom"]["interfaces"]
    assert {"type": "CAN_FULFILL_INTENT_REQUEST"} in interfaces


def test_apl_interface_is_declared_with_sane_viewports():
    interfaces = manifest()["apis"]["custom"]["interfaces"]
    apl = [i for i in interfaces if i["type"] == "ALEXA_PRESENTATION_APL"]
    assert len(apl) == 1
    viewports = apl[0]["supportedViewports"]
    assert viewports
    for vp in viewports:
        assert vp["mode"] in VIEWPORT_MODES and vp["shape"] in VIEWPORT_SHAPES
        assert 0 < vp["minWidth"] <= vp["maxWidth"] and 0 < vp["minHeight"] <= vp["maxHeight"]


def test_privacy_answers_and_placeholder_urls():
    privacy = manifest()["privacyAndCompliance"]
    assert privacy["usesPersonalInfo"] is False and privacy["isChildDirected"] is False
    assert privacy["containsAds"] is False and privacy["allowsPurchases"] is False
    assert privacy["isExportCompliant"] is True
    assert privacy.get("usesHealthInfo", False) is False  # symptom answers stay in the session
    for urls in privacy["locales"].values():
        for url in (urls["privacyPolicyUrl"], urls["termsOfUseUrl"]):
            assert url.startswith("https://example.com/REPLACE-ME/"), f"{url}: not a clearly marked placeholder"


def test_manifest_round_trips_through_amazons_manifest_model():
    """ask-smapi-model is Amazon's SMAPI model: enums must be known values and every key one it knows."""
    import ask_smapi_model  # noqa: F401  (a test dependency: pyproject's test extra)
    from ask_sdk_core.serialize import DefaultSerializer

    from ask_smapi_model.v1.skill.manifest.interface import Interface
    from ask_smapi_model.v1.skill.manifest.interface_type import InterfaceType

    serializer = DefaultSerializer()
    raw = json.loads(MANIFEST.read_text(encoding="utf-8"))
    # The Python model's Interface class maps only interfaces with settings; CAN_FULFILL_INTENT_REQUEST
    # has none (it is in the InterfaceType enum): check it there and round-trip the rest.
    interfaces = raw["manifest"]["apis"]["custom"]["interfaces"]
    bare = [i for i in interfaces if i["type"] not in Interface.discriminator_value_class_map]
    assert bare == [{"type": "CAN_FULFILL_INTENT_REQUEST"}] and InterfaceType("CAN_FULFILL_INTENT_REQUEST")
    raw["manifest"]["apis"]["custom"]["interfaces"] = [i for i in interfaces if i not in bare]
    parsed = serializer.deserialize(
        json.dumps(raw), "ask_smapi_model.v1.skill.manifest.skill_manifest_envelope.SkillManifestEnvelope")
    assert serializer.serialize(parsed) == raw


def test_subscribed_skill_disabled_event_deletes_the_record():
    """The manifest subscribes to SKILL_DISABLED because the skill deletes the person's record on it."""
    from skill import answer, build_skill
    from skill.store import open_store

    store = open_store("memory://", data_dir=ROOT)
    skill = build_skill(store=store)
    launch = envelope({"type": "LaunchRequest"}, new=True, session_id="amzn1.echo-api.session.1", attributes=None)
    answer(skill, launch)
    parsed = skill.serializer.deserialize(json.dumps(launch), "ask_sdk_model.RequestEnvelope")
    assert store.get_attributes(parsed) != {}
    event = envelope({"type": "AlexaSkillEvent.SkillDisabled", "body": {"userInformation": {}},
                      "eventCreationTime": "2024-01-01T00:00:00Z", "eventPublishingTime": "2024-01-01T00:00:00Z"},
                     new=False, session_id="amzn1.echo-api.session.2", attributes=None)
    event.pop("session")
    answer(skill, event)
    assert store.get_attributes(parsed) == {}


# --------------------------------------------------------------------------- ASK CLI layout

def test_ask_resources_uses_no_infrastructure_deployer():
    config = json.loads((ROOT / "ask-resources.json").read_text(encoding="utf-8"))
    assert config["askcliResourcesVersion"] == "2020-03-31"
    profile = config["profiles"]["default"]
    assert profile["skillMetadata"]["src"] == "./build/skill-package"
    assert "skillInfrastructure" not in profile and "code" not in profile  # self-hosted: metadata only


def test_skill_package_is_relative_symlinks_to_the_real_files():
    links = {PACKAGE / "skill.json": MANIFEST}
    links.update({PACKAGE / "interactionModels" / "custom" / f"{loc}.json": MODELS / f"{loc}.json"
                  for loc in model_locales()})
    for link, target in links.items():
        assert link.is_symlink(), f"{link} should be a symlink"
        assert not os.path.isabs(os.readlink(link)), f"{link} should be a relative symlink"
        assert link.resolve() == target.resolve() and target.is_file()
    listed = {p for p in PACKAGE.rglob("*") if not p.is_dir()}
    assert listed == set(links), "skill-package/ has files that are not the manifest or a model"


def test_dereferenced_copy_is_a_valid_skill_package(tmp_path):
    """The README's `cp -RL skill-package build/skill-package`: real files, the same bytes."""
    cp = shutil.which("cp")
    if cp is None:
        pytest.skip("no cp on this machine")
    target = tmp_path / "build" / "skill-package"
    target.parent.mkdir()
    subprocess.run([cp, "-RL", str(PACKAGE), str(target)], check=True)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == sorted(["skill.json"] + [f"interactionModels/custom/{loc}.json" for loc in model_locales()])
    for rel in files:
        copied = target / rel
        assert not copied.is_symlink()
        assert copied.read_bytes() == (PACKAGE / rel).resolve().read_bytes()
        json.loads(copied.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- AWS Lambda

@pytest.fixture
def lambda_env(monkeypatch):
    """A fresh container: the module cache is empty and the environment is the test's."""
    from skill import lambda_function

    for name in ("BACKPOP_STORE", "BACKPOP_SKILL_ID", "BACKPOP_DYNAMODB_TABLE", "BACKPOP_DYNAMODB_ENDPOINT",
                 "BACKPOP_DYNAMODB_REGION", "BACKPOP_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(lambda_function, "_runtime", None)
    return lambda_function


def launch_event(user_id: str = "amzn1.ask.account.LAMBDA", app_id: str | None = None) -> dict[str, Any]:
    event = envelope({"type": "LaunchRequest"}, new=True, session_id=f"amzn1.echo-api.session.{uuid.uuid4()}",
                     attributes=None, user_id=user_id)
    if app_id is not None:
        event["context"]["System"]["application"]["applicationId"] = app_id
        event["session"]["application"]["applicationId"] = app_id
    return event


def assert_well_formed_launch(result: dict[str, Any]) -> str:
    assert result["version"] == "1.0"
    json.dumps(result)  # what Lambda will serialise
    response = result["response"]
    assert response["outputSpeech"]["type"] == "SSML"
    ssml = response["outputSpeech"]["ssml"]
    ET.fromstring(ssml)
    speech = spoken_text(ssml)
    assert speech.startswith(content.for_locale("en-US").text("safety.warning"))
    assert spoken_text(response["reprompt"]["outputSpeech"]["ssml"])
    assert response["shouldEndSession"] is False
    return speech


def test_lambda_handler_imports_without_flask():
    code = "import sys; from skill.lambda_function import handler; assert 'flask' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)


def test_lambda_handler_answers_a_launch_request(lambda_env, monkeypatch):
    monkeypatch.setenv("BACKPOP_STORE", "memory://")
    assert_well_formed_launch(lambda_env.handler(launch_event(), None))


def test_lambda_handler_takes_json_text_too(lambda_env, monkeypatch):
    monkeypatch.setenv("BACKPOP_STORE", "memory://")
    assert_well_formed_launch(lambda_env.handler(json.dumps(launch_event()), None))


def test_lambda_builds_the_skill_once_per_container(lambda_env, monkeypatch):
    monkeypatch.setenv("BACKPOP_STORE", "memory://")
    calls = []
    real = lambda_env.build_skill
    monkeypatch.setattr(lambda_env, "build_skill", lambda store=None: calls.append(store) or real(store=store))
    first = lambda_env.handler(launch_event(), None)
    event = envelope(intent_request("AMAZON.HelpIntent"), new=False, session_id="amzn1.echo-api.session.h",
                     attributes=first.get("sessionAttributes"), user_id="amzn1.ask.account.LAMBDA")
    assert lambda_env.handler(event, None)["response"]["outputSpeech"]["ssml"]
    assert len(calls) == 1


def test_lambda_checks_the_application_id(lambda_env, monkeypatch):
    monkeypatch.setenv("BACKPOP_STORE", "memory://")
    monkeypatch.setenv("BACKPOP_SKILL_ID", f"amzn1.ask.skill.other, {SKILL_ID}")
    assert_well_formed_launch(lambda_env.handler(launch_event(), None))
    with pytest.raises(lambda_env.WrongSkill):
        lambda_env.handler(launch_event(app_id="amzn1.ask.skill.someone-else"), None)


def test_lambda_answers_an_unknown_request_type_with_an_empty_response(lambda_env, monkeypatch):
    monkeypatch.setenv("BACKPOP_STORE", "memory://")
    event = launch_event()
    event["request"]["type"] = "Some.FutureRequest"
    assert lambda_env.handler(event, None) == {"version": "1.0", "response": {}}


def test_lambda_defaults_to_the_dynamodb_table(lambda_env, monkeypatch):
    from skill.store import DynamoStore

    runtime = lambda_env._build({"AWS_REGION": "eu-west-1"})
    inner = runtime.skill.persistence_adapter.backend
    assert isinstance(inner, DynamoStore)
    assert (inner.table_name, inner.region, inner.create_table) == ("back-pop-coach", "eu-west-1", False)
    runtime = lambda_env._build({"BACKPOP_DYNAMODB_TABLE": "my-table", "BACKPOP_DYNAMODB_REGION": "us-west-2"})
    assert (runtime.skill.persistence_adapter.backend.table_name, runtime.skill.persistence_adapter.backend.region) \
        == ("my-table", "us-west-2")




def test_lambda_remembers_people_in_dynamodb(lambda_env, monkeypatch, moto_endpoint):
    """The README's table (partition key id, String) on moto: the intro is heard once per person."""
    import boto3

    table_name = f"backpop-lambda-{uuid.uuid4().hex[:8]}"
    dynamodb = boto3.resource("dynamodb", region_name="us-east-1", endpoint_url=moto_endpoint)
    dynamodb.create_table(TableName=table_name, BillingMode="PAY_PER_REQUEST",
                          KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                          AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    monkeypatch.setenv("BACKPOP_DYNAMODB_TABLE", table_name)
    monkeypatch.setenv("BACKPOP_DYNAMODB_ENDPOINT", moto_endpoint)
    intro = content.for_locale("en-US").text("safety.intro")

    first = assert_well_formed_launch(lambda_env.handler(launch_event(), None))
    assert intro in first
    items = dynamodb.Table(table_name).scan()["Items"]
    assert len(items) == 1 and items[0]["id"].startswith("u1:")
    assert "amzn1.ask.account" not in repr(items)
    assert lambda_env._runtime.skill.persistence_adapter.state == "ok"

    second = assert_well_formed_launch(lambda_env.handler(launch_event(), None))
    assert intro not in second


# --------------------------------------------------------------------------- the container

def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines, current = [], ""
    for line in text.splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        lines.append(current + line)
        current = ""
    result = []
    for line in lines:
        keyword, _, args = line.strip().partition(" ")
        result.append((keyword.upper(), args.strip()))
    return result


def _exec_form(args: str) -> list[str]:
    return json.loads(args) if args.startswith("[") else shlex.split(args)


def test_dockerfile_is_slim_non_root_gunicorn_with_a_health_check():
    steps = dockerfile_instructions()
    kinds = [k for k, _ in steps]
    base = [a for k, a in steps if k == "FROM"]
    assert len(base) == 1 and re.fullmatch(r"python:3\.1[1-9]-slim(-\w+)?", base[0])
    users = [a for k, a in steps if k == "USER"]
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert kinds.index("USER") < kinds.index("CMD")
    cmd = _exec_form(dict(steps)["CMD"])
    assert cmd[0] == "gunicorn" and cmd[-1] == "skill.app:create_app()"
    assert "0.0.0.0:8000" in cmd and "8000" in dict(steps)["EXPOSE"].split()
    assert cmd[cmd.index("-c") + 1] == "python:skill.gunicorn_conf"  # gevent workers: slow clients cannot stall it
    from skill import gunicorn_conf

    assert gunicorn_conf.worker_class == "gevent" and gunicorn_conf.worker_connections >= 100
    health = dict(steps)["HEALTHCHECK"]
    assert "/health" in health and "CMD" in health
    install = " ".join(a for k, a in steps if k == "RUN")
    assert 'pip install ".[serve,dynamodb]"' in install


def test_dockerfile_is_configured_by_environment_only():
    steps = dockerfile_instructions()
    env = " ".join(a for k, a in steps if k == "ENV")
    assert "BACKPOP_DATA_DIR=/data" in env
    assert not re.search(r"BACKPOP_(VERIFY|SKILL_ID|STORE)=", env), "secrets and switches come from `docker run -e`"
    assert dict(steps)["VOLUME"] in ('["/data"]', "/data")
    assert "chown" in " ".join(a for k, a in steps if k == "RUN")


def test_dockerignore_keeps_the_context_small():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".git", ".venv", "data", "artifacts", ".pytest_cache", ".hypothesis", "tests"} <= ignored
    assert not ignored & {"skill", "pyproject.toml", "README.md", "interaction_models"}


def _docker_works() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _docker(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.docker
def test_docker_image_builds_and_answers_its_health_check():
    if not _docker_works():
        pytest.skip(DOCKER_SKIP)
    tag = f"back-pop-coach-test:{uuid.uuid4().hex[:8]}"
    name = f"backpop-test-{uuid.uuid4().hex[:8]}"
    built = _docker("build", "-t", tag, str(ROOT), timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    try:
        started = _docker("run", "-d", "--name", name, "-p", "127.0.0.1::8000",
                          "--health-interval", "2s", "--health-start-period", "2s", tag)
        assert started.returncode == 0, started.stderr
        port = _docker("port", name, "8000/tcp").stdout.split()[0].rsplit(":", 1)[1]
        base = f"http://127.0.0.1:{port}"
        status, deadline = "", time.monotonic() + 90
        while time.monotonic() < deadline and status not in ("healthy", "unhealthy"):
            time.sleep(1)
            status = _docker("inspect", "-f", "{{.State.Health.Status}}", name).stdout.strip()
        assert status == "healthy", _docker("logs", name).stderr[-3000:]
        with urllib.request.urlopen(f"{base}/health", timeout=5) as reply:
            assert json.load(reply)["status"] == "ok"
        assert _docker("exec", name, "id", "-u").stdout.strip() not in ("", "0")
        # Verification is on unless the environment turns it off: an unsigned request is refused.
        body = json.dumps(launch_event()).encode()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(f"{base}/", data=body, method="POST",
                                                          headers={"Content-Type": "application/json"}), timeout=5)
        assert refused.value.code == 400
    finally:
        _docker("rm", "-f", name)
        _docker("rmi", "-f", tag)
