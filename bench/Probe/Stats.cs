using System.Globalization;

/// <summary>Prints latency percentiles as key=value lines.</summary>
internal static class Stats
{
    public static void Report(string name, List<double> values)
    {
        if (values.Count == 0)
        {
            Console.WriteLine($"{name}_count=0");
            return;
        }
        values.Sort();
        double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_count={values.Count}\n{name}_p50={At(0.50):0.0}\n{name}_p95={At(0.95):0.0}\n{name}_p99={At(0.99):0.0}\n{name}_max={values[^1]:0.0}"));
    }
}
