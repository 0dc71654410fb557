namespace GuidanceBot.Tests;

/// <summary>Polls a condition until it holds or a deadline passes; tests never sleep to wait.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(20);
        }
    }

    public static Task<T> Until<T>(Func<T> probe, Func<T, bool> done, string what, int seconds = 15) =>
        Until(() => Task.FromResult(probe()), done, what, seconds);
}
