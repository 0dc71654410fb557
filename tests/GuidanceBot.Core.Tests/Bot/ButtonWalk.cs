using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.Activities;
using GuidanceBot.Analytics;
using GuidanceBot.Bot;
using GuidanceBot.Content;
using GuidanceBot.Dialogs;
using GuidanceBot.Engine;

namespace GuidanceBot.Tests.Bot;

/// <summary>
/// Taps every button of one flow through the real bot, depth-first, as a citizen could, and reports where they could
/// get stuck: a message with no way on, a button that shows the same screen again, a loop no button leads out of, a
/// button the bot does not understand, and a link to the bare portal home page where the flow has its own procedure page.
/// A conversation is forked at each screen (its stored state copied under a new conversation id with an analytics id of
/// its own, in a database file of the walk's own), so each screen is walked once.
/// </summary>
internal sealed class ButtonWalk : IDisposable
{
    private const string Channel = "test";

    // The engine's own reply to "Vẫn chưa được" repeats the stuck screen on purpose: it names the hotline and waits.
    private static readonly string[] StillStuck = ["Vẫn chưa được", "Still stuck"];

    private readonly IBot _bot;
    private readonly FlowCatalog _catalog;
    private readonly FlowDefinition _flow;
    private readonly string _hotline;
    private readonly int _maxScreens;
    private readonly Dictionary<string, Screen> _screens = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _outcomes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _badLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FlowDefinition Owner, FlowLink Link)> _links;
    private readonly TestDatabase _database = new();
    private string _runId = "";
    private int _presses;
    private int _forks;

    private ButtonWalk(IBot bot, FlowCatalog catalog, FlowDefinition flow, string hotline, int maxScreens)
    {
        _bot = bot;
        _catalog = catalog;
        _flow = flow;
        _hotline = hotline;
        _maxScreens = maxScreens;
        _links = catalog.Flows
            .SelectMany(f => f.Steps.SelectMany(LinksOf).Select(l => (Owner: f, Link: l)))
            .ToDictionary(x => x.Link.Id, x => x, StringComparer.Ordinal);
    }

    /// <summary>What the walk found for one flow.</summary>
    public sealed record Report(string FlowId, int Screens, int Presses, IReadOnlyList<string> Problems, IReadOnlyCollection<string> Outcomes);

    /// <summary>Starts <paramref name="flow"/> by tapping its title, as the menu does, and walks every button path from there.</summary>
    public static async Task<Report> RunAsync(IBot bot, FlowCatalog catalog, FlowDefinition flow, string hotline, int maxScreens = 20_000)
    {
        using var walk = new ButtonWalk(bot, catalog, flow, hotline, maxScreens);
        await walk.WalkAsync();
        return new Report(flow.Id, walk._screens.Count, walk._presses, walk._problems, walk._outcomes);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>One state of the conversation: where every run on the stack stands, and the way there.</summary>
    private sealed class Screen(string signature, IReadOnlyList<string> path, bool question)
    {
        public string Signature { get; } = signature;
        public IReadOnlyList<string> Path { get; } = path;

        /// <summary>The citizen is answering a question (an ask step), not reading or doing something.</summary>
        public bool Question { get; } = question;

        public List<string> Next { get; } = [];
    }

    private async Task WalkAsync()
    {
        var (chat, key) = NewConversation();
        await chat.Join();
        await chat.Say(_flow.Title.Vi);
        var json = await StateAsync(key);
        var started = (await EventsAsync(json)).FirstOrDefault(e => e.Kind == EventKinds.FlowStarted && e.FlowId == _flow.Id);
        if (started?.RunId is null)
        {
            _problems.Add($"tapping the title \"{_flow.Title.Vi}\" did not start the flow. Bot said: {chat.LastText}");
            return;
        }
        _runId = started.RunId;

        var first = NewScreen(json, []);
        _screens[first.Signature] = first;
        CheckLinks(chat.LastReplies, first.Path);
        if (ImBackButtons(chat.LastReplies).Count == 0)
        {
            _problems.Add($"{Describe(first.Path)}: dead end, the first screen has no button. Bot said: {chat.LastText}");
            return;
        }
        var pending = new Stack<(Screen Screen, string Json, IReadOnlyList<Activity> Replies)>();
        pending.Push((first, json, chat.LastReplies));

        while (pending.Count > 0)
        {
            var (screen, stateJson, replies) = pending.Pop();
            foreach (var button in ImBackButtons(replies))
            {
                var next = await PressAsync(screen, stateJson, replies, button);
                if (next is not null)
                {
                    pending.Push(next.Value);
                }
                if (_screens.Count > _maxScreens)
                {
                    _problems.Add($"more than {_maxScreens} different screens: the walk stopped (a loop that keeps growing the state?)");
                    return;
                }
            }
        }
        FindTraps();
        FindQuestionLoops();
    }

    private Screen NewScreen(string json, IReadOnlyList<string> path)
    {
        var (text, flowId, stepId, mode) = Signature(json);
        var question = mode == "answer" && flowId is not null && stepId is not null && _catalog.Find(flowId)?.FindStep(stepId) is AskStep;
        return new Screen(text, path, question);
    }

    /// <summary>Taps one button on a copy of the conversation; returns the new screen when it was not seen before.</summary>
    private async Task<(Screen, string, IReadOnlyList<Activity>)?> PressAsync(Screen from, string stateJson, IReadOnlyList<Activity> shown, string button)
    {
        _presses++;
        var path = from.Path.Append(button).ToList();
        var (chat, key) = NewConversation();
        await _database.Store.SaveAsync(key, new ConversationWrite(WithAnalyticsId(stateJson, key.Id), null, null), null, [], CancellationToken.None);
        await chat.Say(button);
        var replies = chat.LastReplies;
        var json = await StateAsync(key);
        var events = await EventsAsync(json);
        CheckLinks(replies, path);

        if (events.Any(e => e.Kind is EventKinds.NotUnderstood or EventKinds.PromptRetried))
        {
            _problems.Add($"{Describe(path)}: the bot did not understand its own button \"{button}\". Bot said: {Text(replies)}");
            return null;
        }
        var completed = events.FirstOrDefault(e => e.Kind == EventKinds.FlowCompleted && e.RunId == _runId);
        if (completed is not null)
        {
            _outcomes.Add(completed.Property("outcome") ?? "?");
            if (!ImBackButtons(replies).Contains("Có, hữu ích"))
            {
                _problems.Add($"{Describe(path)}: the flow ended without asking whether the guide helped. Bot said: {Text(replies)}");
            }
            from.Next.Add(EndSignature);
            return null;
        }

        var signature = Signature(json).Text;
        if (!signature.Contains(_runId, StringComparison.Ordinal))
        {
            _problems.Add($"{Describe(path)}: the flow was left without an end (no outcome recorded). Bot said: {Text(replies)}");
            return null;
        }
        if (ImBackButtons(replies).Count == 0)
        {
            _problems.Add($"{Describe(path)}: dead end, the bot shows no button to go on. Bot said: {Text(replies)}");
            return null;
        }
        if (signature == from.Signature && Text(replies) == Text(shown))
        {
            if (StillStuck.Contains(button) && Text(replies).Contains(_hotline, StringComparison.Ordinal))
            {
                return null;
            }
            _problems.Add($"{Describe(path)}: \"{button}\" shows the same screen again, no progress. Bot said: {Text(replies)}");
            return null;
        }

        from.Next.Add(signature);
        if (_screens.ContainsKey(signature))
        {
            return null;
        }
        var screen = NewScreen(json, path);
        _screens[signature] = screen;
        return (screen, json, replies);
    }

    private const string EndSignature = "(end)";

    /// <summary>A conversation under a new id in the walk's own database.</summary>
    private (Conversation Chat, ConversationKey Key) NewConversation()
    {
        var id = $"walk-{++_forks}";
        return (new Conversation(_bot, _database.Store, id), new ConversationKey(Channel, id));
    }

    private async Task<string> StateAsync(ConversationKey key) => (await _database.Store.LoadAsync(key, CancellationToken.None))!.Json;

    /// <summary>The events of the conversation whose state this is (events are filed under the state's analytics id).</summary>
    private Task<IReadOnlyList<AnalyticsEvent>> EventsAsync(string stateJson) =>
        ((IAnalyticsSink)_database.Store).ReadAsync((string?)JsonNode.Parse(stateJson)!["analyticsId"], CancellationToken.None);

    /// <summary>A copy of a state under its own analytics id, so the fork's events are told apart from its parent's.</summary>
    private static string WithAnalyticsId(string stateJson, string analyticsId)
    {
        var state = JsonNode.Parse(stateJson)!;
        state["analyticsId"] = analyticsId;
        return state.ToJsonString();
    }

    /// <summary>Screens from which no button path reaches an end: the citizen can only go round in circles.</summary>
    private void FindTraps()
    {
        var reachesEnd = new HashSet<string>(StringComparer.Ordinal) { EndSignature };
        bool changed;
        do
        {
            changed = false;
            foreach (var screen in _screens.Values)
            {
                if (!reachesEnd.Contains(screen.Signature) && screen.Next.Any(reachesEnd.Contains))
                {
                    reachesEnd.Add(screen.Signature);
                    changed = true;
                }
            }
        }
        while (changed);

        // Screens already reported (dead end, no progress) have no way on either; report each trap once, shortest path first.
        foreach (var screen in _screens.Values.Where(s => !reachesEnd.Contains(s.Signature)).OrderBy(s => s.Path.Count).Take(5))
        {
            _problems.Add($"{Describe(screen.Path)}: no button path from here ends the flow (a loop with no way out)");
        }
    }

    /// <summary>
    /// Questions that lead back to each other with nothing to read or do in between: the citizen answers round in a
    /// circle and the conversation never changes.
    /// </summary>
    private void FindQuestionLoops()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var counter = 0;
        foreach (var screen in _screens.Values.Where(s => s.Question && !index.ContainsKey(s.Signature)))
        {
            Connect(screen.Signature);
        }

        // Tarjan's strongly connected components over the question screens only (recursion depth is bounded by the
        // number of question screens in one loop, a handful in practice).
        void Connect(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _screens[v].Next.Where(n => _screens.TryGetValue(n, out var next) && next.Question))
            {
                if (!index.ContainsKey(w))
                {
                    Connect(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }
            if (low[v] != index[v])
            {
                return;
            }
            var loop = new List<Screen>();
            string w2;
            do
            {
                w2 = stack.Pop();
                onStack.Remove(w2);
                loop.Add(_screens[w2]);
            }
            while (w2 != v);
            if (loop.Count > 1)
            {
                var first = loop.OrderBy(s => s.Path.Count).First();
                _problems.Add($"{Describe(first.Path)}: {loop.Count} questions lead back to each other with nothing to read or do in between");
            }
        }
    }

    /// <summary>
    /// Where every flow run on the stack stands (flow, run, step, and its mode: answering, stuck, or the side question it
    /// asks), ignoring answers and history, with the other dialogs on the stack (side-question prompts); and the innermost
    /// run's step. Runs are read as the bot stores them (<see cref="FlowRun"/>).
    /// </summary>
    private static (string Text, string? Flow, string? Step, string? Mode) Signature(string stateJson)
    {
        var state = JsonNode.Parse(stateJson)!;
        var text = new StringBuilder();
        (string? Flow, string? Step, string? Mode) innermost = default;
        Append(state["dialogStack"] as JsonArray);
        return (text.ToString(), innermost.Flow, innermost.Step, innermost.Mode);

        void Append(JsonArray? stack)
        {
            foreach (var instance in stack ?? [])
            {
                var id = (string?)instance?["id"] ?? "";
                var run = instance?["state"] is JsonObject s ? FlowRun.Read(new DialogInstance { Id = id, State = (JsonObject)s.DeepClone() }) : null;
                var mode = run is null ? null : run.Asking?.ToString().ToLowerInvariant() ?? (run.Stuck ? "stuck" : run.Ended ? "ended" : "answer");
                text.Append('[').Append(id)
                    .Append('|').Append(run?.Flow).Append('|').Append(run?.Run)
                    .Append('|').Append(run?.Step).Append('|').Append(mode)
                    .Append(']');
                if (run is not null)
                {
                    innermost = (run.Flow, run.Step, mode);
                }
                Append(instance?["dialogs"] as JsonArray);
            }
        }
    }

    private void CheckLinks(IReadOnlyList<Activity> replies, IReadOnlyList<string> path)
    {
        foreach (var action in replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Where(a => a.Type == CardActionTypes.OpenUrl))
        {
            var value = action.Value?.ToString() ?? "";
            var id = LinkId(value);
            if (id is null || !_links.TryGetValue(id, out var link))
            {
                _problems.Add($"{Describe(path)}: link button \"{action.Title}\" does not go through the tracked redirect to a known link ({value})");
                continue;
            }
            if (link.Owner.Source.Code is not null && IsBarePortal(link.Link.Url) && _badLinks.Add(link.Link.Id))
            {
                _problems.Add($"{Describe(path)}: link \"{link.Link.Id}\" opens the bare portal home page {link.Link.Url}; " +
                    $"{link.Owner.Id} has its own procedure page (code {link.Owner.Source.Code})");
            }
        }
    }

    /// <summary>The national portal's home page with no path: the citizen lands on a search box, not on the procedure.</summary>
    public static bool IsBarePortal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Host.Equals("dichvucong.gov.vn", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("www.dichvucong.gov.vn", StringComparison.OrdinalIgnoreCase))
        && (uri.AbsolutePath is "" or "/")
        && uri.Query.Length == 0;

    private static string? LinkId(string value)
    {
        var at = value.IndexOf("/go/", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var rest = value[(at + 4)..];
        var end = rest.IndexOfAny(['?', '#', '/']);
        return Uri.UnescapeDataString(end < 0 ? rest : rest[..end]);
    }

    private static IEnumerable<FlowLink> LinksOf(StepDefinition step) => step switch
    {
        InformStep inform => inform.Links,
        DoStep @do => @do.Links,
        _ => [],
    };

    private static List<string> ImBackButtons(IReadOnlyList<Activity> replies) =>
        replies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions!.Actions
            .Where(a => a.Type == CardActionTypes.ImBack)
            .Select(a => a.Title ?? "")
            .ToList() ?? [];

    private static string Text(IReadOnlyList<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    private string Describe(IReadOnlyList<string> path) =>
        $"{_flow.Id} [{_flow.Title.Vi}{string.Concat(path.Select(p => " › " + p))}]";
}
