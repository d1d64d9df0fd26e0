#!/usr/bin/env bash
# Creates a scratch org and deploys the package to it. Needs a Dev Hub (see scripts/org/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
alias="${1:-resync-scratch}"
export SF_AUTOUPDATE_DISABLE=true SF_DISABLE_TELEMETRY=true
npx sf org create scratch --definition-file config/project-scratch-def.json --alias "$alias" --duration-days 7 --set-default --wait 15
bash scripts/org/deploy.sh "$alias"
npx sf org assign permset --name Resync_Admin --target-org "$alias" || echo "permission set Resync_Admin not yet in the package"
