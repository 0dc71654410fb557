using System.Globalization;
using System.Text.RegularExpressions;

namespace GuidanceBot.Language;

/// <summary>Reads the first number in a reply, written in digits ("1.000.000", "25,5") or in Vietnamese words ("hai mươi lăm").</summary>
public static partial class NumberRecognizer
{
    [GeneratedRegex(@"\d+(?:[.,]\d+)*|[a-z]+")]
    private static partial Regex Token();

    private static readonly Dictionary<string, int> Digits = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["nam"] = 5,
        ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9,
        // Only valid as the units after "mươi" or in the short "hai lăm" (25), "ba tư" (34).
        ["lam"] = 5, ["tu"] = 4,
    };

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.Ordinal)
    {
        ["nghin"] = 1_000m, ["ngan"] = 1_000m, ["trieu"] = 1_000_000m, ["ty"] = 1_000_000_000m, ["ti"] = 1_000_000_000m,
    };

    // "50k" and "2tr" are short only after digits; alone, "k" is the chat form of không.
    private static readonly Dictionary<string, decimal> ShortScales = new(StringComparer.Ordinal)
    {
        ["k"] = 1_000m, ["tr"] = 1_000_000m,
    };

    private enum Position { Start, AfterHundred, AfterScale }

    /// <summary>The first number in <paramref name="text"/>, or null when there is none.</summary>
    public static decimal? Recognize(string text)
    {
        var tokens = Token().Matches(VietnameseText.Fold(text ?? "")).Select(m => m.Value).ToList();
        var state = new Parse();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (!state.Take(token, next, i > 0 ? tokens[i - 1] : null, tokens, ref i))
            {
                break;
            }
        }
        return state.Started ? state.Value : null;
    }

    /// <summary>Parses "25", "25,5", "25.5", "1.000.000", "1,000,000.5", "1.000,5".</summary>
    internal static decimal? ParseDigits(string digits)
    {
        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        string integer;
        var fraction = "";
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalAt = Math.Max(lastDot, lastComma);
            integer = digits[..decimalAt];
            fraction = digits[(decimalAt + 1)..];
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var groups = digits.Split(separator);
            // One separator before exactly three digits is a thousands mark ("1.000", "25.000");
            // Vietnamese writes the decimal comma, but "25.5" is too common to refuse.
            var thousands = groups.Length > 2 || (groups[1].Length == 3 && groups[0].Length <= 3);
            if (thousands)
            {
                integer = digits;
            }
            else
            {
                integer = groups[0];
                fraction = groups[1];
            }
        }
        else
        {
            integer = digits;
        }
        integer = integer.Replace(".", "").Replace(",", "");
        var number = fraction.Length > 0 ? $"{integer}.{fraction}" : integer;
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool IsNumeric(string token) => char.IsAsciiDigit(token[0]);

    /// <summary>The running state of reading one number from left to right.</summary>
    private sealed class Parse
    {
        private decimal _total;
        private decimal _group;
        private decimal? _pending;
        private bool _pendingIsWordDigit;
        private Position _pendingAfter;
        private bool _afterTens;
        private bool _afterLinh;
        private bool _unitDone;
        private Position _position;
        private decimal _lastScale;

        public bool Started { get; private set; }

        public decimal Value => _total + _group + PendingValue();

        // A lone digit straight after "trăm" or a scale is colloquial for the next place down:
        // "một trăm hai" is 120 and "hai triệu ba" is 2,300,000.
        private decimal PendingValue()
        {
            if (_pending is not { } p)
            {
                return 0;
            }
            if (_pendingIsWordDigit && _pendingAfter == Position.AfterHundred)
            {
                return p * 10;
            }
            return _pendingIsWordDigit && _pendingAfter == Position.AfterScale ? p * _lastScale / 10 : p;
        }

        /// <summary>Consumes one token; false when the number has ended.</summary>
        public bool Take(string token, string? next, string? previous, List<string> tokens, ref int index)
        {
            if (IsNumeric(token))
            {
                var value = ParseDigits(token);
                if (value is null)
                {
                    return !Started;
                }
                // "năm 2024": the word was "year", not five.
                var onlyAWord = Started && _pendingIsWordDigit && _total == 0 && _group == 0 && !_afterTens;
                if (Started && !onlyAWord)
                {
                    return false;
                }
                Start();
                _pending = value;
                _pendingIsWordDigit = false;
                _pendingAfter = Position.Start;
                return true;
            }

            if (ShortScales.TryGetValue(token, out var shortScale) && previous is not null && IsNumeric(previous) && Started)
            {
                ApplyScale(shortScale);
                return true;
            }
            if (Scales.TryGetValue(token, out var scale))
            {
                if (_afterTens && _pending is null && _group == 0)
                {
                    return false;
                }
                ApplyScale(scale);
                return true;
            }

            if (Digits.TryGetValue(token, out var digit) && IsDigitHere(token, next))
            {
                if (_afterTens || _afterLinh)
                {
                    _group += digit;
                    _afterTens = _afterLinh = false;
                    _unitDone = true;
                }
                else if (_pending is { } p && _pendingIsWordDigit && p is >= 2 and <= 9 && token is "lam" or "tu" or "mot")
                {
                    _group += p * 10 + digit;
                    _pending = null;
                    _unitDone = true;
                }
                else if (_pending is not null || _unitDone)
                {
                    return false;
                }
                else
                {
                    _pending = digit;
                    _pendingIsWordDigit = true;
                    _pendingAfter = _position;
                }
                Start();
                return true;
            }

            switch (token)
            {
                case "muoi":
                    if (_afterTens || _unitDone || _pending is { } q && (q != decimal.Truncate(q) || q > 9))
                    {
                        return false;
                    }
                    _group += (_pending ?? 1) * 10;
                    _pending = null;
                    _afterTens = true;
                    Start();
                    return true;
                case "chuc":
                    _group += (_pending ?? 1) * 10;
                    _pending = null;
                    _unitDone = true;
                    Start();
                    return true;
                case "tram":
                    if (_afterTens || _unitDone)
                    {
                        return false;
                    }
                    _group += (_pending ?? 1) * 100;
                    _pending = null;
                    _position = Position.AfterHundred;
                    Start();
                    return true;
                case "linh" or "le" when Started && _position != Position.Start && _pending is null:
                    _afterLinh = true;
                    return true;
                case "ruoi" when Started && _pending is null:
                    if (_position == Position.AfterScale && _group == 0)
                    {
                        _total += _lastScale / 2;
                    }
                    else if (_position == Position.AfterHundred)
                    {
                        _group += 50;
                    }
                    else
                    {
                        return false;
                    }
                    _unitDone = true;
                    return true;
                case "phay" when Started:
                    AddFraction(tokens, ref index);
                    return true;
            }

            // Words before the number ("khoảng", "tôi") are skipped; words after it end it.
            return !Started;
        }

        private bool IsDigitHere(string token, string? next) => token switch
        {
            // "không" is a digit only in "không trăm"; otherwise it is "no".
            "khong" => next == "tram",
            "lam" or "tu" => _afterTens || (_pending is >= 2 and <= 9 && _pendingIsWordDigit),
            _ => true,
        };

        private void ApplyScale(decimal scale)
        {
            var value = _group + PendingValue();
            if (value == 0 && !Started)
            {
                value = 1;
            }
            // "một nghìn tỷ": a larger scale multiplies everything read so far.
            _total = _total > 0 && scale > _lastScale ? (_total + value) * scale : _total + value * scale;
            _lastScale = scale;
            _group = 0;
            _pending = null;
            _afterTens = _afterLinh = _unitDone = false;
            _position = Position.AfterScale;
            Start();
        }

        private void AddFraction(List<string> tokens, ref int index)
        {
            var digits = "";
            if (index + 1 < tokens.Count && IsNumeric(tokens[index + 1]) && tokens[index + 1].All(char.IsAsciiDigit))
            {
                digits = tokens[++index];
            }
            else
            {
                while (index + 1 < tokens.Count && Digits.TryGetValue(tokens[index + 1], out var d))
                {
                    digits += d.ToString(CultureInfo.InvariantCulture);
                    index++;
                }
            }
            if (digits.Length == 0)
            {
                return;
            }
            var fraction = decimal.Parse("0." + digits, CultureInfo.InvariantCulture);
            if (_pending is { } p)
            {
                _pending = p + fraction;
                _pendingIsWordDigit = false;
            }
            else
            {
                _group += fraction;
            }
        }

        private void Start() => Started = true;
    }
}
