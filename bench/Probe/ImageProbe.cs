using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

/// <summary>
/// Image figures: uploads a generated 3,000 × 2,000 JPEG (6 megapixels, noisy gradients so it compresses like
/// a photo), then asks <c>count</c> distinct signed variants 400 px wide, one at a time, each new to the disk
/// cache (the quality changes); prints their latency and a cached preset URL for wrk.
/// </summary>
internal static class ImageProbe
{
    public static async Task<int> RunAsync(HttpClient http, string baseUrl, string token, string dataPath, int count)
    {
        using var upload = new MultipartFormDataContent();
        var jpeg = Generate();
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "file", "banc-6mp.jpg");
        upload.Add(new StringContent("Photo générée par le banc d'essai"), "altText");
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/management/v1/media") { Content = upload };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"image_upload_ms={watch.Elapsed.TotalMilliseconds:0.0}"));
        Console.WriteLine($"image_upload_bytes={jpeg.Length}");
        if (!response.IsSuccessStatusCode)
        {
            Console.WriteLine($"image_upload_failure={(int)response.StatusCode} {body.ReplaceLineEndings(" ")}");
            return 1;
        }
        var url = JsonNode.Parse(body)!["url"]!.GetValue<string>();
        // The file is served once the media cache has the new item (fed by the change feed, like content).
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var original = await http.GetAsync(baseUrl + url);
            if (original.IsSuccessStatusCode)
            {
                break;
            }
            await Task.Delay(5);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"image_upload_to_served_ms={watch.Elapsed.TotalMilliseconds:0.0}"));
        // An unsigned size outside the presets is refused (400) — and makes the site create its key file if it had none.
        using (var unsigned = await http.GetAsync(baseUrl + url + "?width=401"))
        {
            Console.WriteLine($"image_unsigned_status={(int)unsigned.StatusCode}");
        }
        var signer = new MediaUrlSigner(Convert.FromBase64String(File.ReadAllText(Path.Combine(dataPath, "keys", "media-hmac.key")).Trim()));
        var latencies = new List<double>(count);
        var failures = 0;
        for (var i = 0; i < count; i++)
        {
            var variant = signer.SignUrl(string.Create(CultureInfo.InvariantCulture, $"{url}?width=400&quality={100 - (i % 70)}&format={(i < 70 ? "jpg" : "webp")}"));
            watch.Restart();
            using var get = await http.GetAsync(baseUrl + variant);
            await get.Content.ReadAsByteArrayAsync();
            if (get.IsSuccessStatusCode)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
            else
            {
                failures++;
            }
        }
        Console.WriteLine($"image_variant_failures={failures}");
        Stats.Report("image_new_variant_ms", latencies);
        // A preset (no signature needed), asked once so the disk cache holds it before wrk.
        var cached = baseUrl + url + "?width=640";
        using (var warm = await http.GetAsync(cached))
        {
            Console.WriteLine($"image_cached_status={(int)warm.StatusCode}");
        }
        Console.WriteLine($"image_cached_url={cached}");
        return failures == 0 ? 0 : 1;
    }

    private static byte[] Generate()
    {
        using var image = new Image<Rgb24>(3000, 2000);
        var random = new Random(42);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var noise = random.Next(-24, 24);
                    row[x] = new Rgb24((byte)Math.Clamp(x * 255 / 3000 + noise, 0, 255), (byte)Math.Clamp(y * 255 / 2000 + noise, 0, 255), (byte)Math.Clamp(128 + noise, 0, 255));
                }
            }
        });
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 85 });
        return output.ToArray();
    }
}
