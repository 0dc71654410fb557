using GuidanceBot.Analytics;
using GuidanceBot.Content;

namespace GuidanceBot.Tests.Bot;

/// <summary>Walks every flow in dialogs/ through the real router and interpreter, as a citizen tapping buttons would.</summary>
public class FlowTranscriptTests
{
    public static TheoryData<string, string> AllTranscripts()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in TranscriptFile.All)
        {
            foreach (var transcript in file.Transcripts)
            {
                data.Add(file.Flow, transcript.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllTranscripts))]
    public async Task Transcript_walks_the_flow_to_its_outcome(string flowId, string name)
    {
        var transcript = TranscriptFile.All.Single(f => f.Flow == flowId).Transcripts.Single(t => t.Name == name);
        await Walk(flowId, transcript);
    }

    [Fact]
    public async Task Transcripts_together_enter_every_step_of_every_flow()
    {
        var entered = new HashSet<(string, string)>();
        foreach (var file in TranscriptFile.All)
        {
            foreach (var transcript in file.Transcripts)
            {
                foreach (var e in await Walk(file.Flow, transcript))
                {
                    if (e.Kind == EventKinds.StepEntered && e.FlowId is not null)
                    {
                        entered.Add((e.FlowId, e.StepId!));
                    }
                }
            }
        }

        var missing = RealBot.Catalog.Flows.SelectMany(f => f.Steps.Select(s => (f.Id, s.Id))).Where(s => !entered.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "Steps no transcript enters:\n" + string.Join("\n", missing.Select(m => $"{m.Item1}/{m.Item2}")));
    }

    [Fact]
    public void Every_flow_has_a_completed_walk_and_another_branch()
    {
        foreach (var flow in RealBot.Catalog.Flows)
        {
            var file = TranscriptFile.All.SingleOrDefault(f => f.Flow == flow.Id);
            Assert.True(file is not null, $"No transcripts for {flow.Id}");
            Assert.Contains(file.Transcripts, t => t.Outcome == Outcomes.Completed);
            Assert.True(file.Transcripts.Count >= 2, $"{flow.Id} needs a transcript of another branch");
        }
    }

    /// <summary>Runs one transcript, checking each tap is a button on screen; returns the events it recorded.</summary>
    private static async Task<IReadOnlyList<AnalyticsEvent>> Walk(string flowId, Transcript transcript)
    {
        var chat = new Conversation(RealBot.Create());
        await chat.Join();
        await chat.Say(transcript.Say);
        var started = (await chat.Events()).FirstOrDefault(e => e.Kind == EventKinds.FlowStarted);
        Assert.True(started?.FlowId == flowId, $"\"{transcript.Say}\" started {started?.FlowId ?? "nothing"}, not {flowId}. Bot said: {chat.LastText}");

        foreach (var answer in transcript.Answers)
        {
            string text;
            if (answer.StartsWith("> ", StringComparison.Ordinal))
            {
                text = answer[2..];
            }
            else
            {
                Assert.True(chat.Buttons.Contains(answer), $"[{transcript.Name}] \"{answer}\" is not a button. Bot said: {chat.LastText}\nButtons: {string.Join(" | ", chat.Buttons)}");
                text = answer;
            }
            await chat.Say(text);
        }

        var events = await chat.Events();
        var completed = events.LastOrDefault(e => e.Kind == EventKinds.FlowCompleted && e.FlowId == flowId && e.RunId == started!.RunId);
        Assert.True(completed is not null, $"[{transcript.Name}] {flowId} did not end. Bot said: {chat.LastText}\nButtons: {string.Join(" | ", chat.Buttons)}");
        Assert.Equal(transcript.Outcome, completed.Property("outcome"));
        Assert.Contains("Hướng dẫn này có giúp được bạn không?", chat.LastText);

        await chat.Say("Có, hữu ích");
        events = await chat.Events();
        Assert.Contains(events, e => e.Kind == EventKinds.HelpfulAnswered && e.FlowId == flowId && e.Property("helpful") == "yes");
        return events;
    }
}
