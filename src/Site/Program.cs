using PoleKnowledge.Site.Cli;
using PoleKnowledge.Site.Hosting;

// Composition only: a CLI verb (import, export, create-admin, create-api-token) runs against the same
// services and exits; otherwise the hub starts and serves.
if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

var app = SiteApplication.Build(args);
if (app is null)
{
    return 1;
}
await app.RunAsync();
return 0;
