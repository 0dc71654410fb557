using System.Text;

namespace GuidanceBot.Content;

/// <summary>Reads a content file (flow, out-of-scope topic, place file) as strict UTF-8, a byte-order mark allowed.</summary>
internal static class ContentFileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes and its UTF-8 text, or why it cannot be read as such.</summary>
    public static (byte[] Bytes, string? Text, ContentError? Error) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            return ([], null, new ContentError(path, 1, 1, $"cannot read the file: {e.Message}"));
        }
        try
        {
            var preamble = StrictUtf8.Preamble;
            var body = bytes.AsSpan().StartsWith(preamble) ? bytes.AsSpan(preamble.Length) : bytes;
            return (bytes, StrictUtf8.GetString(body), null);
        }
        catch (DecoderFallbackException)
        {
            return (bytes, null, new ContentError(path, 1, 1, "the file is not UTF-8 text: save it as UTF-8"));
        }
    }
}
