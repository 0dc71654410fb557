using GuidanceBot.Content;

namespace GuidanceBot.Language;

/// <summary>
/// The registered recogniser: trained on the content at start-up and again when the content changes, so staff who
/// add utterances to dialogs/ see them understood without a separate training step.
/// </summary>
public sealed class RetrainingIntentRecognizer : IIntentRecognizer
{
    private readonly Func<FlowCatalog> _catalog;
    private readonly Func<FlowCatalog, IIntentRecognizer> _train;
    private readonly Lock _trainLock = new();
    private volatile Trained _trained;

    public RetrainingIntentRecognizer(Func<FlowCatalog> catalog, Func<FlowCatalog, IIntentRecognizer> train)
    {
        _catalog = catalog;
        _train = train;
        var current = catalog();
        _trained = new Trained(current, train(current));
    }

    /// <summary>Trains on <paramref name="catalog"/> now (the content provider calls this after a reload), unless that is done already.</summary>
    public void Retrain(FlowCatalog catalog) => For(catalog);

    public IReadOnlyList<IntentMatch> Recognize(string text, int top = 3) => For(_catalog()).Recognize(text, top);

    private IIntentRecognizer For(FlowCatalog catalog)
    {
        var trained = _trained;
        if (ReferenceEquals(trained.Catalog, catalog))
        {
            return trained.Recognizer;
        }
        lock (_trainLock)
        {
            if (!ReferenceEquals(_trained.Catalog, catalog))
            {
                _trained = new Trained(catalog, _train(catalog));
            }
            return _trained.Recognizer;
        }
    }

    private sealed record Trained(FlowCatalog Catalog, IIntentRecognizer Recognizer);
}
