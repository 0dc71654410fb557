namespace GuidanceBot.Places;

/// <summary>
/// Where a commune receives applications in person (Trung tâm phục vụ hành chính công / bộ phận một cửa), as far as a
/// source confirms it: phone and hours are null when the source does not give them.
/// </summary>
public sealed record ServicePoint(string Name, string Address, string? Phone, string? Hours, string Source, DateOnly Checked);
