// Parameters for main.bicep. Secrets come from environment variables at deploy time (never written here):
//   export GB_DIRECTLINE_SECRET=$(openssl rand -base64 48) GB_POSTGRES_PASSWORD=$(openssl rand -base64 24)
//   export GB_BOT_APP_PASSWORD=<client secret of the bot's app registration>
//   export GB_ZALO_OA_SECRET_KEY=... GB_ZALO_APP_SECRET=...   (only with zaloAppId)
// Then: deploy.sh <group> (generates the first two on a first deployment, deploys this and the code), or by hand
//   az deployment group create -g <group> -f main.bicep -p main.bicepparam   (docs/deployment.md)
using 'main.bicep'

param namePrefix = 'dn06'
param botAppType = 'SingleTenant'
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('GB_BOT_APP_PASSWORD', '')
param directLineSecret = readEnvironmentVariable('GB_DIRECTLINE_SECRET')
param postgresAdminPassword = readEnvironmentVariable('GB_POSTGRES_PASSWORD')
param zaloAppId = ''
param zaloOaSecretKey = readEnvironmentVariable('GB_ZALO_OA_SECRET_KEY', '')
param zaloAppSecret = readEnvironmentVariable('GB_ZALO_APP_SECRET', '')
param instances = 2
