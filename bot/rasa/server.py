"""`python -m bot.rasa.server <rasa args>`: Rasa's own command line, with what Rasa 3.6 lacks for production.

Rasa 3.6 runs a custom action over HTTP and, when the action server is down, slow or broken, logs the error and
carries on *silently*: the user gets no answer at all. Here a failed or timed-out custom action becomes a short
friendly message instead (the domain's `utter_service_down` / `utter_action_timeout`), every call is retried
afresh, so the assistant recovers by itself as soon as the action server is back. Everything else is Rasa.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from bot import config

log = logging.getLogger("bot.rasa.server")
ACTION_TIMEOUT_S = config.settings().bot_action_timeout
FAILURE_RESPONSES = ("utter_service_down", "utter_action_timeout")


def failure_texts() -> dict[str, str]:
    """The apologies for a failed or slow action, as domain.yml words them (the one place they are written)."""
    import yaml

    responses = yaml.safe_load((config.ROOT / "domain.yml").read_text())["responses"]
    return {name: responses[name][0]["text"] for name in FAILURE_RESPONSES}


def patch_remote_actions() -> None:
    """Wrap RemoteAction.run: a timeout and a friendly message on failure, instead of silence."""
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction, create_bot_utterance

    if getattr(RemoteAction.run, "_bot_wrapped", False):
        return
    original = RemoteAction.run
    texts = failure_texts()

    async def run(self, output_channel, nlg, tracker, domain):  # type: ignore[no-untyped-def]
        try:
            return await asyncio.wait_for(original(self, output_channel, nlg, tracker, domain), ACTION_TIMEOUT_S)
        except ActionExecutionRejection:
            raise  # Rasa's own protocol: another policy gets a turn
        except asyncio.TimeoutError:
            log.error("custom action %s timed out after %.0fs", self.name(), ACTION_TIMEOUT_S)
            response = "utter_action_timeout"
        except Exception as exc:  # connection refused, 5xx, malformed reply: the user must still hear from us
            log.error("custom action %s failed: %s", self.name(), exc)
            response = "utter_service_down"
        message = await nlg.generate(response, tracker, output_channel.name()) if response in domain.responses else None
        return [create_bot_utterance(message or {"text": texts[response]})]

    run._bot_wrapped = True  # type: ignore[attr-defined]
    RemoteAction.run = run


def patch_action_validation() -> None:
    """Check action server replies with one compiled validator. Rasa's `_validate_action_result` calls
    `jsonschema.validate`, which first re-checks the fixed schema against its metaschema: ~57 ms of CPU on every custom
    action turn here, more than NLU (docs/benchmarks.md). A valid reply passes the compiled validator; an invalid one
    goes to Rasa's own check, which raises with Rasa's message as before."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction._validate_action_result, "_bot_wrapped", False):
        return
    spec = RemoteAction.action_response_format_spec()
    cls = validator_for(spec)
    cls.check_schema(spec)
    validator = cls(spec)
    original = RemoteAction._validate_action_result

    def validate(self, result):  # type: ignore[no-untyped-def]
        return True if validator.is_valid(result) else original(self, result)

    validate._bot_wrapped = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate  # type: ignore[method-assign]


def patch_model_loading() -> None:
    """Load DIET (and any TensorFlow policy) in seconds, not most of a minute. To build its weights, Rasa's
    `RasaModel.load` trains one step on one example and then overwrites every weight from the model file; that step
    is compiled into a TensorFlow graph first, which was most of a server's start-up (37 of 47 s of loading here;
    docs/architecture.md#actions). Run eagerly, the step builds
    the same weights without the graph; predictions still run compiled (the flag is restored before the warm-up
    prediction), so the loaded model and its answers are the same. Fine-tuning keeps Rasa's own path."""
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
    from rasa.utils.tensorflow.models import RasaModel

    if getattr(RasaModel, "loads_eagerly", False):
        return
    original = RasaModel.load.__func__  # type: ignore[attr-defined]

    def load(cls, model_file_name, model_data_example, predict_data_example=None, finetune_mode=False, *args, **kwargs):
        if finetune_mode:
            return original(cls, model_file_name, model_data_example, predict_data_example, True, *args, **kwargs)
        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
        model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
        model.load_weights(model_file_name)
        model.run_eagerly = config.get(RUN_EAGERLY)
        if predict_data_example:
            model.run_inference(predict_data_example)
        return model

    RasaModel.load = classmethod(load)  # type: ignore[method-assign,assignment]
    RasaModel.loads_eagerly = True  # type: ignore[attr-defined]


def patch_shell_exit() -> None:
    """`rasa shell`: Ctrl-C at a button list or Ctrl-D at the prompt ends the shell like /stop.

    Rasa 3.6 crashes there (None.rfind / EOFError in its console task) and the shell hangs until a second Ctrl-C.
    """
    import questionary
    from rasa.cli import utils as cli_utils

    ask = questionary.Question.ask_async
    if getattr(ask, "_bot_wrapped", False):
        return

    async def ask_async(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return await ask(self, *args, **kwargs)
        except EOFError:  # Ctrl-D
            return None

    async def payload_from_button_question(question):  # type: ignore[no-untyped-def]
        answer = await question.ask_async()
        if answer is None or answer == cli_utils.FREE_TEXT_INPUT_PROMPT:  # None: Ctrl-C
            return answer
        return answer[answer.rfind("(") + 1 : answer.rfind(")")]

    ask_async._bot_wrapped = True  # type: ignore[attr-defined]
    questionary.Question.ask_async = ask_async  # type: ignore[method-assign]
    cli_utils.payload_from_button_question = payload_from_button_question


def api_auth_args(args: list[str]) -> list[str]:
    """`rasa run --enable-api` only with authentication: the token (RASA_AUTH_TOKEN) or JWT secret
    (RASA_JWT_SECRET, RASA_JWT_METHOD) from the environment, so it never shows on the command line."""
    if not args or args[0] != "run" or "--enable-api" not in args:
        return args
    if any(a.split("=")[0] in ("--auth-token", "-t", "--jwt-secret") for a in args):
        return args
    # `--flag=value`, not `--flag value`: a random token may start with "-", which argparse would read as a flag.
    extra: list[str] = []
    env = config.settings()
    if env.rasa_auth_token:
        extra += [f"--auth-token={env.rasa_auth_token}"]
    if env.rasa_jwt_secret:
        extra += [f"--jwt-secret={env.rasa_jwt_secret}", f"--jwt-method={env.rasa_jwt_method}"]
    if not extra:
        raise SystemExit(
            "Refusing to open Rasa's HTTP API without authentication: set RASA_AUTH_TOKEN (or RASA_JWT_SECRET)."
        )
    return [*args, *extra]


def main() -> None:
    args = api_auth_args(sys.argv[1:])  # first: a refusal needs neither Rasa nor TensorFlow loaded
    patch_remote_actions()
    patch_action_validation()
    patch_model_loading()
    if args[:1] == ["shell"]:
        patch_shell_exit()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *args]
    rasa_main()


if __name__ == "__main__":
    main()
