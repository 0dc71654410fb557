namespace GuidanceBot.Web;

/// <summary>Reads a request body up to a limit, so an oversized body is refused without being buffered whole.</summary>
public readonly record struct RequestBody(ReadOnlyMemory<byte> Bytes, IResult? Error)
{
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TooLarge(limit);
            }
            buffer.Write(chunk, 0, read);
        }
        return new RequestBody(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    private static RequestBody TooLarge(int limit) =>
        new(default, ApiError.Result(StatusCodes.Status400BadRequest, "BodyTooLarge", $"The body is larger than {limit / 1024} KB."));
}
