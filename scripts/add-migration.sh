#!/usr/bin/env bash
# Adds an EF Core migration named <Name> to BOTH providers' migration projects (SQLite and PostgreSQL), so the two stay
# in step. Needs no running database: each project's design-time factory builds the model offline.
# A provider that already has a migration of that name is skipped (e.g. after merging a branch that added it to SQLite
# only): delete that provider's files first to regenerate it.
#   bash scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <Name>}"
if ! [[ "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "Migration name must be PascalCase letters and digits: $name" >&2; exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="migrations/XaiLab.Migrations.$provider"
  if compgen -G "$project/Migrations/*_${name}.cs" >/dev/null; then
    echo "$provider: a migration named $name exists already; skipped."
    continue
  fi
  echo "$provider: adding $name..."
  dotnet build "$project" -nologo -v quiet >/dev/null
  dotnet tool run dotnet-ef migrations add "$name" --project "$project" --startup-project "$project" -o Migrations
done
