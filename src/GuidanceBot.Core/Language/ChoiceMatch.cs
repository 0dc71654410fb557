namespace GuidanceBot.Language;

/// <summary>Which offered option a reply picked: a 0-based index, or none, or several (ambiguous).</summary>
public readonly record struct ChoiceMatch(int Index, bool Ambiguous)
{
    /// <summary>No option matched.</summary>
    public static ChoiceMatch None { get; } = new(-1, false);

    /// <summary>More than one option matched; the bot should ask again.</summary>
    public static ChoiceMatch Several { get; } = new(-1, true);

    /// <summary>Exactly one option matched.</summary>
    public bool Found => Index >= 0;
}
