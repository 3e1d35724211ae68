# The app in a container: slim Python, a non-root user, Streamlit's health endpoint as the healthcheck.
# Build: docker build -t rutte-race .   Run: docker run -p 8501:8501 rutte-race   (see docs/DEPLOY.md)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN useradd --create-home --uid 10001 reader

WORKDIR /app
COPY requirements.txt packages.txt ./
RUN apt-get update && apt-get install -y --no-install-recommends $(cat packages.txt) && rm -rf /var/lib/apt/lists/*
RUN pip install -r requirements.txt

# Only what the app runs on; owned by root, so the app cannot change its own code or data.
COPY app.py ./
COPY .streamlit .streamlit
COPY assets assets
COPY data data
COPY pages pages
COPY tracker tracker
COPY seeds seeds
COPY static static
COPY ui ui

USER reader
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
