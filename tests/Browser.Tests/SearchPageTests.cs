using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PoleKnowledge.Browser.Tests;

/// <summary>
/// The public search page in a real browser, on the demo content: type-ahead suggestions used with the
/// keyboard, highlighted hits and facets, a facet filter that narrows, "Vouliez-vous dire" for a typo. Every
/// state is checked with axe-core (no serious or critical violation) and photographed as an artefact.
/// </summary>
public sealed class SearchPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task TypeAhead_SuggestsAndIsKeyboardOperable()
    {
        BrowserFixture.SkipWithoutChromium();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/recherche");
        await CheckAsync(page, "search-01-vide");
        var input = page.Locator("#search-q");
        await input.PressSequentiallyAsync("bénév", new() { Delay = 40 });
        var options = page.Locator("#search-q-suggestions [role=option]");
        await options.First.WaitForAsync();
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));
        Assert.Contains(await options.AllInnerTextsAsync(), text => text.Contains("énévol", StringComparison.Ordinal));
        await CheckAsync(page, "search-02-suggestions");

        // Arrows move the active option (announced through aria-activedescendant), Escape closes the list.
        await input.PressAsync("ArrowDown");
        Assert.Equal("search-q-suggestions-0", await input.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await options.First.GetAttributeAsync("aria-selected"));
        await input.PressAsync("ArrowDown");
        await input.PressAsync("ArrowUp");
        Assert.Equal("search-q-suggestions-0", await input.GetAttributeAsync("aria-activedescendant"));
        await input.PressAsync("Escape");
        Assert.Equal("false", await input.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.Locator("#search-q-suggestions").IsHiddenAsync());

        // Enter on an active suggestion follows it.
        await input.PressSequentiallyAsync("o", new() { Delay = 40 });
        await options.First.WaitForAsync();
        // The list of the new text is shown once its answer is in (a late answer re-renders it with no active option).
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        var before = page.Url;
        await input.PressAsync("ArrowDown");
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-activedescendant", "search-q-suggestions-0");
        await input.PressAsync("Enter");
        await page.WaitForURLAsync(url => url != before, new() { WaitUntil = WaitUntilState.Commit });
        Assert.NotEqual(before, page.Url);

        // Without a suggestion chosen, Enter submits the form; Tab goes from the box to its button.
        await page.GotoAsync("/recherche");
        await page.FocusAsync("#search-q");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await page.FocusAsync("#search-q");
        await page.Keyboard.TypeAsync("bénévoles");
        await options.First.WaitForAsync();
        // Escape closes the list and keeps the text (a search input clears itself on Escape by default).
        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.Locator("#search-q-suggestions").IsHiddenAsync());
        Assert.Equal("bénévoles", await input.InputValueAsync());
        await page.Keyboard.PressAsync("Enter");
        // The form was submitted (the URL carries the query); the hits are then awaited on their own rather than the
        // page's load event (every subresource), which a loaded CI machine once did not reach within 30 s.
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("ol.hits li.hit").First).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Results_HighlightHits_FacetsNarrow_TypoOffersCorrection()
    {
        BrowserFixture.SkipWithoutChromium();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/recherche?q=" + Uri.EscapeDataString("financement"));
        var hits = page.Locator("ol.hits li.hit");
        var total = await hits.CountAsync();
        Assert.True(total > 1, $"{total} hits for 'financement'.");
        Assert.True(await page.Locator("ol.hits .snippet mark").CountAsync() > 0, "No highlighted word in the snippets.");
        Assert.True(await page.Locator("aside.facets section.facet").CountAsync() > 0, "No facet offered.");
        await CheckAsync(page, "search-03-resultats");

        // A facet value with fewer hits than the whole result narrows it, and shows as an active filter.
        var facet = page.Locator("aside.facets section.facet li a").Filter(new() { HasNotText = "✓" });
        string? chosen = null;
        int chosenCount = 0;
        foreach (var link in await facet.AllAsync())
        {
            var count = int.Parse((await link.Locator(".count").InnerTextAsync()).Trim('(', ')').Replace("\u202f", "").Replace("\u00a0", ""), System.Globalization.CultureInfo.InvariantCulture);
            if (count < await TotalAsync(page))
            {
                chosen = await link.GetAttributeAsync("href");
                chosenCount = count;
                break;
            }
        }
        Assert.NotNull(chosen);
        await page.GotoAsync(chosen!);
        Assert.Equal(chosenCount, await TotalAsync(page));
        Assert.True(await page.Locator("ul.active-filters li").CountAsync() >= 2, "The active filter and 'Tout effacer' are not listed.");
        await CheckAsync(page, "search-04-filtre");

        // A typo: no result for the word as typed, or a better spelling offered as a link that finds results.
        await page.GotoAsync("/recherche?q=" + Uri.EscapeDataString("finacement solidare"));
        var correction = page.Locator("p.did-you-mean a");
        await correction.WaitForAsync();
        Assert.Equal("financement solidaire", await correction.InnerTextAsync());
        await CheckAsync(page, "search-05-vouliez-vous-dire");
        await correction.ClickAsync();
        await page.WaitForURLAsync("**/recherche?q=financement*");
        Assert.True(await hits.CountAsync() > 0);

        // Narrow screens: no sideways scrolling.
        var phone = await browser.NewPageAsync(360, 740);
        await phone.GotoAsync("/recherche?q=" + Uri.EscapeDataString("financement"));
        await CheckAsync(phone, "search-06-360px");
        // The widest elements, named in the failure message, say what to fix.
        var overflowing = await phone.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
            + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        Assert.True(overflowing.Length == 0, $"The search page scrolls sideways at 360 px: {overflowing}");
    }

    /// <summary>The number in the status line ("12 résultats pour …").</summary>
    private static async Task<int> TotalAsync(IPage page)
    {
        var text = await page.InnerTextAsync("p.search-count");
        var digits = new string([.. text.TakeWhile(c => !char.IsLetter(c)).Where(char.IsDigit)]);
        return digits.Length == 0 ? 0 : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>No serious or critical axe-core violation (WCAG 2.1 AA rules), and a full-page screenshot.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsPath, name + ".png"), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in blocking)
        {
            output.WriteLine($"{name}: {violation.Impact} {violation.Id}: {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
        }
        Assert.True(blocking.Count == 0, $"{name}: {string.Join(", ", blocking.Select(v => v.Id))} (see test output)");
    }
}
