# newsevents: the API service. Build: docker build -t newsevents .  Run: docker run -p 8000:8000 newsevents
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite:////data/newsevents.db \
    SEEDS_DIR=/app/seeds

WORKDIR /app

# Dependencies first, in their own layer: it is rebuilt only when pyproject.toml changes.
COPY pyproject.toml README.md requirements-model.txt ./
RUN mkdir app && touch app/__init__.py \
    && pip install . \
    && pip install --no-deps --require-hashes -r requirements-model.txt \
    && pip uninstall -y newsevents \
    && rm -rf app

COPY app ./app
COPY migrations ./migrations
COPY seeds ./seeds
# Bytecode at build time: with PYTHONDONTWRITEBYTECODE every start would compile app/ again. The gazetteer's
# index too: the service's user cannot write app/, and building it at the first lookup costs 0.5 s and 79 MiB.
RUN python -m compileall -q app migrations \
    && python -c 'from app.extraction import places; places.build_index()'

RUN useradd --system --uid 10001 --home-dir /app newsevents \
    && mkdir -p /data && chown newsevents /data
USER newsevents

VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"

CMD ["python", "-m", "uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"]
