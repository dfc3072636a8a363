using PoleKnowledge.Cms.Persistence.Store;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Import;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PoleKnowledge.Cms.Persistence;

namespace PoleKnowledge.Site.Hosting;

/// <summary>
/// What a fresh clone needs before serving: the database migrated, the demo content imported once,
/// the back-office roles and a first administrator (its generated password printed once).
/// </summary>
internal sealed class FirstRunSetup(IServiceProvider services, HubOptions options, HubPaths paths, ILogger<FirstRunSetup> logger, IHostApplicationLifetime lifetime, IServer server) : IHostedService
{
    /// <summary>Runs before the change-feed consumer starts (hosted services start in registration order), so the cache loads a migrated, seeded database.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(() => PrintWelcome(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static readonly string[] Roles = ["Administrateur", "Éditeur", "Rédacteur"];
    public const string AdministratorRole = "Administrateur";
    private (string Email, string Password)? _generatedAdmin;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<HubDatabaseInitializer>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<PoleKnowledge.Extensions.Persistence.PoleDatabaseInitializer>().InitializeAsync(cancellationToken);
        await ImportDemoContentAsync(cancellationToken);
        await EnsureRolesAsync();
        await EnsureAdministratorAsync(cancellationToken);
    }

    private async Task ImportDemoContentAsync(CancellationToken cancellationToken)
    {
        var demo = Path.Combine(paths.SchemaPath, "demo");
        if (!options.ImportDemoContent || !Directory.Exists(demo))
        {
            return;
        }
        if (await services.GetRequiredService<ContentStore>().HasContentAsync(cancellationToken))
        {
            return;
        }
        var report = await services.GetRequiredService<ContentImporter>().ImportAsync(demo, "demo-import", cancellationToken: cancellationToken);
        logger.LogInformation("Demo content imported: {Created} items created from {Files} files in {Elapsed} ms.", report.Created, report.Files, (int)report.Elapsed.TotalMilliseconds);
        foreach (var error in report.Errors)
        {
            logger.LogWarning("Demo content: {File}: {Message}", error.File, error.Message);
        }
    }

    private async Task EnsureRolesAsync()
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task EnsureAdministratorAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }
        var email = string.IsNullOrWhiteSpace(options.AdminEmail) ? "admin@pole-ess-rennes.example" : options.AdminEmail;
        var password = GeneratePassword();
        var result = await CreateUserAsync(users, email, password, AdministratorRole);
        if (result.Succeeded)
        {
            _generatedAdmin = (email, password);
        }
        else
        {
            logger.LogError("Could not create the first administrator: {Errors}", string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Creates a back-office user in a role (used by the first run and by <c>create-admin</c>).</summary>
    public static async Task<IdentityResult> CreateUserAsync(UserManager<BackOfficeUser> users, string email, string password, string role)
    {
        var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, CreateDateUtc = DateTime.UtcNow, DisplayName = email.Split('@')[0] };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, role) : result;
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        // Four groups of five: easy to copy, ~114 bits.
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}-{new string(chars, 10, 5)}-{new string(chars, 15, 5)}";
    }

    public void PrintWelcome(ICollection<string> urls)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5000";
        var lines = new List<string>
        {
            "",
            "  PoleKnowledge — pôle ESS du Pays de Rennes",
            $"  Site public     : {url}/",
            $"  API de gestion  : {url}/api/management/v1/content  (jeton : dotnet run --project src/Site -- create-api-token --name mon-outil)",
            $"  Données         : {paths.DataPath}",
        };
        if (_generatedAdmin is { } admin)
        {
            lines.Add($"  Premier administrateur créé : {admin.Email}");
            lines.Add($"  Mot de passe (affiché une seule fois) : {admin.Password}");
        }
        else
        {
            lines.Add("  Administrateur : utilisez votre compte, ou créez-en un :");
            lines.Add("    dotnet run --project src/Site -- create-admin --email vous@exemple.org --password '…'");
        }
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_GCgen0size")))
        {
            // The runtime reads it only from the environment, at start (docs/operations.md, "GC budget of the site").
            lines.Add("  Conseil : lancez le site avec DOTNET_GCgen0size=0x2000000 (recherche ~25 % plus rapide, docs/operations.md)");
        }
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
