#!/usr/bin/env bash
# GuidanceBot on one Docker host in one step: PostgreSQL, two bot replicas and nginx (compose.yaml).
#   deploymentTemplates/onprem/up.sh                        # with the province's certificate in tls/
#   deploymentTemplates/onprem/up.sh --self-signed HOST     # a temporary self-signed certificate for HOST (tests, pilots)
# The first run writes .env from env.example with a generated PostgreSQL password and Direct Line secret (chmod 600);
# later runs keep it. Optional settings (Zalo, Azure Bot, OTLP) go in .env; run this again to apply them. Running it
# again after `git pull` rebuilds the image and replaces the replicas one by one (each drains before it stops).
set -euo pipefail
cd "$(dirname "$0")"

self_signed=""
if [ "${1:-}" = "--self-signed" ]; then
  self_signed=${2:?"--self-signed needs the public host name, e.g. --self-signed chatbot.example.gov.vn"}
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--self-signed HOST]" >&2
  exit 2
fi

command -v docker >/dev/null || { echo "Docker Engine with the Compose plugin is needed: https://docs.docker.com/engine/install/" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is needed to generate the secrets" >&2; exit 1; }

if [ ! -f .env ]; then
  umask 077
  postgres_password=$(openssl rand -hex 24)
  directline_secret=$(openssl rand -base64 48 | tr -d '\n')
  sed -e "s|^POSTGRES_PASSWORD=$|POSTGRES_PASSWORD=${postgres_password}|" \
      -e "s|^GuidanceBot__DirectLine__Secret=$|GuidanceBot__DirectLine__Secret=${directline_secret}|" env.example > .env
  chmod 600 .env
  echo "== wrote .env with a generated PostgreSQL password and Direct Line secret (keep it: the database needs the same password)"
fi

if [ ! -f tls/fullchain.pem ] || [ ! -f tls/privkey.pem ]; then
  if [ -z "$self_signed" ]; then
    echo "No certificate: put the site's tls/fullchain.pem and tls/privkey.pem next to compose.yaml," >&2
    echo "or run '$0 --self-signed <host>' for a temporary self-signed one." >&2
    exit 1
  fi
  mkdir -p tls
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=${self_signed}" -addext "subjectAltName=DNS:${self_signed}" \
    -keyout tls/privkey.pem -out tls/fullchain.pem 2>/dev/null
  chmod 600 tls/privkey.pem
  echo "== made a self-signed certificate for ${self_signed}, valid 30 days: replace tls/*.pem with the real one"
fi

# --wait returns once every service's health check passes (the bot's is /readyz), or fails if one does not.
docker compose up -d --build --wait
docker compose ps
echo "== GuidanceBot is up: the chat page is https://<this host>/ (readiness: https://<this host>/readyz)"
