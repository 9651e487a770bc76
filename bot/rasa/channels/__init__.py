"""Rasa input channels of our own (see credentials.yml), and the environment they read their secrets from.

ENV_DEFAULTS: variables credentials.yml refers to as ${NAME}. Rasa refuses to start when such a variable is
unset, so bot/ops/serve.py fills the unset ones with these defaults (empty token: that channel stays switched off
and its webhook answers 503).
"""

ENV_DEFAULTS: dict[str, str] = {
    # Slack (bot/rasa/channels/slack.py): bot token (xoxb-...), the app's signing secret, the Web API base URL.
    "SLACK_TOKEN": "",
    "SLACK_SIGNING_SECRET": "",
    "SLACK_API_URL": "https://slack.com/api/",
    # Telegram (bot/rasa/channels/telegram.py): BotFather token, the bot's username, the public webhook URL that
    # is registered with setWebhook at start-up (empty: not registered), the secret Telegram sends back in
    # X-Telegram-Bot-Api-Secret-Token, and the Bot API server (a local telegram-bot-api server works too).
    "TELEGRAM_TOKEN": "",
    "TELEGRAM_VERIFY": "",
    "TELEGRAM_WEBHOOK_URL": "",
    "TELEGRAM_SECRET_TOKEN": "",
    "TELEGRAM_API_URL": "https://api.telegram.org",
    # socket.io (bot/rasa/channels/socketio.py): origins whose pages may open the widget's socket (comma-separated,
    # "*" for any). bot/ops/serve.py adds the origin of the page it serves itself.
    "BOT_ALLOWED_ORIGINS": "http://127.0.0.1:8080,http://localhost:8080",
}
