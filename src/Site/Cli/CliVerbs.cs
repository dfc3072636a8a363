using Microsoft.AspNetCore.Identity;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Import;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Security;
using PoleKnowledge.Site.Hosting;
using Spectre.Console;

namespace PoleKnowledge.Site.Cli;

/// <summary>
/// Command-line verbs, usable from scripts without prompts. They share the site's services and data
/// folder; a running site picks their changes up from the change feed. Exit codes: 0 success,
/// 1 failure, 2 usage error, 3 partial failure (an import with bad files).
/// </summary>
internal static class CliVerbs
{
    private static readonly string[] Verbs = ["import", "export", "reindex", "create-admin", "create-api-token", "help"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args[0];
        var options = CliArguments.Parse(args.Skip(1).ToArray());
        if (verb == "help")
        {
            PrintUsage();
            return 0;
        }
        if (verb == "reindex" && await LargeGen0Relaunch.RunAsync(args) is { } exitCode)
        {
            return exitCode;
        }
        var builder = Host.CreateApplicationBuilder(options.HostArgs.ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            SiteApplication.AddServices(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (SchemaLoadException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
        using var host = builder.Build();
        await host.Services.GetRequiredService<HubDatabaseInitializer>().InitializeAsync();
        return verb switch
        {
            "import" => await ImportAsync(host.Services, options),
            "export" => await ExportAsync(host.Services, options),
            "reindex" => await ReindexAsync(host.Services),
            "create-admin" => await CreateAdminAsync(host.Services, options),
            "create-api-token" => await CreateApiTokenAsync(host.Services, options),
            _ => Usage($"Unknown verb '{verb}'."),
        };
    }

    private static async Task<int> ImportAsync(IServiceProvider services, CliArguments options)
    {
        if (options.Positional.Count != 1)
        {
            return Usage("import needs one folder: import <folder>");
        }
        var folder = CliPaths.Resolve(options.Positional[0]);
        var importer = services.GetRequiredService<ContentImporter>();
        ImportReport? report = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Import de {Markup.Escape(folder)}");
                report = await importer.ImportAsync(folder, "cli", new SynchronousProgress<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        var result = report!;
        AnsiConsole.MarkupLine($"[bold]{result.Files}[/] fichiers : [green]{result.Created} créés[/], {result.Updated} mis à jour, {result.Unchanged} inchangés, [red]{result.Errors.Count} en erreur[/] — {result.Elapsed.TotalSeconds:0.0} s.");
        foreach (var error in result.Errors)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] {Markup.Escape(error.File)} : {Markup.Escape(error.Message)}");
        }
        return result.Errors.Count == 0 ? 0 : (result.Created + result.Updated + result.Unchanged > 0 ? 3 : 1);
    }

    private static async Task<int> ExportAsync(IServiceProvider services, CliArguments options)
    {
        if (options.Positional.Count != 1)
        {
            return Usage("export needs one folder: export <folder>");
        }
        var folder = CliPaths.Resolve(options.Positional[0]);
        var count = await services.GetRequiredService<ContentExporter>().ExportAsync(folder);
        AnsiConsole.MarkupLine($"{count} fichiers écrits dans {Markup.Escape(folder)}.");
        return 0;
    }

    /// <summary>
    /// Rebuilds the content index beside the live one, swaps it in and waits for its segments to be merged into one
    /// (<see cref="Cms.Indexing.ContentIndex.MergeAfterRebuild"/>); a running site switches to it at its first feed batch
    /// after this process has exited (the writer's lock is held until then).
    /// </summary>
    private static async Task<int> ReindexAsync(IServiceProvider services)
    {
        await services.GetRequiredService<Cms.Publishing.PublishedCacheFeedSubscriber>().InitializeAsync(CancellationToken.None);
        var cache = services.GetRequiredService<Cms.Publishing.PublishedContentCache>();
        var index = services.GetRequiredService<Cms.Indexing.ContentIndex>();
        index.Open();
        // Nothing else runs in this process: throughput collections (no background GC) save a sixth of the CPU.
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Reconstruction de l'index", maxValue: Math.Max(1, cache.Count));
                await index.RebuildAsync(new SynchronousProgress<int>(done => task.Value = Math.Max(task.Value, Math.Min(done, task.MaxValue))), CancellationToken.None);
                task.Value = task.MaxValue;
            });
        AnsiConsole.MarkupLine($"Index reconstruit : {cache.Count} contenus publiés en {watch.Elapsed.TotalSeconds:0.0} s (génération {Markup.Escape(index.CurrentGeneration ?? "?")}).");
        // The process exits next: wait for the background merge and its commit, or a restart would open the unmerged segments.
        if (await index.MergeAfterRebuild is { SegmentsBefore: > 1 } merge)
        {
            AnsiConsole.MarkupLine($"Index fusionné en {merge.Elapsed.TotalSeconds:0.0} s : {merge.SegmentsBefore} segments → {merge.SegmentsAfter}.");
        }
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, CliArguments options)
    {
        if (options.Named.GetValueOrDefault("email") is not { Length: > 0 } email || options.Named.GetValueOrDefault("password") is not { Length: > 0 } password)
        {
            return Usage("create-admin --email E --password P");
        }
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in FirstRunSetup.Roles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        var existing = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (existing is null)
        {
            result = await FirstRunSetup.CreateUserAsync(users, email, password, FirstRunSetup.AdministratorRole);
        }
        else
        {
            // An existing account becomes administrator with the new password (the recovery path).
            var token = await users.GeneratePasswordResetTokenAsync(existing);
            result = await users.ResetPasswordAsync(existing, token, password);
            if (result.Succeeded && !await users.IsInRoleAsync(existing, FirstRunSetup.AdministratorRole))
            {
                result = await users.AddToRoleAsync(existing, FirstRunSetup.AdministratorRole);
            }
        }
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Administrateur non créé : " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine(existing is null ? $"Administrateur créé : {email}" : $"Administrateur mis à jour : {email}");
        return 0;
    }

    private static async Task<int> CreateApiTokenAsync(IServiceProvider services, CliArguments options)
    {
        if (options.Named.GetValueOrDefault("name") is not { Length: > 0 } name)
        {
            return Usage("create-api-token --name N");
        }
        var (id, token) = await services.GetRequiredService<ApiTokenStore>().CreateAsync(name, "cli");
        Console.WriteLine($"Jeton « {name} » créé (n° {id}). Conservez-le : il ne sera plus affiché.");
        Console.WriteLine(token);
        return 0;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        PrintUsage();
        return 2;
    }

    private static void PrintUsage() => Console.Error.WriteLine("""
        Usage: dotnet run --project src/Site -- <verb> [options]
          import <folder>                       import Markdown + front matter files (exit 3 when some files fail)
          export <folder>                       export all content in the import format
          reindex                               rebuild the content index beside the live one and swap it in
          create-admin --email E --password P   create (or reset) an administrator
          create-api-token --name N             create a management API token (printed alone on the last line)
        Configuration as for the site, e.g. --PoleKnowledge:DataPath=/srv/pole/data
        """);
}
