#!/usr/bin/env bash
# GuidanceBot on Azure in one step: the resources of main.bicep (with main.bicepparam) and then the code.
#   az login
#   deploymentTemplates/azure/deploy.sh <resource group> [<region>]        # region: southeastasia unless given
# Edit main.bicepparam first (namePrefix, botAppType, botAppId, zaloAppId). Secrets come from the environment:
# GB_BOT_APP_PASSWORD (MultiTenant/SingleTenant bots), GB_ZALO_OA_SECRET_KEY and GB_ZALO_APP_SECRET (with Zalo).
# On the first deployment to a resource group, GB_DIRECTLINE_SECRET and GB_POSTGRES_PASSWORD are generated when not
# set, and kept in the Key Vault. A later run needs the same two values (it prints how to read them from the vault):
# a new PostgreSQL password would lock the running app out until its Key Vault references refresh.
set -euo pipefail
group=${1:?"usage: $0 <resource group> [<region>]"}
location=${2:-southeastasia}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for tool in az dotnet zip openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (Azure CLI ≥ 2.60 with Bicep, the .NET 10 SDK, zip, openssl)" >&2; exit 1; }
done

if az deployment group show -g "$group" -n main --query name -o tsv >/dev/null 2>&1; then
  if [ -z "${GB_DIRECTLINE_SECRET:-}" ] || [ -z "${GB_POSTGRES_PASSWORD:-}" ]; then
    vault=$(az deployment group show -g "$group" -n main --query properties.outputs.keyVaultName.value -o tsv)
    {
      echo "$group was deployed before: give this run the secrets it holds (Key Vault $vault), e.g."
      echo "  export GB_DIRECTLINE_SECRET=\$(az keyvault secret show --vault-name $vault -n directline-secret --query value -o tsv)"
      echo "  export GB_POSTGRES_PASSWORD=<the Password= part of: az keyvault secret show --vault-name $vault -n postgres-connection-string --query value -o tsv>"
    } >&2
    exit 1
  fi
else
  export GB_DIRECTLINE_SECRET=${GB_DIRECTLINE_SECRET:-$(openssl rand -base64 48 | tr -d '\n')}
  export GB_POSTGRES_PASSWORD=${GB_POSTGRES_PASSWORD:-$(openssl rand -hex 24)}
fi

echo "== resources (resource group $group in $location)"
az group create -n "$group" -l "$location" -o none
az deployment group create -g "$group" -n main -f "$here/main.bicep" -p "$here/main.bicepparam" -o none
host=$(az deployment group show -g "$group" -n main --query properties.outputs.hostName.value -o tsv)

echo "== code (dotnet publish with dialogs/, zip deploy to $host)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish "$root/src/GuidanceBot.Web" -c Release -o "$work/site" --nologo -v quiet
cp -r "$root/dialogs" "$work/site/dialogs"
(cd "$work/site" && zip -qr "$work/site.zip" .)
az webapp deploy -g "$group" -n "${host%%.*}" --src-path "$work/site.zip" --type zip -o none

echo "== GuidanceBot is up: chat page https://$host/, readiness https://$host/readyz, Azure Bot endpoint https://$host/api/messages"
