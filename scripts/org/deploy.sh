#!/usr/bin/env bash
# Builds the LWC TypeScript into the .js the platform compiles, then deploys force-app.
set -euo pipefail
cd "$(dirname "$0")/../.."
alias="${1:?usage: deploy.sh <org alias>}"
export SF_AUTOUPDATE_DISABLE=true SF_DISABLE_TELEMETRY=true
npm run build:lwc
npx sf project deploy start --source-dir force-app --target-org "$alias" --wait 30
