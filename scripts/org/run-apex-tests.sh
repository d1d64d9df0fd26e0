#!/usr/bin/env bash
# Runs every Apex test in the org, with code coverage, as the offline org runs them with `npm run apex -- test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
alias="${1:?usage: run-apex-tests.sh <org alias>}"
export SF_AUTOUPDATE_DISABLE=true SF_DISABLE_TELEMETRY=true
npx sf apex run test --target-org "$alias" --test-level RunLocalTests --code-coverage --result-format human --wait 30
