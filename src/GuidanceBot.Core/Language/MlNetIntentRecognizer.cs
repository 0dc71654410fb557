using GuidanceBot.Content;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace GuidanceBot.Language;

/// <summary>
/// Microsoft.ML: bag of words, word pairs and character n-grams (<c>FeaturizeText</c>) into a linear maximum-entropy
/// classifier (<c>SdcaMaximumEntropy</c>), over the same prepared words as <see cref="CharNGramIntentRecognizer"/>.
/// The class probability is the score; a message with no word seen in training scores nothing.
/// </summary>
public sealed class MlNetIntentRecognizer : IIntentRecognizer
{
    /// <summary>Class probability calibrated to score 0.5 (<c>BotOptions.StrongMatch</c>).</summary>
    public const double Threshold = 0.35;

    private readonly IntentText _text;
    private readonly PredictionEngine<Utterance, Prediction> _engine;
    private readonly string[] _labels;
    private readonly Lock _engineLock = new();

    private MlNetIntentRecognizer(IntentText text, PredictionEngine<Utterance, Prediction> engine, string[] labels)
    {
        _text = text;
        _engine = engine;
        _labels = labels;
    }

    /// <summary>Trains on the catalog's utterances and titles.</summary>
    public static MlNetIntentRecognizer Train(FlowCatalog catalog) => Train(IntentTraining.Examples(catalog));

    public static MlNetIntentRecognizer Train(IReadOnlyList<(string FlowId, string Text)> examples)
    {
        var text = IntentText.Learn(examples.Select(e => e.Text));
        var ml = new MLContext(seed: 1);
        var rows = examples.Select(e => new Utterance { Label = e.FlowId, Text = Prepare(text, e.Text) }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepNumbers = true,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 5, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurize, nameof(Utterance.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Label", "Features"));
        var model = pipeline.Fit(data);

        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)["Label"].GetKeyValues(ref keys);
        var labels = keys.DenseValues().Select(k => k.ToString()).ToArray();
        return new MlNetIntentRecognizer(text, ml.Model.CreatePredictionEngine<Utterance, Prediction>(model), labels);
    }

    public IReadOnlyList<IntentMatch> Recognize(string text, int top = 3)
    {
        var words = _text.Words(text ?? "");
        if (!words.Any(_text.IsKnown))
        {
            return [];
        }
        float[] scores;
        // A prediction engine is not thread-safe; predictions take microseconds, so one lock is cheaper than a pool.
        lock (_engineLock)
        {
            scores = _engine.Predict(new Utterance { Text = Prepare(_text, text ?? "") }).Score ?? [];
        }
        return scores.Select((p, i) => new IntentMatch(_labels[i], Math.Round(Calibrate(p), 4)))
            .OrderByDescending(m => m.Score).ThenBy(m => m.FlowId, StringComparer.Ordinal).Take(top).ToList();
    }

    // Folded words only: adding the accented words as well made the classifier no better on the evaluation set.
    private static string Prepare(IntentText text, string utterance) => string.Join(' ', text.Words(utterance));

    /// <summary>Maps a probability to [0, 1] so that <see cref="Threshold"/> lands on 0.5, linearly on each side.</summary>
    internal static double Calibrate(double probability)
    {
        var p = Math.Clamp(probability, 0, 1);
        return p <= Threshold ? 0.5 * p / Threshold : 0.5 + 0.5 * (p - Threshold) / (1 - Threshold);
    }

    private sealed class Utterance
    {
        public string Label { get; set; } = "";
        public string Text { get; set; } = "";
    }

    private sealed class Prediction
    {
        public float[]? Score { get; set; }
    }
}
