"""Rasa input channels of our own (see credentials.yml), and the environment they read their secrets from.

ENV_DEFAULTS: variables credentials.yml refers to as ${NAME}. Rasa refuses to start when such a variable is
unset, so bot/ops/serve.py fills the unset ones with these defaults (empty token: that channel stays switched off
and its webhook answers 503).
"""

from bot.config import Settings

# Slack (slack.py), Telegram (telegram.py) and the widget's socket.io origins (socketio.py); meanings and defaults
# are in bot.config.Settings.
CREDENTIAL_VARIABLES = (
    "SLACK_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_API_URL",
    "TELEGRAM_TOKEN",
    "TELEGRAM_VERIFY",
    "TELEGRAM_WEBHOOK_URL",
    "TELEGRAM_SECRET_TOKEN",
    "TELEGRAM_API_URL",
    "BOT_ALLOWED_ORIGINS",
)
ENV_DEFAULTS: dict[str, str] = {name: str(Settings.__fields__[name.lower()].default) for name in CREDENTIAL_VARIABLES}
