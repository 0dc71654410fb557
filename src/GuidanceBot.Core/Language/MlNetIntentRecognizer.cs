using GuidanceBot.Content;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GuidanceBot.Language;

/// <summary>
/// Microsoft.ML's linear maximum-entropy classifier (<c>SdcaMaximumEntropy</c>) over the features of
/// <see cref="IntentFeatures"/>, each block L2-normalised as ML.NET's <c>FeaturizeText</c> does. ML.NET trains; the
/// bot scores with the trained weights itself (softmax of weights × features + bias, exactly what the model computes),
/// which needs no prediction engine, no lock and no allocation per feature. The class probability is the score; a
/// message with no word seen in training scores nothing.
/// </summary>
public sealed class MlNetIntentRecognizer : IIntentRecognizer
{
    /// <summary>Class probability calibrated to score 0.5 (<c>BotOptions.StrongMatch</c>).</summary>
    public const double Threshold = 0.35;

    // What ML.NET's SDCA picks on its own for a data set of any size (20 / (expected passes × rows), the expected passes
    // being inversely proportional to the rows); fixed here so that capping the passes below cannot change it.
    private const float L2Regularization = 2.6674776E-05f;

    // Left to itself SDCA makes up to 3 × 500,000 / rows passes (2,361 on our 635 examples), computing the duality gap
    // after each (another pass over the data), and keeps its best model, which on our content is that of pass 53. We
    // run 60 passes without the checks and keep the last model: the evaluation set gives the same figures as uncapped,
    // cross-validation on dialogs/ is within one utterance, and training takes a fraction of the time. With much more
    // content, compare again (guidancebot eval --folds 5) before trusting the cap.
    private const int MaximumIterations = 60;

    private readonly IntentTrainingSet _set;
    // Feature-major: the weights of feature f for every flow are [f × flows, (f + 1) × flows).
    private readonly float[] _weights;
    private readonly float[] _biases;

    private MlNetIntentRecognizer(IntentTrainingSet set, float[] weights, float[] biases)
    {
        _set = set;
        _weights = weights;
        _biases = biases;
    }

    /// <summary>Trains on the catalog's utterances and titles.</summary>
    public static MlNetIntentRecognizer Train(FlowCatalog catalog) => Train(IntentTraining.Examples(catalog));

    public static MlNetIntentRecognizer Train(IReadOnlyList<(string FlowId, string Text)> examples) => Train(IntentTrainingSet.Build(examples));

    internal static MlNetIntentRecognizer Train(IntentTrainingSet set)
    {
        var dimension = set.Features.Count;
        var rows = new List<Row>(set.Examples.Length);
        for (var e = 0; e < set.Examples.Length; e++)
        {
            var counts = set.Examples[e];
            var values = new float[counts.Length];
            Normalize(set.Features, counts, values);
            rows.Add(new Row { Label = set.Flows[set.ExampleFlow[e]], Features = new VBuffer<float>(dimension, counts.Length, values, counts.Ids) });
        }

        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            L2Regularization = L2Regularization,
            MaximumNumberOfIterations = MaximumIterations,
            // One thread: the same content always gives the same model, and start-up leaves the other core to the host.
            NumberOfThreads = 1,
            ConvergenceCheckFrequency = 0,
        });
        var model = ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label)).Append(trainer).Fit(data);

        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)[nameof(Row.Label)].GetKeyValues(ref keys);
        var classFlow = keys.DenseValues().Select(k => Array.IndexOf(set.Flows, k.ToString())).ToArray();
        VBuffer<float>[] classWeights = [];
        model.LastTransformer.Model.GetWeights(ref classWeights, out var classes);
        var flows = set.Flows.Length;
        var weights = new float[dimension * flows];
        var biases = new float[flows];
        var classBiases = model.LastTransformer.Model.GetBiases().ToArray();
        for (var c = 0; c < classes; c++)
        {
            var flow = classFlow[c];
            biases[flow] = classBiases[c];
            var values = classWeights[c].GetValues();
            var indices = classWeights[c].GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                weights[(classWeights[c].IsDense ? i : indices[i]) * flows + flow] = values[i];
            }
        }
        return new MlNetIntentRecognizer(set, weights, biases);
    }

    public IReadOnlyList<IntentMatch> Recognize(string text, int top = 3)
    {
        var (prepared, counts) = _set.Read(text ?? "");
        Span<double> scores = stackalloc double[_set.Flows.Length];
        return Score(prepared, counts, scores) ? IntentRanking.Top(scores, _set.Flows, top) : [];
    }

    /// <summary>Each flow's calibrated probability; false (and nothing written) when no word of the message was seen in training.</summary>
    internal bool Score(PreparedText text, IntentFeatures.Counts counts, Span<double> scores)
    {
        if (!text.Words.Any(_set.Text.IsKnown))
        {
            return false;
        }
        var flows = scores.Length;
        for (var f = 0; f < flows; f++)
        {
            scores[f] = _biases[f];
        }
        Span<float> values = counts.Length <= 512 ? stackalloc float[counts.Length] : new float[counts.Length];
        Normalize(_set.Features, counts, values);
        for (var i = 0; i < counts.Length; i++)
        {
            var row = _weights.AsSpan(counts.Ids[i] * flows, flows);
            for (var f = 0; f < flows; f++)
            {
                scores[f] += values[i] * row[f];
            }
        }
        // Softmax, shifted by the largest logit so exp cannot overflow.
        var max = double.NegativeInfinity;
        foreach (var logit in scores)
        {
            max = Math.Max(max, logit);
        }
        var sum = 0.0;
        for (var f = 0; f < flows; f++)
        {
            scores[f] = Math.Exp(scores[f] - max);
            sum += scores[f];
        }
        for (var f = 0; f < flows; f++)
        {
            scores[f] = Calibrate(scores[f] / sum);
        }
        return true;
    }

    /// <summary>Maps a probability to [0, 1] so that <see cref="Threshold"/> lands on 0.5, linearly on each side.</summary>
    internal static double Calibrate(double probability)
    {
        var p = Math.Clamp(probability, 0, 1);
        return p <= Threshold ? 0.5 * p / Threshold : 0.5 + 0.5 * (p - Threshold) / (1 - Threshold);
    }

    /// <summary>Term counts, the word block and the character block each divided by its own L2 norm (as <c>FeaturizeText</c> with <c>Norm = L2</c>).</summary>
    private static void Normalize(IntentFeatures features, IntentFeatures.Counts counts, Span<float> values)
    {
        double words = 0, chars = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var squared = (double)counts.Values[i] * counts.Values[i];
            if (features.IsCharGram(counts.Ids[i]))
            {
                chars += squared;
            }
            else
            {
                words += squared;
            }
        }
        var wordNorm = Math.Sqrt(words);
        var charNorm = Math.Sqrt(chars);
        for (var i = 0; i < counts.Length; i++)
        {
            values[i] = (float)(counts.Values[i] / (features.IsCharGram(counts.Ids[i]) ? charNorm : wordNorm));
        }
    }

    private sealed class Row
    {
        public string Label { get; set; } = "";
        public VBuffer<float> Features { get; set; }
    }
}
