using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

// Verbs (all print key=value lines for the benchmark script):
//   coldstart <baseUrl> <startUnixMs> <timeoutSeconds> <path>...   time from <startUnixMs> to the first 200 of each path, in order
//   pages <baseUrl> <manifest.tsv> <count> <seed>                   GET <count> random public routes
//   publish <baseUrl> <token> <manifest.tsv> <count> <seed>         sequential PUT+publish of random items, then poll the page, the Delivery API
//                                                                   item and a Delivery API query (index) until each shows the change
//   images <baseUrl> <token> <dataPath> <count>                     uploads a generated 6-megapixel JPEG, then asks <count> new signed 400 px
//                                                                   variants one after the other; prints the image URL and a cached variant URL
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
var invariant = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "coldstart" when args.Length >= 5:
    {
        var baseUrl = args[1].TrimEnd('/');
        var start = long.Parse(args[2], invariant);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(start).AddSeconds(double.Parse(args[3], invariant));
        for (var i = 4; i < args.Length; i++)
        {
            var ok = false;
            while (DateTimeOffset.UtcNow < deadline)
            {
                try
                {
                    using var response = await http.GetAsync(baseUrl + args[i]);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        ok = true;
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(20);
            }
            var elapsed = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - start;
            Console.WriteLine(ok ? $"first_ok_ms_{i - 3}={elapsed}" : $"first_ok_ms_{i - 3}=timeout");
        }
        return 0;
    }
    case "pages" when args.Length == 5:
    {
        var baseUrl = args[1].TrimEnd('/');
        var routes = Manifest(args[2]).Select(r => r.Route).ToList();
        var random = new Random(int.Parse(args[4], invariant));
        var count = int.Parse(args[3], invariant);
        var latencies = new List<double>(count);
        var statuses = new Dictionary<int, int>();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(baseUrl + routes[random.Next(routes.Count)]);
            var body = await response.Content.ReadAsByteArrayAsync();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            bytes += body.Length;
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
        }
        Console.WriteLine($"pages_statuses={string.Join(",", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"))}");
        Console.WriteLine($"pages_avg_bytes={bytes / Math.Max(1, count)}");
        Stats.Report("pages_ms", latencies);
        return statuses.Keys.All(s => s == 200) ? 0 : 1;
    }
    case "publish" when args.Length == 6:
    {
        var baseUrl = args[1].TrimEnd('/');
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[2]);
        var items = Manifest(args[3]).Where(r => r.Type is not ("home" or "section")).ToList();
        var count = int.Parse(args[4], invariant);
        var random = new Random(int.Parse(args[5], invariant));
        var putLatencies = new List<double>(count);
        var visibleLatencies = new List<double>(count);
        var apiItemLatencies = new List<double>(count);
        var apiQueryLatencies = new List<double>(count);
        var failures = 0;
        var transient = 0;
        string? firstFailure = null;
        string? firstTransient = null;
        for (var i = 0; i < count; i++)
        {
            var item = items[random.Next(items.Count)];
            var api = $"{baseUrl}/api/management/v1/content/{item.Guid}";
            var current = JsonNode.Parse(await http.GetStringAsync(api))!;
            var revision = current["revision"]!.GetValue<int>();
            var names = current["names"]?.AsObject();
            var name = names?["fr-FR"]?.GetValue<string>() ?? names?["invariant"]?.GetValue<string>() ?? names?.FirstOrDefault().Value?.GetValue<string>();
            var marker = $"bench-{i}-{Environment.TickCount64}";
            var request = new JsonObject
            {
                ["name"] = name,
                ["culture"] = "fr-FR",
                ["values"] = new JsonObject { ["summary"] = $"Résumé mis à jour par le banc d'essai ({marker})." },
                ["revision"] = revision,
                ["publish"] = true,
                ["replaceValues"] = false,
            };
            var watch = Stopwatch.StartNew();
            using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
            using var put = await http.PutAsync(api, content);
            var putBody = await put.Content.ReadAsStringAsync();
            var putMs = watch.Elapsed.TotalMilliseconds;
            if (!put.IsSuccessStatusCode)
            {
                failures++;
                firstFailure ??= $"{(int)put.StatusCode} {putBody[..Math.Min(300, putBody.Length)]}";
                continue;
            }
            putLatencies.Add(putMs);
            // Polled round-robin until each shows the change: the public page, the Delivery API item (the
            // published cache) and a Delivery API query sorted by update date (the index), each timed on first sight.
            var apiItem = $"{baseUrl}/umbraco/delivery/api/v2/content/item/{item.Guid}";
            var apiQuery = $"{baseUrl}/umbraco/delivery/api/v2/content?filter=contentType:{item.Type}&sort=updateDate:desc&take=1";
            double? pageAt = null, itemAt = null, queryAt = null;
            while (watch.Elapsed < TimeSpan.FromSeconds(10) && (pageAt is null || itemAt is null || queryAt is null))
            {
                if (pageAt is null)
                {
                    using var response = await http.GetAsync(baseUrl + item.Route);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        // The item's page answered something else while the change was applied (seen: a transient 404).
                        transient++;
                        firstTransient ??= $"{(int)response.StatusCode} on {item.Route}";
                    }
                    else if ((await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal))
                    {
                        pageAt = watch.Elapsed.TotalMilliseconds;
                    }
                }
                if (itemAt is null)
                {
                    using var response = await http.GetAsync(apiItem);
                    if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal))
                    {
                        itemAt = watch.Elapsed.TotalMilliseconds;
                    }
                }
                if (queryAt is null)
                {
                    using var response = await http.GetAsync(apiQuery);
                    if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(item.Guid, StringComparison.OrdinalIgnoreCase))
                    {
                        queryAt = watch.Elapsed.TotalMilliseconds;
                    }
                }
                await Task.Delay(1);
            }
            if (pageAt is { } page && itemAt is { } apiItemMs && queryAt is { } apiQueryMs)
            {
                visibleLatencies.Add(page);
                apiItemLatencies.Add(apiItemMs);
                apiQueryLatencies.Add(apiQueryMs);
            }
            else
            {
                failures++;
                firstFailure ??= $"change to {item.Route} not visible after 10 s (page {pageAt?.ToString(invariant) ?? "no"}, API item {itemAt?.ToString(invariant) ?? "no"}, API query {queryAt?.ToString(invariant) ?? "no"})";
            }
        }
        Console.WriteLine($"publish_failures={failures}");
        Console.WriteLine($"publish_transient_non200_polls={transient}");
        if (firstTransient is not null)
        {
            Console.WriteLine($"publish_first_transient={firstTransient}");
        }
        if (firstFailure is not null)
        {
            Console.WriteLine($"publish_first_failure={firstFailure.ReplaceLineEndings(" ")}");
        }
        Stats.Report("put_ms", putLatencies);
        Stats.Report("visible_ms", visibleLatencies);
        Stats.Report("api_item_visible_ms", apiItemLatencies);
        Stats.Report("api_query_visible_ms", apiQueryLatencies);
        return failures == 0 ? 0 : 1;
    }
    case "images" when args.Length == 5:
        return await ImageProbe.RunAsync(http, args[1].TrimEnd('/'), args[2], args[3], int.Parse(args[4], invariant));
    default:
        await Console.Error.WriteLineAsync("Usage: Probe coldstart|pages|publish|images … (see Program.cs)");
        return 2;
}

static IEnumerable<(string Type, string Key, string Guid, string Route)> Manifest(string path) =>
    File.ReadLines(path).Skip(1).Select(line => line.Split('\t')).Where(p => p.Length == 4).Select(p => (p[0], p[1], p[2], p[3]));
