# syntax=docker/dockerfile:1
# Two images from one file (see docker-compose.yml and docs/service.md):
#   --target oxigraph : the Oxigraph 0.5.13 SPARQL server (the PyPI build the tests use)
#   --target api      : the bzkg API (`bzkg serve`) and the one-shot loader (`bzkg load --gsp`)

FROM python:3.11-slim AS oxigraph
RUN pip install --no-cache-dir "oxigraph==0.5.13" && useradd --create-home --uid 10001 oxigraph \
    && mkdir /data && chown oxigraph /data
USER oxigraph
VOLUME ["/data"]
EXPOSE 7878
ENTRYPOINT ["oxigraph"]
CMD ["serve", "--location", "/data", "--bind", "0.0.0.0:7878", "--union-default-graph", "--timeout-s", "10"]
HEALTHCHECK --interval=5s --timeout=5s --start-period=5s --retries=20 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:7878/query?query=ASK%7B%7D', timeout=4)"]

FROM python:3.11-slim AS api
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    BZKG_HOME=/app
WORKDIR /app
# Dependencies first (cached while only the code changes), read from pyproject.toml.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt \
    && useradd --create-home --uid 10001 bzkg
COPY bzkg ./bzkg
COPY loader ./loader
COPY store ./store
COPY api ./api
COPY validation ./validation
COPY ontology ./ontology
COPY shapes ./shapes
COPY queries ./queries
COPY data/ttl ./data/ttl
COPY data/docs ./data/docs
RUN printf '#!/bin/sh\nexec python -m bzkg.cli "$@"\n' > /usr/local/bin/bzkg && chmod +x /usr/local/bin/bzkg
USER bzkg
EXPOSE 8000
CMD ["bzkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/ready', timeout=4)"]
