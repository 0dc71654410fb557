namespace GuidanceBot.Places;

/// <summary>The kind of a commune-level unit: xã or phường, and thị trấn for units that existed before 2025-07-01.</summary>
public enum CommuneKind
{
    Xa,
    Phuong,
    ThiTran,
}

/// <summary>How each <see cref="CommuneKind"/> is written in place files, in Vietnamese text and in English.</summary>
public static class CommuneKinds
{
    /// <summary>The token in a place file: <c>xa</c>, <c>phuong</c>, <c>thi-tran</c>.</summary>
    public static string Token(this CommuneKind kind) => kind switch
    {
        CommuneKind.Xa => "xa",
        CommuneKind.Phuong => "phuong",
        _ => "thi-tran",
    };

    /// <summary>The kind a place-file token names; false for anything else.</summary>
    public static bool TryParse(string token, out CommuneKind kind)
    {
        (var known, kind) = token switch
        {
            "xa" => (true, CommuneKind.Xa),
            "phuong" => (true, CommuneKind.Phuong),
            "thi-tran" => (true, CommuneKind.ThiTran),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The Vietnamese word in running text: xã, phường, thị trấn.</summary>
    public static string Word(this CommuneKind kind) => kind switch
    {
        CommuneKind.Xa => "xã",
        CommuneKind.Phuong => "phường",
        _ => "thị trấn",
    };

    /// <summary>The English word: commune, ward, township.</summary>
    public static string EnglishWord(this CommuneKind kind) => kind switch
    {
        CommuneKind.Xa => "commune",
        CommuneKind.Phuong => "ward",
        _ => "township",
    };
}
