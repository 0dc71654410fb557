// GuidanceBot on Azure: the web host on App Service (Linux, .NET 10, WebSockets on, health check /readyz), an Azure Bot
// whose messaging endpoint is the host's /api/messages, Azure Database for PostgreSQL flexible server, a Key Vault
// holding every secret (the app reads them through Key Vault references), and Application Insights.
// Deploy steps: docs/deployment.md. Compiled and linted by DeploymentTemplateTests (no errors, no warnings).

targetScope = 'resourceGroup'

@description('Short prefix for resource names (lower-case letters and digits), e.g. the province code.')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Azure region for everything except the bot registration (which is global).')
param location string = resourceGroup().location

@description('How the bot identifies itself to Azure Bot Service. New bots are SingleTenant or UserAssignedMSI.')
@allowed([
  'MultiTenant'
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('App (client) id of the bot\'s Entra app registration; ignored for UserAssignedMSI, where the identity made here is used.')
param botAppId string = ''

@description('Entra tenant of the bot\'s identity (SingleTenant, UserAssignedMSI); by default the subscription\'s.')
param botTenantId string = subscription().tenantId

@description('Client secret of that app registration (MultiTenant, SingleTenant); stored in Key Vault.')
@secure()
param botAppPassword string = ''

@description('Azure Bot pricing tier: F0 (free, standard channels only) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The Direct Line secret the chat page\'s back end uses (at least 32 characters); stored in Key Vault.')
@secure()
@minLength(32)
param directLineSecret string

@description('Zalo app id; empty leaves the Zalo channel off.')
param zaloAppId string = ''

@description('Zalo Official Account secret key (webhook signatures); stored in Key Vault.')
@secure()
param zaloOaSecretKey string = ''

@description('Zalo app secret (token refresh); stored in Key Vault.')
@secure()
param zaloAppSecret string = ''

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'guidancebot'

@description('PostgreSQL administrator password; stored in Key Vault inside the connection string.')
@secure()
@minLength(16)
param postgresAdminPassword string

@description('PostgreSQL compute: Burstable B1ms is enough for a province\'s traffic; use General Purpose for more.')
param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('App Service plan size (Linux). Basic or higher keeps the app always on and checks its health.')
param appServiceSku string = 'P0v3'

@description('Instances of the web host. More than one needs PostgreSQL (set here) and client affinity (on) for Web Chat streams.')
@minValue(1)
@maxValue(10)
param instances int = 2

var suffix = uniqueString(resourceGroup().id, namePrefix)
var usesPassword = botAppType != 'UserAssignedMSI'
var usesZalo = !empty(zaloAppId)
var keyVaultSecretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var databaseName = 'guidancebot'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableIpMasking: false
  }
}

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (!usesPassword) {
  name: '${namePrefix}-bot-${suffix}'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}kv${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'directline-secret'
  properties: {
    value: directLineSecret
  }
}

resource botPasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usesPassword) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

resource zaloOaSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usesZalo) {
  parent: vault
  name: 'zalo-oa-secret-key'
  properties: {
    value: zaloOaSecretKey
  }
}

resource zaloAppSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (usesZalo) {
  parent: vault
  name: 'zalo-app-secret'
  properties: {
    value: zaloAppSecret
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${namePrefix}-pg-${suffix}'
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 to 0.0.0.0 is Azure's "allow Azure services" rule; the server still requires TLS and the password.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource connectionStringValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

// Secrets reach the app only as Key Vault references, resolved by App Service with the app's own identity.
var botSettings = union(
  {
    MicrosoftAppType: botAppType
    MicrosoftAppId: usesPassword ? botAppId : botIdentity!.properties.clientId
    MicrosoftAppTenantId: botAppType == 'MultiTenant' ? '' : botTenantId
  },
  usesPassword ? { MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${botPasswordValue!.properties.secretUri})' } : {}
)
var zaloSettings = usesZalo
  ? {
      GuidanceBot__Zalo__AppId: zaloAppId
      GuidanceBot__Zalo__OaSecretKey: '@Microsoft.KeyVault(SecretUri=${zaloOaSecretValue!.properties.secretUri})'
      GuidanceBot__Zalo__AppSecret: '@Microsoft.KeyVault(SecretUri=${zaloAppSecretValue!.properties.secretUri})'
    }
  : {}
var hostSettings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  Logging__Console__FormatterName: 'json'
  GuidanceBot__Content__Directory: '/home/site/wwwroot/dialogs'
  GuidanceBot__Storage__Provider: 'Postgres'
  ConnectionStrings__GuidanceBot: '@Microsoft.KeyVault(SecretUri=${connectionStringValue.properties.secretUri})'
  GuidanceBot__DirectLine__Secret: '@Microsoft.KeyVault(SecretUri=${directLineSecretValue.properties.secretUri})'
  // App Service's front ends set X-Forwarded-For/-Proto; ASP.NET Core believes them (Web Chat then gets wss:// stream URLs).
  ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-bot-${suffix}'
  location: location
  kind: 'app,linux'
  identity: usesPassword
    ? {
        type: 'SystemAssigned'
      }
    : {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: {
          '${botIdentity.id}': {}
        }
      }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Web Chat's stream and transcript live on the instance that started the conversation.
    clientAffinityEnabled: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet GuidanceBot.Web.dll'
      alwaysOn: true
      webSocketsEnabled: true
      http20Enabled: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource siteSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(hostSettings, botSettings, zaloSettings)
  // The references resolve only once the app may read the vault.
  dependsOn: [
    siteReadsSecrets
  ]
}

resource siteReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUserRole
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'GuidanceBot (${namePrefix})'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppType: botAppType
    msaAppId: usesPassword ? botAppId : botIdentity!.properties.clientId
    msaAppTenantId: botAppType == 'MultiTenant' ? null : botTenantId
    msaAppMSIResourceId: usesPassword ? null : botIdentity.id
    publicNetworkAccess: 'Enabled'
  }
}

@description('The web host\'s public name: the chat page is https://<this>/.')
output hostName string = site.properties.defaultHostName

@description('Where Azure Bot Service delivers activities.')
output messagingEndpoint string = bot.properties.endpoint

output keyVaultName string = vault.name

output postgresHost string = postgres.properties.fullyQualifiedDomainName
