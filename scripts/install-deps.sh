#!/usr/bin/env bash
# Installs the Debian 12 packages chancery needs to build and test. Idempotent: does nothing
# (and needs no network) when everything is already there. Run as root, or with sudo available.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev   # never libboost-dev: it conflicts
  libsqlite3-dev sqlite3 libstemmer-dev libsodium-dev libicu-dev tzdata libhowardhinnant-date-dev
  libgtest-dev python3
  libpango1.0-dev libcairo2-dev libzip-dev libpugixml-dev fonts-noto-core fonts-dejavu-core   # src/render
  poppler-utils libxml2-utils libreoffice-writer-nogui   # render_test reads its output with these
  libcurl4-openssl-dev   # src/mail: SMTP
  python3-aiosmtpd       # tests/e2e/test_dispatch.py: the SMTP server the test reads
  libpoppler-cpp-dev     # src/render/poppler_pdf_inspector.cpp: the pages of uploaded PDFs
  qpdf                   # render_test and tests/e2e/test_files.py encrypt a PDF to see it refused
)
packages+=("$@")  # extra packages a caller needs (the benchmark adds wrk and nginx-light)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
