using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>The back office's own queries (list views, pickers, references, audit, review queue) on PostgreSQL.</summary>
public sealed class BackOfficePostgresTests
{
    [PostgresFact]
    public async Task Screens_OnPostgres_ListFilterAuditAndReview()
    {
        var database = TestEnvironment.NewPostgresDatabase();
        try
        {
            using var factory = new HubFactory(postgres: database);
            factory.Settings["BackOffice:SignInPermitsPerMinute"] = "1000";
            _ = factory.Server;
            await factory.CatchUpAsync();
            using (var scope = factory.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<BackOfficeUser>>();
                var user = new BackOfficeUser { UserName = "pg@test.example", Email = "pg@test.example", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, BackOfficeFixture.Password)).Succeeded);
                await users.AddToRoleAsync(user, BackOfficeRoles.Administrator);
            }
            var client = BackOfficeClient.Create(factory);
            using (var signIn = await client.SignInAsync("pg@test.example", BackOfficeFixture.Password))
            {
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }
            var store = factory.Services.GetRequiredService<ContentStore>();
            var parent = (await store.FindForPickerAsync(["section"], "ressources", 5))[0].Key;
            var list = await client.GetStringAsync($"/backoffice/contenu?parent={parent}&q=guide&sort=name&desc=true");
            Assert.Contains("Guide Agenda 21", list, StringComparison.Ordinal);
            var (total, rows) = await store.ListAsync(new ContentListQuery { ParentKey = parent, Sort = "updated", Take = 5 });
            Assert.True(total > 5);
            Assert.Equal(5, rows.Count);
            Assert.NotEmpty(await store.GetAncestorsAsync(rows[0].Key));
            Assert.Empty(await store.FindReferencesAsync(Guid.NewGuid()));
            await store.AddAuditAsync("pg@test.example", ReviewNotifier.RequestAction, rows[0].Key, "fr-FR", "à relire");
            Assert.Single(await store.GetPendingReviewsAsync(ReviewNotifier.RequestAction));
            var audit = await client.GetStringAsync("/backoffice/admin/journal?actor=pg%40test.example&from=2020-01-01&to=2030-01-01");
            Assert.Contains("relecture demandée", audit, StringComparison.Ordinal);
            Assert.Contains("Base de données", await client.GetStringAsync("/backoffice/admin/sante"), StringComparison.Ordinal);
        }
        finally
        {
            TestEnvironment.DropPostgresDatabase(database);
        }
    }
}
