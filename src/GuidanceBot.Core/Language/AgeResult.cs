namespace GuidanceBot.Language;

/// <summary>How an age was stated: exactly, or as a bound ("dưới 6 tuổi" is <see cref="Under"/>).</summary>
public enum AgeBound { Exact, Under, Over }

/// <summary>An age read from text, in months so that "3 tháng" and "2 tuổi" compare; <see cref="Bound"/> says whether it was a limit.</summary>
public readonly record struct AgeResult(int Months, AgeBound Bound)
{
    /// <summary>True when every age the text allows is below <paramref name="years"/> years ("dưới 6 tuổi", "bé 3 tháng").</summary>
    public bool IsUnder(int years) => Bound == AgeBound.Under ? Months <= years * 12 : Bound == AgeBound.Exact && Months < years * 12;
}
