#!/usr/bin/env bash
# Installs the fallback fonts named in templates/theme.yaml, for names in scripts the bundled Noto fonts
# do not cover (Chinese, Japanese, Korean, Arabic). Debian/Ubuntu; run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q fonts-noto-cjk fonts-noto-core
fc-cache -f >/dev/null
echo "fallback fonts installed: $(fc-list : family | grep -c -E 'CJK|Arabic') families"
