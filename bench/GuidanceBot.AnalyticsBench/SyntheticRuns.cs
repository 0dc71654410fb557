using GuidanceBot.Analytics;
using GuidanceBot.Content;

namespace GuidanceBot.AnalyticsBench;

/// <summary>
/// Realistic-looking flow runs: a popularity per flow (Zipf), a drop-off hazard per step drawn once per step
/// (most steps lose 2–8 %, a few "hard" ones 15–35 %), endings among abandoned / cancelled / handed off / replaced,
/// some abandoned runs resumed and completed, log-normal seconds per step, and some not-understood texts and link clicks.
/// </summary>
public sealed class SyntheticRuns
{
    private static readonly string[] Channels = ["webchat", "zalo", "directline"];
    private static readonly string[] Texts = ["làm sao để nộp", "không thấy nút", "mã otp", "tôi không hiểu", "lệ phí bao nhiêu", "[SỐ ĐIỆN THOẠI] gọi lại", "ở đâu", "bao lâu"];

    private readonly Random _random;
    private readonly DateTimeOffset _from;
    private readonly int _days;
    private readonly FlowDefinition[] _flows;
    private readonly double[] _popularity;
    private readonly Dictionary<(string, string), double> _hazard = new();

    public SyntheticRuns(FlowCatalog catalog, Random random, DateTimeOffset from, int days)
    {
        _random = random;
        _from = from;
        _days = days;
        _flows = catalog.Flows.Where(f => f.MainPath.Count > 1).ToArray();
        _popularity = _flows.Select((_, i) => 1.0 / (i + 1)).ToArray();
        foreach (var flow in _flows)
        {
            foreach (var step in flow.Steps)
            {
                _hazard[(flow.Id, step.Id)] = _random.NextDouble() < 0.15 ? 0.15 + 0.2 * _random.NextDouble() : 0.02 + 0.06 * _random.NextDouble();
            }
        }
    }

    public long Runs { get; private set; }

    public string BusiestFlow => _flows[0].Id;

    public List<AnalyticsEvent> NextBatch(int atLeast)
    {
        var events = new List<AnalyticsEvent>(atLeast + 64);
        while (events.Count < atLeast)
        {
            AddRun(events);
        }
        return events;
    }

    private void AddRun(List<AnalyticsEvent> events)
    {
        Runs++;
        var flow = _flows[Pick(_popularity)];
        var conversation = Convert.ToHexStringLower(BitConverter.GetBytes(_random.NextInt64()));
        var run = Convert.ToHexStringLower(BitConverter.GetBytes(_random.NextInt64()));
        var channel = Channels[_random.Next(10) switch { < 5 => 0, < 9 => 1, _ => 2 }];
        var language = _random.NextDouble() < 0.93 ? "vi" : "en";
        // Citizens write more in the daytime (Vietnam), on any of the days.
        var t = _from.AddDays(_random.Next(_days)).AddHours(1 + 12 * _random.NextDouble());
        AnalyticsEvent E(string kind, string? step, Dictionary<string, string>? props = null) => new(conversation, channel, kind, t)
        {
            RunId = run, FlowId = flow.Id, ContentVersion = flow.ContentVersion, StepId = step, Language = language, Properties = props,
        };
        events.Add(E(EventKinds.FlowStarted, null));
        var path = flow.MainPath;
        var resumedOnce = false;
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            events.Add(E(EventKinds.StepEntered, step));
            if (flow.FindStep(step) is EndStep end)
            {
                events.Add(E(EventKinds.FlowCompleted, step, new() { ["outcome"] = end.Outcome }));
                if (_random.NextDouble() < 0.4)
                {
                    t = t.AddSeconds(5);
                    events.Add(E(EventKinds.HelpfulAnswered, step, new() { ["helpful"] = _random.NextDouble() < 0.8 ? "yes" : "no" }));
                }
                return;
            }
            t = t.AddSeconds(Math.Exp(Math.Log(25) + 0.9 * Gaussian()));
            if (_random.NextDouble() < 0.04)
            {
                events.Add(E(EventKinds.NotUnderstood, step, new() { ["text"] = Texts[_random.Next(Texts.Length)] }));
            }
            if (_random.NextDouble() < 0.05)
            {
                events.Add(E(EventKinds.LinkClicked, null, new() { ["link"] = flow.Id + "-portal" }));
            }
            if (_random.NextDouble() < _hazard[(flow.Id, step)])
            {
                var roll = _random.NextDouble();
                if (roll < 0.65)
                {
                    events.Add(E(EventKinds.FlowAbandoned, step));
                    if (resumedOnce || _random.NextDouble() > 0.1)
                    {
                        return;
                    }
                    resumedOnce = true;
                    t = t.AddHours(2 + 20 * _random.NextDouble());
                    events.Add(E(EventKinds.FlowResumed, step, new() { ["after"] = "abandoned" }));
                }
                else
                {
                    events.Add(E(roll < 0.85 ? EventKinds.FlowCancelled : roll < 0.97 ? EventKinds.HandedOff : EventKinds.FlowReplaced, step));
                    return;
                }
            }
            events.Add(E(EventKinds.StepAnswered, step));
        }
    }

    private int Pick(double[] weights)
    {
        var x = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x <= 0) return i;
        }
        return weights.Length - 1;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
