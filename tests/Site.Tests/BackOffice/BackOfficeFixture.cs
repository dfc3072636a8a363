using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>A hub with the demo content and one user per role; each test class gets its own.</summary>
public class BackOfficeFixture : IAsyncLifetime
{
    public const string Password = "Correct-Horse-42-battery";
    public const string Admin = "admin@test.example";
    public const string Editor = "editrice@test.example";
    public const string Writer = "redacteur@test.example";

    public HubFactory Factory { get; private set; } = null!;

    public string MailFolder => Path.Combine(Factory.DataPath, "mail");

    public virtual async Task InitializeAsync()
    {
        Factory = new HubFactory();
        Factory.Settings["BackOffice:SignInPermitsPerMinute"] = "1000";
        Configure(Factory);
        _ = Factory.Server;
        await Factory.CatchUpAsync();
        await CreateUserAsync(Admin, BackOfficeRoles.Administrator);
        await CreateUserAsync(Editor, BackOfficeRoles.Editor);
        await CreateUserAsync(Writer, BackOfficeRoles.Writer);
    }

    /// <summary>Extra settings of a derived fixture, applied before the host starts.</summary>
    protected virtual void Configure(HubFactory factory)
    {
    }

    public async Task<BackOfficeUser> CreateUserAsync(string email, string role)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
        var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public async Task<BackOfficeClient> SignedInAsync(string email, string password = Password)
    {
        var client = BackOfficeClient.Create(Factory);
        using var response = await client.SignInAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public ContentStore Store => Factory.Services.GetRequiredService<ContentStore>();

    /// <summary>A published resource of the demo content (a key that exists in every fresh hub).</summary>
    public async Task<Guid> AnyResourceAsync()
    {
        var ressources = (await Store.FindForPickerAsync(["resource"], null, 50))[0];
        return ressources.Key;
    }

    public virtual Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
