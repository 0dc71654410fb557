using System.Collections.Concurrent;
using System.Globalization;

namespace GuidanceBot.DirectLineLoad;

/// <summary>Latencies of measured turns and the errors, shared by all clients.</summary>
public sealed class LoadTally
{
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentQueue<string> _errors = new();
    private int _errorCount;

    public volatile bool Measuring;

    public void Record(double milliseconds) => _latencies.Add(milliseconds);

    public void Error(string message)
    {
        if (Interlocked.Increment(ref _errorCount) <= 5)
        {
            _errors.Enqueue(message);
        }
    }

    public int Errors => _errorCount;

    public void Print(int clients, double seconds, TextWriter output)
    {
        var sorted = _latencies.ToArray();
        Array.Sort(sorted);
        double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        var f = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(f, $"  clients         {clients} Web Chat-like (WebSocket stream each)"));
        output.WriteLine(string.Create(f, $"  duration        {seconds:F1} s measured"));
        output.WriteLine(string.Create(f, $"  turns           {sorted.Length}"));
        output.WriteLine(string.Create(f, $"  errors          {_errorCount}"));
        output.WriteLine(string.Create(f, $"  turns/s         {sorted.Length / seconds:F1}"));
        output.WriteLine(string.Create(f, $"  post→reply p50  {P(0.50):F2} ms"));
        output.WriteLine(string.Create(f, $"  post→reply p90  {P(0.90):F2} ms"));
        output.WriteLine(string.Create(f, $"  post→reply p99  {P(0.99):F2} ms"));
        output.WriteLine(string.Create(f, $"  post→reply max  {(sorted.Length == 0 ? double.NaN : sorted[^1]):F2} ms"));
        foreach (var error in _errors)
        {
            Console.Error.WriteLine("  error: " + error);
        }
    }
}
