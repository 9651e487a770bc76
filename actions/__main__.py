"""The action server: `python -m actions -p 5055` loads the knowledge base once, then serves every action in this
package with rasa-sdk (the one command every launcher uses: bot.ops.serve.action_server_command)."""

from __future__ import annotations

import sys

from rasa_sdk.__main__ import main as rasa_sdk_main

from actions.base import warm_up


def main() -> None:
    warm_up()
    sys.argv = [sys.argv[0], "--actions", "actions", *sys.argv[1:]]
    rasa_sdk_main()


if __name__ == "__main__":
    main()
