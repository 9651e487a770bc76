"""Local stand-ins for outside services (Slack Web API, Telegram Bot API), speaking their real wire formats."""
