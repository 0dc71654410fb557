// Namespaces nearly every page and endpoint of the host uses (the rest of each file's usings stay in the file).
global using GuidanceBot.Analytics;
global using GuidanceBot.Content;
global using Microsoft.AspNetCore.Components;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Localization;
global using Microsoft.Extensions.Options;
