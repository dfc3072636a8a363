using Microsoft.Playwright;

namespace PoleKnowledge.Browser.Tests;

/// <summary>Signs a user in through the back office's sign-in form, as a person would.</summary>
internal static class BackOfficeSignIn
{
    /// <summary>
    /// Fills and posts the form, then waits for the dashboard: its URL, then its load event, each up to 60 s (on a
    /// loaded CI machine the wait once passed Playwright's default 30 s). When the dashboard never comes, the
    /// failure says where the browser is and what the page says (an error message, a throttle).
    /// </summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/backoffice/connexion");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", BrowserFixture.Password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync("**/backoffice", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var text = await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            throw new Xunit.Sdk.XunitException($"The sign-in of {email} did not reach /backoffice: the browser is at {page.Url}, showing: {text[..Math.Min(text.Length, 600)]}");
        }
    }
}
