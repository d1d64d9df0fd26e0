#!/usr/bin/env bash
# Creates a managed package version under the given namespace (registered and linked to the Dev Hub beforehand).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
namespace="${1:?usage: create-package-version.sh <namespace>}"
export SF_AUTOUPDATE_DISABLE=true SF_DISABLE_TELEMETRY=true
npm run build:lwc
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r force-app config .forceignore "$work"/
node -e '
const fs = require("fs");
const project = JSON.parse(fs.readFileSync("sfdx-project.json", "utf8"));
project.namespace = process.argv[1];
fs.writeFileSync(process.argv[2] + "/sfdx-project.json", JSON.stringify(project, null, 2));
' "$namespace" "$work"
cd "$work"
"$root/node_modules/.bin/sf" package create --name Resync --package-type Managed --path force-app || echo "package Resync already exists"
"$root/node_modules/.bin/sf" package version create --package Resync --installation-key-bypass --code-coverage --wait 60
