using GuidanceBot.Analytics;

namespace GuidanceBot.Tests.Analytics;

/// <summary>The small-number rule: no group under the minimum is shown, and the total minus the shown groups is never a small number.</summary>
public class SmallNumbersTests
{
    [Theory]
    // runs per group, runs in no group, minimum → hidden indexes
    [InlineData(new long[] { 10, 7, 6 }, 0, 5, new int[0])]            // all large, nothing unlisted
    [InlineData(new long[] { 10, 7, 2 }, 0, 5, new[] { 2, 1 })]       // 2 alone would be total − 17: hide the next smallest too
    [InlineData(new long[] { 10, 7, 2 }, 3, 5, new[] { 2 })]          // 2 + 3 without a commune = 5: enough cover
    [InlineData(new long[] { 10, 7, 0 }, 0, 5, new[] { 2 })]          // no runs still reads "< 5", but hides nothing else
    [InlineData(new long[] { 10, 7, 0 }, 2, 5, new[] { 2, 1 })]       // 2 runs without a commune would be exact otherwise
    [InlineData(new long[] { 1, 1 }, 0, 5, new[] { 0, 1 })]           // everything small
    [InlineData(new long[] { 6, 5, 1 }, 0, 5, new[] { 2, 1 })]        // the smallest shown one goes, ties by order
    [InlineData(new long[] { 3 }, 0, 1, new int[0])]                  // a minimum of 1 hides nothing
    public void Hides_small_groups_and_what_subtraction_would_give_away(long[] runs, long unlisted, int min, int[] hidden)
    {
        var result = SmallNumbers.Hidden(runs, unlisted, min);

        Assert.Equal(hidden.Order(), result.Order());
        var remainder = unlisted + result.Sum(i => runs[i]);
        Assert.True(remainder == 0 || remainder >= min || result.Count == runs.Length, $"remainder {remainder}");
    }

    [Fact]
    public void A_hidden_count_reads_less_than_the_minimum_in_json_and_text()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { SmallCount.Exact(12), SmallCount.Hidden(5) });

        var array = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsArray();
        Assert.Equal((12L, "< 5"), ((long)array[0]!, (string?)array[1]));
        Assert.Equal("< 5", SmallCount.Hidden(5).ToString());
        Assert.Equal([SmallCount.Exact(12), SmallCount.Hidden(5)], System.Text.Json.JsonSerializer.Deserialize<SmallCount[]>(json)!);
    }
}
