#!/usr/bin/env bash
# Builds the managed package under a namespace: a copy of the project with the namespace in sfdx-project.json, the
# offline gates run on that copy, then (unless --check) the package version is created with the Salesforce CLI
# (the namespace registered and linked to the Dev Hub beforehand).
# Usage: create-package-version.sh [--check] <namespace>
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
check=false
if [[ "${1:-}" == "--check" ]]; then
    check=true
    shift
fi
namespace="${1:?usage: create-package-version.sh [--check] <namespace>}"
# A namespace prefix: a letter, then letters and digits, 15 characters at most; no underscores.
if [[ ! "$namespace" =~ ^[A-Za-z][A-Za-z0-9]{0,14}$ ]]; then
    echo "not a namespace prefix: $namespace (a letter, then letters and digits, at most 15 characters)" >&2
    exit 2
fi
export SF_AUTOUPDATE_DISABLE=true SF_DISABLE_TELEMETRY=true
npm run --silent build:lwc
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r force-app config .forceignore "$work"/
node -e '
const fs = require("fs");
const project = JSON.parse(fs.readFileSync("sfdx-project.json", "utf8"));
project.namespace = process.argv[1];
fs.writeFileSync(process.argv[2] + "/sfdx-project.json", JSON.stringify(project, null, 2));
' "$namespace" "$work"
for gate in apex-syntax apex-semantics apex-security metadata; do
    "$root/node_modules/.bin/tsx" "$root/scripts/gates/$gate.ts" --project "$work"
done
echo "the namespaced copy ($namespace) passes the offline gates"
if [[ "$check" == true ]]; then
    exit 0
fi
cd "$work"
"$root/node_modules/.bin/sf" package create --name Resync --package-type Managed --path force-app || echo "package Resync already exists"
"$root/node_modules/.bin/sf" package version create --package Resync --installation-key-bypass --code-coverage --wait 60
