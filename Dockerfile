# One image for the Rasa servers and the action servers of docker-compose.yml and deploy/helm/values.yaml.
#
# The trained model and the search index are built INTO the image (`python -m bot build` below): every replica
# runs exactly the same model and index, and a container needs nothing mounted. New career pages or training data
# mean a new image (`docker compose build`); training takes ~4 minutes on 2 cores.
#
#   docker compose build                      # PyPI's torch (CUDA build, runs on the CPU): a ~7 GB image
#   docker compose build --build-arg TORCH_INDEX=https://download.pytorch.org/whl/cpu   # CPU-only torch: far smaller
FROM python:3.10-slim

ARG TORCH_INDEX=""
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    RASA_TELEMETRY_ENABLED=false \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TF_CPP_MIN_LOG_LEVEL=2 \
    BOT_TORCH_THREADS=1

RUN useradd --create-home --uid 1000 rasa
WORKDIR /app

# Dependencies first (the slow layer, rebuilt only when the lock changes). Every pin has a wheel for
# CPython 3.10 on Linux or is pure Python, so no compiler is needed.
COPY requirements/lock.txt requirements/lock.txt
RUN if [ -n "$TORCH_INDEX" ]; then \
        grep -vE '^(nvidia-|triton==)' requirements/lock.txt > /tmp/lock.txt \
        && pip install --index-url "$TORCH_INDEX" "$(grep '^torch==' /tmp/lock.txt)" \
        && pip install -r /tmp/lock.txt; \
    else \
        pip install -r requirements/lock.txt; \
    fi

# The project, then the spaCy pipeline, generated NLU data, FAISS index and Rasa model, as its owner.
COPY --chown=rasa:rasa . .
USER rasa
RUN python -m bot build

EXPOSE 5005 5055
# A Rasa server by default; docker-compose.yml and the Helm values pick the role (`node rasa` / `node actions`).
CMD ["python", "-m", "bot.ops.cluster", "node", "rasa"]
