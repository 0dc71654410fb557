namespace GuidanceBot.LoadGen;

/// <summary>Prints the first few errors as they happen, so a broken bot is diagnosed from one run.</summary>
public sealed class ErrorLog(int limit)
{
    private int _seen;

    public void Report(string conversationId, bool warmup, string error)
    {
        var n = Interlocked.Increment(ref _seen);
        if (n <= limit)
        {
            Console.Error.WriteLine($"error {n}{(warmup ? " (warm-up)" : "")} in {conversationId}: {error}");
        }
        else if (n == limit + 1)
        {
            Console.Error.WriteLine($"(further errors are counted, not printed)");
        }
    }
}
